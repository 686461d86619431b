/**
 * A small SVG chart library for the reports: {@link dev.mlops4j.report.internal.chart.LineChart} (metric curves by
 * step) and {@link dev.mlops4j.report.internal.chart.BarChart} (latest values, histograms, reference-versus-current
 * histograms), sharing nice axis {@link dev.mlops4j.report.internal.chart.Ticks ticks}, a colour
 * {@link dev.mlops4j.report.internal.chart.Palette palette}, legends and tooltips. Every chart renders one inline
 * {@code <svg>} element with presentation attributes only, so it shows the same inside a report, saved as an
 * {@code .svg} file, or pasted elsewhere; there is no script and no external resource. Text is escaped by
 * {@link dev.mlops4j.report.internal.Markup}.
 *
 * <p><b>Internal and unstable:</b> not part of the public API; names and behaviour may change in any release.
 */
package dev.mlops4j.report.internal.chart;
