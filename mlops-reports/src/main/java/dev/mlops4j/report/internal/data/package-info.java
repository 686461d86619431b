/**
 * The data pages: {@link dev.mlops4j.report.internal.data.ProfileHtml} (profile and validation),
 * {@link dev.mlops4j.report.internal.data.DriftHtml} (drift), and
 * {@link dev.mlops4j.report.internal.data.Distribution}, which turns one or two column profiles into bars on common
 * bins by inverting the profiles' quantile functions.
 *
 * <p><b>Internal and unstable:</b> not part of the public API. Use {@link dev.mlops4j.report.DataReports}.
 */
package dev.mlops4j.report.internal.data;
