package dev.mlops4j.validation;

/**
 * How serious a finding is. An {@link #ERROR} makes a validation report or a check fail; a {@link #WARNING}
 * is reported but does not fail it.
 */
public enum Severity {
    /** The data must not be used as is: {@code isValid()} is false and {@code throwIfInvalid()} throws. */
    ERROR,
    /** Worth a look, but the data may be used. */
    WARNING
}
