package dev.mlops4j.validation.report;

/**
 * The kinds of anomaly a {@link Validator} reports, modelled on TensorFlow Data Validation's anomaly types
 * (named after each constant) and grouped: data set, column presence, cell values, column statistics.
 *
 * <p>TFDV's list ({@code tensorflow_metadata/proto/v0/anomalies.proto}, {@code AnomalyInfo.Type}) is the reference.
 * Where each of its types went:
 * <table>
 * <caption>TFDV anomaly types and their mlops4j counterparts</caption>
 * <tr><th>TFDV type(s)</th><th>here</th></tr>
 * <tr><td>{@code DATASET_LOW_NUM_EXAMPLES}, {@code NO_DATA_IN_SPAN}</td><td>{@link #EMPTY_DATA_SET},
 *     {@link #TOO_FEW_ROWS}</td></tr>
 * <tr><td>{@code DATASET_HIGH_NUM_EXAMPLES}</td><td>{@link #TOO_MANY_ROWS}</td></tr>
 * <tr><td>{@code SCHEMA_MISSING_COLUMN}, {@code FEATURE_TYPE_NOT_PRESENT}</td><td>{@link #MISSING_COLUMN} (a column
 *     present in the file but without any value is {@link #TOO_MANY_MISSING})</td></tr>
 * <tr><td>{@code SCHEMA_NEW_COLUMN}, {@code SCHEMA_TRAINING_SERVING_SKEW}</td><td>{@link #UNEXPECTED_COLUMN} (with
 *     {@link dev.mlops4j.validation.schema.Environment environments}: a column excluded from the environment)</td></tr>
 * <tr><td>{@code FEATURE_TYPE_LOW_FRACTION_PRESENT}, {@code FEATURE_TYPE_LOW_NUMBER_PRESENT}</td><td>{@link
 *     #TOO_MANY_MISSING} (a minimum count of values: {@code Check.hasCompleteness} with the row count)</td></tr>
 * <tr><td>{@code INT_TYPE_NOT_INT_STRING}, {@code INT_TYPE_INT_EXPECTED}, {@code INT_TYPE_STRING_EXPECTED},
 *     {@code INT_TYPE_NOT_STRING}, {@code INT_TYPE_UNKNOWN_TYPE_NUMBER}, {@code FLOAT_TYPE_NOT_FLOAT},
 *     {@code FLOAT_TYPE_STRING_NOT_FLOAT}, {@code FLOAT_TYPE_NON_STRING}, {@code FLOAT_TYPE_UNKNOWN_TYPE_NUMBER},
 *     {@code BOOL_TYPE_*_NOT_*}, {@code BOOL_TYPE_UNEXPECTED_STRING}, {@code BOOL_TYPE_UNEXPECTED_FLOAT},
 *     {@code ENUM_TYPE_BYTES_NOT_STRING}, {@code UNEXPECTED_DATA_TYPE}</td><td>{@link #WRONG_TYPE}</td></tr>
 * <tr><td>{@code INT_TYPE_SMALL_INT}, {@code FLOAT_TYPE_SMALL_FLOAT}, {@code BOOL_TYPE_SMALL_INT}</td><td>{@link
 *     #VALUE_BELOW_RANGE}</td></tr>
 * <tr><td>{@code INT_TYPE_BIG_INT}, {@code FLOAT_TYPE_BIG_FLOAT}, {@code FLOAT_TYPE_BIG_INT},
 *     {@code BOOL_TYPE_BIG_INT}</td><td>{@link #VALUE_ABOVE_RANGE}</td></tr>
 * <tr><td>{@code ENUM_TYPE_UNEXPECTED_STRING_VALUES}</td><td>{@link #UNEXPECTED_CATEGORICAL_VALUE}</td></tr>
 * <tr><td>{@code FLOAT_TYPE_HAS_NAN}</td><td>{@link #NAN_VALUES}</td></tr>
 * <tr><td>{@code FEATURE_TYPE_LOW_UNIQUE}, {@code FEATURE_TYPE_HIGH_UNIQUE}</td><td>{@link
 *     #DISTINCT_COUNT_BELOW_MIN}, {@link #DISTINCT_COUNT_ABOVE_MAX}</td></tr>
 * <tr><td>{@code ENUM_TYPE_INVALID_UTF8}</td><td>{@link #MALFORMED_ROWS}: a CSV record with bytes that are not valid
 *     in the file's encoding is a malformed row with its line number</td></tr>
 * <tr><td>{@code COMPARATOR_L_INFINITY_HIGH}, {@code COMPARATOR_JENSEN_SHANNON_DIVERGENCE_HIGH},
 *     {@code COMPARATOR_NORMALIZED_ABSOLUTE_DIFFERENCE_HIGH}, {@code COMPARATOR_LOW_NUM_EXAMPLES},
 *     {@code COMPARATOR_HIGH_NUM_EXAMPLES}, {@code COMPARATOR_CONTROL_DATA_MISSING},
 *     {@code COMPARATOR_TREATMENT_DATA_MISSING}</td><td>not anomalies of one data set but comparisons of two: a
 *     {@link dev.mlops4j.validation.drift.DriftReport} (with {@link dev.mlops4j.validation.drift.DriftPreset#TFDV}
 *     its L-infinity and Jensen-Shannon divergence, {@code NOT_ENOUGH_DATA} and {@code NOT_COMPARABLE} verdicts),
 *     which stops a pipeline with {@code throwIfDrift()}</td></tr>
 * <tr><td>{@code CUSTOM_VALIDATION}</td><td>constraint checks ({@link dev.mlops4j.validation.check.Check})</td></tr>
 * <tr><td>{@code DOMAIN_INVALID_FOR_TYPE}, {@code INVALID_SCHEMA_SPECIFICATION}, {@code INVALID_DOMAIN_SPECIFICATION},
 *     {@code FEATURE_MISSING_NAME}, {@code FEATURE_MISSING_TYPE}</td><td>errors in the schema itself: rejected with an
 *     {@link dev.mlops4j.InvalidInputException} when the schema is edited or read from JSON, before any data is
 *     validated</td></tr>
 * <tr><td>{@code STATS_NOT_AVAILABLE}</td><td>cannot happen: the validator profiles the data in the same pass</td></tr>
 * <tr><td>{@code FEATURE_TYPE_NO_VALUES}, {@code FEATURE_TYPE_LOW_NUMBER_VALUES},
 *     {@code FEATURE_TYPE_HIGH_NUMBER_VALUES}, {@code FEATURE_TYPE_UNEXPECTED_REPEATED},
 *     {@code VALUE_NESTEDNESS_MISMATCH}, {@code INVALID_FEATURE_SHAPE}, {@code SEQUENCE_VALUE_*},
 *     {@code WEIGHTED_FEATURE_*}, {@code SPARSE_FEATURE_*}, {@code DERIVED_FEATURE_*},
 *     {@code LOW_SUPPORTED_IMAGE_FRACTION}, {@code MAX_IMAGE_BYTE_SIZE_EXCEEDED}, {@code FEATURE_COVERAGE_*}</td><td>not
 *     applicable: they concern TensorFlow's multivalent, nested, sparse, image and tokenised features; a cell of a
 *     table holds one value</td></tr>
 * <tr><td>{@code STRING_TYPE_NOW_INT}, {@code STRING_TYPE_NOW_FLOAT}</td><td>not reported: a categorical column whose
 *     values all parse as numbers is valid; {@link dev.mlops4j.validation.schema.Schema#infer} of a new profile
 *     shows the narrower type</td></tr>
 * <tr><td>{@code MULTIPLE_REASONS}, {@code UNKNOWN_TYPE}</td><td>not needed: each finding is its own anomaly with one
 *     kind</td></tr>
 * </table>
 */
