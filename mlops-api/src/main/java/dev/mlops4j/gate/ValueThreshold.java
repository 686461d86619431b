package dev.mlops4j.gate;

import dev.mlops4j.InvalidInputException;

/**
 * Bounds on a metric's value, both inclusive as in TFX's {@code GenericValueThreshold}: a value passes when
 * {@code lowerBound <= value <= upperBound}. An unset bound is infinite. NaN never passes.
 *
 * @param lowerBound the smallest passing value, {@link Double#NEGATIVE_INFINITY} when unbounded
 * @param upperBound the largest passing value, {@link Double#POSITIVE_INFINITY} when unbounded
 */
public record ValueThreshold(double lowerBound, double upperBound) implements Threshold {

    public ValueThreshold {
        if (Double.isNaN(lowerBound) || Double.isNaN(upperBound)) {
            throw new InvalidInputException("a value threshold's bounds must not be NaN");
        }
        if (lowerBound > upperBound) {
            throw new InvalidInputException("a value threshold's lower bound " + lowerBound
                    + " is greater than its upper bound " + upperBound);
        }
    }

    /**
     * @param value an observed value
     * @return true if it lies within the bounds (inclusive); false for NaN
     */
    public boolean test(double value) {
        return value >= lowerBound && value <= upperBound;
    }

    @Override
    public String describe() {
        boolean hasLower = lowerBound != Double.NEGATIVE_INFINITY;
        boolean hasUpper = upperBound != Double.POSITIVE_INFINITY;
        if (hasLower && hasUpper) {
            return "in [" + Numbers.format(lowerBound) + ", " + Numbers.format(upperBound) + "]";
        }
        if (hasLower) {
            return ">= " + Numbers.format(lowerBound);
        }
        if (hasUpper) {
            return "<= " + Numbers.format(upperBound);
        }
        return "any value";
    }

    /** @return {@link #describe()} */
    @Override
    public String toString() {
        return describe();
    }
}
