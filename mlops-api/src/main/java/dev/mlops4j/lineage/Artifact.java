package dev.mlops4j.lineage;

import dev.mlops4j.InvalidInputException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;

/**
 * A piece of data an execution read or produced: a data set, profile, schema, model, report or file. Its content is
 * identified by a SHA-256 {@code fingerprint}; the {@code uri} says where it lives: {@code runs:/<runId>/<path>} for
 * content in the artifact store, {@code file:} for a file left in place, {@code models:/<name>/<version>} for a
 * registered model version.
 *
 * @param id 32 hex characters, chosen by the writer ({@link #newId()})
 * @param type what kind of data, e.g. {@code "Dataset"}, {@code "Model"}, {@code "ModelVersion"}
 * @param uri where the content is
 * @param fingerprint lowercase hex SHA-256 of the content
 * @param size content size in bytes, -1 if unknown
 * @param state whether the content still exists
 * @param createdAt when it was recorded (millisecond precision)
 * @param properties free-form descriptive properties (sorted by key)
 */
public record Artifact(String id, String type, String uri, String fingerprint, long size, ArtifactState state,
                       Instant createdAt, Map<String, String> properties) {

    /** Checks every component; see the class description. */
    public Artifact {
        Ids.id("artifact id", id);
        Ids.text("artifact type", type, false);
        Ids.text("artifact uri", uri, false);
        Objects.requireNonNull(fingerprint, "fingerprint");
        if (!fingerprint.matches("[0-9a-f]{64}")) {
            throw new InvalidInputException("artifact fingerprint '" + fingerprint + "' is not a lowercase hex SHA-256");
        }
        if (size < -1) {
            throw new InvalidInputException("artifact size must be -1 (unknown) or at least 0, not " + size);
        }
        Objects.requireNonNull(state, "state");
        createdAt = Objects.requireNonNull(createdAt, "createdAt").truncatedTo(ChronoUnit.MILLIS);
        properties = Ids.properties(properties);
    }

    /** @return a new artifact id: time-ordered, then random (12 hex digits of milliseconds, 20 random) */
    public static String newId() {
        return Ids.newId();
    }

    /** @param newState the state @return a copy with that state */
    public Artifact withState(ArtifactState newState) {
        return new Artifact(id, type, uri, fingerprint, size, newState, createdAt, properties);
    }

    /** @return type, uri and abbreviated fingerprint on one line */
    @Override
    public String toString() {
        return type + " " + uri + " (sha256 " + fingerprint.substring(0, 12) + (state == ArtifactState.DELETED
                ? ", deleted" : "") + ")";
    }
}
