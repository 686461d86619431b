package dev.mlops4j.core.memory;

import dev.mlops4j.spi.MetadataStore;
import dev.mlops4j.tck.MetadataStoreTck;

/** Runs the store conformance suite against {@link InMemoryMetadataStore}. */
class InMemoryMetadataStoreTckTest extends MetadataStoreTck {

    @Override
    protected MetadataStore createStore() {
        return new InMemoryMetadataStore();
    }
}
