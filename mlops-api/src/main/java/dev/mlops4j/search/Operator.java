package dev.mlops4j.search;

/** Comparison operators of the search language. */
public enum Operator {
    /** {@code =} */
    EQ("="),
    /** {@code !=} (also {@code <>}) */
    NE("!="),
    /** {@code <} */
    LT("<"),
    /** {@code <=} */
    LE("<="),
    /** {@code >} */
    GT(">"),
    /** {@code >=} */
    GE(">="),
    /** {@code LIKE}: case-sensitive pattern with {@code %} (any run) and {@code _} (one character). */
    LIKE("LIKE"),
    /** {@code ILIKE}: case-insensitive LIKE. */
    ILIKE("ILIKE");

    private final String symbol;

    Operator(String symbol) {
        this.symbol = symbol;
    }

    /** @return the operator as written in a filter */
    public String symbol() {
        return symbol;
    }

    /** @return true for LIKE and ILIKE */
    public boolean isPattern() {
        return this == LIKE || this == ILIKE;
    }
}
