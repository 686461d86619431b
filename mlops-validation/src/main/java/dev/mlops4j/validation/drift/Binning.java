package dev.mlops4j.validation.drift;

/**
 * How the numbers of an ordered column are put into bins for the binned methods ({@link DriftMethod#PSI}, the
 * Jensen-Shannon methods, {@link DriftMethod#L_INFINITY} and the chi-squared tests on numbers). Categorical and
 * boolean columns, and ordered columns whose reference has at most
 * {@link DriftDetector.Builder#valueBinLimit(int) 20} distinct values (counted exactly), are binned by value
 * instead: one bin per value found on either side. Bin shares are computed from the exact value counts or, past the
 * profile's exact bound, from the KLL sketch's distribution function (each share then within about twice the sketch's
 * rank error).
 */
public enum Binning {
    /**
     * {@code B} bins cut at the reference's quantiles {@code k/B} (k = 1..B-1; numpy's {@code inverted_cdf}: the
     * smallest value whose cumulative share reaches k/B), duplicates removed; right-closed
     * {@code (-inf, e1], (e1, e2], ..., (e_{B-1}, +inf)}, so current values outside the reference's range fall in the
     * outer bins. The default: every reference bin holds about 1/B of the reference.
     */
    REFERENCE_QUANTILES,
    /**
     * {@code B} equal-width bins between the smallest and largest value of both data sets together, right-closed with
     * the first bin closed on both sides ({@code [min, e1], (e1, e2], ...}).
     */
    EQUAL_WIDTH,
    /**
     * Evidently's {@code get_binned_data}: equal-width bins over both data sets together, their number by Sturges'
     * rule ({@code ceil(log2(n_ref + n_cur) + 1)}, as numpy's {@code histogram_bin_edges(bins="sturges")}), left-closed
     * with the last bin closed ({@code [e0, e1), ..., [e_{B-1}, e_B]}); the bin count setting is ignored.
     */
    STURGES,
    /**
     * TFDV's alignment: each data set's own 10 equal-width buckets between its minimum and maximum, the bins being the
     * union of both sides' bucket edges (right-closed, first closed). TFDV spreads each bucket's count uniformly over
     * the aligned bins; here each side's share of every aligned bin comes from its distribution function instead.
     */
    TFDV
}
