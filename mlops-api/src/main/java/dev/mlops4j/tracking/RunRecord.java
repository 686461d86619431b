package dev.mlops4j.tracking;

import dev.mlops4j.internal.TextTable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A snapshot of a run: its attributes, params, the latest value of each metric, and tags.
 *
 * @param info attributes and lifecycle
 * @param params immutable string parameters
 * @param latestMetrics the latest point per metric key (see {@link Metric#LATEST_ORDER})
 * @param tags mutable annotations, including system tags under {@link SystemTags#PREFIX}
 */
public record RunRecord(RunInfo info, Map<String, String> params, Map<String, Metric> latestMetrics,
                        Map<String, String> tags) {
    public RunRecord {
        Objects.requireNonNull(info, "info");
        params = Map.copyOf(params == null ? Map.of() : params);
        latestMetrics = Map.copyOf(latestMetrics == null ? Map.of() : latestMetrics);
        tags = Map.copyOf(tags == null ? Map.of() : tags);
    }

    /** @return the run id */
    public String runId() {
        return info.runId();
    }

    /** @return the run's status */
    public RunStatus status() {
        return info.status();
    }

    /**
     * @param key metric name
     * @return the latest value of the metric, empty if it was never logged
     */
    public OptionalDouble metric(String key) {
        Metric m = latestMetrics.get(key);
        return m == null ? OptionalDouble.empty() : OptionalDouble.of(m.value());
    }

    /**
     * @param key param name
     * @return the param's value, empty if it was never logged
     */
    public Optional<String> param(String key) {
        return Optional.ofNullable(params.get(key));
    }

    /**
     * @param key tag name
     * @return the tag's value, empty if not set
     */
    public Optional<String> tag(String key) {
        return Optional.ofNullable(tags.get(key));
    }

    /**
     * @return the run's attributes on one line, then params, latest metrics (with their steps) and tags as aligned
     *     key-value lists
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(info.toString()).append('\n');
        appendSection(sb, "params", rows(params, v -> List.of(v)));
        // The step is a column of its own, so that the steps line up whatever the width of the values.
        appendSection(sb, "metrics", rows(latestMetrics,
                m -> List.of(TextTable.number(m.value()), "(step " + m.step() + ")")));
        appendSection(sb, "tags", rows(tags, v -> List.of(v)));
        return sb.toString();
    }

    private static <V> List<List<String>> rows(Map<String, V> values, Function<V, List<String>> cells) {
        List<List<String>> rows = new ArrayList<>();
        new TreeMap<>(values).forEach((k, v) -> {
            List<String> row = new ArrayList<>();
            row.add(k);
            row.addAll(cells.apply(v));
            rows.add(row);
        });
        return rows;
    }

    private static void appendSection(StringBuilder sb, String title, List<List<String>> rows) {
        if (rows.isEmpty()) {
            return;
        }
        sb.append("  ").append(title).append(":\n");
        List<String> header = Collections.nCopies(rows.get(0).size(), "");
        // The table's header and rule are dropped: a key-value list reads better without them.
        TextTable.render("    ", header, rows).lines().skip(2).forEach(l -> sb.append(l).append('\n'));
    }
}
