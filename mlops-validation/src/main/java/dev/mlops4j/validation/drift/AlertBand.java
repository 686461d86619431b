package dev.mlops4j.validation.drift;

import java.util.Objects;

/**
 * The alert band of one column for windowed comparisons: the deciding method's value for each reference chunk
 * (compared with the whole reference), summarised as {@code mean +/- k sd} (population standard deviation), as
 * NannyML derives its thresholds. A window whose value falls outside {@code [lower, upper]} is an alert. The lower
 * edge is clipped at 0 for methods whose values are never negative.
 *
 * @param column the column
 * @param method the method whose values the band bounds, {@code null} if the column was never judged
 * @param chunks the reference chunks that gave a value (at least 2 for a band)
 * @param mean the chunks' mean value
 * @param stddev the chunks' population standard deviation
 * @param width {@code k}, the number of standard deviations
 * @param lower the lower edge, NaN without a band
 * @param upper the upper edge, NaN without a band
 */
public record AlertBand(String column, DriftMethod method, int chunks, double mean, double stddev, double width,
        double lower, double upper) {
    public AlertBand {
        Objects.requireNonNull(column, "column");
    }

    /** @return true if there were enough reference chunks for a band */
    public boolean available() {
        return !Double.isNaN(lower) && !Double.isNaN(upper);
    }

    /**
     * @param value a window's value by {@link #method()}
     * @return true if a band exists and the value is outside it
     */
    public boolean isOutside(double value) {
        return available() && !Double.isNaN(value) && (value < lower || value > upper);
    }
}
