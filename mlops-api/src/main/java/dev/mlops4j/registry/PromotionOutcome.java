package dev.mlops4j.registry;

/** How a promotion ended. */
public enum PromotionOutcome {
    /** The alias moved to the candidate (or was assigned to it for the first time). */
    PROMOTED,
    /** The candidate already held the alias; nothing changed and nothing was audited. */
    ALREADY_HELD,
    /** The gate failed; the alias did not move. Audited as {@link AuditAction#PROMOTION_REJECTED}. */
    REJECTED_BY_GATE,
    /**
     * The alias is protected and the candidate has no approval for it from a user other than the one who registered
     * it; the alias did not move. Audited as {@link AuditAction#PROMOTION_REJECTED}.
     */
    APPROVAL_REQUIRED
}
