/**
 * How reports are written: {@link dev.mlops4j.report.internal.Markup} (the only path by which text reaches a report,
 * escaping everything), {@link dev.mlops4j.report.internal.HtmlPage} (the shared document frame and style sheet),
 * {@link dev.mlops4j.report.internal.Formats} (numbers, times), and one renderer per report, such as
 * {@link dev.mlops4j.report.internal.RunComparisonHtml}. Charts are in
 * {@link dev.mlops4j.report.internal.chart}; the data pages (profile, validation, drift) and the binning they share
 * in {@link dev.mlops4j.report.internal.data}.
 *
 * <p><b>Internal and unstable:</b> nothing in this package or its sub-packages is part of the public API; names and
 * behaviour may change in any release. Use {@link dev.mlops4j.report.Reports}.
 */
package dev.mlops4j.report.internal;
