package dev.mlops4j.serving;

import dev.mlops4j.model.Prediction;
import dev.mlops4j.registry.ModelVersion;
import java.util.List;
import java.util.Objects;

/**
 * A prediction with what produced it: the version that served it and the input issues that were let through
 * (policies {@link InputPolicy#WARN} and {@link InputPolicy#COUNT}).
 *
 * @param prediction the prediction
 * @param version the version that made it
 * @param issues the input issues found (none were {@link InputPolicy#REJECT}ed)
 */
public record ServedPrediction(Prediction prediction, ModelVersion version, List<InputIssue> issues) {
    public ServedPrediction {
        Objects.requireNonNull(prediction, "prediction");
        Objects.requireNonNull(version, "version");
        issues = List.copyOf(issues);
    }
}
