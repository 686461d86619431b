package dev.mlops4j.validation.profile;

/**
 * The number of distinct values of a column: exact while it stays under the profiler's bound, then
 * estimated with a HyperLogLog sketch.
 *
 * @param estimate the count (exact when {@code exact})
 * @param exact whether it was counted exactly
 * @param lowerBound lower bound of the ~95% confidence interval (equals the estimate when exact)
 * @param upperBound upper bound of the ~95% confidence interval (equals the estimate when exact)
 */
public record DistinctCount(long estimate, boolean exact, long lowerBound, long upperBound) {

    /**
     * @param count an exact count
     * @return an exact distinct count
     */
    public static DistinctCount exactly(long count) {
        return new DistinctCount(count, true, count, count);
    }
}
