/**
 * Self-contained HTML reports with inline SVG charts: one file per report, no JavaScript, no network fetches, every
 * piece of user input escaped. {@link dev.mlops4j.report.Reports} creates them in one call, for example
 * {@code Reports.runComparison(mlops, a, b).writeTo(path)}; each is a {@link dev.mlops4j.report.Report}.
 *
 * <p>A {@link dev.mlops4j.report.RunComparisonReport} shows runs' attributes, params and latest metrics side by side
 * (changed values highlighted, changes against the first run) and each metric's history as a line chart by step.
 */
package dev.mlops4j.report;
