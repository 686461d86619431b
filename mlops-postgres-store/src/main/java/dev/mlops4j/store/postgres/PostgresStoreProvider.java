package dev.mlops4j.store.postgres;

import dev.mlops4j.spi.MetadataStore;
import dev.mlops4j.spi.MetadataStoreProvider;
import dev.mlops4j.spi.StoreConfig;

/**
 * Opens the PostgreSQL metadata store for {@code jdbc:postgresql:} URLs. Registered for
 * {@link java.util.ServiceLoader}, so {@code Mlops.builder().jdbc("jdbc:postgresql://...")} finds it when this module
 * is on the class path; applications normally do not use it directly.
 */
public final class PostgresStoreProvider implements MetadataStoreProvider {

    /** Creates the provider (for {@link java.util.ServiceLoader} and explicit registration). */
    public PostgresStoreProvider() {
    }

    /** @return {@code "postgres"} */
    @Override
    public String id() {
        return "postgres";
    }

    /**
     * @param config the requested configuration
     * @return true for a URL starting with {@code jdbc:postgresql:}
     */
    @Override
    public boolean accepts(StoreConfig config) {
        return PostgresMetadataStore.accepts(config);
    }

    /** @return 10, so that it wins over a generic provider accepting the same URL */
    @Override
    public int priority() {
        return 10;
    }

    @Override
    public MetadataStore open(StoreConfig config) {
        return PostgresMetadataStore.open(config);
    }

    @Override
    public String toString() {
        return "PostgresStoreProvider[postgres: jdbc:postgresql: URLs]";
    }
}
