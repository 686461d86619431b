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

    /** @return one aligned line per bucket with its edges, count and a bar, for JShell */
    @Override
    public String toString() {
        return render(v -> dev.mlops4j.validation.internal.TextTable.number(v));
    }

    /**
     * @param edge formats a bucket edge (e.g. as a date)
     * @return one aligned line per bucket with its edges, count and a bar
     */
    String render(java.util.function.DoubleFunction<String> edge) {
        if (buckets.isEmpty()) {
            return "Histogram: no values\n";
        }
        long max = buckets.stream().mapToLong(Bucket::count).max().orElse(0);
        dev.mlops4j.validation.internal.TextTable t = new dev.mlops4j.validation.internal.TextTable(">FROM", "TO",
                ">COUNT", "");
        for (int i = 0; i < buckets.size(); i++) {
            Bucket b = buckets.get(i);
            int bar = max == 0 ? 0 : (int) Math.round(30.0 * b.count() / max);
            t.row((i == 0 ? "[" : "(") + edge.apply(b.lower()), edge.apply(b.upper()) + "]", b.count(),
                    "#".repeat(bar));
        }
        return "Histogram (" + buckets.size() + " buckets, " + total() + " values" + (exact ? "" : ", estimated")
                + ")\n" + t;
    }
}
