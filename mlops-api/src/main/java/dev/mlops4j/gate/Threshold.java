package dev.mlops4j.gate;

/**
 * What a condition requires of a metric: a {@link ValueThreshold value threshold} (bounds on the value itself)
 * or a {@link ChangeThreshold change threshold} (bounds on the difference from a champion).
 */
public sealed interface Threshold permits ValueThreshold, ChangeThreshold {

    /** @return the threshold as shown in the result table, e.g. {@code ">= 0.9"} or {@code "diff >= -0.01"} */
    String describe();
}
