package dev.mlops4j.validation.data;

/**
 * The logical type of a column. Every reader converts cell values to the canonical Java representation of
 * its column's type; a value that cannot be converted is kept as an <em>invalid</em> cell (reported as a
 * wrong-typed value, never an exception).
 *
 * <table>
 * <caption>Types and their representations</caption>
 * <tr><th>type</th><th>Java value</th><th>in a {@link Row}</th></tr>
 * <tr><td>{@link #INTEGER}</td><td>{@code Long}</td><td>{@link Row#longValue(int)}</td></tr>
 * <tr><td>{@link #FLOATING}</td><td>{@code Double}</td><td>{@link Row#doubleValue(int)}</td></tr>
 * <tr><td>{@link #CATEGORICAL}</td><td>{@code String}</td><td>{@link Row#stringValue(int)}</td></tr>
 * <tr><td>{@link #BOOLEAN}</td><td>{@code Boolean}</td><td>{@link Row#booleanValue(int)}</td></tr>
 * <tr><td>{@link #DATE}</td><td>{@code java.time.LocalDate}</td><td>epoch day in {@link Row#longValue(int)}</td></tr>
 * <tr><td>{@link #TIMESTAMP}</td><td>{@code java.time.Instant}</td><td>epoch milliseconds in
 *     {@link Row#longValue(int)}</td></tr>
 * </table>
 */
public enum ColumnType {
    /** Whole numbers (64-bit). */
    INTEGER,
    /** Floating-point numbers (IEEE double); NaN is a value, counted separately from numbers. */
    FLOATING,
    /** Strings from an open or closed set of categories. */
    CATEGORICAL,
    /** {@code true} or {@code false}. */
    BOOLEAN,
    /** A calendar date without time zone. */
    DATE,
    /** An instant on the time line, with millisecond precision. */
    TIMESTAMP;

    /** @return true for {@link #INTEGER} and {@link #FLOATING} */
    public boolean isNumeric() {
        return this == INTEGER || this == FLOATING;
    }

    /**
     * @return true for types whose values have an order and a numeric view (integer, floating, date,
     *     timestamp): they get min, max, quantiles, histograms and ranges
     */
    public boolean isOrdered() {
        return this != CATEGORICAL && this != BOOLEAN;
    }

    /** @return true for types whose numeric view is a {@code long} (integer, boolean, date, timestamp) */
    public boolean isIntegral() {
        return this != CATEGORICAL && this != FLOATING;
    }
}
