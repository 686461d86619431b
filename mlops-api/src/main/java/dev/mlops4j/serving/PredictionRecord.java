package dev.mlops4j.serving;

import dev.mlops4j.model.Prediction;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A served prediction as recorded for monitoring: input, output, version and timing.
 *
 * @param modelName the registered model
 * @param version the version that predicted
 * @param alias the alias the handle follows
 * @param at when the prediction was made
 * @param features the input as given (a copy; null values kept as NaN)
 * @param prediction the output
 * @param issues input issues that were let through
 * @param latencyNanos how long checking and predicting took
 */
public record PredictionRecord(String modelName, int version, String alias, Instant at, Map<String, Double> features,
                               Prediction prediction, List<InputIssue> issues, long latencyNanos) {
    public PredictionRecord {
        Objects.requireNonNull(modelName, "modelName");
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(at, "at");
        features = Map.copyOf(features);
        Objects.requireNonNull(prediction, "prediction");
        issues = List.copyOf(issues);
    }
}
