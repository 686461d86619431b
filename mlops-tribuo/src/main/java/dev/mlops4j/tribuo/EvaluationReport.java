package dev.mlops4j.tribuo;

import dev.mlops4j.InvalidInputException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
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
}
