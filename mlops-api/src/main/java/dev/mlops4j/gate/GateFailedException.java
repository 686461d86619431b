package dev.mlops4j.gate;

import dev.mlops4j.MlopsException;
import java.util.Objects;

/**
 * A quality gate failed and the caller asked for an exception ({@link GateResult#throwIfFailed()}). The message
 * lists the failed conditions and the whole result table; {@link #result()} gives the structured result.
 * Fix the model (or, deliberately, the gate) and evaluate again.
 */
public class GateFailedException extends MlopsException {
    private static final long serialVersionUID = 1L;

    // The result is for callers in this JVM; it is not part of the serialized form.
    private final transient GateResult result;

    /** @param result the failed result */
    public GateFailedException(GateResult result) {
        super(message(Objects.requireNonNull(result, "result")));
        this.result = result;
    }

    /** @return the failed result (null only after Java deserialization of this exception) */
    public GateResult result() {
        return result;
    }

    private static String message(GateResult result) {
        StringBuilder sb = new StringBuilder("gate '").append(result.gate()).append("' failed for ")
                .append(result.candidate()).append(": ");
        boolean first = true;
        for (ConditionResult c : result.failures()) {
            sb.append(first ? "" : "; ").append(c.condition());
            if (c.slice() != null) {
                sb.append(" [").append(c.slice()).append(']');
            }
            sb.append(" (").append(c.reason()).append(')');
            first = false;
        }
        return sb.append('\n').append(result).toString();
    }
}