public enum AnomalyKind {
    /** The data set has no well-formed rows. TFDV: {@code DATASET_LOW_NUM_EXAMPLES} (with zero examples). */
    EMPTY_DATA_SET,
    /** Fewer rows than the schema's minimum. TFDV: {@code DATASET_LOW_NUM_EXAMPLES}. */
    TOO_FEW_ROWS,
    /** More rows than the schema's maximum. TFDV: {@code DATASET_HIGH_NUM_EXAMPLES}. */
    TOO_MANY_ROWS,
    /**
     * Rows that could not be read at all, e.g. CSV lines with the wrong number of fields; samples carry line
     * numbers. No TFDV equivalent (its CSV decoder fails the whole job).
     */
    MALFORMED_ROWS,
    /** A required schema column is absent from the data. TFDV: {@code SCHEMA_MISSING_COLUMN}. */
    MISSING_COLUMN,
    /**
     * A data column the schema does not know, or one excluded from the environment being validated (e.g. the
     * label in serving data). TFDV: {@code SCHEMA_NEW_COLUMN}.
     */
    UNEXPECTED_COLUMN,
    /**
     * Values that do not fit the column's type, e.g. text in an integer column. TFDV: {@code
     * INT_TYPE_NOT_INT_STRING}, {@code FLOAT_TYPE_STRING_NOT_FLOAT}, {@code BOOL_TYPE_UNEXPECTED_STRING} and the
     * other {@code *_TYPE_*_NOT_*} types.
     */
    WRONG_TYPE,
    /** Values below the column's minimum. TFDV: {@code INT_TYPE_SMALL_INT}, {@code FLOAT_TYPE_SMALL_FLOAT}. */
    VALUE_BELOW_RANGE,
    /** Values above the column's maximum. TFDV: {@code INT_TYPE_BIG_INT}, {@code FLOAT_TYPE_BIG_FLOAT}. */
    VALUE_ABOVE_RANGE,
    /** Categorical values outside the column's domain. TFDV: {@code ENUM_TYPE_UNEXPECTED_STRING_VALUES}. */
    UNEXPECTED_CATEGORICAL_VALUE,
    /** NaN in a floating column that disallows it. TFDV: {@code FLOAT_TYPE_HAS_NAN}. */
    NAN_VALUES,
    /** A larger fraction of rows without a value than allowed. TFDV: {@code FEATURE_TYPE_LOW_FRACTION_PRESENT}. */
    TOO_MANY_MISSING,
    /** Fewer distinct values than the schema's minimum. TFDV: {@code FEATURE_TYPE_LOW_UNIQUE}. */
    DISTINCT_COUNT_BELOW_MIN,
    /** More distinct values than the schema's maximum. TFDV: {@code FEATURE_TYPE_HIGH_UNIQUE}. */
    DISTINCT_COUNT_ABOVE_MAX
}
