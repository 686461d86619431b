package dev.mlops4j.gate;

import dev.mlops4j.InvalidInputException;
import java.util.Objects;

/**
 * One condition of a {@link Gate}: a metric, optionally per slice of a column, and the threshold it must meet.
 * Built fluently from {@link Gate#metric(String)}.
 *
 * @param metric the metric key, e.g. {@code accuracy}
 * @param sliceColumn for a per-slice condition, the column whose every slice must meet the threshold
 *                    (slice metrics are named by {@link SliceKeys}); {@code null} for the overall metric
 * @param threshold what the metric must meet
 */
public record Condition(String metric, String sliceColumn, Threshold threshold) {

    public Condition {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(threshold, "threshold");
        if (metric.isBlank()) {
            throw new InvalidInputException("a gate condition needs a metric name; got a blank one");
        }
        if (sliceColumn != null && sliceColumn.isEmpty()) {
            throw new InvalidInputException("the slice column of a condition on '" + metric + "' must not be empty");
        }
    }

    /** @return true if the condition is checked on every slice of {@link #sliceColumn()} */
    public boolean perSlice() {
        return sliceColumn != null;
    }

    /** @return a readable form, e.g. {@code accuracy >= 0.9 in every slice of region} */
    public String describe() {
        String text;
        if (threshold instanceof ChangeThreshold change) {
            text = metric + " " + describeChange(change);
        } else {
            text = metric + " " + threshold.describe();
        }
        return perSlice() ? text + " in every slice of " + sliceColumn : text;
    }

    private static String describeChange(ChangeThreshold c) {
        boolean higher = c.direction() == MetricDirection.HIGHER_IS_BETTER;
        double t = c.threshold();
        // "Not worse by x" allows a change of x in the bad direction; "better by x" demands x in the good one.
        boolean notWorse = higher ? t <= 0 : t >= 0;
        double amount = Math.abs(t);
        String champion = c.champion() == null ? "champion" : c.champion().source();
        String by = amount == 0 ? "" : " by " + (c.mode() == ChangeMode.ABSOLUTE
                ? Numbers.format(amount) : Numbers.format(amount * 100) + "%");
        return (notWorse ? "not worse than " : "better than ") + champion + by + " (" + c.direction().describe() + ")";
    }

    @Override
    public String toString() {
        return describe();
    }
}
