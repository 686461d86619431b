package dev.mlops4j.registry;

import dev.mlops4j.MlopsException;
import java.util.Objects;

/**
 * A promotion was rejected (its gate failed, or a protected alias lacked an approval) and the caller asked for an
 * exception with {@link PromotionResult#throwIfRejected()}. The alias did not move.
 */
public class PromotionRejectedException extends MlopsException {
    private static final long serialVersionUID = 1L;

    private final transient PromotionResult result;

    /** @param result the rejected promotion */
    public PromotionRejectedException(PromotionResult result) {
        super(Objects.requireNonNull(result, "result").toString());
        this.result = result;
    }

    /** @return the rejected promotion (not serialized) */
    public PromotionResult result() {
        return result;
    }
}
