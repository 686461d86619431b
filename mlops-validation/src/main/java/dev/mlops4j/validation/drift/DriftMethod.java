package dev.mlops4j.validation.drift;

/**
 * A statistic that compares one column of a reference data set with the same column of a current one. The
 * anchors (Evidently, TFDV, scipy, the credit-risk literature) define several of these differently, so each
 * constant states exactly what it computes; a {@link Measurement} repeats it next to every number.
 *
 * <p>Notation: {@code F_ref}, {@code F_cur} are the empirical distribution functions of the column's numbers
 * (NaN and missing cells excluded); {@code r_i}, {@code c_i} are the shares of the reference and current values in
 * bin or category {@code i} (see {@link Binning}).
 *
 * <table>
 * <caption>Methods</caption>
 * <tr><th>method</th><th>columns</th><th>kind</th><th>definition</th></tr>
 * <tr><td>{@link #PSI}</td><td>all</td><td>distance</td><td>{@code sum_i (c_i - r_i) ln(c_i / r_i)}, natural log,
 *     an empty bin's share replaced by {@link DriftDetector.Builder#psiEpsilon(double) epsilon} (default
 *     1e-4)</td></tr>
 * <tr><td>{@link #KOLMOGOROV_SMIRNOV}</td><td>ordered</td><td>test</td><td>two-sample, two-sided
 *     {@code D = sup |F_ref - F_cur|}; p-value exact while both samples are exact and under 10,000 values,
 *     otherwise asymptotic ({@link PValueKind})</td></tr>
 * <tr><td>{@link #CHI_SQUARED}</td><td>all</td><td>test</td><td>Pearson's test of homogeneity on the 2 x k
 *     contingency table of reference and current counts, no continuity correction, {@code k - 1} degrees of
 *     freedom</td></tr>
 * <tr><td>{@link #CHI_SQUARED_GOODNESS_OF_FIT}</td><td>all</td><td>test</td><td>Pearson's goodness-of-fit test of
 *     the current counts against expected counts {@code n_cur * r_i} (Evidently's {@code chisquare}); a value absent
 *     from the reference makes the statistic infinite and the p-value 0</td></tr>
 * <tr><td>{@link #Z_TEST}</td><td>two values</td><td>test</td><td>two-proportion z-test with pooled variance,
 *     two-sided (Evidently's {@code z}); the proportion is that of the first value in sorted order</td></tr>
 * <tr><td>{@link #JENSEN_SHANNON_DISTANCE}</td><td>all</td><td>distance</td><td>{@code sqrt(JSD)} where
 *     {@code JSD = (KL(r||m) + KL(c||m)) / 2}, {@code m = (r + c) / 2}, log base
 *     {@link DriftDetector.Builder#logBase(double) b} (default 2: in [0, 1]); scipy's {@code jensenshannon}</td></tr>
 * <tr><td>{@link #JENSEN_SHANNON_DIVERGENCE}</td><td>all</td><td>distance</td><td>{@code JSD} itself (the square of
 *     the distance), log base b (default 2); TFDV's {@code jensen_shannon_divergence}</td></tr>
 * <tr><td>{@link #L_INFINITY}</td><td>all</td><td>distance</td><td>{@code max_i |r_i - c_i|}, each side normalised by
 *     its own total; TFDV's categorical comparator</td></tr>
 * <tr><td>{@link #WASSERSTEIN_NORMED}</td><td>ordered</td><td>distance</td><td>first Wasserstein distance
 *     {@code integral |F_ref - F_cur| dx} divided by the reference's population standard deviation (at least
 *     0.001), as Evidently's {@code wasserstein}</td></tr>
 * </table>
 */
public enum DriftMethod {
    /** Population Stability Index. */
    PSI("psi", false, true, "PSI"),
    /** Two-sample Kolmogorov-Smirnov test. */
    KOLMOGOROV_SMIRNOV("ks", true, false, "KS D"),
    /** Pearson's chi-squared test of homogeneity (contingency table). */
    CHI_SQUARED("chi2", true, true, "chi-squared (homogeneity)"),
    /** Pearson's chi-squared goodness-of-fit test against the reference shares. */
    CHI_SQUARED_GOODNESS_OF_FIT("chi2_gof", true, true, "chi-squared (goodness of fit)"),
    /** Two-proportion z-test for columns with two values. */
    Z_TEST("z", true, true, "z-test (two proportions)"),
    /** Jensen-Shannon distance (square root of the divergence). */
    JENSEN_SHANNON_DISTANCE("js_distance", false, true, "JS distance"),
    /** Jensen-Shannon divergence. */
    JENSEN_SHANNON_DIVERGENCE("js_divergence", false, true, "JS divergence"),
    /** L-infinity distance between the value shares. */
    L_INFINITY("l_infinity", false, true, "L-infinity"),
    /** First Wasserstein distance divided by the reference standard deviation. */
    WASSERSTEIN_NORMED("wasserstein_normed", false, false, "Wasserstein / sd_ref");

    private final String key;
    private final boolean test;
    private final boolean unordered;
    private final String shortName;

    DriftMethod(String key, boolean test, boolean unordered, String shortName) {
        this.key = key;
        this.test = test;
        this.unordered = unordered;
        this.shortName = shortName;
    }

    /** @return a short, stable identifier used in metric keys and JSON, e.g. {@code "psi"} */
    public String key() {
        return key;
    }

    /** @return a short display name for tables, e.g. {@code "KS D"} */
    public String shortName() {
        return shortName;
    }

    /**
     * @return true for hypothesis tests: drift is a p-value <em>below</em> the threshold (the measured value is the
     *     test statistic); false for distances: drift is a value <em>at or above</em> the threshold
     */
    public boolean isTest() {
        return test;
    }

    /** @return true if it applies to categorical and boolean columns (besides ordered ones, which it bins) */
    public boolean appliesToUnordered() {
        return unordered;
    }

    /**
     * @param key a {@link #key()}
     * @return the method
     * @throws dev.mlops4j.InvalidInputException if there is none with that key
     */
    public static DriftMethod ofKey(String key) {
        for (DriftMethod m : values()) {
            if (m.key.equals(key)) {
                return m;
            }
        }
        throw new dev.mlops4j.InvalidInputException("unknown drift method '" + key + "'; known: "
                + java.util.Arrays.stream(values()).map(DriftMethod::key).toList());
    }
}
