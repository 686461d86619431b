/**
 * The in-memory metadata store: a complete, thread-safe {@link dev.mlops4j.spi.MetadataStore} (with the model
 * registry's {@link dev.mlops4j.spi.RegistryStore}) that keeps everything on the heap, for tests, notebooks and
 * short-lived tools.
 *
 * <p>{@link dev.mlops4j.core.memory.InMemoryStoreProvider} opens one for the store URL
 * {@value dev.mlops4j.spi.StoreConfig#IN_MEMORY_URL}, which is what {@code Mlops.inMemory()} asks for. It follows
 * the same contract as the durable stores (checked by the {@code mlops-store-tck} suite) except durability:
 * everything is lost when the store is closed or the JVM exits.
 *
 * <p>This package is public and stable.
 */
package dev.mlops4j.core.memory;
