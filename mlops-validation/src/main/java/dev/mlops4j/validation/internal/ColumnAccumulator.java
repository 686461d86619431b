package dev.mlops4j.validation.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops4j.validation.data.ColumnType;
import dev.mlops4j.validation.data.Row;
import dev.mlops4j.validation.profile.DistinctCount;
import dev.mlops4j.validation.profile.FrequentValue;
import dev.mlops4j.validation.profile.Histogram;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The statistics of one column, updated row by row in bounded memory and mergeable with the statistics of
 * another chunk of the same column. Subclasses per kind of column keep the hot loop monomorphic.
 *
 * <p>Not thread-safe while accepting rows. Once {@link #finish() finished} it is never changed again and its
 * reads are thread-safe (those that touch sketches are synchronized, because DataSketches builds sorted views
 * lazily on first read).
 */
public abstract class ColumnAccumulator {
    /** Column name. */
    protected final String name;
    /** Column type. */
    protected final ColumnType type;
    /** Index of the column in the rows being read, or -1 for a merged or deserialised accumulator. */
    protected final int column;
    /** Sketch sizes. */
    protected final ProfileSettings settings;
    /** Present values (including NaN). */
    protected long count;
    /** Missing cells. */
    protected long missing;
    /** Invalid (wrong-typed) cells. */
    protected long invalid;

    /**
     * @param name column name
     * @param type column type
     * @param column column index in the rows, -1 if not reading
     * @param settings sketch sizes
     */
    protected ColumnAccumulator(String name, ColumnType type, int column, ProfileSettings settings) {
        this.name = name;
        this.type = type;
        this.column = column;
        this.settings = settings;
    }

    /**
     * Creates the accumulator for a column type.
     *
     * @param name column name
     * @param type column type
     * @param column column index in the rows
     * @param settings sketch sizes
     * @return a fresh accumulator
     */
    public static ColumnAccumulator create(String name, ColumnType type, int column, ProfileSettings settings) {
        switch (type) {
            case CATEGORICAL:
                return new CategoricalAccumulator(name, column, settings);
            case BOOLEAN:
                return new BooleanAccumulator(name, column, settings);
            default:
                return new NumericAccumulator(name, type, column, settings);
        }
    }

    /** @param row the next row (well-formed) */
    public abstract void accept(Row row);

    /** Completes the pass (flushes buffers); called once after the last row, before any statistic is read. */
    public void finish() {
    }

    /**
     * @param other statistics of another chunk of the same column (same type)
     * @return a new accumulator holding both; neither input changes
     */
    public abstract ColumnAccumulator merge(ColumnAccumulator other);

    /** @param node receives the derived, human-readable statistics and the mergeable state */
    public abstract void writeJson(ObjectNode node);

    /** @return column name */
    public final String name() {
        return name;
    }

    /** @return column type */
    public final ColumnType type() {
        return type;
    }

    /** @return present values */
    public final long count() {
        return count;
    }

    /** @return missing cells */
    public final long missing() {
        return missing;
    }

    /** @return invalid cells */
    public final long invalid() {
        return invalid;
    }

    /** @return NaN values (floating columns) */
    public long nanCount() {
        return 0;
    }

    /** @return values equal to zero (numeric columns) */
    public long zeros() {
        return 0;
    }

    /** @return the minimum number, if any */
    public OptionalDouble min() {
        return OptionalDouble.empty();
    }

    /** @return the maximum number, if any */
    public OptionalDouble max() {
        return OptionalDouble.empty();
    }

    /** @return the mean, if any number */
    public OptionalDouble mean() {
        return OptionalDouble.empty();
    }

    /** @return the population standard deviation, if any number */
    public OptionalDouble stddev() {
        return OptionalDouble.empty();
    }

    /** @return the distinct count */
    public abstract DistinctCount distinct();

    /**
     * @param rank normalised rank in [0, 1]
     * @return the quantile, empty for unordered columns or no numbers
     */
    public OptionalDouble quantile(double rank) {
        return OptionalDouble.empty();
    }

    /** @return the normalised rank error of quantiles: 0 when exact */
    public double quantileRankError() {
        return 0;
    }

    /**
     * @param bins number of buckets
     * @return the histogram, empty for unordered columns
     */
    public Histogram histogram(int bins) {
        return new Histogram(List.of(), true);
    }

    /**
     * @param k how many
     * @return the most frequent values, most frequent first (ties by value)
     */
    public abstract List<FrequentValue> topValues(int k);

    /** @return every value with its exact count, if the column had few enough distinct values */
    public abstract Optional<List<FrequentValue>> allValues();

    /**
     * The numbers of the column as a step distribution, for comparing two data sets (drift).
     *
     * @return the distribution; empty for unordered columns, columns without numbers, or ordered columns past the
     *     exact bound profiled without a quantile sketch
     */
    public Optional<WeightedValues> weightedValues() {
        return Optional.empty();
    }

    /**
     * The values of the column with their counts, for comparing two data sets category by category (drift).
     *
     * @return the counts; empty for ordered columns past the exact bound (their values are then only sketched)
     */
    public Optional<CategoryCounts> categoryCounts() {
        return Optional.empty();
    }

    /**
     * Writes the counters common to every column.
     *
     * @param node target
     */
    protected final void writeCounts(ObjectNode node) {
        node.put("name", name);
        node.put("type", type.name());
        node.put("count", count);
        node.put("missing", missing);
        node.put("invalid", invalid);
    }

    /**
     * Reads the counters common to every column.
     *
     * @param node source
     */
    protected final void readCounts(ObjectNode node) {
        count = Json.longField(node, "count");
        missing = Json.longField(node, "missing");
        invalid = Json.longField(node, "invalid");
    }

    /**
     * A column absent from a chunk of {@code rows} rows, for merging with the chunks that have it: every row of
     * that chunk is a missing cell.
     *
     * @param name column name
     * @param type column type
     * @param rows the rows of the chunk without the column
     * @param settings sketch sizes
     * @return an accumulator with only missing cells
     */
    public static ColumnAccumulator absent(String name, ColumnType type, long rows, ProfileSettings settings) {
        ColumnAccumulator a = create(name, type, -1, settings);
        a.missing = rows;
        return a;
    }

    /**
     * Adds the other's counters to this one's.
     *
     * @param other another accumulator
     */
    protected final void addCounts(ColumnAccumulator other) {
        count += other.count;
        missing += other.missing;
        invalid += other.invalid;
    }
}
