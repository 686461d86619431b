/**
 * Data validation for mlops4j: statistics profiles, schemas, anomaly reports and constraint checks, in
 * process and in bounded memory.
 *
 * <p>The pieces, in the order a pipeline uses them:
 * <ol>
 * <li>{@link dev.mlops4j.validation.data} reads tabular data row by row (CSV files, in-memory maps and
 *     records, or any {@link dev.mlops4j.validation.data.Table} you implement), so data larger than memory
 *     is streamed.</li>
 * <li>{@link dev.mlops4j.validation.profile} computes a mergeable statistics
 *     {@link dev.mlops4j.validation.profile.Profile} per data set (counts, distinct counts, moments, quantiles,
 *     histograms, frequent values) with Apache DataSketches, and serialises it as versioned JSON.</li>
 * <li>{@link dev.mlops4j.validation.schema} infers a {@link dev.mlops4j.validation.schema.Schema} from a
 *     profile and lets a person edit it fluently or as JSON, as TensorFlow Data Validation does.</li>
 * <li>{@link dev.mlops4j.validation.report} validates data against a schema and reports anomalies.</li>
 * <li>{@link dev.mlops4j.validation.check} runs Deequ-like constraint checks in one pass and suggests
 *     checks from a profile.</li>
 * <li>{@link dev.mlops4j.validation.drift} compares a current data set or profile with a reference (drift and skew:
 *     PSI, Kolmogorov-Smirnov, chi-squared, Jensen-Shannon, L-infinity, Wasserstein), per segment and over time
 *     windows; {@link dev.mlops4j.validation.drift.history} keeps data-quality metrics per data set and date and
 *     flags unusual days.</li>
 * </ol>
 *
 * <p>Profiles, schemas and reports can be logged on a tracked {@link dev.mlops4j.Run} as JSON artifacts and
 * read back. Failures callers should handle are {@link dev.mlops4j.MlopsException}s: invalid arguments and
 * malformed JSON raise {@link dev.mlops4j.InvalidInputException}, data that fails validation raises
 * {@link dev.mlops4j.validation.DataValidationException}.
 */
package dev.mlops4j.validation;
