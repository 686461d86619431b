package dev.mlops4j.validation.check;

import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A constraint suggested from a profile: why, the Java code that adds it to a check, and a way to add it
 * programmatically. Immutable.
 */
public final class ConstraintSuggestion {
    private final String column;
    private final String rule;
    private final String reason;
    private final String code;
    private final UnaryOperator<Check> adder;

    ConstraintSuggestion(String column, String rule, String reason, String code, UnaryOperator<Check> adder) {
        this.column = Objects.requireNonNull(column, "column");
        this.rule = rule;
        this.reason = reason;
        this.code = code;
        this.adder = adder;
    }

    /** @return the column */
    public String column() {
        return column;
    }

    /** @return the rule that made the suggestion, e.g. {@code CompleteIfComplete} */
    public String rule() {
        return rule;
    }

    /** @return what in the profile led to it */
    public String reason() {
        return reason;
    }

    /** @return the Java code that adds it to a check, e.g. {@code .isComplete("id")} */
    public String code() {
        return code;
    }

    /**
     * @param check a check
     * @return a new check with this constraint added
     */
    public Check applyTo(Check check) {
        return adder.apply(check);
    }

    @Override
    public String toString() {
        return code + "    // " + rule + ": " + reason;
    }
}
