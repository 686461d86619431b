package dev.mlops4j.lineage;

import dev.mlops4j.InvalidInputException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Which artifacts to list; every criterion that is {@code null} matches everything. Results are ordered by creation
 * time, then id.
 *
 * @param uri exact uri, or null
 * @param fingerprint exact fingerprint, or null
 * @param type exact type, or null
 * @param state state, or null
 * @param createdBefore only artifacts created strictly before, or null
 * @param limit at most this many (1 to 100000)
 */
public record ArtifactQuery(String uri, String fingerprint, String type, ArtifactState state, Instant createdBefore,
                            int limit) {
    /** The largest limit. */
    public static final int MAX_LIMIT = 100_000;

    /** Checks the limit. */
    public ArtifactQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("limit must be between 1 and " + MAX_LIMIT + ", not " + limit);
        }
        if (createdBefore != null) {
            createdBefore = createdBefore.truncatedTo(ChronoUnit.MILLIS);
        }
    }

    /** @return a query matching every artifact, up to the largest limit */
    public static ArtifactQuery all() {
        return new ArtifactQuery(null, null, null, null, null, MAX_LIMIT);
    }

    /** @param value uri @return a copy that matches only that uri */
    public ArtifactQuery withUri(String value) {
        return new ArtifactQuery(value, fingerprint, type, state, createdBefore, limit);
    }

    /** @param value fingerprint @return a copy that matches only that fingerprint */
    public ArtifactQuery withFingerprint(String value) {
        return new ArtifactQuery(uri, value, type, state, createdBefore, limit);
    }

    /** @param value type @return a copy that matches only that type */
    public ArtifactQuery withType(String value) {
        return new ArtifactQuery(uri, fingerprint, value, state, createdBefore, limit);
    }

    /** @param value state @return a copy that matches only that state */
    public ArtifactQuery withState(ArtifactState value) {
        return new ArtifactQuery(uri, fingerprint, type, value, createdBefore, limit);
    }

    /** @param value cut-off @return a copy that matches only artifacts created before it */
    public ArtifactQuery withCreatedBefore(Instant value) {
        return new ArtifactQuery(uri, fingerprint, type, state, value, limit);
    }

    /** @param value the limit @return a copy with that limit */
    public ArtifactQuery withLimit(int value) {
        return new ArtifactQuery(uri, fingerprint, type, state, createdBefore, value);
    }
}
