package dev.mlops4j.validation.drift;

import dev.mlops4j.validation.data.ColumnType;

/**
 * A coherent set of defaults: which method judges each column, the thresholds, the binning, the minimum sample
 * size and the data-set verdict. Every setting can be overridden on {@link DriftDetector.Builder}.
 *
 * <h2>{@link #DEFAULT}: defensible for small and large samples</h2>
 * <ul>
 * <li>Fewer than {@value #DEFAULT_MIN_SAMPLE} values on either side: {@link DriftStatus#NOT_ENOUGH_DATA}, never an
 *     alarm.</li>
 * <li>While the <em>smaller</em> side has at most 1,000 values: a test, because a test accounts for sample size.
 *     {@link DriftMethod#KOLMOGOROV_SMIRNOV} for ordered columns with more than 5 distinct values,
 *     {@link DriftMethod#CHI_SQUARED} (homogeneity) for categorical and boolean columns and for ordered columns with
 *     at most 5 values. Thresholds p &lt; 0.1 warning, p &lt; 0.05 drift.</li>
 * <li>Above 1,000 values on both sides: {@link DriftMethod#PSI} on 10 reference-decile bins (values as bins for
 *     columns with at most 20 reference values, categories for categorical columns), thresholds 0.1 warning, 0.25
 *     drift, the levels of the credit-scoring practice. With large samples every p-value becomes "significant"
 *     for differences nobody cares about (Evidently's users hit this, and Evidently switched to distances above
 *     1,000 reference rows); a distance measures <em>how much</em> changed. The smaller side decides, not the
 *     reference alone as in Evidently, because a distance on a small current batch is mostly sampling noise (the
 *     PSI of two samples of one distribution is about {@code (B - 1)(1/n_ref + 1/n_cur)}).</li>
 * <li>Data set: DRIFT when at least half of the judged columns drifted; no multiple-testing correction.</li>
 * </ul>
 *
 * <h2>{@link #EVIDENTLY}: Evidently's data-drift selection rules</h2>
 * With {@code n} the reference's value count and {@code u} the distinct values of both sides together: if
 * {@code n <= 1000}, ordered columns with {@code u <= 5} and categorical columns use
 * {@link DriftMethod#CHI_SQUARED_GOODNESS_OF_FIT} ({@code u > 2}) or {@link DriftMethod#Z_TEST} ({@code u <= 2}),
 * other ordered columns {@link DriftMethod#KOLMOGOROV_SMIRNOV}, all at p &lt; 0.05; if {@code n > 1000}, ordered
 * columns with {@code u <= 5} and categorical columns use {@link DriftMethod#JENSEN_SHANNON_DISTANCE} (natural log: Evidently calls
 * scipy's {@code jensenshannon} without a base, so a distance of 0.1 there is 0.1 / sqrt(ln 2) = 0.12 in base 2)
 * and other ordered columns {@link DriftMethod#WASSERSTEIN_NORMED}, both drifting at 0.1. Binning
 * {@link Binning#STURGES}; no minimum sample beyond the tests' own (2 values); data set DRIFT when at least half of
 * the columns drifted; no warning band.
 *
 * <h2>{@link #TFDV}: TensorFlow Data Validation / Vertex AI skew and drift</h2>
 * {@link DriftMethod#JENSEN_SHANNON_DIVERGENCE} (log base 2, {@link Binning#TFDV}) for ordered columns,
 * {@link DriftMethod#L_INFINITY} for categorical and boolean ones, both drifting at 0.3 (Vertex AI Model
 * Monitoring's default threshold); no minimum sample (1 value); data set DRIFT when any column drifted, as a TFDV
 * drift comparator makes the anomaly report fail.
 *
 * <h2>Thresholds (warning / drift)</h2>
 * <table>
 * <caption>Default thresholds per preset</caption>
 * <tr><th>method</th><th>DEFAULT</th><th>EVIDENTLY</th><th>TFDV</th></tr>
 * <tr><td>tests (KS, chi-squared, z): p &lt;</td><td>0.1 / 0.05</td><td>0.05</td><td>0.1 / 0.05</td></tr>
 * <tr><td>PSI</td><td>0.1 / 0.25</td><td>0.1</td><td>0.1 / 0.25</td></tr>
 * <tr><td>JS distance</td><td>0.1 / 0.2</td><td>0.1</td><td>0.1 / 0.2</td></tr>
 * <tr><td>JS divergence</td><td>0.01 / 0.04 (the squares of the distance's)</td><td>0.01</td><td>0.3</td></tr>
 * <tr><td>L-infinity</td><td>0.1 / 0.2</td><td>0.1</td><td>0.3</td></tr>
 * <tr><td>Wasserstein / sd_ref</td><td>0.1 / 0.2</td><td>0.1</td><td>0.1 / 0.2</td></tr>
 * </table>
 * Monitors, in every preset: missing-fraction change 0.05 / 0.1, new-category share 0.01 / 0.05, increase of the
 * share outside the reference's mean &plusmn; 2 sd 0.05 / 0.1 (see {@link Monitor}).
 */
