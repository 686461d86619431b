package dev.mlops4j.store.h2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops4j.StoreConfigurationException;
import dev.mlops4j.spi.MetadataStore;
import dev.mlops4j.spi.MetadataStoreProvider;
import dev.mlops4j.spi.StoreConfig;
import dev.mlops4j.spi.StoreFeature;
import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2StoreProviderTest {
    @TempDir
    Path home;
    private final H2StoreProvider provider = new H2StoreProvider();

    @Test
    void serviceLoader_findsTheH2Provider() {
        assertThat(ServiceLoader.load(MetadataStoreProvider.class).stream().map(ServiceLoader.Provider::type))
                .contains(H2StoreProvider.class);
    }

    @Test
    void accepts_embeddedDefaultAndH2Urls_only() {
        assertThat(provider.accepts(new StoreConfig(null, home, Map.of()))).isTrue();
        assertThat(provider.accepts(new StoreConfig("jdbc:h2:mem:x", null, Map.of()))).isTrue();
        assertThat(provider.accepts(new StoreConfig(null, null, Map.of()))).isFalse();
        assertThat(provider.accepts(new StoreConfig(StoreConfig.IN_MEMORY_URL, null, Map.of()))).isFalse();
        assertThat(provider.accepts(new StoreConfig("jdbc:postgresql://db/mlops", home, Map.of()))).isFalse();
    }

    @Test
    void open_embeddedDefault_isADurableFileStoreInTheHome() {
        Path nested = home.resolve("not/yet/there");
        try (MetadataStore store = provider.open(new StoreConfig(null, nested, Map.of()))) {
            assertThat(store.description()).isEqualTo("H2 file " + nested.resolve("mlops"));
            assertThat(store.features()).containsExactlyInAnyOrder(StoreFeature.DURABLE, StoreFeature.NATIVE_SEARCH);
        }
        assertThat(nested.resolve("mlops.mv.db")).exists();
    }

    @Test
    void open_autoServer_declaresMultiProcess() {
        try (MetadataStore store = provider.open(new StoreConfig(null, home, Map.of(H2MetadataStore.AUTO_SERVER, "true")))) {
            assertThat(store.features()).contains(StoreFeature.MULTI_PROCESS, StoreFeature.DURABLE);
            Fixtures.experiment(store, "works");
        }
    }

    @Test
    void open_namedMemoryUrl_isNotDurable() {
        try (MetadataStore store = provider.open(new StoreConfig("jdbc:h2:mem:" + UUID.randomUUID(), null, Map.of()))) {
            assertThat(store.features()).containsExactly(StoreFeature.NATIVE_SEARCH);
            assertThat(Fixtures.experiment(store, "e")).isEqualTo("1");
        }
    }

    @Test
    void open_fileUrlWithSettings_keepsThemAndOpens() {
        String url = "jdbc:h2:file:" + home.resolve("custom") + ";CACHE_SIZE=8192";
        try (MetadataStore store = provider.open(new StoreConfig(url, null, Map.of()))) {
            assertThat(store.description()).isEqualTo("H2 file " + home.resolve("custom"));
        }
        assertThat(home.resolve("custom.mv.db")).exists();
    }

    @Test
    void open_contradictoryConfigurations_areRejectedWithTheReason() {
        assertThatThrownBy(() -> provider.open(new StoreConfig("jdbc:h2:file:" + home.resolve("x") + ";WRITE_DELAY=500",
                null, Map.of()))).isInstanceOf(StoreConfigurationException.class).hasMessageContaining("WRITE_DELAY");
        assertThatThrownBy(() -> provider.open(new StoreConfig("jdbc:h2:mem:", null, Map.of())))
                .isInstanceOf(StoreConfigurationException.class).hasMessageContaining("names no database");
        assertThatThrownBy(() -> provider.open(new StoreConfig("jdbc:h2:mem:x", null,
                Map.of(H2MetadataStore.AUTO_SERVER, "true")))).isInstanceOf(StoreConfigurationException.class);
        assertThatThrownBy(() -> provider.open(new StoreConfig(null, home, Map.of(H2MetadataStore.READ_CONNECTIONS, "0"))))
                .isInstanceOf(StoreConfigurationException.class).hasMessageContaining(H2MetadataStore.READ_CONNECTIONS);
        assertThatThrownBy(() -> provider.open(new StoreConfig("jdbc:postgresql://x/y", null, Map.of())))
                .isInstanceOf(StoreConfigurationException.class);
    }
}
