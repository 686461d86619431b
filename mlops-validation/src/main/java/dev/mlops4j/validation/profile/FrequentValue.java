package dev.mlops4j.validation.profile;

/**
 * A frequent value of a column and how often it occurs.
 *
 * @param value the value as text ({@code "true"}/{@code "false"} for booleans, decimal for numbers)
 * @param count the number of rows with it; exact when {@code maxError} is 0, otherwise an estimate from the
 *     frequent-items sketch, never below the true count and at most {@code maxError} above it
 * @param maxError the largest possible over-count, 0 when exact
 */
public record FrequentValue(String value, long count, long maxError) {

    /** @return e.g. {@code sun (714)}, or {@code sun (~714)} for an estimate */
    @Override
    public String toString() {
        return value + " (" + (maxError == 0 ? "" : "~") + count + ")";
    }
}
