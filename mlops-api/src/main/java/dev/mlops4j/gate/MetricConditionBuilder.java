package dev.mlops4j.gate;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.tracking.RunRecord;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds a condition on one metric; from {@link Gate#metric(String)}. Immutable: every method returns a new
 * object. Finish it with a value threshold ({@link #atLeast(double)}, {@link #atMost(double)},
 * {@link #between(double, double)}) or a change threshold ({@link #notWorseThan(MetricValues)},
 * {@link #betterThan(MetricValues)} and their variants).
 */
public final class MetricConditionBuilder {
    private final String metric;
    private final String sliceColumn;
    private final MetricDirection direction;

    MetricConditionBuilder(String metric, String sliceColumn, MetricDirection direction) {
        Objects.requireNonNull(metric, "metric");
        if (metric.isBlank()) {
            throw new InvalidInputException("Gate.metric(...) needs a metric name; got a blank one");
        }
        this.metric = metric;
        this.sliceColumn = sliceColumn;
        this.direction = direction;
    }

    /**
     * Makes the condition per slice: the metric, computed on each value of the column (see {@link SliceKeys}),
     * must meet the threshold in every slice.
     *
     * @param column the slicing column, e.g. {@code region}
     * @return the refined builder
     */
    public MetricConditionBuilder perSlice(String column) {
        Objects.requireNonNull(column, "column");
        if (column.isEmpty()) {
            throw new InvalidInputException("perSlice(...) needs a column name; got an empty one");
        }
        return new MetricConditionBuilder(metric, column, direction);
    }

    /** @return the refined builder, treating larger values as better (overrides {@link MetricDirection#of}) */
    public MetricConditionBuilder higherIsBetter() {
        return new MetricConditionBuilder(metric, sliceColumn, MetricDirection.HIGHER_IS_BETTER);
    }

    /** @return the refined builder, treating smaller values as better (overrides {@link MetricDirection#of}) */
    public MetricConditionBuilder lowerIsBetter() {
        return new MetricConditionBuilder(metric, sliceColumn, MetricDirection.LOWER_IS_BETTER);
    }

    /**
     * @param min the smallest passing value (inclusive)
     * @return a gate with the condition {@code metric >= min}
     */
    public Gate atLeast(double min) {
        return value(new ValueThreshold(finite("atLeast", min), Double.POSITIVE_INFINITY));
    }

    /**
     * @param max the largest passing value (inclusive)
     * @return a gate with the condition {@code metric <= max}
     */
    public Gate atMost(double max) {
        return value(new ValueThreshold(Double.NEGATIVE_INFINITY, finite("atMost", max)));
    }

    /**
     * @param min the smallest passing value (inclusive)
     * @param max the largest passing value (inclusive)
     * @return a gate with the condition {@code min <= metric <= max}
     */
    public Gate between(double min, double max) {
        return value(new ValueThreshold(finite("between", min), finite("between", max)));
    }

    /**
     * The candidate must not be worse than this champion; refine the tolerance with
     * {@link ChangeConditionBuilder#by(double)} or {@link ChangeConditionBuilder#byRelative(double)}.
     *
     * @param champion the champion's values, or {@code null} if there is none yet (then the champion given to
     *                 {@link Gate#evaluate(MetricValues, MetricValues)} is used, and without one the condition is
     *                 SKIPPED)
     * @return a gate with tolerance 0, refinable
     */
    public ChangeConditionBuilder notWorseThan(MetricValues champion) {
        return new ChangeConditionBuilder(metric, sliceColumn, effectiveDirection(), champion, true, ChangeMode.ABSOLUTE, 0.0);
    }

    /**
     * @param champion the champion run, or {@code null} if there is none yet
     * @return a gate with tolerance 0, refinable
     * @see #notWorseThan(MetricValues)
     */
    public ChangeConditionBuilder notWorseThan(RunRecord champion) {
        return notWorseThan(champion == null ? null : MetricValues.of(champion));
    }

    /**
     * @param champion the champion run if there is one, e.g. from {@code runs().search(...).first()}
     * @return a gate with tolerance 0, refinable
     * @see #notWorseThan(MetricValues)
     */
    public ChangeConditionBuilder notWorseThan(Optional<RunRecord> champion) {
        return notWorseThan(Objects.requireNonNull(champion, "champion").orElse(null));
    }

    /**
     * Not worse than the champion given at evaluation time ({@link Gate#evaluate(RunRecord, RunRecord)}), for
     * example the model version currently holding a registry alias.
     *
     * @return a gate with tolerance 0, refinable
     */
    public ChangeConditionBuilder notWorseThanChampion() {
        return notWorseThan((MetricValues) null);
    }

    /**
     * The candidate must improve on this champion; set the required margin with
     * {@link ChangeConditionBuilder#by(double)} or {@link ChangeConditionBuilder#byRelative(double)} (without one,
     * equal values pass).
     *
     * @param champion the champion's values, or {@code null} to use the champion given at evaluation time
     * @return a gate, refinable
     */
    public ChangeConditionBuilder betterThan(MetricValues champion) {
        return new ChangeConditionBuilder(metric, sliceColumn, effectiveDirection(), champion, false, ChangeMode.ABSOLUTE, 0.0);
    }

    /**
     * @param champion the champion run, or {@code null} if there is none yet
     * @return a gate, refinable
     * @see #betterThan(MetricValues)
     */
    public ChangeConditionBuilder betterThan(RunRecord champion) {
        return betterThan(champion == null ? null : MetricValues.of(champion));
    }

    /**
     * @return a gate requiring improvement on the champion given at evaluation time, refinable
     * @see #betterThan(MetricValues)
     */
    public ChangeConditionBuilder betterThanChampion() {
        return betterThan((MetricValues) null);
    }

    private MetricDirection effectiveDirection() {
        return direction != null ? direction : MetricDirection.of(metric);
    }

    private Gate value(ValueThreshold threshold) {
        return new CompositeGate(Gate.DEFAULT_NAME, List.of(new Condition(metric, sliceColumn, threshold)));
    }

    private double finite(String method, double v) {
        if (!Double.isFinite(v)) {
            throw new InvalidInputException(method + "(" + v + ") on metric '" + metric + "' needs a finite number");
        }
        return v;
    }
}
