package dev.mlops4j.validation.drift.internal;

import dev.mlops4j.validation.drift.PValueKind;
import dev.mlops4j.validation.internal.WeightedValues;
import org.apache.commons.statistics.inference.KolmogorovSmirnovTest;
import org.apache.commons.statistics.inference.PValueMethod;

/**
 * The two-sample, two-sided Kolmogorov-Smirnov test with Apache Commons Statistics.
 *
 * <p>Exact: when both sides were counted exactly (so the samples are known value by value) and both have fewer than
 * {@value #EXACT_BELOW} values (Commons Statistics' automatic rule), the samples are expanded and {@link
 * KolmogorovSmirnovTest#test(double[], double[])} computes {@code D} and the exact p-value (ties handled).
 *
 * <p>Asymptotic: otherwise {@code D} is computed from the two step functions (from a KLL sketch it is within the two
 * sketches' rank errors) and the p-value is that of the two-sided one-sample distribution at {@code N = round(n m / (n
 * + m))}: {@code P(D_N >= D)} as Commons Statistics' and scipy's {@code ks_2samp} asymptotic methods compute it while
 * {@code N <= }{@value #FINITE_N_MAX}, and Kolmogorov's limiting distribution {@code Q(sqrt(N) D) = 2 sum_k (-1)^(k-1)
 * exp(-2 k^2 N D^2)} above (it differs from the finite-N distribution by less than {@code 0.3 / sqrt(N)}, so by less
 * than 0.003; the finite-N computation costs time proportional to N). Commons Statistics keeps these distributions
 * package-private, so they are reached through its public one-sample test: a sample {@code 1, 2, ..., L} against the
 * distribution function {@code F(x) = x/L - D'} has one-sample statistic exactly {@code D'} (for {@code 1/(2L) < D' <
 * 1}; smaller values have p-value 1, as no sample of L values is closer), so its exact p-value is {@code P(D_L >= D')}
 * (L = N, D' = D) and its asymptotic p-value {@code Q(sqrt(L) D')} (L = 1,000, D' = D sqrt(N / L)).
 */
public final class KolmogorovSmirnov {
    /** Exact p-values while both samples have fewer values than this. */
    public static final int EXACT_BELOW = 10_000;
    /** Largest N the finite-N distribution is evaluated at; above, Kolmogorov's limiting distribution. */
    public static final int FINITE_N_MAX = 10_000;
    /** Sample size of the construction that evaluates the limiting distribution. */
    private static final int LIMIT_SAMPLE = 1000;

    private KolmogorovSmirnov() {
    }

    /**
     * The outcome.
     *
     * @param d the statistic
     * @param pValue the p-value
     * @param kind exact or asymptotic
     * @param effectiveN {@code round(n m / (n + m))} for the asymptotic p-value, else 0
     */
    public record Result(double d, double pValue, PValueKind kind, long effectiveN) {
    }

    /**
     * @param ref reference numbers (at least 2)
     * @param cur current numbers (at least 2)
     * @return D and its p-value
     */
    public static Result test(WeightedValues ref, WeightedValues cur) {
        if (ref.exact() && cur.exact() && Math.max(ref.total(), cur.total()) < EXACT_BELOW) {
            KolmogorovSmirnovTest.TwoResult r = KolmogorovSmirnovTest.withDefaults().with(PValueMethod.EXACT)
                    .test(ref.expand(), cur.expand());
            return new Result(r.getStatistic(), r.getPValue(), PValueKind.EXACT, 0);
        }
        double d = Statistics.ksStatistic(ref, cur);
        double nn = Math.min(ref.total(), cur.total());
        double mm = Math.max(ref.total(), cur.total());
        long n = Math.round(mm * nn / (mm + nn));
        return new Result(d, asymptoticPValue(d, n), PValueKind.ASYMPTOTIC, n);
    }

    /**
     * @param d a two-sided statistic in [0, 1]
     * @param n the (effective) sample size, at least 1
     * @return {@code P(D_n >= d)} for the two-sided one-sample distribution, or its limit above {@value #FINITE_N_MAX}
     */
    static double asymptoticPValue(double d, long n) {
        boolean limit = n > FINITE_N_MAX;
        int len = limit ? LIMIT_SAMPLE : (int) n;
        double x = limit ? d * Math.sqrt((double) n / LIMIT_SAMPLE) : d;
        if (x * 2 * len <= 1) {
            return 1;
        }
        if (x >= 1) {
            return 0;
        }
        double[] sample = new double[len];
        for (int i = 0; i < len; i++) {
            sample[i] = i + 1;
        }
        double shift = x;
        double scale = len;
        return KolmogorovSmirnovTest.withDefaults().with(limit ? PValueMethod.ASYMPTOTIC : PValueMethod.EXACT)
                .test(sample, v -> v / scale - shift).getPValue();
    }
}
