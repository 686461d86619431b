package dev.mlops4j.core.memory;

import dev.mlops4j.spi.MetadataStore;
import dev.mlops4j.spi.MetadataStoreProvider;
import dev.mlops4j.spi.StoreConfig;

/**
 * Opens a fresh {@link InMemoryMetadataStore} for the store URL {@value StoreConfig#IN_MEMORY_URL}
 * ({@code Mlops.inMemory()} or {@code Mlops.builder().jdbc("mem:")}). Each open returns a new, empty store.
 * Registered for {@link java.util.ServiceLoader} discovery.
 */
public final class InMemoryStoreProvider implements MetadataStoreProvider {

    /** The provider id. */
    public static final String ID = "memory";

    /** Creates the provider (called by {@link java.util.ServiceLoader}). */
    public InMemoryStoreProvider() {
    }

    @Override
    public String id() {
        return ID;
    }

    /**
     * @param config the requested configuration
     * @return true exactly for the URL {@value StoreConfig#IN_MEMORY_URL}
     */
    @Override
    public boolean accepts(StoreConfig config) {
        return StoreConfig.IN_MEMORY_URL.equals(config.url());
    }

    @Override
    public MetadataStore open(StoreConfig config) {
        return new InMemoryMetadataStore();
    }
}
