package dev.mlops4j.pipeline.components;

import java.util.Objects;

/**
 * Where a training step saved a model with its flavor descriptor, so the registry can register it.
 *
 * @param runId the run holding the model
 * @param artifactPath the model's artifact directory in that run
 * @param modelClass the model's class
 * @param dataFingerprint the training data's fingerprint
 */
public record TrainedModel(String runId, String artifactPath, String modelClass, String dataFingerprint) {
    /** Checks the components. */
    public TrainedModel {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(artifactPath, "artifactPath");
        Objects.requireNonNull(modelClass, "modelClass");
        Objects.requireNonNull(dataFingerprint, "dataFingerprint");
    }
}
