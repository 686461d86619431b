package dev.mlops4j.spi;

import java.util.Map;
import java.util.Objects;

/**
 * A model version to register, as the engine hands it to {@link RegistryStore#createVersion}: everything but the
 * number, which the store assigns, and the status, which starts ACTIVE.
 *
 * @param modelName the registered model (created if absent)
 * @param runId the run that produced the model
 * @param artifactPath the model's artifact directory in that run
 * @param flavor the model flavor id
 * @param modelClass the model's class
 * @param dataFingerprint the training data's fingerprint, or {@code null}
 * @param schemaRef the input schema's reference, or {@code null}
 * @param description free text
 * @param tags initial tags
 */
public record NewModelVersion(String modelName, String runId, String artifactPath, String flavor, String modelClass,
                              String dataFingerprint, String schemaRef, String description, Map<String, String> tags) {
    public NewModelVersion {
        Objects.requireNonNull(modelName, "modelName");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(artifactPath, "artifactPath");
        Objects.requireNonNull(flavor, "flavor");
        Objects.requireNonNull(modelClass, "modelClass");
        Objects.requireNonNull(description, "description");
        tags = Map.copyOf(Objects.requireNonNull(tags, "tags"));
    }
}
