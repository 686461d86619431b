package dev.mlops4j.registry;

/** What an {@link AuditEntry} records. Every change to the registry writes exactly one entry per action. */
public enum AuditAction {
    /** A registered model was created (explicitly, or by registering its first version). */
    MODEL_CREATED,
    /** A registered model's description or tags changed. */
    MODEL_UPDATED,
    /** The approval policy of a model changed. */
    POLICY_CHANGED,
    /** A new model version was registered. */
    VERSION_REGISTERED,
    /** A version's tags changed. */
    VERSION_UPDATED,
    /** An alias was assigned to a version, or moved to it from another version. */
    ALIAS_MOVED,
    /** An alias was removed; no version holds it any more. */
    ALIAS_REMOVED,
    /** A promotion was refused: its gate failed or a required approval was missing. Nothing moved. */
    PROMOTION_REJECTED,
    /** A user approved a version for a protected alias. */
    APPROVED,
    /** A version was archived. */
    ARCHIVED,
    /** An archived or deleted version was made active again. */
    RESTORED,
    /** A version was soft-deleted. */
    DELETED
}
