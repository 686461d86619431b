package dev.mlops4j.validation.drift.history;

import dev.mlops4j.validation.drift.internal.MetricNames;
import dev.mlops4j.validation.profile.ColumnProfile;
import dev.mlops4j.validation.profile.FrequentValue;
import dev.mlops4j.validation.profile.Profile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The standard data-quality metrics of a profile, as recorded by {@link QualityHistory#record(String,
 * java.time.LocalDate, Profile)}.
 *
 * <table>
 * <caption>Metric names ({@code <c>} is the column name, characters metric keys do not allow replaced by _)</caption>
 * <tr><th>name</th><th>value</th><th>columns</th></tr>
 * <tr><td>{@code rows}</td><td>well-formed rows</td><td>data set</td></tr>
 * <tr><td>{@code malformed_rows}</td><td>rows that could not be read</td><td>data set</td></tr>
 * <tr><td>{@code <c>.missing_fraction}</td><td>missing cells / rows</td><td>all</td></tr>
 * <tr><td>{@code <c>.invalid_fraction}</td><td>cells of the wrong type / rows</td><td>all</td></tr>
 * <tr><td>{@code <c>.distinct}</td><td>distinct values (estimate past the exact bound)</td><td>all</td></tr>
 * <tr><td>{@code <c>.mean}, {@code .stddev}, {@code .min}, {@code .max}</td><td>of the numbers (population sd)</td>
 *     <td>ordered; booleans: mean = share of true</td></tr>
 * <tr><td>{@code <c>.zeros_fraction}, {@code .nan_fraction}</td><td>zeros / rows, NaN / rows</td><td>ordered</td></tr>
 * <tr><td>{@code <c>.top_fraction}</td><td>share of the most frequent value among present values</td>
 *     <td>categorical</td></tr>
 * </table>
 */
public final class QualityMetrics {
    /** Rows of the data set. */
    public static final String ROWS = "rows";
    /** Malformed rows of the data set. */
    public static final String MALFORMED_ROWS = "malformed_rows";
    /** Suffix of a column's missing fraction. */
    public static final String MISSING_FRACTION = ".missing_fraction";
    /** Suffix of a column's invalid fraction. */
    public static final String INVALID_FRACTION = ".invalid_fraction";
    /** Suffix of a column's distinct count. */
    public static final String DISTINCT = ".distinct";
    /** Suffix of a column's mean. */
    public static final String MEAN = ".mean";

    private QualityMetrics() {
    }

    /**
     * @param column a column name
     * @param suffix one of the suffixes, e.g. {@link #MISSING_FRACTION}
     * @return the metric name, e.g. {@code "age.missing_fraction"}
     */
    public static String of(String column, String suffix) {
        return MetricNames.sanitize(column) + suffix;
    }

    /**
     * @param profile a profile
     * @return its quality metrics, data-set metrics first, then column by column
     */
    public static Map<String, Double> of(Profile profile) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put(ROWS, (double) profile.rowCount());
        m.put(MALFORMED_ROWS, (double) profile.malformedRows());
        for (ColumnProfile c : profile.columns()) {
            String p = MetricNames.sanitize(c.name());
            double rows = c.rows();
            m.put(p + MISSING_FRACTION, rows == 0 ? 0 : c.missing() / rows);
            m.put(p + INVALID_FRACTION, rows == 0 ? 0 : c.invalid() / rows);
            m.put(p + DISTINCT, (double) c.distinct().estimate());
            c.mean().ifPresent(v -> m.put(p + MEAN, v));
            if (c.type().isOrdered()) {
                c.stddev().ifPresent(v -> m.put(p + ".stddev", v));
                c.min().ifPresent(v -> m.put(p + ".min", v));
                c.max().ifPresent(v -> m.put(p + ".max", v));
                m.put(p + ".zeros_fraction", rows == 0 ? 0 : c.zeros() / rows);
                m.put(p + ".nan_fraction", rows == 0 ? 0 : c.nanCount() / rows);
            } else if (c.count() > 0 && !c.type().equals(dev.mlops4j.validation.data.ColumnType.BOOLEAN)) {
                List<FrequentValue> top = c.topValues(1);
                if (!top.isEmpty()) {
                    m.put(p + ".top_fraction", (double) top.get(0).count() / c.count());
                }
            }
        }
        return m;
    }
}
