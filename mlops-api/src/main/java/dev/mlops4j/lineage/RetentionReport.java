package dev.mlops4j.lineage;

import java.util.List;

/**
 * What a garbage collection did (or, for a dry run, would do).
 *
 * @param deleted the artifacts marked DELETED, as they were before
 * @param kept candidates kept because they are protected or upstream of a protected artifact
 * @param blobsDeleted how many contents were removed from the artifact store
 * @param filesDeleted how many files behind {@code file:} artifacts were removed
 * @param dryRun whether nothing was changed
 */
public record RetentionReport(List<Artifact> deleted, List<Artifact> kept, int blobsDeleted, int filesDeleted,
                              boolean dryRun) {
    /** Copies the lists. */
    public RetentionReport {
        deleted = List.copyOf(deleted);
        kept = List.copyOf(kept);
    }
}
