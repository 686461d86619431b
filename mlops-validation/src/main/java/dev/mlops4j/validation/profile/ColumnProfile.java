package dev.mlops4j.validation.profile;

import dev.mlops4j.validation.data.ColumnType;
import dev.mlops4j.validation.internal.ColumnAccumulator;
import dev.mlops4j.validation.internal.TextTable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The statistics of one column of a {@link Profile}. Immutable.
 *
 * <p>Counts partition the rows: {@code count() + missing() + invalid() == rows()}. Numeric statistics (min,
 * max, mean, standard deviation, quantiles, histogram) exist for ordered types (integer, floating, date as
 * epoch day, timestamp as epoch millisecond) and exclude NaN; booleans have a mean (the fraction of true).
 * Distinct counts and value frequencies are exact up to the profiler's bound (see {@link DistinctCount}).
 */
public final class ColumnProfile {
    /** The ranks reported by {@link #quantiles()}. */
    public static final List<Double> STANDARD_RANKS = List.of(0.0, 0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99, 1.0);

    private final ColumnAccumulator stats;
    private final long rows;
    private final int topK;
    private final int bins;

    ColumnProfile(ColumnAccumulator stats, long rows, int topK, int bins) {
        this.stats = stats;
        this.rows = rows;
        this.topK = topK;
        this.bins = bins;
    }

    ColumnAccumulator stats() {
        return stats;
    }

    /** @return the column name */
    public String name() {
        return stats.name();
    }

    /** @return the column type */
    public ColumnType type() {
        return stats.type();
    }

    /** @return well-formed rows of the data set */
    public long rows() {
        return rows;
    }

    /** @return cells with a value of the column's type (NaN included) */
    public long count() {
        return stats.count();
    }

    /** @return cells without a value */
    public long missing() {
        return stats.missing();
    }

    /** @return cells with a value that does not fit the column's type */
    public long invalid() {
        return stats.invalid();
    }

    /** @return {@code missing() / rows()}, 0 for no rows */
    public double missingFraction() {
        return rows == 0 ? 0 : (double) stats.missing() / rows;
    }

    /** @return NaN values (floating columns) */
    public long nanCount() {
        return stats.nanCount();
    }

    /** @return values equal to zero (numeric columns) */
    public long zeros() {
        return stats.zeros();
    }

    /** @return the smallest number, empty if none */
    public OptionalDouble min() {
        return stats.min();
    }

    /** @return the largest number, empty if none */
    public OptionalDouble max() {
        return stats.max();
    }

    /** @return the mean (for booleans: the fraction of true), empty if no value */
    public OptionalDouble mean() {
        return stats.mean();
    }

    /** @return the population standard deviation, empty if no number */
    public OptionalDouble stddev() {
        return stats.stddev();
    }

    /** @return the number of distinct values (NaN counts as one) */
    public DistinctCount distinct() {
        return stats.distinct();
    }

    /**
     * @param rank normalised rank in [0, 1]
     * @return the smallest value whose normalised rank is at least {@code rank}; exact while the column has
     *     few distinct values, else within {@link #quantileRankError()}; empty if not ordered, no number, or the
     *     profile was computed without quantile sketches ({@link Profiler.Builder#quantiles(boolean)})
     */
    public OptionalDouble quantile(double rank) {
        return stats.quantile(rank);
    }

    /** @return the quantiles at {@link #STANDARD_RANKS}; empty if not ordered or no number */
    public List<Quantile> quantiles() {
        List<Quantile> out = new ArrayList<>();
        for (double r : STANDARD_RANKS) {
            OptionalDouble q = quantile(r);
            if (q.isPresent()) {
                out.add(new Quantile(r, q.getAsDouble()));
            }
        }
        return out;
    }

    /** @return the normalised rank error of {@link #quantile(double)}: 0 when exact, NaN without a quantile sketch */
    public double quantileRankError() {
        return stats.quantileRankError();
    }

    /** @return the histogram with the profiler's number of buckets */
    public Histogram histogram() {
        return stats.histogram(bins);
    }

