package dev.mlops4j.gate;

import dev.mlops4j.InvalidInputException;
import java.util.Objects;

/**
 * Bounds on the change of a metric from a champion's value, as in TFX's {@code GenericChangeThreshold}.
 *
 * <p>With {@code diff = candidate - champion} ({@link ChangeMode#ABSOLUTE}) or
 * {@code diff = (candidate - champion) / |champion|} ({@link ChangeMode#RELATIVE}), the condition passes when
 * {@code diff >= threshold} for {@link MetricDirection#HIGHER_IS_BETTER} and {@code diff <= threshold} for
 * {@link MetricDirection#LOWER_IS_BETTER} (both inclusive). So "not worse than the champion by 0.01" on accuracy
 * is {@code diff >= -0.01}, on RMSE {@code diff <= 0.01}; "better than the champion by 0.01" is
 * {@code diff >= 0.01} or {@code diff <= -0.01}. A relative change against a champion value of 0 is undefined
 * unless the values are equal (then it is 0), and the condition fails, saying so. (TFX divides by the signed
 * baseline; dividing by its magnitude keeps "worse" meaning worse for negative metrics too.)
 *
 * @param direction which way is better
 * @param mode absolute or relative difference
 * @param threshold the signed limit on the difference, in the metric's unit or as a fraction
 * @param champion a champion bound when the gate was built, or {@code null} to use the champion given to
 *                 {@link Gate#evaluate(MetricValues, MetricValues)}
 */
public record ChangeThreshold(MetricDirection direction, ChangeMode mode, double threshold, MetricValues champion)
        implements Threshold {

    public ChangeThreshold {
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(mode, "mode");
        if (!Double.isFinite(threshold)) {
            throw new InvalidInputException("a change threshold must be a finite number, was " + threshold);
        }
    }

    /**
     * @param candidate the candidate's value
     * @param championValue the champion's value
     * @return the difference as this threshold measures it; NaN when undefined (relative change from 0)
     */
    public double change(double candidate, double championValue) {
        double diff = candidate - championValue;
        if (mode == ChangeMode.ABSOLUTE) {
            return diff;
        }
        if (championValue == 0.0) {
            return diff == 0.0 ? 0.0 : Double.NaN;
        }
        return diff / Math.abs(championValue);
    }

    /**
     * @param change a difference computed by {@link #change(double, double)}
     * @return true if it meets the threshold in this direction; false for NaN
     */
    public boolean test(double change) {
        return direction == MetricDirection.HIGHER_IS_BETTER ? change >= threshold : change <= threshold;
    }

    @Override
    public String describe() {
        String op = direction == MetricDirection.HIGHER_IS_BETTER ? ">=" : "<=";
        String limit = mode == ChangeMode.ABSOLUTE ? Numbers.format(threshold) : Numbers.format(threshold * 100) + "%";
        return (mode == ChangeMode.ABSOLUTE ? "diff " : "rel. diff ") + op + " " + limit;
    }

    /** @return {@link #describe()} with the direction and the bound champion, e.g. {@code diff >= -0.01 (higher is better, vs run 3f2a)} */
    @Override
    public String toString() {
        return describe() + " (" + direction.describe() + (champion == null ? ", vs the champion given at evaluation"
                : ", vs " + champion.source()) + ")";
    }
}
