package dev.mlops4j.lineage;

import java.util.List;
import java.util.Objects;

/**
 * What a garbage collection did (or, for a dry run, would do).
 *
 * @param deleted the artifacts marked DELETED, as they were before
 * @param kept candidates kept because they are protected or upstream of a protected artifact
 * @param keptContents contents of deleted artifacts that stay in the artifact store because something else still
 *     names them (another LIVE lineage artifact, or a tracking run's artifact outside lineage), with the reason
 * @param blobsDeleted how many contents were removed from the artifact store
 * @param filesDeleted how many files behind {@code file:} artifacts were removed
 * @param dryRun whether nothing was changed
 */
public record RetentionReport(List<Artifact> deleted, List<Artifact> kept, List<KeptContent> keptContents,
                              int blobsDeleted, int filesDeleted, boolean dryRun) {
    /** Copies the lists. */
    public RetentionReport {
        deleted = List.copyOf(deleted);
        kept = List.copyOf(kept);
        keptContents = List.copyOf(keptContents);
    }

    /**
     * Content in the artifact store that retention keeps although artifacts with it were deleted.
     *
     * @param fingerprint the content's SHA-256
     * @param artifactIds the deleted (or, in a dry run, to be deleted) artifacts with this content
     * @param reason why it stays, e.g. {@code "run 3f2a... names it as model/weights.bin"}
     */
    public record KeptContent(String fingerprint, List<String> artifactIds, String reason) {
        /** Checks and copies. */
        public KeptContent {
            Objects.requireNonNull(fingerprint, "fingerprint");
            artifactIds = List.copyOf(artifactIds);
            Objects.requireNonNull(reason, "reason");
        }
    }
}
