package dev.mlops4j.validation.internal;

import java.util.Collections;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * How often each value of a column occurs, for comparing two columns category by category: exact counts while
 * the column had few distinct values, otherwise the frequent-items sketch's estimates (each at most
 * {@link #maxError()} above the true count; values the sketch does not track count 0 here, their rows are in
 * {@link #total()} only).
 */
public final class CategoryCounts {
    private final Map<String, Long> listed;
    private final long total;
    private final boolean exact;
    private final long maxError;
    private final ToLongFunction<String> estimator;

    /**
     * @param listed the values known to this view with their (estimated) counts
     * @param total the number of present values of the column
     * @param exact whether {@code listed} holds every value with its exact count
     * @param maxError the largest over-count of an estimate, 0 when exact
     * @param estimator the estimated count of any value (0 if not tracked); for exact counts a map lookup
     */
    public CategoryCounts(Map<String, Long> listed, long total, boolean exact, long maxError,
            ToLongFunction<String> estimator) {
        this.listed = Collections.unmodifiableMap(listed);
        this.total = total;
        this.exact = exact;
        this.maxError = maxError;
        this.estimator = estimator;
    }

    /**
     * @param exactCounts every value with its exact count
     * @return exact category counts
     */
    public static CategoryCounts exact(Map<String, Long> exactCounts) {
        long total = 0;
        for (long c : exactCounts.values()) {
            total += c;
        }
        return new CategoryCounts(exactCounts, total, true, 0, v -> exactCounts.getOrDefault(v, 0L));
    }

    /** @return the listed values (all values when exact, the frequent ones otherwise) with their counts */
    public Map<String, Long> listed() {
        return listed;
    }

    /** @param value a value @return its (estimated) count; 0 if unknown */
    public long count(String value) {
        Long c = listed.get(value);
        return c != null ? c : estimator.applyAsLong(value);
    }

    /** @return the number of present values */
    public long total() {
        return total;
    }

    /** @return true if every value is listed with its exact count */
    public boolean exact() {
        return exact;
    }

    /** @return the largest over-count of an estimated count, 0 when exact */
    public long maxError() {
        return maxError;
    }
}
