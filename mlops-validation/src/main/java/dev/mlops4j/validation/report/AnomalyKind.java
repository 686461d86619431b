package dev.mlops4j.validation.report;

/**
 * The kinds of anomaly a {@link Validator} reports, modelled on TensorFlow Data Validation's anomaly types
 * (named after each constant) and grouped: data set, column presence, cell values, column statistics.
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
