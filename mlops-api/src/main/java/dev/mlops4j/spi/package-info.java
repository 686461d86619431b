/**
 * The service-provider interface: what a metadata store, an artifact store and an engine implement.
 *
 * <p>Applications do not call these types; implementers do. A {@link dev.mlops4j.spi.MetadataStore} is
 * opened by a {@link dev.mlops4j.spi.MetadataStoreProvider} chosen for a {@link dev.mlops4j.spi.StoreConfig}
 * (explicit registration first, then {@link java.util.ServiceLoader} discovery). Every store must pass the
 * conformance suite in {@code mlops-store-tck}. A metadata store may also provide the model registry's storage, a
 * {@link dev.mlops4j.spi.RegistryStore}, through {@link dev.mlops4j.spi.MetadataStore#registry()}.
 */
package dev.mlops4j.spi;
