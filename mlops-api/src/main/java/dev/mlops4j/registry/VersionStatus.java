package dev.mlops4j.registry;

/** The lifecycle state of a {@link ModelVersion}. */
public enum VersionStatus {
    /** Usable: may be promoted, served and loaded. */
    ACTIVE,
    /** Kept for the record but retired: not promotable until restored; still loadable by its URI. */
    ARCHIVED,
    /**
     * Soft-deleted: hidden from version listings and not promotable; the row, its audit trail and the run's
     * artifacts are kept, so it can be restored.
     */
    DELETED
}
