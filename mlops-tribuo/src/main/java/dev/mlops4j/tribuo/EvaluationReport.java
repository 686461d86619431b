package dev.mlops4j.tribuo;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.gate.SliceKeys;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.StringJoiner;
import java.util.TreeMap;
import org.tribuo.evaluation.Evaluation;

/**
 * The result of a tracked evaluation: Tribuo's own evaluation object, the metrics that were logged, the metrics
 * that could not be computed and why, and Tribuo's evaluation of every slice.
 *
 * @param evaluation Tribuo's evaluation of the whole test set
 * @param metrics every metric key logged (with prefix, including per-slice keys) and its value
 * @param unavailable metrics that were not logged, with the reason (e.g. AUC for a model without probabilities)
 * @param slices slicer column, then slice value, to Tribuo's evaluation of that slice
 * @param <E> the evaluation type ({@code LabelEvaluation}, {@code RegressionEvaluation})
 */
public record EvaluationReport<E extends Evaluation<?>>(E evaluation, SortedMap<String, Double> metrics,
                                                        SortedMap<String, String> unavailable,
                                                        Map<String, SortedMap<String, E>> slices) {
    public EvaluationReport {
        Objects.requireNonNull(evaluation, "evaluation");
        metrics = Collections.unmodifiableSortedMap(new TreeMap<>(metrics));
        unavailable = Collections.unmodifiableSortedMap(new TreeMap<>(unavailable));
        Map<String, SortedMap<String, E>> copy = new LinkedHashMap<>();
        slices.forEach((k, v) -> copy.put(k, Collections.unmodifiableSortedMap(new TreeMap<>(v))));
        slices = Collections.unmodifiableMap(copy);
    }

    /**
     * @param key a metric key as logged
     * @return its value
     * @throws InvalidInputException if it was not logged
     */
    public double metric(String key) {
        Double v = metrics.get(key);
        if (v == null) {
            throw new InvalidInputException("no metric '" + key + "' was logged"
                    + (unavailable.containsKey(key) ? ": " + unavailable.get(key) : "; logged: " + metrics.keySet()));
        }
        return v;
    }

    /**
     * @return the overall metrics (without per-class, per-dimension and per-slice ones) on one line, what was
     *     unavailable and which slices were evaluated, then Tribuo's own evaluation report (per-class precision,
     *     recall and F1, or per-dimension errors)
     */
    @Override
    public String toString() {
        StringJoiner overall = new StringJoiner(", ");
        int detailed = 0;
        for (Map.Entry<String, Double> e : metrics.entrySet()) {
            String k = e.getKey();
            if (k.startsWith(SliceKeys.PREFIX) || k.contains("class/") || k.contains("dim/")) {
                detailed++;
            } else {
                overall.add(k + "=" + format(e.getValue()));
            }
        }
        StringBuilder sb = new StringBuilder("EvaluationReport: ").append(overall);
        sb.append("\n  ").append(metrics.size()).append(" metrics logged (").append(detailed)
                .append(" per class, dimension or slice)");
        if (!unavailable.isEmpty()) {
            sb.append("\n  unavailable: ").append(String.join(", ", unavailable.keySet())).append(" (")
                    .append(unavailable.values().iterator().next()).append(')');
        }
        slices.forEach((column, bySlice) -> sb.append("\n  slices of ").append(column).append(": ")
                .append(String.join(", ", bySlice.keySet())));
        return sb.append('\n').append(evaluation).toString();
    }

    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.6g", v)
                .replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
    }
}
