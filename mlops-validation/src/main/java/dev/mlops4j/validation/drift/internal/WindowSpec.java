package dev.mlops4j.validation.drift.internal;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.validation.data.ColumnType;
import dev.mlops4j.validation.data.Row;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;

/** Assigns rows to windows: a window key per row, and a label per window. */
public abstract class WindowSpec {
    /** The key of a row without a time. */
    public static final long NO_TIME = Long.MIN_VALUE;
    private static final long DAY_MILLIS = 86_400_000L;

    private WindowSpec() {
    }

    /** @return the time column, or {@code null} for windows by row count */
    public abstract String column();

    /**
     * @param row a well-formed row
     * @param index the time column's index (unused for row windows)
     * @param type the time column's type
     * @param ordinal the row's 0-based position among well-formed rows
     * @return the window key (increasing in time), or {@link #NO_TIME}
     */
    public abstract long key(Row row, int index, ColumnType type, long ordinal);

    /**
     * @param key a window key
     * @param rows the rows the window holds
     * @return a label such as {@code "2013-01-01..2013-01-31"} or {@code "rows 1-500"}
     */
    public abstract String label(long key, long rows);

    /**
     * @param type the time column's type
     * @throws InvalidInputException if windows cannot be cut on it
     */
    public void checkType(ColumnType type) {
        if (type != ColumnType.DATE && type != ColumnType.TIMESTAMP) {
            throw new InvalidInputException("windows by time need a DATE or TIMESTAMP column; '" + column() + "' is "
                    + type + " (read it with that type, e.g. CsvTable.builder(...).type(\"" + column()
                    + "\", ColumnType.DATE))");
        }
    }

    /**
     * @param n rows per window
     * @return consecutive windows of n rows
     */
    public static WindowSpec rows(int n) {
        return new WindowSpec() {
            @Override
            public String column() {
                return null;
            }

            @Override
            public long key(Row row, int index, ColumnType type, long ordinal) {
                return ordinal / n;
            }

            @Override
            public String label(long key, long rows) {
                return "rows " + (key * n + 1) + "-" + (key * n + rows);
            }
        };
    }

    /**
     * @param column a date or timestamp column
     * @param period a whole number of days, months or years (one unit)
     * @return calendar windows: n-day windows (Monday-aligned when n is a multiple of 7), n-month windows starting
     *     in January of year 0 plus multiples, n-year windows; timestamps by their UTC date
     */
    public static WindowSpec period(String column, Period period) {
        int units = (period.getDays() != 0 ? 1 : 0) + (period.getMonths() != 0 ? 1 : 0)
                + (period.getYears() != 0 ? 1 : 0);
        if (units != 1 || period.isNegative()) {
            throw new InvalidInputException("a window period must be a positive number of days, months or years (one"
                    + " unit), was " + period);
        }
        int days = period.getDays();
        int months = period.getMonths() + 12 * period.getYears();
        return new WindowSpec() {
            @Override
            public String column() {
                return column;
            }

            @Override
            public long key(Row row, int index, ColumnType type, long ordinal) {
                if (!row.isPresent(index)) {
                    return NO_TIME;
                }
                long day = type == ColumnType.DATE ? row.longValue(index)
                        : Math.floorDiv(row.longValue(index), DAY_MILLIS);
                if (days > 0) {
                    return Math.floorDiv(day + offset(), days);
                }
                LocalDate d = LocalDate.ofEpochDay(day);
                return Math.floorDiv(d.getYear() * 12L + d.getMonthValue() - 1, months);
            }

            private long offset() {
                // 1970-01-01 was a Thursday: shifting by 3 days starts 7-day windows on Mondays
                return days % 7 == 0 ? 3 : 0;
            }

            @Override
            public String label(long key, long rows) {
                LocalDate start;
                LocalDate end;
                if (days > 0) {
                    start = LocalDate.ofEpochDay(key * days - offset());
                    end = start.plusDays(days - 1);
                } else {
                    long m = key * months;
                    start = LocalDate.of((int) Math.floorDiv(m, 12), (int) Math.floorMod(m, 12) + 1, 1);
                    end = start.plusMonths(months).minusDays(1);
                }
                return start + ".." + end;
            }
        };
    }

    /**
     * @param column a timestamp (or date) column
     * @param duration a positive duration of whole milliseconds
     * @return windows of that duration aligned on the epoch
     */
    public static WindowSpec duration(String column, Duration duration) {
        if (duration.isNegative() || duration.isZero() || duration.toMillis() == 0) {
            throw new InvalidInputException("a window duration must be at least one millisecond, was " + duration);
        }
        long ms = duration.toMillis();
        return new WindowSpec() {
            @Override
            public String column() {
                return column;
            }

            @Override
            public long key(Row row, int index, ColumnType type, long ordinal) {
                if (!row.isPresent(index)) {
                    return NO_TIME;
                }
                long t = type == ColumnType.DATE ? row.longValue(index) * DAY_MILLIS : row.longValue(index);
                return Math.floorDiv(t, ms);
            }

            @Override
            public String label(long key, long rows) {
                return Instant.ofEpochMilli(key * ms) + ".." + Instant.ofEpochMilli(key * ms + ms - 1);
            }
        };
    }
}
