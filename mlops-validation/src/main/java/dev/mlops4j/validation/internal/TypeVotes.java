package dev.mlops4j.validation.internal;

import dev.mlops4j.validation.data.ColumnType;

/**
 * Counts, over sampled values, which column types each value fits, and picks the narrowest type that at
 * least 99% of them fit (boolean, integer, floating, date, timestamp), else categorical.
 */
public final class TypeVotes {
    private long total;
    private long bool;
    private long integer;
    private long floating;
    private long date;
    private long timestamp;

    /**
     * Records one non-missing value.
     *
     * @param isBool fits boolean
     * @param isInteger fits integer
     * @param isFloating fits floating
     * @param isDate fits date
     * @param isTimestamp fits timestamp
     */
    public void add(boolean isBool, boolean isInteger, boolean isFloating, boolean isDate, boolean isTimestamp) {
        total++;
        bool += isBool ? 1 : 0;
        integer += isInteger ? 1 : 0;
        floating += isFloating ? 1 : 0;
        date += isDate ? 1 : 0;
        timestamp += isTimestamp ? 1 : 0;
    }

    /** Records one value that fits no type but categorical. */
    public void addCategorical() {
        total++;
    }

    /** @return the inferred type; categorical when no value was seen */
    public ColumnType result() {
        if (total == 0) {
            return ColumnType.CATEGORICAL;
        }
        if (enough(bool)) {
            return ColumnType.BOOLEAN;
        }
        if (enough(integer)) {
            return ColumnType.INTEGER;
        }
        if (enough(floating)) {
            return ColumnType.FLOATING;
        }
        if (enough(date)) {
            return ColumnType.DATE;
        }
        if (enough(timestamp)) {
            return ColumnType.TIMESTAMP;
        }
        return ColumnType.CATEGORICAL;
    }

    private boolean enough(long fits) {
        return fits > 0 && fits * 100 >= total * 99;
    }
}
