package dev.mlops4j.core.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops4j.spi.MetadataStore;
import dev.mlops4j.tck.MetadataStoreTck;
import org.junit.jupiter.api.Test;

/**
 * Runs the store conformance suite against {@link InMemoryMetadataStore}, the registry contract included. Surefire
 * reports the suite's groups under the suite's own names ({@code MetadataStoreTck$Registry}, ...), the same for
 * every store, and this class itself as "Tests run: 1".
 */
class InMemoryMetadataStoreTckTest extends MetadataStoreTck {

    @Override
    protected MetadataStore createStore() {
        return new InMemoryMetadataStore();
    }

    /** The registry group skips stores without a registry; this store has one, so it must never be skipped. */
    @Test
    void registry_isProvided_soTheRegistryContractRuns() {
        assertThat(store().registry()).isPresent();
    }
}
