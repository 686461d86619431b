package dev.mlops4j.validation.drift;

import java.util.Arrays;

/**
 * Correction of the p-values of the columns judged by a test, because with many columns some fall below 0.05 by
 * chance. The correction applies to the p-values of one comparison (one {@link DriftReport}); each column's
 * {@link Measurement#adjustedPValue()} is compared with the thresholds.
 */
public enum MultipleTesting {
    /** No correction: adjusted p-value = p-value. */
    NONE,
    /**
     * Bonferroni: {@code min(1, m p)} for m tested columns; controls the probability of any false alarm
     * (family-wise error rate).
     */
    BONFERRONI,
    /**
     * Benjamini-Hochberg step-up: with p-values sorted ascending {@code p_(1) <= ... <= p_(m)}, the adjusted
     * {@code q_(i) = min_{j >= i} min(1, m p_(j) / j)}; comparing {@code q} with alpha controls the expected share of
     * false alarms among the alarms (false discovery rate) at alpha.
     */
    BENJAMINI_HOCHBERG;

    /**
     * @param pValues p-values, in any order (NaN stays NaN and does not count)
     * @return the adjusted p-values, in the same order
     */
    public double[] adjust(double[] pValues) {
        int m = 0;
        for (double p : pValues) {
            if (!Double.isNaN(p)) {
                m++;
            }
        }
        double[] out = pValues.clone();
        if (this == NONE || m == 0) {
            return out;
        }
        if (this == BONFERRONI) {
            for (int i = 0; i < out.length; i++) {
                if (!Double.isNaN(out[i])) {
                    out[i] = Math.min(1, out[i] * m);
                }
            }
            return out;
        }
        Integer[] order = new Integer[m];
        int k = 0;
        for (int i = 0; i < pValues.length; i++) {
            if (!Double.isNaN(pValues[i])) {
                order[k++] = i;
            }
        }
        Arrays.sort(order, (a, b) -> Double.compare(pValues[a], pValues[b]));
        double running = 1;
        for (int rank = m; rank >= 1; rank--) {
            int i = order[rank - 1];
            running = Math.min(running, Math.min(1, pValues[i] * m / rank));
            out[i] = running;
        }
        return out;
    }
}
