package dev.mlops4j.store.h2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops4j.spi.MetadataStore;
import dev.mlops4j.tck.MetadataStoreTck;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the store conformance suite against an H2 file store, a fresh file per test. */
class H2MetadataStoreTckTest extends MetadataStoreTck {
    @TempDir
    Path home;

    @Override
    protected MetadataStore createStore() {
        return H2MetadataStore.open(home);
    }

    @Override
    protected MetadataStore reopen(MetadataStore closed) {
        return H2MetadataStore.open(home);
    }

    /** The registry group skips stores without a registry; this store has one, so it must never be skipped. */
    @Test
    void registry_isProvided_soTheRegistryContractRuns() {
        assertThat(store().registry()).isPresent();
    }
}
