package dev.mlops4j.store.h2;

import dev.mlops4j.spi.MetadataStore;
import dev.mlops4j.spi.MetadataStoreProvider;
import dev.mlops4j.spi.StoreConfig;

/**
 * Opens the H2 metadata store for the embedded default (no URL, a home directory) and for
 * {@code jdbc:h2:} URLs. Registered for {@link java.util.ServiceLoader}; applications normally do not
 * use it directly.
 */
public final class H2StoreProvider implements MetadataStoreProvider {

    /** Creates the provider (for {@link java.util.ServiceLoader} and explicit registration). */
    public H2StoreProvider() {
    }

    /** @return {@code "h2"} */
    @Override
    public String id() {
        return "h2";
    }

    /**
     * @param config the requested configuration
     * @return true for no URL with a home directory, or a URL starting with {@code jdbc:h2:}
     */
    @Override
    public boolean accepts(StoreConfig config) {
        return H2MetadataStore.accepts(config);
    }

    /** @return 10, so that the default embedded store wins over a generic provider accepting the same config */
    @Override
    public int priority() {
        return 10;
    }

    @Override
    public MetadataStore open(StoreConfig config) {
        return H2MetadataStore.open(config);
    }

    @Override
    public String toString() {
        return "H2StoreProvider[h2: embedded default and jdbc:h2: URLs]";
    }
}
