package dev.mlops4j.gate;

import java.util.Objects;

/**
 * The outcome of one condition of a gate, or of one slice of a per-slice condition.
 *
 * @param condition the condition as text, e.g. {@code accuracy >= 0.9 in every slice of region}
 * @param metric the metric key that was looked up (the {@link SliceKeys} name for a slice)
 * @param slice the slice as {@code column=value}, {@code null} for an overall metric
 * @param status passed, failed or skipped
 * @param observed the candidate's value, {@code null} when missing
 * @param threshold the threshold as text, e.g. {@code >= 0.9} or {@code diff >= -0.01}
 * @param champion the champion's value for a change condition, {@code null} otherwise or when unknown
 * @param change the difference that was tested for a change condition, {@code null} otherwise
 * @param reason why it failed or was skipped, or what was compared when it passed
 */
public record ConditionResult(String condition, String metric, String slice, ConditionStatus status, Double observed,
                              String threshold, Double champion, Double change, String reason) {
    public ConditionResult {
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(threshold, "threshold");
        reason = reason == null ? "" : reason;
    }

    /** @return true if the status is PASSED */
    public boolean passed() {
        return status == ConditionStatus.PASSED;
    }

    /**
     * @return one line, e.g. {@code FAILED accuracy >= 0.8 in every slice of region [region=north]: observed 0.75
     *     (0.75 is below 0.8)}
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder().append(status).append(' ').append(condition);
        if (slice != null) {
            sb.append(" [").append(slice).append(']');
        }
        sb.append(": observed ").append(observed == null ? "(missing)" : Numbers.format(observed.doubleValue()));
        if (champion != null) {
            sb.append(", champion ").append(Numbers.format(champion.doubleValue()));
        }
        return reason.isEmpty() ? sb.toString() : sb.append(" (").append(reason).append(')').toString();
    }
}