    /**
     * @param buckets number of equal-width buckets
     * @return the histogram between min and max
     */
    public Histogram histogram(int buckets) {
        return stats.histogram(buckets);
    }

    /** @return the profiler's top-k most frequent values, most frequent first */
    public List<FrequentValue> topValues() {
        return stats.topValues(topK);
    }

    /**
     * @param k how many
     * @return the most frequent values, most frequent first (for numeric columns only while counted exactly)
     */
    public List<FrequentValue> topValues(int k) {
        return stats.topValues(k);
    }

    /** @return every distinct value with its exact count, if there were few enough to count exactly */
    public Optional<List<FrequentValue>> allValues() {
        return stats.allValues();
    }

    /**
     * @param value a numeric view of a value of this column
     * @return it as text: a date for date columns, an instant for timestamps, a number otherwise
     */
    public String format(double value) {
        switch (type()) {
            case DATE:
                return LocalDate.ofEpochDay((long) value).toString();
            case TIMESTAMP:
                return Instant.ofEpochMilli((long) value).toString();
            default:
                return TextTable.number(value);
        }
    }

    /**
     * @param spread a standard deviation (or another difference) in this column's numeric view
     * @return it as text: days for date columns, a duration for timestamps, a number otherwise
     */
    public String formatSpread(double spread) {
        switch (type()) {
            case DATE:
                return TextTable.number(spread) + " days";
            case TIMESTAMP:
                return java.time.Duration.ofMillis(Math.round(spread)).toString();
            default:
                return TextTable.number(spread);
        }
    }

    /** @return the mean as text: a date or instant for those types (the mean day or instant), else a number */
    String formatMean() {
        if (!mean().isPresent()) {
            return "";
        }
        double m = mean().getAsDouble();
        return type() == ColumnType.DATE || type() == ColumnType.TIMESTAMP ? format(Math.floor(m)) : TextTable.number(m);
    }

    /** @return the distinct count as text, {@code ~} marking an estimate */
    String formatDistinct() {
        return (distinct().exact() ? "" : "~") + distinct().estimate();
    }

    /**
     * @return every statistic of the column on a few lines (counts, range, moments, quantiles, top values and the
     *     histogram), for JShell
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(name()).append(" (").append(type()).append("): ").append(rows())
                .append(" rows, count=").append(count()).append(", missing=").append(missing()).append(" (")
                .append(TextTable.percent(missingFraction())).append("), invalid=").append(invalid())
                .append(", distinct=").append(formatDistinct());
        if (type() == ColumnType.FLOATING) {
            sb.append(", NaN=").append(nanCount());
        }
        if (type().isNumeric()) {
            sb.append(", zeros=").append(zeros());
        }
        if (min().isPresent()) {
            sb.append("\n  min=").append(format(min().getAsDouble())).append(", max=")
                    .append(format(max().getAsDouble()));
        }
        if (mean().isPresent()) {
            sb.append(min().isPresent() ? ", " : "\n  ").append("mean=").append(formatMean());
            if (stddev().isPresent()) {
                sb.append(", stddev=").append(formatSpread(stddev().getAsDouble()));
            }
        }
        List<Quantile> qs = quantiles();
        if (!qs.isEmpty()) {
            sb.append("\n  quantiles").append(quantileRankError() > 0 ? " (rank error "
                    + TextTable.percent(quantileRankError()) + ")" : "").append(": ");
            for (int i = 0; i < qs.size(); i++) {
                Quantile q = qs.get(i);
                sb.append(i == 0 ? "" : ", ").append('p').append(TextTable.number(q.rank() * 100)).append('=')
                        .append(format(q.value()));
            }
        }
        List<FrequentValue> top = topValues(type().isOrdered() ? 5 : 10);
        if (!top.isEmpty()) {
            sb.append("\n  top values: ");
            for (int i = 0; i < top.size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(top.get(i));
            }
        }
        sb.append('\n');
        if (type().isOrdered() && min().isPresent()) {
            Histogram h = histogram();
            if (!h.buckets().isEmpty()) {
                sb.append(h.render(this::format).indent(2));
            }
        }
        return sb.toString();
    }
}
