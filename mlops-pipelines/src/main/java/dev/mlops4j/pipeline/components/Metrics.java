package dev.mlops4j.pipeline.components;

import dev.mlops4j.internal.TextTable;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * Named metric values passed between steps, e.g. an evaluation's accuracy and F1 for a gate.
 *
 * @param source the id of the run that logged them, when a run did (as evaluation steps do: a version registered after
 *     a gate on these metrics is then linked to that run as its evaluation), else a description of what produced them
 * @param values metric name to value, sorted
 */
public record Metrics(String source, Map<String, Double> values) {
    /** Copies and sorts the values. */
    public Metrics {
        Objects.requireNonNull(source, "source");
        values = java.util.Collections.unmodifiableMap(new TreeMap<>(values));
    }

    /** @return one line, e.g. {@code metrics of 4f2a...: accuracy=0.913333, f1=0.9} */
    @Override
    public String toString() {
        StringJoiner shown = new StringJoiner(", ", "metrics of " + source + ": ", "");
        values.forEach((k, v) -> shown.add(k + "=" + TextTable.number(v)));
        return shown.toString();
    }
}
