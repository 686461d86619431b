package dev.mlops4j.validation;

import dev.mlops4j.MlopsException;

/**
 * Data failed validation: a {@link dev.mlops4j.validation.report.ValidationReport} has errors, or a constraint
 * check at {@link Severity#ERROR} level failed. The message lists what failed and how to proceed (fix the data,
 * or relax the schema or check if the change is expected).
 *
 * <p>The report or result that failed is attached for programs that want the details; it is not serialised
 * with the exception.
 */
public class DataValidationException extends MlopsException {
    private static final long serialVersionUID = 1L;

    private final transient Object details;

    /**
     * @param message what failed and how to fix it
     * @param details the report or verification result that failed, or {@code null}
     */
    public DataValidationException(String message, Object details) {
        super(message);
        this.details = details;
    }

    /**
     * @return the failed {@link dev.mlops4j.validation.report.ValidationReport} or
     *     {@link dev.mlops4j.validation.check.VerificationResult}; {@code null} after deserialisation
     */
    public Object details() {
        return details;
    }
}
