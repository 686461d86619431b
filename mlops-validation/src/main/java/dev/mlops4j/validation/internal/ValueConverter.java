package dev.mlops4j.validation.internal;

import dev.mlops4j.validation.data.ColumnType;
import dev.mlops4j.validation.data.Row;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Converts Java objects (values of maps, records, arrays) to typed cells. Strings are parsed with a
 * {@link TextParser}; a value of another kind that does not fit the column type (a {@code Double} in an
 * integer column, a {@code Long} in a categorical one) becomes an invalid cell, which validation reports as a
 * wrong type. Stateless and thread-safe.
 */
public final class ValueConverter {
    private final TextParser text;

    /** @param text how strings are parsed */
    public ValueConverter(TextParser text) {
        this.text = text;
    }

    /**
     * @param row the row
     * @param column the column index
     * @param type the column type
     * @param value the value, {@code null} for missing
     */
    public void write(Row row, int column, ColumnType type, Object value) {
        if (value == null) {
            row.setMissing(column);
            return;
        }
        // Fast paths first: an exact class test is one compare, whereas instanceof against an interface such
        // as CharSequence scans the class's secondary supertypes, which dominated profiles of this hot loop.
        Class<?> k = value.getClass();
        // reference comparisons instead of a switch: no ordinal load and lookup per cell in the hot loop
        if (type == ColumnType.FLOATING) {
            if (k == Double.class) {
                row.setDouble(column, (Double) value);
                return;
            }
        } else if (type == ColumnType.INTEGER) {
            if (k == Long.class || k == Integer.class || k == Short.class || k == Byte.class) {
                row.setLong(column, ((Number) value).longValue());
                return;
            }
        } else if (type == ColumnType.CATEGORICAL) {
            if (k == String.class) {
                row.setString(column, (String) value);
                return;
            }
        } else if (type == ColumnType.BOOLEAN) {
            if (k == Boolean.class) {
                row.setBoolean(column, (Boolean) value);
                return;
            }
        } else if (type == ColumnType.DATE) {
            if (k == LocalDate.class) {
                row.setLong(column, ((LocalDate) value).toEpochDay());
                return;
            }
        } else if (k == Instant.class) {
            row.setLong(column, ((Instant) value).toEpochMilli());
            return;
        }
        writeSlow(row, column, type, value);
    }

    private void writeSlow(Row row, int column, ColumnType type, Object value) {
        if (value instanceof CharSequence && type != ColumnType.CATEGORICAL) {
            text.parseInto(row, column, type, value.toString());
            return;
        }
        switch (type) {
            case INTEGER:
                if (value instanceof AtomicInteger || value instanceof AtomicLong) {
                    row.setLong(column, ((Number) value).longValue());
                } else if (value instanceof BigInteger && ((BigInteger) value).bitLength() < 64) {
                    row.setLong(column, ((BigInteger) value).longValue());
                } else {
                    row.setInvalid(column, describe(value));
                }
                return;
            case FLOATING:
                if (value instanceof Number) {
                    row.setDouble(column, ((Number) value).doubleValue());
                } else {
                    row.setInvalid(column, describe(value));
                }
                return;
            case CATEGORICAL:
                if (value instanceof Enum<?>) {
                    row.setString(column, ((Enum<?>) value).name());
                } else if (value instanceof Number || value instanceof Boolean || isTemporal(value)) {
                    row.setInvalid(column, describe(value));
                } else {
                    row.setString(column, value.toString());
                }
                return;
            case TIMESTAMP: {
                long ms = epochMilli(value);
                if (ms == Long.MIN_VALUE) {
                    row.setInvalid(column, describe(value));
                } else {
                    row.setLong(column, ms);
                }
                return;
            }
            default:
                row.setInvalid(column, describe(value));
                return;
        }
    }

    private static long epochMilli(Object value) {
        if (value instanceof Instant) {
            return ((Instant) value).toEpochMilli();
        }
        if (value instanceof OffsetDateTime) {
            return ((OffsetDateTime) value).toInstant().toEpochMilli();
        }
        if (value instanceof ZonedDateTime) {
            return ((ZonedDateTime) value).toInstant().toEpochMilli();
        }
        if (value instanceof LocalDateTime) {
            return ((LocalDateTime) value).toInstant(ZoneOffset.UTC).toEpochMilli();
        }
        if (value instanceof Date) {
            return ((Date) value).getTime();
        }
        return Long.MIN_VALUE;
    }

    private static boolean isTemporal(Object value) {
        return value instanceof java.time.temporal.Temporal || value instanceof Date;
    }

    private static String describe(Object value) {
        String s = String.valueOf(value);
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }

    /**
     * The column type a Java class maps to.
     *
     * @param type a value class (boxed or primitive)
     * @return the column type, or {@code null} if none fits
     */
    public static ColumnType typeOf(Class<?> type) {
        if (type == long.class || type == int.class || type == short.class || type == byte.class
                || type == Long.class || type == Integer.class || type == Short.class || type == Byte.class
                || type == BigInteger.class || type == AtomicInteger.class || type == AtomicLong.class) {
            return ColumnType.INTEGER;
        }
        if (type == double.class || type == float.class || type == Double.class || type == Float.class
                || type == BigDecimal.class || Number.class.isAssignableFrom(type)) {
            return ColumnType.FLOATING;
        }
        if (type == boolean.class || type == Boolean.class) {
            return ColumnType.BOOLEAN;
        }
        if (type == LocalDate.class) {
            return ColumnType.DATE;
        }
        if (type == Instant.class || type == LocalDateTime.class || type == OffsetDateTime.class
                || type == ZonedDateTime.class || Date.class.isAssignableFrom(type)) {
            return ColumnType.TIMESTAMP;
        }
        if (CharSequence.class.isAssignableFrom(type) || type.isEnum() || type == char.class
                || type == Character.class) {
            return ColumnType.CATEGORICAL;
        }
        return null;
    }

    /**
     * Votes on a column type from a sampled value's class (see {@link TypeVotes}).
     *
     * @param votes the votes
     * @param value a non-null value
     */
    public static void vote(TypeVotes votes, Object value) {
        ColumnType t = typeOf(value.getClass());
        if (t == null || t == ColumnType.CATEGORICAL) {
            votes.addCategorical();
        } else {
            votes.add(t == ColumnType.BOOLEAN, t == ColumnType.INTEGER,
                    t == ColumnType.INTEGER || t == ColumnType.FLOATING, t == ColumnType.DATE,
                    t == ColumnType.TIMESTAMP);
        }
    }
}
