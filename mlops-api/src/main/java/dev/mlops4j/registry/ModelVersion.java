package dev.mlops4j.registry;

import dev.mlops4j.internal.TextTable;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One registered version of a model: an immutable pointer to a model logged in a finished run, with what governance
 * needs to know about it. Only its status and tags change after registration.
 *
 * @param modelName the registered model
 * @param version its number, 1, 2, 3, ... per model, assigned by the store
 * @param runId the run that produced the model
 * @param artifactPath the model's artifact directory in that run (holding the flavor's files and descriptor)
 * @param flavor the {@link dev.mlops4j.model.ModelFlavor} id that loads it, e.g. {@code tribuo}
 * @param modelClass the model's class, as its descriptor names it
 * @param dataFingerprint a content fingerprint of the training data, {@code null} if unknown
 * @param schemaRef where the data schema that inputs should follow is, e.g. {@code runs:/<id>/validation/schema.json},
 *                  {@code null} if none was logged
 * @param status active, archived or (soft-)deleted
 * @param description free text ({@code ""} if none)
 * @param tags annotations, including recorded gate outcomes ({@link #gateResults()})
 * @param createdBy who registered it
 * @param createdAt when it was registered
 * @param updatedAt when its status or tags last changed
 */
public record ModelVersion(String modelName, int version, String runId, String artifactPath, String flavor,
                           String modelClass, String dataFingerprint, String schemaRef, VersionStatus status,
                           String description, Map<String, String> tags, String createdBy, Instant createdAt,
                           Instant updatedAt) {
    public ModelVersion {
        Objects.requireNonNull(modelName, "modelName");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(artifactPath, "artifactPath");
        Objects.requireNonNull(flavor, "flavor");
        Objects.requireNonNull(modelClass, "modelClass");
        Objects.requireNonNull(status, "status");
        description = description == null ? "" : description;
        tags = Map.copyOf(tags == null ? Map.of() : tags);
        Objects.requireNonNull(createdBy, "createdBy");
        createdAt = Instant.ofEpochMilli(Objects.requireNonNull(createdAt, "createdAt").toEpochMilli());
        updatedAt = Instant.ofEpochMilli(Objects.requireNonNull(updatedAt, "updatedAt").toEpochMilli());
    }

    /** @return this version's URI, e.g. {@code models:/wine/3} */
    public ModelUri uri() {
        return ModelUri.version(modelName, version);
    }

    /** @return where the model's files are, e.g. {@code runs:/3f2a.../model} */
    public ModelUri source() {
        return ModelUri.run(runId, artifactPath);
    }

    /** @return the gate outcomes recorded on this version, by gate name */
    public Map<String, RecordedGate> gateResults() {
        return RecordedGate.fromTags(tags);
    }

    /**
     * @return the run that evaluated this version apart from its training run (a pipeline's evaluate step), if one was
     *     named at registration ({@link Registration#evaluatedBy}); promotion gates read its metrics too
     */
    public Optional<String> evaluationRunId() {
        return Optional.ofNullable(tags.get(Registration.EVALUATION_RUN_TAG));
    }

    /** @return the training data fingerprint, if known */
    public Optional<String> dataFingerprintOpt() {
        return Optional.ofNullable(dataFingerprint);
    }

    /** @return the schema reference, if any */
    public Optional<String> schemaRefOpt() {
        return Optional.ofNullable(schemaRef);
    }

    /** @return true if the status is {@link VersionStatus#ACTIVE} */
    public boolean isActive() {
        return status == VersionStatus.ACTIVE;
    }

    /** @return one line: URI, status, flavor, run and who registered it */
    @Override
    public String toString() {
        return uri() + " " + status + " (" + flavor + " " + modelClass.substring(modelClass.lastIndexOf('.') + 1)
                + ", run " + runId + ", registered by " + TextTable.oneLine(createdBy, 40) + " at " + createdAt + ")";
    }
}
