package dev.mlops4j.tracking;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

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
        appendSection(sb, "params", new TreeMap<>(params));
        TreeMap<String, String> metrics = new TreeMap<>();
        latestMetrics.forEach((k, m) -> metrics.put(k, TextTable.number(m.value()) + "  (step " + m.step() + ")"));
        appendSection(sb, "metrics", metrics);
        appendSection(sb, "tags", new TreeMap<>(tags));
        return sb.toString();
    }

    private static void appendSection(StringBuilder sb, String title, Map<String, String> values) {
        if (values.isEmpty()) {
            return;
        }
        sb.append("  ").append(title).append(":\n");
        List<List<String>> rows = new ArrayList<>();
        values.forEach((k, v) -> rows.add(List.of(k, v)));
        // The table's header and rule are dropped: a key-value list reads better without them.
        TextTable.render("    ", List.of("", ""), rows).lines().skip(2).forEach(l -> sb.append(l).append('\n'));
    }
}
