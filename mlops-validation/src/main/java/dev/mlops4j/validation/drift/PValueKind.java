package dev.mlops4j.validation.drift;

/**
 * How a p-value was computed; libraries switch between these at different sample sizes, so reports say which.
 */
public enum PValueKind {
    /** Not a test: the measurement is a distance without a p-value. */
    NONE,
    /**
     * The exact distribution of the statistic under the null hypothesis (Kolmogorov-Smirnov: both samples known
     * value by value and both under 10,000 values, Commons Statistics' rule; scipy switches at 10,000 inclusive).
     */
    EXACT,
    /**
     * A large-sample approximation: the chi-squared distribution for chi-squared tests, the standard normal for the
     * z-test, and for Kolmogorov-Smirnov the two-sided one-sample distribution at {@code N = round(n_ref n_cur /
     * (n_ref + n_cur))} (scipy's {@code ks_2samp(method="asymp")} and Commons Statistics' asymptotic method) while
     * {@code N <= 10,000}, Kolmogorov's limiting distribution {@code Q(sqrt(N) D)} above (within {@code 0.3/sqrt(N)}
     * of the former).
     */
    ASYMPTOTIC
}
