package dev.mlops4j.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops4j.StoreConfigurationException;
import dev.mlops4j.StoreException;
import dev.mlops4j.spi.MetadataStoreProvider;
import dev.mlops4j.spi.StoreConfig;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** Provider selection and configuration errors; none of these needs a server. */
class PostgresStoreProviderTest {

    @Test
    void serviceLoader_findsTheProvider_acceptingPostgresUrlsOnly() {
        MetadataStoreProvider provider = ServiceLoader.load(MetadataStoreProvider.class).stream()
                .map(ServiceLoader.Provider::get).filter(p -> p.id().equals("postgres")).findFirst().orElseThrow();

        assertThat(provider.accepts(new StoreConfig("jdbc:postgresql://db/mlops", null, Map.of()))).isTrue();
        assertThat(provider.accepts(new StoreConfig("jdbc:h2:mem:x", null, Map.of()))).isFalse();
        assertThat(provider.accepts(new StoreConfig(null, Path.of("home"), Map.of()))).isFalse();
        assertThat(provider.accepts(new StoreConfig("mem:", null, Map.of()))).isFalse();
    }

    @Test
    void open_notAPostgresUrl_isRejected() {
        assertThatThrownBy(() -> PostgresMetadataStore.open(new StoreConfig("jdbc:h2:mem:x", null, Map.of())))
                .isInstanceOf(StoreConfigurationException.class).hasMessageContaining("jdbc:postgresql:");
    }

    @Test
    void open_malformedUrl_isRejectedWithoutShowingThePassword() {
        assertThatThrownBy(() -> PostgresMetadataStore.open(new StoreConfig(
                "jdbc:postgresql://host:notaport/db?password=secret", null, Map.of())))
                .isInstanceOf(StoreConfigurationException.class).hasMessageContaining("not a valid PostgreSQL JDBC URL")
                .hasMessageNotContaining("secret");
    }

    @Test
    void open_badPoolSize_namesTheProperty() {
        assertThatThrownBy(() -> PostgresMetadataStore.open(new StoreConfig("jdbc:postgresql://localhost/db", null,
                Map.of(PostgresMetadataStore.READ_CONNECTIONS, "zero"))))
                .isInstanceOf(StoreConfigurationException.class).hasMessageContaining(PostgresMetadataStore.READ_CONNECTIONS)
                .hasMessageContaining("'zero'");
    }

    @Test
    void open_nothingListening_failsAtOnceWithAdvice() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // free once closed: nothing listens there
        }
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/mlops?password=secret";

        assertThatThrownBy(() -> PostgresMetadataStore.open(new StoreConfig(url, null,
                Map.of(PostgresMetadataStore.CONNECTION_TIMEOUT, "2000"))))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("PostgreSQL 127.0.0.1:" + port + "/mlops")
                .hasMessageContaining("cannot connect to the server").hasMessageContaining("listen_addresses")
                .hasMessageNotContaining("secret");
    }
}
