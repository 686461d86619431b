package dev.mlops4j.spi;

/**
 * Optional capabilities of a {@link MetadataStore}. The conformance suite skips the tests of a feature a
 * store does not declare, and reports them as skipped.
 */
public enum StoreFeature {
    /** Writes survive a crash of the process (not true of the in-memory store). */
    DURABLE,
    /** Several processes may use the store at once. */
    MULTI_PROCESS,
    /** Search is executed by the store's own query engine rather than by scanning in Java. */
    NATIVE_SEARCH
}
