package dev.mlops4j.model;

import dev.mlops4j.InvalidInputException;

/**
 * The range of values a model saw for one feature in training, from the framework's own statistics (for Tribuo, the
 * feature map's min and max). Inputs outside it are extrapolations the model was never tested on.
 *
 * <p>Sparse frameworks such as Tribuo record only the values that were present (non-zero), so an absent feature
 * (read as zero) is not judged against this range.
 *
 * @param min the smallest value seen
 * @param max the largest value seen
 */
public record FeatureDomain(double min, double max) {
    public FeatureDomain {
        if (!Double.isFinite(min) || !Double.isFinite(max) || min > max) {
            throw new InvalidInputException("a feature domain needs finite bounds with min <= max; got [" + min + ", "
                    + max + "]");
        }
    }

    /**
     * @param tolerance how far outside the range still counts as inside, as a fraction of its width ({@code >= 0})
     * @param value a value
     * @return true if {@code min - tolerance * width <= value <= max + tolerance * width}; false for NaN
     */
    public boolean contains(double value, double tolerance) {
        double slack = tolerance * (max - min);
        return value >= min - slack && value <= max + slack;
    }
}
