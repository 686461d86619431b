package dev.mlops4j.lineage;

/** The direction of an {@link Event}. */
public enum EventType {
    /** The execution read the artifact. */
    INPUT,
    /** The execution produced (or, when CACHED, reused) the artifact. */
    OUTPUT
}
