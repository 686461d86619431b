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

    /**
     * A sketch's estimate, bounded by what is possible: a HyperLogLog estimate can exceed the number of values it saw
     * (e.g. 1,474 distinct dates in 1,461 rows), which no reader should be shown.
     *
     * @param estimate the sketch's estimate
     * @param lower the sketch's lower bound
     * @param upper the sketch's upper bound
     * @param values the values counted: the most distinct values there can be
     * @return the estimate, clamped to [min(1, values), values], with bounds around it
     */
    public static DistinctCount estimated(double estimate, double lower, double upper, long values) {
        long hi = Math.max(0, values);
        long lo = Math.min(1, hi);
        long e = clamp(Math.round(estimate), lo, hi);
        return new DistinctCount(e, false, clamp((long) Math.floor(lower), lo, e), clamp((long) Math.ceil(upper), e, hi));
    }

    private static long clamp(long v, long lo, long hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
