package dev.mlops4j.validation.check;

/** The outcome of a {@link Check} or of a whole verification: the worst of its failed levels. */
public enum CheckStatus {
    /** Every constraint held. */
    SUCCESS,
    /** A constraint of a {@link Check#warning(String) warning-level} check failed. */
    WARNING,
    /** A constraint of an {@link Check#error(String) error-level} check failed. */
    ERROR
}
