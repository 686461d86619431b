package dev.mlops4j.testing;

/** Which store backs the {@link dev.mlops4j.Mlops} instance that {@link MlopsExtension} gives a test. */
public enum StoreKind {
    /** Metadata and artifacts in memory: the fastest choice, and nothing touches the disk. */
    IN_MEMORY,
    /**
     * The embedded H2 file store and the file artifact store, in a new temporary directory that is deleted after
     * the test: for tests of durability, of reopening a store, or of behavior specific to the default store.
     * Needs {@code mlops-h2-store} on the test class path.
     */
    TEMPORARY_H2
}
