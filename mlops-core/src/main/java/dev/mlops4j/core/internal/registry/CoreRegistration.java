package dev.mlops4j.core.internal.registry;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.registry.ModelUri;
import dev.mlops4j.registry.ModelVersion;
import dev.mlops4j.registry.Registration;
import dev.mlops4j.registry.RegistryNames;
import dev.mlops4j.tracking.Limits;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** The {@link Registration} builder; checks each setting as it is given. Not thread-safe, as builders are not. */
final class CoreRegistration implements Registration {
    private final CoreModelRegistry registry;
    final String modelName;
    String runId;
    String artifactPath = "model";
    String description = "";
    final Map<String, String> tags = new LinkedHashMap<>();
    String dataFingerprint;
    String schemaRef;
    String evaluationRunId;

    CoreRegistration(CoreModelRegistry registry, String modelName) {
        this.registry = registry;
        this.modelName = RegistryNames.checkModelName(modelName);
    }

    @Override
    public Registration fromRun(String runId) {
        this.runId = Objects.requireNonNull(runId, "runId");
        return this;
    }

    @Override
    public Registration fromRun(String runId, String artifactPath) {
        this.runId = Objects.requireNonNull(runId, "runId");
        this.artifactPath = Limits.checkArtifactPath(artifactPath);
        return this;
    }

    @Override
    public Registration from(ModelUri source) {
        Objects.requireNonNull(source, "source");
        if (source.kind() != ModelUri.Kind.RUN) {
            throw new InvalidInputException("a version is registered from a runs:/<run id>/<path> URI, not " + source
                    + " (that one is registered already)");
        }
        return fromRun(source.runId(), source.artifactPath());
    }

    @Override
    public Registration evaluatedBy(String runId) {
        this.evaluationRunId = Objects.requireNonNull(runId, "runId");
        return this;
    }

    @Override
    public Registration description(String description) {
        this.description = RegistryNames.checkText("description", description);
        return this;
    }

    @Override
    public Registration tag(String key, String value) {
        CoreModelRegistry.checkUserTag(key, value);
        tags.put(key, value);
        return this;
    }

    @Override
    public Registration dataFingerprint(String fingerprint) {
        this.dataFingerprint = Limits.checkTagValue("dataFingerprint", Objects.requireNonNull(fingerprint, "fingerprint"));
        return this;
    }

    @Override
    public Registration schemaRef(String schemaRef) {
        this.schemaRef = Limits.checkTagValue("schemaRef", Objects.requireNonNull(schemaRef, "schemaRef"));
        return this;
    }

    @Override
    public ModelVersion register() {
        if (runId == null) {
            throw new InvalidInputException("registering a version of '" + modelName + "' needs its source: call"
                    + " fromRun(runId) or from(ModelUri.run(...)) first");
        }
        return registry.register(this);
    }
}
