package dev.mlops4j.validation.drift.internal;

import dev.mlops4j.validation.data.ColumnType;
import dev.mlops4j.validation.internal.CategoryCounts;
import dev.mlops4j.validation.internal.ColumnAccumulator;
import dev.mlops4j.validation.internal.NumericAccumulator;
import dev.mlops4j.validation.internal.WeightedValues;
import java.util.Optional;

/**
 * What drift detection reads from one column of a profile. Distributions are extracted lazily and once, because
 * building a sketch's sorted view costs more than everything else per column.
 */
public final class ColumnData {
    private final ColumnAccumulator stats;
    private final long rows;
    private Optional<WeightedValues> numbers;
    private Optional<CategoryCounts> categories;

    /**
     * @param stats the column's statistics
     * @param rows the rows of its data set
     */
    public ColumnData(ColumnAccumulator stats, long rows) {
        this.stats = stats;
        this.rows = rows;
    }

    /** @return the column name */
    public String name() {
        return stats.name();
    }

    /** @return the column type */
    public ColumnType type() {
        return stats.type();
    }

    /** @return the rows of the data set */
    public long rows() {
        return rows;
    }

    /** @return missing cells */
    public long missing() {
        return stats.missing();
    }

    /** @return the values compared: numbers (NaN excluded) for ordered columns, present values otherwise */
    public long values() {
        return stats instanceof NumericAccumulator ? ((NumericAccumulator) stats).numbers() : stats.count();
    }

    /** @return the mean of the numbers, NaN if none */
    public double mean() {
        return stats.mean().orElse(Double.NaN);
    }

    /** @return the smallest number, NaN if none */
    public double min() {
        return stats.min().orElse(Double.NaN);
    }

    /** @return the largest number, NaN if none */
    public double max() {
        return stats.max().orElse(Double.NaN);
    }

    /** @return the population standard deviation of the numbers, NaN if none */
    public double stddev() {
        return stats.stddev().orElse(Double.NaN);
    }

    /** @return the numbers as a distribution, if the profile has them */
    public synchronized Optional<WeightedValues> numbers() {
        if (numbers == null) {
            numbers = stats.weightedValues();
        }
        return numbers;
    }

    /** @return the value counts of a categorical or boolean column */
    public synchronized Optional<CategoryCounts> categories() {
        if (categories == null) {
            categories = stats.categoryCounts();
        }
        return categories;
    }
}
