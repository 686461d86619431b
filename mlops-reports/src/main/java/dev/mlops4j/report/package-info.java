/**
 * Self-contained HTML reports with inline SVG charts: one file per report, no JavaScript, no network fetches, every
 * piece of user input escaped. {@link dev.mlops4j.report.Reports} creates them in one call, for example
 * {@code Reports.runComparison(mlops, a, b).writeTo(path)}; each is a {@link dev.mlops4j.report.Report}.
 *
 * <p>A {@link dev.mlops4j.report.RunComparisonReport} shows runs' attributes, params and latest metrics side by side
 * (changed values highlighted, changes against the first run) and each metric's history as a line chart by step.
 *
 * <p>{@link dev.mlops4j.report.DataReports} makes the data pages, with {@code mlops-validation} on the class path: a
 * {@link dev.mlops4j.report.ProfileReport} shows a profile's per-column statistics with a histogram or top-values
 * chart per column and, for a validation report, its anomalies first with the affected columns highlighted; a
 * {@link dev.mlops4j.report.DataDriftReport} shows a drift comparison's verdicts and statistics, and the reference and
 * current distributions of every column side by side on the same bins.
 */
package dev.mlops4j.report;
