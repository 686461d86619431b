package dev.mlops4j.spi;

import dev.mlops4j.tracking.ArtifactInfo;
import java.util.Objects;

/**
 * An artifact name in some run's tree, as {@link MetadataStore#findArtifactsByHash} finds it.
 *
 * @param runId the run whose tree names it
 * @param artifact its path, hash, size and time
 */
public record RunArtifact(String runId, ArtifactInfo artifact) {
    /** Checks the components. */
    public RunArtifact {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(artifact, "artifact");
    }

    /** @return {@code runs:/<runId>/<path>}, the uri lineage records such content under */
    public String uri() {
        return "runs:/" + runId + "/" + artifact.path();
    }
}
