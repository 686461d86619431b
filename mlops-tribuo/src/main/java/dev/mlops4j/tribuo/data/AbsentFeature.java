package dev.mlops4j.tribuo.data;

/** How a feature that is absent from a Tribuo example is read. */
public enum AbsentFeature {
    /** As 0.0, Tribuo's own meaning of an absent feature (the default). */
    ZERO,
    /**
     * As a missing cell. Only meaningful for data whose featurisation never drops a present zero (e.g. dense
     * {@code ArrayExample}s built by your own code); Tribuo's loaders may drop zeros.
     */
    MISSING
}
