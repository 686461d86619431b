package dev.mlops4j.validation.drift.internal;

import dev.mlops4j.validation.internal.WeightedValues;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.inference.ChiSquareTest;
import org.apache.commons.statistics.inference.SignificanceResult;

/**
 * The drift statistics on binned counts and on step distribution functions. Distances are plain arithmetic on
 * shares; p-values come from Apache Commons Statistics (chi-squared and normal distributions).
 */
public final class Statistics {
    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    private Statistics() {
    }

    /**
     * A test's outcome.
     *
     * @param statistic the test statistic
     * @param pValue its p-value
     * @param degreesOfFreedom degrees of freedom (chi-squared), else 0
     * @param note a fact for the report, may be empty
     */
    public record TestResult(double statistic, double pValue, int degreesOfFreedom, String note) {
    }

    /**
     * Population Stability Index.
     *
     * @param bins the counts
     * @param epsilon the share an empty bin counts as (on the side where it is empty)
     * @return {@code sum (c_i - r_i) ln(c_i / r_i)}
     */
    public static double psi(Binned bins, double epsilon) {
        double[] r = bins.referenceShares();
        double[] c = bins.currentShares();
        double sum = 0;
        for (int i = 0; i < r.length; i++) {
            double ri = r[i] == 0 ? epsilon : r[i];
            double ci = c[i] == 0 ? epsilon : c[i];
            sum += (ci - ri) * Math.log(ci / ri);
        }
        return sum;
    }

    /**
     * Jensen-Shannon divergence; bins empty on one side contribute only through the other side's term.
     *
     * @param bins the counts
     * @param base the logarithm base
     * @return {@code (KL(r||m) + KL(c||m)) / 2}, {@code m = (r + c) / 2}, in units of log base {@code base}
     */
    public static double jensenShannonDivergence(Binned bins, double base) {
        double[] r = bins.referenceShares();
        double[] c = bins.currentShares();
        double sum = 0;
        for (int i = 0; i < r.length; i++) {
            double m = (r[i] + c[i]) / 2;
            if (r[i] > 0) {
                sum += r[i] * Math.log(r[i] / m);
            }
            if (c[i] > 0) {
                sum += c[i] * Math.log(c[i] / m);
            }
        }
        // rounding can make a divergence of identical shares a tiny negative number
        return Math.max(0, sum / 2 / Math.log(base));
    }

    /**
     * @param bins the counts
     * @return the index of the bin with the largest {@code |r_i - c_i|} (the first on ties), -1 without bins
     */
    public static int lInfinityBin(Binned bins) {
        double[] r = bins.referenceShares();
        double[] c = bins.currentShares();
        int best = -1;
        double max = -1;
        for (int i = 0; i < r.length; i++) {
            double d = Math.abs(r[i] - c[i]);
            if (d > max) {
                max = d;
                best = i;
            }
        }
        return best;
    }

    /**
     * @param bins the counts
     * @return {@code max_i |r_i - c_i|}
     */
    public static double lInfinity(Binned bins) {
        int i = lInfinityBin(bins);
        return i < 0 ? 0 : Math.abs(bins.referenceShares()[i] - bins.currentShares()[i]);
    }

    /**
     * Pearson's chi-squared test of homogeneity on the 2 x k table of counts, bins empty on both sides dropped, no
     * continuity correction.
     *
     * @param bins the counts
     * @return statistic, p-value (chi-squared with k - 1 degrees of freedom) and k - 1
     */
    public static TestResult chiSquaredHomogeneity(Binned bins) {
        long[][] kept = nonEmpty(bins.reference(), bins.current());
        int k = kept[0].length;
        if (k < 2 || bins.referenceTotal() == 0 || bins.currentTotal() == 0) {
            return new TestResult(0, 1, Math.max(0, k - 1), "a single value: the distributions are identical");
        }
        SignificanceResult r = ChiSquareTest.withDefaults().test(kept[0], kept[1]);
        return new TestResult(r.getStatistic(), r.getPValue(), k - 1, "");
    }

