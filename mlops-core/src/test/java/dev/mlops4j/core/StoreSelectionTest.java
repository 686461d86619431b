package dev.mlops4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops4j.Mlops;
import dev.mlops4j.StoreConfigurationException;
import dev.mlops4j.StoreException;
import dev.mlops4j.core.artifacts.InMemoryArtifactStore;
import dev.mlops4j.core.logging.CapturedLogs;
import dev.mlops4j.core.memory.InMemoryMetadataStore;
import dev.mlops4j.core.memory.InMemoryStoreProvider;
import dev.mlops4j.spi.MetadataStore;
import dev.mlops4j.spi.MetadataStoreProvider;
import dev.mlops4j.spi.StoreConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.event.Level;

class StoreSelectionTest {
    private static final String SELECTION_LOGGER = "dev.mlops4j.core.internal.StoreSelection";

    @TempDir
    Path home;

    /** A provider for tests: fixed id, priority and acceptance, opening a store it remembers. */
    private static final class TestProvider implements MetadataStoreProvider {
        private final String id;
        private final int priority;
        private final Predicate<StoreConfig> accepts;
        final List<MetadataStore> opened = new ArrayList<>();

        TestProvider(String id, int priority, Predicate<StoreConfig> accepts) {
            this.id = id;
            this.priority = priority;
            this.accepts = accepts;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public boolean accepts(StoreConfig config) {
            return accepts.test(config);
        }

        @Override
        public int priority() {
            return priority;
        }

        @Override
        public MetadataStore open(StoreConfig config) {
            MetadataStore store = new InMemoryMetadataStore();
            opened.add(store);
            return store;
        }
    }

    @Test
    void inMemory_discoversMemoryProviderDespiteBrokenProviderOnClassPath() {
        try (Mlops mlops = Mlops.inMemory()) {
            assertThat(mlops.describeStore()).contains("in-memory");
        }
    }

    @Test
    void inMemory_discovery_logsEveryProviderSeenAndTheOneChosen() {
        CapturedLogs.clear();

        try (Mlops mlops = Mlops.inMemory()) {
            assertThat(mlops.describeStore()).contains("in-memory");
        }

        List<CapturedLogs.Event> events = CapturedLogs.of(SELECTION_LOGGER);
        assertThat(events).filteredOn(e -> e.level() == Level.WARN).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("cannot be loaded")
                        .contains("broken provider jar (test)"));
        assertThat(events).filteredOn(e -> e.level() == Level.INFO).singleElement()
                .satisfies(e -> assertThat(e.message())
                        .contains("with provider '" + InMemoryStoreProvider.ID + "' (" + InMemoryStoreProvider.class.getName())
                        .contains("providers seen:")
                        .contains("a provider that failed to load (discovered)")
                        .contains("'" + InMemoryStoreProvider.ID + "' (" + InMemoryStoreProvider.class.getName()
                                + ", discovered): accepts"));
    }

    @Test
    void build_providerThrowingInAccepts_isLoggedAsSkipped() {
        MetadataStoreProvider throwing = new TestProvider("throwing", 100, c -> {
            throw new IllegalStateException("accepts failed");
        });
        CapturedLogs.clear();

        try (Mlops mlops = Mlops.builder().inMemory().storeProvider(throwing).build()) {
            assertThat(mlops.describeStore()).contains("in-memory");
        }

        assertThat(CapturedLogs.of(SELECTION_LOGGER)).filteredOn(e -> e.level() == Level.WARN)
                .anySatisfy(e -> assertThat(e.message()).contains("skipping metadata store 'throwing'")
                        .contains("accepts failed"));
    }

    @Test
    void build_explicitProviderAccepting_winsOverDiscoveredOneWithHigherPriority() {
        TestProvider explicit = new TestProvider("mine", -100, c -> true);

        try (Mlops mlops = Mlops.builder().inMemory().storeProvider(explicit).build()) {
            assertThat(explicit.opened).singleElement()
                    .satisfies(s -> assertThat(mlops.describeStore()).isEqualTo(s.description()));
        }
    }

