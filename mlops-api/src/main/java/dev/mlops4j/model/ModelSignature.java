package dev.mlops4j.model;

import java.util.List;
import java.util.Objects;

/**
 * What a loaded model expects and returns.
 *
 * @param featureNames the feature names the model knows, sorted; inputs with other names are ignored by most
 *                     frameworks, so callers should check their inputs against this list
 * @param task the kind of prediction
 * @param outputs the class labels (classification) or output dimension names (regression), sorted
 * @param probabilistic true if classification scores are probabilities
 */
public record ModelSignature(List<String> featureNames, ModelTask task, List<String> outputs, boolean probabilistic) {
    public ModelSignature {
        featureNames = List.copyOf(featureNames);
        Objects.requireNonNull(task, "task");
        outputs = List.copyOf(outputs);
    }
}
