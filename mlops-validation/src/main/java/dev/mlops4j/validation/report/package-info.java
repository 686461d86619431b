/**
 * Validation reports: a {@link dev.mlops4j.validation.report.Validator} checks data against a
 * {@link dev.mlops4j.validation.schema.Schema} in one pass and returns a
 * {@link dev.mlops4j.validation.report.ValidationReport} of {@link dev.mlops4j.validation.report.Anomaly
 * anomalies}, each with a kind ({@link dev.mlops4j.validation.report.AnomalyKind}, modelled on TensorFlow Data
 * Validation's anomaly types), a severity, the count and fraction of affected rows, sample values with line
 * numbers, and a description that says how to fix the data or the schema.
 *
 * <p>A report is valid when it has no ERROR anomaly; {@code throwIfInvalid()} raises a
 * {@link dev.mlops4j.validation.DataValidationException}. Reports print as aligned tables, serialise to
 * versioned JSON and can be logged on a run.
 */
package dev.mlops4j.validation.report;
