package dev.mlops4j.lineage;

/** Whether an {@link Artifact}'s content may still be read. */
public enum ArtifactState {
    /** The content exists (as far as the store knows) and may be reused. */
    LIVE,
    /** Retention removed the content; the record stays so lineage remains complete. Never reused by a cache. */
    DELETED
}
