/**
 * Drift and skew: comparing a current data set (or profile) with a reference, column by column.
 *
 * <p>A {@link dev.mlops4j.validation.drift.DriftDetector} compares two {@link dev.mlops4j.validation.data.Table
 * tables} or {@link dev.mlops4j.validation.profile.Profile profiles} and returns a
 * {@link dev.mlops4j.validation.drift.DriftReport}: per column a {@link dev.mlops4j.validation.drift.ColumnDrift}
 * with the deciding {@link dev.mlops4j.validation.drift.Measurement} (the method chosen by the
 * {@link dev.mlops4j.validation.drift.DriftPreset preset} from the column type and the sample sizes, or configured),
 * the simple {@link dev.mlops4j.validation.drift.Monitor monitors}, and a verdict; for the data set the share of
 * drifted columns, optionally after a {@link dev.mlops4j.validation.drift.MultipleTesting multiple-testing
 * correction}.
 *
 * <p>Every number says what it is: the methods ({@link dev.mlops4j.validation.drift.DriftMethod}) are defined exactly
 * (Jensen-Shannon distance or divergence and the log base, chi-squared homogeneity or goodness of fit, PSI bins and
 * the share of an empty bin), each measurement carries its definition, what it was computed from (exact values or
 * sketches with their errors) and, for tests, whether the p-value is exact or asymptotic
 * ({@link dev.mlops4j.validation.drift.PValueKind}).
 *
 * <p>Sources of the numbers: with raw data, and with profiles whose columns were counted exactly (few distinct
 * values, or small samples), everything is computed from the exact values; the Kolmogorov-Smirnov test is then exact
 * for samples under 10,000 values. Beyond a profile's exact bound the comparison uses its sketches: the KLL quantile
 * sketch as a distribution function (KS statistic, Wasserstein distance, bin shares, each within the sketches' rank
 * errors) and the frequent-items sketch for categories. P-values come from Apache Commons Statistics.
 *
 * <p>Beyond one comparison: {@link dev.mlops4j.validation.drift.SegmentedDriftReport per-segment drift} within each
 * value of a grouping column, and {@link dev.mlops4j.validation.drift.WindowedDriftReport windows} over time-ordered
 * data with {@link dev.mlops4j.validation.drift.AlertBand alert bands} derived from the reference's own chunks (mean
 * &plusmn; 3 sd, as NannyML does). The data-quality history over days lives in
 * {@link dev.mlops4j.validation.drift.history}.
 *
 * <p>Reports print as aligned tables, serialise to versioned JSON, and log on a tracked run as an artifact plus
 * {@code drift.*} metrics.
 */
package dev.mlops4j.validation.drift;
