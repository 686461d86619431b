package dev.mlops4j.validation.profile;

import java.util.List;

/**
 * An equal-width histogram of an ordered column between its minimum and maximum. Bucket {@code i} holds the
 * values {@code v} with {@code lower < v <= upper}; the first bucket also holds the minimum itself.
 *
 * @param buckets the buckets, in ascending order; empty when the column has no numbers
 * @param exact true if counted from exact value counts, false if estimated from the quantile sketch
 *     (counts then carry the sketch's rank error times the row count)
 */
public record Histogram(List<Bucket> buckets, boolean exact) {
    public Histogram {
        buckets = List.copyOf(buckets);
    }

    /**
     * One bucket.
     *
     * @param lower exclusive lower edge (inclusive for the first bucket)
     * @param upper inclusive upper edge
     * @param count values in the bucket
     */
    public record Bucket(double lower, double upper, long count) {
    }

    /** @return the sum of the bucket counts */
    public long total() {
        return buckets.stream().mapToLong(Bucket::count).sum();
    }
}