public enum DriftPreset {
    /** mlops4j's defaults: tests for small samples, PSI above 1,000 values on both sides, a minimum sample. */
    DEFAULT,
    /** Evidently's selection rules and thresholds. */
    EVIDENTLY,
    /** TFDV / Vertex AI: JS divergence for ordered columns, L-infinity for categorical ones, threshold 0.3. */
    TFDV;

    /** The minimum number of values per side of {@link #DEFAULT}. */
    public static final int DEFAULT_MIN_SAMPLE = 30;
    /** Up to this many values (DEFAULT: on the smaller side; EVIDENTLY: in the reference) tests are used. */
    public static final int TEST_REGIME_MAX_VALUES = 1000;
    /** Ordered columns with at most this many distinct values (both sides) are judged like categorical ones. */
    public static final int FEW_VALUES = 5;

    /** @return values needed on each side before a column is judged */
    public int minSampleSize() {
        switch (this) {
            case DEFAULT:
                return DEFAULT_MIN_SAMPLE;
            case EVIDENTLY:
                return 2;
            default:
                return 1;
        }
    }

    /** @return how ordered columns are binned */
    public Binning binning() {
        switch (this) {
            case EVIDENTLY:
                return Binning.STURGES;
            case TFDV:
                return Binning.TFDV;
            default:
                return Binning.REFERENCE_QUANTILES;
        }
    }

    /** @return the number of bins for ordered columns (where the binning uses a count) */
    public int bins() {
        return 10;
    }

    /**
     * @return ordered columns whose reference has at most this many distinct values (counted exactly) are binned by
     *     value, one bin per value of either side (Evidently's rule, 20); 0 for TFDV, whose histograms always use
     *     equal-width buckets
     */
    public int valueBinLimit() {
        return this == TFDV ? 0 : 20;
    }

    /**
     * @return the logarithm base of the Jensen-Shannon methods: e for {@link #EVIDENTLY} (scipy's default, which
     *     Evidently uses), 2 otherwise (TFDV's, and the one that bounds the divergence and distance by 1)
     */
    public double logBase() {
        return this == EVIDENTLY ? Math.E : 2;
    }

    /**
     * @return the share of judged columns that must drift for the data set to drift (0 for TFDV: any column; the
     *     data set needs at least one drifted column in every preset)
     */
    public double driftShare() {
        return this == TFDV ? 0 : 0.5;
    }

    /**
     * @param method a method
     * @return its default thresholds in this preset
     */
    public Thresholds thresholds(DriftMethod method) {
        if (method.isTest()) {
            return this == EVIDENTLY ? Thresholds.single(0.05) : Thresholds.of(0.1, 0.05);
        }
        switch (method) {
            case PSI:
                return this == EVIDENTLY ? Thresholds.single(0.1) : Thresholds.of(0.1, 0.25);
            case JENSEN_SHANNON_DIVERGENCE:
                return this == TFDV ? Thresholds.single(0.3)
                        : this == EVIDENTLY ? Thresholds.single(0.01) : Thresholds.of(0.01, 0.04);
            case L_INFINITY:
                return this == TFDV ? Thresholds.single(0.3)
                        : this == EVIDENTLY ? Thresholds.single(0.1) : Thresholds.of(0.1, 0.2);
            default:
                // JS distance and normed Wasserstein: Evidently's drift level 0.1
                return this == EVIDENTLY ? Thresholds.single(0.1) : Thresholds.of(0.1, 0.2);
        }
    }

    /**
     * Chooses the method for a column, by the rules above.
     *
     * @param type the column type (of the reference)
     * @param distinctValues distinct values of both sides together, or -1 if not counted exactly (many)
     * @param referenceValues present values in the reference (NaN excluded)
     * @param currentValues present values in the current data (NaN excluded)
     * @return the method
     */
    public DriftMethod select(ColumnType type, long distinctValues, long referenceValues, long currentValues) {
        boolean ordered = type.isOrdered();
        boolean few = distinctValues >= 0 && distinctValues <= FEW_VALUES;
        switch (this) {
            case TFDV:
                return ordered ? DriftMethod.JENSEN_SHANNON_DIVERGENCE : DriftMethod.L_INFINITY;
            case EVIDENTLY:
                if (referenceValues <= TEST_REGIME_MAX_VALUES) {
                    if (ordered && !few) {
                        return DriftMethod.KOLMOGOROV_SMIRNOV;
                    }
                    return distinctValues >= 0 && distinctValues <= 2 ? DriftMethod.Z_TEST
                            : DriftMethod.CHI_SQUARED_GOODNESS_OF_FIT;
                }
                return ordered && !few ? DriftMethod.WASSERSTEIN_NORMED : DriftMethod.JENSEN_SHANNON_DISTANCE;
            default:
                if (Math.min(referenceValues, currentValues) <= TEST_REGIME_MAX_VALUES) {
                    return ordered && !few ? DriftMethod.KOLMOGOROV_SMIRNOV : DriftMethod.CHI_SQUARED;
                }
                return DriftMethod.PSI;
        }
    }
}
