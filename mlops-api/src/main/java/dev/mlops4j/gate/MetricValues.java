package dev.mlops4j.gate;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.Runs;
import dev.mlops4j.registry.ModelVersion;
import dev.mlops4j.tracking.Metric;
import dev.mlops4j.tracking.RunRecord;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * The metric values a gate is evaluated against: a run's latest metrics, a model version's recorded metrics,
 * or any map. Per-slice metrics are ordinary entries named by {@link SliceKeys}.
 *
 * @param source what the values describe, shown in results, e.g. {@code "run 3f2a…"} or {@code "wine v3"}
 * @param values metric key to value (NaN and infinities allowed)
 */
public record MetricValues(String source, Map<String, Double> values) {
    // toString shows this many values; runs with per-class and per-slice metrics have hundreds.
    private static final int SHOWN = 20;

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
     * The metrics of a registered model version: the latest metrics of the run that produced it, overlaid by those of
     * the run that evaluated it if it names one ({@link ModelVersion#evaluationRunId()}; a metric both runs have is the
     * evaluation's). These are what a registry promotion's gate judges. Use it to evaluate a gate against a version,
     * e.g. the one holding an alias: {@code gate.evaluate(MetricValues.of(runs, candidate), MetricValues.of(runs,
     * champion))}.
     *
     * @param runs where the version's runs are read
     * @param version a model version
     * @return its latest metric values, with source {@code "models:/<name>/<version> (run <id>)"} or
     *     {@code "models:/<name>/<version> (run <id>, evaluated by run <id>)"}, the text a registry promotion shows
     * @throws dev.mlops4j.NotFoundException if the version's run or evaluation run does not exist
     */
    public static MetricValues of(Runs runs, ModelVersion version) {
        Objects.requireNonNull(runs, "runs");
        Objects.requireNonNull(version, "version");
        Map<String, Double> values = new LinkedHashMap<>(of(runs.get(version.runId())).values());
        Optional<String> evaluation = version.evaluationRunId();
        evaluation.ifPresent(id -> values.putAll(of(runs.get(id)).values()));
        return new MetricValues(version.uri() + " (run " + version.runId()
                + evaluation.map(id -> ", evaluated by run " + id).orElse("") + ")", values);
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

    /**
     * @return the source, the number of values and the first 20 of them in key order (JShell, logs),
     *     e.g. {@code MetricValues[run 3f2a: 3 values: accuracy=0.95, macro_f1=0.94, rmse=0.3]}
     */
    @Override
    public String toString() {
        StringJoiner shown = new StringJoiner(", ");
        int n = 0;
        for (Map.Entry<String, Double> e : new TreeMap<>(values).entrySet()) {
            if (n++ == SHOWN) {
                break;
            }
            shown.add(e.getKey() + "=" + Numbers.format(e.getValue().doubleValue()));
        }
        String more = values.size() > SHOWN ? ", ... (" + (values.size() - SHOWN) + " more)" : "";
        return "MetricValues[" + source + ": " + values.size() + (values.size() == 1 ? " value" : " values")
                + (values.isEmpty() ? "" : ": " + shown + more) + "]";
    }
}
