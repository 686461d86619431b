package dev.mlops4j.validation.drift.internal;

/**
 * Reference and current counts over common bins (or categories).
 *
 * @param labels a label per bin, e.g. {@code "(3.2, 5.1]"} or {@code "'rain'"}
 * @param reference reference counts per bin
 * @param current current counts per bin
 * @param description how the bins were made, for the measurement's definition
 */
public record Binned(String[] labels, long[] reference, long[] current, String description) {

    /** @return the number of bins */
    public int size() {
        return labels.length;
    }

    /** @return the sum of the reference counts */
    public long referenceTotal() {
        return sum(reference);
    }

    /** @return the sum of the current counts */
    public long currentTotal() {
        return sum(current);
    }

    /** @return reference shares (counts over their sum) */
    public double[] referenceShares() {
        return shares(reference);
    }

    /** @return current shares (counts over their sum) */
    public double[] currentShares() {
        return shares(current);
    }

    private static long sum(long[] counts) {
        long s = 0;
        for (long c : counts) {
            s += c;
        }
        return s;
    }

    private static double[] shares(long[] counts) {
        long total = sum(counts);
        double[] out = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            out[i] = total == 0 ? 0 : (double) counts[i] / total;
        }
        return out;
    }
}
