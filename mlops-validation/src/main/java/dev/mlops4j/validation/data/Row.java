package dev.mlops4j.validation.data;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A reusable, mutable buffer holding one row of a {@link Table}: for each column a state (missing, present,
 * or invalid) and a value in the column type's canonical representation (see {@link ColumnType}).
 *
 * <p>Readers ({@link RowCursor}) fill it; profilers, validators and checks read it. It is reused for every
 * row of a pass, so nothing per row is allocated beyond the cell values themselves; do not keep references
 * to a row across {@link RowCursor#next(Row)} calls. Not thread-safe.
 *
 * <p>Numeric views: a present cell of an integer, boolean (0 or 1), date (epoch day) or timestamp (epoch
 * millisecond) column has both {@link #longValue(int)} and {@link #doubleValue(int)}; a floating cell only
 * {@link #doubleValue(int)}.
 */
public final class Row {
    private static final byte MISSING = 0;
    private static final byte PRESENT = 1;
    private static final byte INVALID = 2;

    private final byte[] states;
    private final long[] longs;
    private final double[] doubles;
    private final String[] texts;
    private long lineNumber;
    private String malformedReason;
    private String malformedText;

    /** @param width the number of columns */
    public Row(int width) {
        states = new byte[width];
        longs = new long[width];
        doubles = new double[width];
        texts = new String[width];
    }

    /** @return the number of columns */
    public int width() {
        return states.length;
    }

    /** Marks every cell missing and the row well-formed; keeps the line number. */
    public void clear() {
        java.util.Arrays.fill(states, MISSING);
        java.util.Arrays.fill(texts, null);
        malformedReason = null;
        malformedText = null;
    }

    // ---- writing -------------------------------------------------------------------------------------

    /**
     * Starts a new row: sets where it comes from and marks it well-formed (cells keep their previous content
     * until overwritten, so a reader must set every cell). The position is the 1-based line number for text
     * files (the header is line 1; a record spanning lines reports its first line), the 1-based row index for
     * in-memory sources.
     *
     * @param line the position
     */
    public void setLineNumber(long line) {
        this.lineNumber = line;
        this.malformedReason = null;
        this.malformedText = null;
    }

    /** @param column column index; the cell becomes missing */
    public void setMissing(int column) {
        states[column] = MISSING;
        texts[column] = null;
    }

    /**
     * Sets an integer, date (epoch day) or timestamp (epoch millisecond) cell.
     *
     * @param column column index
     * @param value the value
     */
    public void setLong(int column, long value) {
        states[column] = PRESENT;
        longs[column] = value;
        doubles[column] = value;
    }

    /**
     * @param column column index
     * @param value a floating value; NaN is a value, not a missing cell
     */
    public void setDouble(int column, double value) {
        states[column] = PRESENT;
        doubles[column] = value;
    }

    /**
     * @param column column index
     * @param value a boolean value
     */
    public void setBoolean(int column, boolean value) {
        setLong(column, value ? 1L : 0L);
    }

    /**
     * @param column column index
     * @param value a categorical value; {@code null} makes the cell missing
     */
    public void setString(int column, String value) {
        if (value == null) {
            setMissing(column);
        } else {
            states[column] = PRESENT;
            texts[column] = value;
        }
    }

    /**
     * Records a value that does not conform to the column's type (e.g. {@code "abc"} in an integer column).
     *
     * @param column column index
     * @param rawText the value as text, for reports
     */
    public void setInvalid(int column, String rawText) {
        states[column] = INVALID;
        texts[column] = rawText;
    }

    /**
     * Marks the whole row unreadable, e.g. a CSV line with the wrong number of fields. Consumers count it
     * and skip its cells.
     *
     * @param reason what was wrong, e.g. {@code "expected 14 fields, found 13"}
     * @param rawText the raw text of the row, possibly abbreviated, for reports
     */
    public void markMalformed(String reason, String rawText) {
        this.malformedReason = reason;
        this.malformedText = rawText;
    }

    // ---- reading -------------------------------------------------------------------------------------

    /** @return the position of this row in its source (see {@link #setLineNumber(long)}) */
    public long lineNumber() {
        return lineNumber;
    }

    /** @return true if the row could not be read; its cells are then meaningless */
    public boolean isMalformed() {
        return malformedReason != null;
    }

    /** @return why the row is malformed, or {@code null} */
    public String malformedReason() {
        return malformedReason;
    }

    /** @return the raw text of a malformed row, or {@code null} */
    public String malformedText() {
        return malformedText;
    }

    /** @param column column index @return true if the cell has no value */
    public boolean isMissing(int column) {
        return states[column] == MISSING;
    }

    /** @param column column index @return true if the cell has a value of the column's type */
    public boolean isPresent(int column) {
        return states[column] == PRESENT;
    }

    /** @param column column index @return true if the cell has a value that does not fit the column's type */
    public boolean isInvalid(int column) {
        return states[column] == INVALID;
    }

    /**
     * @param column column index of a present integer, boolean, date or timestamp cell
     * @return its integral value (epoch day for dates, epoch milliseconds for timestamps, 0/1 for booleans)
     */
    public long longValue(int column) {
        return longs[column];
    }

    /** @param column column index of a present non-categorical cell @return its numeric view */
    public double doubleValue(int column) {
        return doubles[column];
    }

    /** @param column column index of a present boolean cell @return its value */
    public boolean booleanValue(int column) {
        return longs[column] != 0;
    }

    /** @param column column index of a present categorical cell @return its value */
    public String stringValue(int column) {
        return texts[column];
    }

    /** @param column column index of an invalid cell @return the offending value as text */
    public String invalidText(int column) {
        return texts[column];
    }

    /**
     * @param column column index
     * @param type the column's type
     * @return the cell's value as its canonical Java object ({@code Long}, {@code Double}, {@code String},
     *     {@code Boolean}, {@code LocalDate}, {@code Instant}), {@code null} if missing, the raw text if invalid
     */
    public Object value(int column, ColumnType type) {
        switch (states[column]) {
            case MISSING:
                return null;
            case INVALID:
                return texts[column];
            default:
                break;
        }
        switch (type) {
            case INTEGER:
                return longs[column];
            case FLOATING:
                return doubles[column];
            case CATEGORICAL:
                return texts[column];
            case BOOLEAN:
                return longs[column] != 0;
            case DATE:
                return LocalDate.ofEpochDay(longs[column]);
            case TIMESTAMP:
                return Instant.ofEpochMilli(longs[column]);
            default:
                throw new IllegalArgumentException("unknown type " + type);
        }
    }

    /**
     * @param column column index
     * @param type the column's type
     * @return the cell as text for reports: {@code "null"} if missing, the raw text if invalid
     */
    public String format(int column, ColumnType type) {
        Object v = value(column, type);
        return v == null ? "null" : v.toString();
    }
}
