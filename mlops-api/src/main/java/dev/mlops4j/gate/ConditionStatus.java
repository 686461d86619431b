package dev.mlops4j.gate;

/** The outcome of one condition of a gate. */
public enum ConditionStatus {
    /** The observed value meets the threshold. */
    PASSED,
    /** The observed value misses the threshold, is NaN, or the metric is missing. */
    FAILED,
    /**
     * The condition could not be checked and does not count against the gate: a change condition with no
     * champion yet, or a champion that lacks the metric. Skipped conditions are always listed in the result.
     */
    SKIPPED
}