    /**
     * Pearson's goodness-of-fit test of the current counts to {@code n_cur * r_i}. A value absent from the reference
     * but present in the current data makes the statistic infinite and the p-value 0.
     *
     * @param bins the counts
     * @return statistic, p-value (chi-squared with k - 1 degrees of freedom) and k - 1
     */
    public static TestResult chiSquaredGoodnessOfFit(Binned bins) {
        long[][] kept = nonEmpty(bins.reference(), bins.current());
        int k = kept[0].length;
        for (int i = 0; i < k; i++) {
            if (kept[0][i] == 0) {
                return new TestResult(Double.POSITIVE_INFINITY, 0, k - 1, "a value absent from the reference occurs");
            }
        }
        if (k < 2 || bins.currentTotal() == 0) {
            return new TestResult(0, 1, Math.max(0, k - 1), "a single value: the distributions are identical");
        }
        double scale = (double) bins.currentTotal() / bins.referenceTotal();
        double[] expected = new double[k];
        for (int i = 0; i < k; i++) {
            expected[i] = kept[0][i] * scale;
        }
        SignificanceResult r = ChiSquareTest.withDefaults().test(expected, kept[1]);
        return new TestResult(r.getStatistic(), r.getPValue(), k - 1, "");
    }

    /**
     * Two-proportion z-test with pooled variance, two-sided, on at most two non-empty bins. Which value's proportion
     * is tested does not matter: swapping them only flips the sign of z.
     *
     * @param bins the counts, at most two non-empty bins
     * @return z and its p-value {@code 2 P(Z > |z|)}
     */
    public static TestResult zTest(Binned bins) {
        long[][] kept = nonEmpty(bins.reference(), bins.current());
        if (kept[0].length < 2) {
            return new TestResult(0, 1, 0, "a single value: the distributions are identical");
        }
        double n1 = bins.referenceTotal();
        double n2 = bins.currentTotal();
        double p1 = kept[0][1] / n1;
        double p2 = kept[1][1] / n2;
        double pooled = (p1 * n1 + p2 * n2) / (n1 + n2);
        double z = (p1 - p2) / Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
        return new TestResult(z, 2 * STANDARD_NORMAL.survivalProbability(Math.abs(z)), 0, "");
    }

    /**
     * @param ref reference numbers
     * @param cur current numbers
     * @return {@code sup_x |F_ref(x) - F_cur(x)|}, evaluated at every value of either side
     */
    public static double ksStatistic(WeightedValues ref, WeightedValues cur) {
        double[] a = ref.values();
        double[] b = cur.values();
        long[] ca = ref.cumulative();
        long[] cb = cur.cumulative();
        double na = ref.total();
        double nb = cur.total();
        int i = 0;
        int j = 0;
        long fa = 0;
        long fb = 0;
        double d = 0;
        while (i < a.length || j < b.length) {
            double x = j >= b.length || i < a.length && a[i] <= b[j] ? a[i] : b[j];
            if (i < a.length && a[i] == x) {
                fa = ca[i++];
            }
            if (j < b.length && b[j] == x) {
                fb = cb[j++];
            }
            d = Math.max(d, Math.abs(fa / na - fb / nb));
        }
        return d;
    }

    /**
     * @param ref reference numbers
     * @param cur current numbers
     * @return the first Wasserstein distance {@code integral |F_ref(x) - F_cur(x)| dx} between the step functions
     */
    public static double wasserstein(WeightedValues ref, WeightedValues cur) {
        double[] a = ref.values();
        double[] b = cur.values();
        long[] ca = ref.cumulative();
        long[] cb = cur.cumulative();
        double na = ref.total();
        double nb = cur.total();
        int i = 0;
        int j = 0;
        long fa = 0;
        long fb = 0;
        double sum = 0;
        double previous = Double.NaN;
        double gap = 0;
        while (i < a.length || j < b.length) {
            double x = j >= b.length || i < a.length && a[i] <= b[j] ? a[i] : b[j];
            if (!Double.isNaN(previous)) {
                sum += (x - previous) * gap;
            }
            if (i < a.length && a[i] == x) {
                fa = ca[i++];
            }
            if (j < b.length && b[j] == x) {
                fb = cb[j++];
            }
            gap = Math.abs(fa / na - fb / nb);
            previous = x;
        }
        return sum;
    }

    /**
     * @param ref reference numbers
     * @param lo lower bound
     * @param hi upper bound
     * @return the share of values outside the closed interval {@code [lo, hi]}
     */
    public static double shareOutside(WeightedValues ref, double lo, double hi) {
        if (ref.total() == 0) {
            return 0;
        }
        return (double) (ref.countBelow(lo) + ref.total() - ref.countAtMost(hi)) / ref.total();
    }

    /** Drops the bins empty on both sides: the tests are undefined for them. */
    private static long[][] nonEmpty(long[] a, long[] b) {
        int k = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] != 0 || b[i] != 0) {
                k++;
            }
        }
        long[] x = new long[k];
        long[] y = new long[k];
        int p = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] != 0 || b[i] != 0) {
                x[p] = a[i];
                y[p++] = b[i];
            }
        }
        return new long[][] {x, y};
    }
}
