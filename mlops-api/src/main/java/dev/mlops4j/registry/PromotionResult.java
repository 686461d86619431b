package dev.mlops4j.registry;

import dev.mlops4j.gate.GateResult;
import java.util.Objects;
import java.util.Optional;

/**
 * What a promotion did. A failed gate or a missing approval is a result, not an exception (as gates do, a failure
 * throws only when asked: {@link #throwIfRejected()}); either way it is in the audit trail.
 *
 * @param outcome promoted, already held, or why not
 * @param candidate the version that was to take the alias
 * @param alias the alias
 * @param previousVersion the version that held the alias when the decision was made (the champion), {@code null} if
 *                        none did
 * @param gate the gate's result, evaluated against the champion, {@code null} if no gate was required
 * @param audit the audit entry written ({@link AuditAction#ALIAS_MOVED} or {@link AuditAction#PROMOTION_REJECTED}),
 *              {@code null} for {@link PromotionOutcome#ALREADY_HELD}
 * @param message a readable account of the decision
 */
public record PromotionResult(PromotionOutcome outcome, ModelVersion candidate, String alias, Integer previousVersion,
                              GateResult gate, AuditEntry audit, String message) {
    public PromotionResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(message, "message");
    }

    /** @return true if the candidate holds the alias now (promoted, or already held) */
    public boolean promoted() {
        return outcome == PromotionOutcome.PROMOTED || outcome == PromotionOutcome.ALREADY_HELD;
    }

    /** @return the gate result, if a gate was required */
    public Optional<GateResult> gateResult() {
        return Optional.ofNullable(gate);
    }

    /**
     * @return this result, if the candidate holds the alias
     * @throws PromotionRejectedException if the promotion was rejected; its message explains why (with the gate
     *     table when the gate failed)
     */
    public PromotionResult throwIfRejected() {
        if (!promoted()) {
            throw new PromotionRejectedException(this);
        }
        return this;
    }

    /** @return the message, then the gate table if a gate was evaluated */
    @Override
    public String toString() {
        return message + (gate == null ? "" : "\n" + gate);
    }
}
