package dev.mlops4j.gate;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.tracking.Metric;
import dev.mlops4j.tracking.RunRecord;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The metric values a gate is evaluated against: a run's latest metrics, a model version's recorded metrics,
 * or any map. Per-slice metrics are ordinary entries named by {@link SliceKeys}.
 *
 * @param source what the values describe, shown in results, e.g. {@code "run 3f2a…"} or {@code "wine v3"}
 * @param values metric key to value (NaN and infinities allowed)
 */
public record MetricValues(String source, Map<String, Double> values) {

    public MetricValues {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(values, "values");
        Map<String, Double> copy = new LinkedHashMap<>();
        values.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "metric key"),
                Objects.requireNonNull(v, "value of metric " + k)));
        values = Map.copyOf(copy);
    }

    /**
     * @param run a run
     * @return the run's latest metric values, with source {@code "run <id>"}
     */
    public static MetricValues of(RunRecord run) {
        Objects.requireNonNull(run, "run");
        Map<String, Double> values = new LinkedHashMap<>();
        for (Map.Entry<String, Metric> e : run.latestMetrics().entrySet()) {
            values.put(e.getKey(), e.getValue().value());
        }
        return new MetricValues("run " + run.runId(), values);
    }

    /**
     * @param source what the values describe
     * @param values metric key to value
     * @return the values
     */
    public static MetricValues of(String source, Map<String, ? extends Number> values) {
        Objects.requireNonNull(values, "values");
        Map<String, Double> copy = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (v == null) {
                throw new InvalidInputException("value of metric '" + k + "' is null; give a number (NaN is allowed)");
            }
            copy.put(k, v.doubleValue());
        });
        return new MetricValues(source, copy);
    }

    /**
     * @param key metric key
     * @return its value, empty if absent
     */
    public OptionalDouble get(String key) {
        Double v = values.get(key);
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    /**
     * @param column the slicing column
     * @param metric the metric computed per slice
     * @return slice value to metric value, for every slice of {@code column} that has {@code metric}, sorted by
     *     slice value
     */
    public SortedMap<String, Double> slices(String column, String metric) {
        SortedMap<String, Double> result = new TreeMap<>();
        for (Map.Entry<String, Double> e : values.entrySet()) {
            SliceKeys.parse(e.getKey())
                    .filter(k -> k.column().equals(column) && k.metric().equals(metric))
                    .ifPresent(k -> result.put(k.value(), e.getValue()));
        }
        return result;
    }
}
