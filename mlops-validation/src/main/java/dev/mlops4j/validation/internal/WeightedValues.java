package dev.mlops4j.validation.internal;

import java.util.Arrays;

/**
 * The numbers of an ordered column as a step distribution function: distinct values in ascending order, each
 * with the count of values less than or equal to it. Built from a column's exact value counts (then it <em>is</em>
 * the data, as a multiset) or from its KLL sketch's sorted view (then each retained item stands for a weight of
 * values and every rank carries the sketch's normalised rank error). NaN is never part of it.
 *
 * <p>Immutable once built (the arrays are not copied on read; do not change them).
 *
 * @param values distinct values, strictly ascending
 * @param cumulative {@code cumulative[i]} = how many values are {@code <= values[i]}; the last is {@code total}
 * @param total the number of values
 * @param exact true if built from exact counts
 * @param rankError the normalised rank error of {@link #cdf(double)}: 0 when exact
 */
public record WeightedValues(double[] values, long[] cumulative, long total, boolean exact, double rankError) {

    /**
     * Builds from values and per-value counts, both in the same (any) order; equal values are merged.
     *
     * @param values the values (not NaN)
     * @param counts their counts
     * @param exact whether these are exact counts
     * @param rankError the rank error when not exact
     * @return the distribution
     */
    public static WeightedValues of(double[] values, long[] counts, boolean exact, double rankError) {
        int n = values.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        double[] v = new double[n];
        long[] cum = new long[n];
        int k = -1;
        long running = 0;
        for (int i = 0; i < n; i++) {
            double x = values[order[i]];
            running += counts[order[i]];
            // -0.0 and 0.0 are one value here, as they are for every comparison the statistics make
            if (k >= 0 && v[k] == x) {
                cum[k] = running;
            } else {
                k++;
                v[k] = x;
                cum[k] = running;
            }
        }
        return new WeightedValues(Arrays.copyOf(v, k + 1), Arrays.copyOf(cum, k + 1), running, exact, rankError);
    }

    /**
     * Builds from a sorted view: ascending values (possibly repeated) with their inclusive cumulative weights.
     *
     * @param sortedValues ascending values, as a KLL sorted view returns them
     * @param cumulativeWeights inclusive cumulative weights, non-decreasing
     * @param rankError the sketch's normalised rank error
     * @return the distribution
     */
    public static WeightedValues ofSorted(double[] sortedValues, long[] cumulativeWeights, double rankError) {
        int n = sortedValues.length;
        double[] v = new double[n];
        long[] cum = new long[n];
        int k = -1;
        for (int i = 0; i < n; i++) {
            if (k >= 0 && v[k] == sortedValues[i]) {
                cum[k] = cumulativeWeights[i];
            } else {
                k++;
                v[k] = sortedValues[i];
                cum[k] = cumulativeWeights[i];
            }
        }
        long total = k < 0 ? 0 : cum[k];
        return new WeightedValues(Arrays.copyOf(v, k + 1), Arrays.copyOf(cum, k + 1), total, false, rankError);
    }

    /** @return the number of distinct values */
    public int size() {
        return values.length;
    }

    /** @param i index of a distinct value @return how many values equal it */
    public long count(int i) {
        return i == 0 ? cumulative[0] : cumulative[i] - cumulative[i - 1];
    }

    /**
     * @param x a number
     * @return how many values are {@code <= x}
     */
    public long countAtMost(double x) {
        int i = Arrays.binarySearch(values, x);
        int last = i >= 0 ? i : -i - 2;
        return last < 0 ? 0 : cumulative[last];
    }

    /**
     * @param x a number
     * @return how many values are {@code < x}
     */
    public long countBelow(double x) {
        int i = Arrays.binarySearch(values, x);
        int last = i >= 0 ? i - 1 : -i - 2;
        return last < 0 ? 0 : cumulative[last];
    }

    /** @param x a number @return the fraction of values {@code <= x} (the right-continuous CDF) */
    public double cdf(double x) {
        return total == 0 ? 0 : (double) countAtMost(x) / total;
    }

    /** @param x a number @return the fraction of values {@code < x} */
    public double cdfBelow(double x) {
        return total == 0 ? 0 : (double) countBelow(x) / total;
    }

    /**
     * @param rank a normalised rank in [0, 1]
     * @return the smallest value whose cumulative fraction is at least {@code rank} (numpy's {@code inverted_cdf})
     */
    public double quantile(double rank) {
        double target = rank * total;
        // first index whose cumulative count reaches the target (cumulative is non-decreasing)
        int lo = 0;
        int hi = values.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] >= target) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return values[lo];
    }

    /**
     * Expands exact counts back into the raw values (sorted), for tests that need the sample itself.
     *
     * @return every value, repeated by its count
     */
    public double[] expand() {
        double[] out = new double[Math.toIntExact(total)];
        int p = 0;
        for (int i = 0; i < values.length; i++) {
            long c = count(i);
            for (long j = 0; j < c; j++) {
                out[p++] = values[i];
            }
        }
        return out;
    }
}