    @Test
    void build_severalExplicitAccepting_highestPriorityWins() {
        TestProvider low = new TestProvider("low", 1, c -> true);
        TestProvider high = new TestProvider("high", 5, c -> true);
        TestProvider declining = new TestProvider("declining", 99, c -> false);

        try (Mlops mlops = Mlops.builder().inMemory().storeProvider(low).storeProvider(declining).storeProvider(high)
                .build()) {
            assertThat(high.opened).hasSize(1);
            assertThat(low.opened).isEmpty();
            assertThat(declining.opened).isEmpty();
            assertThat(mlops.describeStore()).isEqualTo(high.opened.get(0).description());
        }
    }

    @Test
    void build_providerThrowingInAccepts_isSkipped() {
        MetadataStoreProvider throwing = new TestProvider("throwing", 100, c -> {
            throw new IllegalStateException("accepts failed");
        });
        TestProvider fine = new TestProvider("fine", 0, c -> true);

        try (Mlops mlops = Mlops.builder().inMemory().storeProvider(throwing).storeProvider(fine).build()) {
            assertThat(fine.opened).singleElement()
                    .satisfies(s -> assertThat(mlops.describeStore()).isEqualTo(s.description()));
        }
    }

    @Test
    void build_noProviderAccepts_throwsListingEveryProviderAndTheConfig() {
        TestProvider declining = new TestProvider("declining", 0, c -> false);
        MetadataStoreProvider throwing = new TestProvider("throwing", 0, c -> {
            throw new IllegalStateException("accepts failed");
        });

        assertThatThrownBy(() -> Mlops.builder().jdbc("jdbc:nosuchdb://x").home(home).storeProvider(declining)
                .storeProvider(throwing).build())
                .isInstanceOf(StoreConfigurationException.class)
                .hasMessageContaining("jdbc:nosuchdb://x")
                .hasMessageContaining("'declining' (" + TestProvider.class.getName())
                .hasMessageContaining("'throwing'").hasMessageContaining("accepts failed")
                .hasMessageContaining("'" + InMemoryStoreProvider.ID + "' (" + InMemoryStoreProvider.class.getName())
                .hasMessageContaining("broken provider jar (test)")
                .hasMessageContaining("storeProvider");
    }

    @Test
    void build_embeddedDefaultWithoutH2OnClassPath_hintsAtH2Dependency() {
        assertThatThrownBy(() -> Mlops.open(home)).isInstanceOf(StoreConfigurationException.class)
                .hasMessageContaining("mlops-h2-store").hasMessageContaining("(embedded default)");
    }

    @Test
    void build_providerFailingToOpen_throwsStoreExceptionNamingIt() {
        MetadataStoreProvider opening = new MetadataStoreProvider() {
            @Override
            public String id() {
                return "exploding";
            }

            @Override
            public boolean accepts(StoreConfig config) {
                return true;
            }

            @Override
            public MetadataStore open(StoreConfig config) {
                throw new IllegalStateException("disk on fire");
            }
        };

        assertThatThrownBy(() -> Mlops.builder().inMemory().storeProvider(opening).build())
                .isInstanceOf(StoreException.class).hasMessageContaining("exploding")
                .hasMessageContaining("disk on fire");
    }

    @Test
    void build_givenMetadataStore_isUsedAndNotClosed() {
        InMemoryMetadataStore store = new InMemoryMetadataStore();
        InMemoryArtifactStore artifacts = new InMemoryArtifactStore();

        try (Mlops mlops = Mlops.builder().metadataStore(store).artifactStore(artifacts).build()) {
            mlops.experiment("e").run("r", run -> run.logArtifact("a", new byte[] {1}));
            assertThat(mlops.describeStore()).isEqualTo(store.description());
        }

        assertThat(store.listExperiments()).hasSize(1);
        assertThat(artifacts.contains(
                "4bf5122f344554c53bde2ebb8cd2b7e3d1600ad631c385a5d7cce23c7785459a")).isTrue();
        store.close();
        artifacts.close();
    }

    @Test
    void build_inMemoryWithHome_usesFileArtifactsUnderHome() {
        try (Mlops mlops = Mlops.builder().inMemory().home(home).build()) {
            mlops.experiment("e").run("r", run -> run.logArtifact("a", new byte[] {1}));
        }

        assertThat(home.resolve("artifacts/sha256/4b")).isDirectory();
    }
}
