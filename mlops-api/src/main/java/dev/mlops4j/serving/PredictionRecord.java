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
 * @param at when the prediction was made, as the handle's recording thread tells it: that thread's clock tick,
 *           refreshed about every millisecond while predictions flow (a clock read per prediction would cost more
 *           than the 2% the recording may add), and the clock itself for a prediction made while that thread idled;
 *           so it may lag the prediction by about a millisecond, or by as long as the sink takes with one batch
 * @param features the input as given (a copy; null values kept as NaN)
 * @param prediction the output
 * @param issues input issues that were let through
 * @param latencyNanos how long checking and predicting took, or {@link #NOT_TIMED}: a handle times one recorded
 *                     prediction in 128 per thread (two clock reads cost about a tenth of a fast prediction)
 */
public record PredictionRecord(String modelName, int version, String alias, Instant at, Map<String, Double> features,
                               Prediction prediction, List<InputIssue> issues, long latencyNanos) {
    /** The {@link #latencyNanos()} of a prediction that was recorded without being timed. */
    public static final long NOT_TIMED = -1;

    public PredictionRecord {
        Objects.requireNonNull(modelName, "modelName");
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(at, "at");
        features = Map.copyOf(features);
        Objects.requireNonNull(prediction, "prediction");
        issues = List.copyOf(issues);
    }

    /** @return true if {@link #latencyNanos()} was measured for this prediction */
    public boolean timed() {
        return latencyNanos != NOT_TIMED;
    }
}
