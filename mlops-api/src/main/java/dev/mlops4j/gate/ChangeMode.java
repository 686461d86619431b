package dev.mlops4j.gate;

/** How a change condition measures the difference between the candidate and the champion. */
public enum ChangeMode {
    /** {@code candidate - champion}, in the metric's own unit. */
    ABSOLUTE,
    /** {@code (candidate - champion) / |champion|}, a fraction (0.01 is one percent). */
    RELATIVE
}
