package dev.mlops4j.registry;

import dev.mlops4j.gate.Gate;

/**
 * A promotion being set up: optionally a gate, then the reason, which carries it out.
 *
 * <pre>{@code
 * PromotionResult r = registry.promote("wine", 4).to("production")
 *         .requiring(Gate.metric("accuracy").atLeast(0.9)
 *                 .and(Gate.metric("macro_f1").notWorseThanChampion().by(0.01)))
 *         .because("nightly retrain; beats v3 on F1");
 * }</pre>
 *
 * <p>Carrying it out: the version must be ACTIVE; if the alias is protected ({@link ApprovalPolicy}) the version
 * needs an approval for it; the gate is evaluated on the version's run metrics, with the version currently holding
 * the alias (the champion) as the baseline of change conditions; if everything passes, the alias moves atomically,
 * but only if the champion still holds it (compare-and-set). If another promotion moved the alias in between, the
 * decision is made again against the new holder, so concurrent promotions serialise and every gate was evaluated
 * against the version it replaced.
 */
public interface Promotion {

    /**
     * @param gate a gate the version must pass; change conditions compare with the current holder of the alias
     * @return this promotion
     */
    Promotion requiring(Gate gate);

    /**
     * Carries out the promotion.
     *
     * @param reason why, recorded in the audit trail (required, not blank)
     * @return what happened; a rejection is a result, see {@link PromotionResult#throwIfRejected()}
     * @throws dev.mlops4j.NotFoundException if the model or version does not exist
     * @throws dev.mlops4j.ConflictException if the version is not ACTIVE
     * @throws dev.mlops4j.InvalidInputException if the reason is missing
     */
    PromotionResult because(String reason);
}
