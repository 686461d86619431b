package dev.mlops4j.core;

import dev.mlops4j.spi.MetadataStore;
import dev.mlops4j.spi.MetadataStoreProvider;
import dev.mlops4j.spi.StoreConfig;

/**
 * Listed in the test class path's service file: its constructor throws, like a provider whose jar is broken, so
 * that every test checks that discovery survives it.
 */
public final class BrokenOnLoadProvider implements MetadataStoreProvider {

    /** Always fails. */
    public BrokenOnLoadProvider() {
        throw new IllegalStateException("broken provider jar (test)");
    }

    @Override
    public String id() {
        return "broken-on-load";
    }

    @Override
    public boolean accepts(StoreConfig config) {
        return true;
    }

    @Override
    public MetadataStore open(StoreConfig config) {
        throw new AssertionError("never constructed");
    }
}
