package dev.mlops4j.lineage;

import dev.mlops4j.InvalidInputException;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * What {@link Lineage#collectGarbage(RetentionPolicy)} removes: LIVE artifacts older than {@code maxAge}, except those
 * {@code protectedArtifactIds} name and everything upstream of them (the data and intermediate results behind a model
 * in production stay). Removed artifacts keep their records and events, marked {@link ArtifactState#DELETED}, so
 * lineage stays complete; their content in the artifact store is deleted unless something else still names it:
 * another LIVE artifact with the same fingerprint, or a tracking run's artifact outside lineage (a run that logged the
 * same bytes; the run artifacts that hold the deleted artifacts' own content do not count). What stays, and why, is in
 * {@link RetentionReport#keptContents()}. Files left in place ({@code file:} uris) are deleted only if
 * {@code deleteFiles}.
 *
 * @param maxAge artifacts created longer ago than this are candidates
 * @param protectedArtifactIds artifacts to keep, with their upstream
 * @param deleteFiles whether to delete files behind {@code file:} artifacts
 * @param dryRun whether to only report what would be removed
 */
public record RetentionPolicy(Duration maxAge, Set<String> protectedArtifactIds, boolean deleteFiles, boolean dryRun) {

    /** Checks the age and copies the ids. */
    public RetentionPolicy {
        Objects.requireNonNull(maxAge, "maxAge");
        if (maxAge.isNegative()) {
            throw new InvalidInputException("maxAge must not be negative, was " + maxAge);
        }
        protectedArtifactIds = Set.copyOf(protectedArtifactIds);
    }

    /** @param maxAge the age @return a policy removing LIVE artifacts older than that, keeping files in place */
    public static RetentionPolicy olderThan(Duration maxAge) {
        return new RetentionPolicy(maxAge, Set.of(), false, false);
    }

    /** @param ids artifacts to keep, with everything upstream of them @return a copy protecting them too */
    public RetentionPolicy protecting(Set<String> ids) {
        java.util.Set<String> all = new java.util.HashSet<>(protectedArtifactIds);
        all.addAll(ids);
        return new RetentionPolicy(maxAge, all, deleteFiles, dryRun);
    }

    /** @param value whether to delete files behind {@code file:} artifacts @return a copy */
    public RetentionPolicy deletingFiles(boolean value) {
        return new RetentionPolicy(maxAge, protectedArtifactIds, value, dryRun);
    }

    /** @param value whether to only report @return a copy */
    public RetentionPolicy dryRun(boolean value) {
        return new RetentionPolicy(maxAge, protectedArtifactIds, deleteFiles, value);
    }
}
