package dev.mlops4j.spi;

/**
 * Opens a {@link MetadataStore} for the configurations it accepts. Providers are registered explicitly
 * on {@code Mlops.builder().storeProvider(...)} or discovered with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/dev.mlops4j.spi.MetadataStoreProvider}). When several accept a
 * configuration, the one with the highest {@link #priority()} wins; explicit ones come before
 * discovered ones.
 */
public interface MetadataStoreProvider {

    /** @return a short stable id, e.g. {@code "h2"}, {@code "memory"} */
    String id();

    /**
     * @param config the requested configuration
     * @return true if this provider can open it
     */
    boolean accepts(StoreConfig config);

    /** @return preference among providers that accept the same configuration; higher wins */
    default int priority() {
        return 0;
    }

    /**
     * Opens the store, creating or migrating it as needed.
     *
     * @param config an accepted configuration
     * @return the open store
     * @throws dev.mlops4j.StoreException if it cannot be opened
     */
    MetadataStore open(StoreConfig config);
}
