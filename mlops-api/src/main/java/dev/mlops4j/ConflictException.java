package dev.mlops4j;

/**
 * The call contradicts what is already stored, for example logging a parameter again with a
 * different value (parameters are immutable once logged). Nothing was written.
 */
public class ConflictException extends MlopsException {
    private static final long serialVersionUID = 1L;

    /** @param message what was wrong and how to fix it */
    public ConflictException(String message) {
        super(message);
    }

    /**
     * @param message what was wrong and how to fix it
     * @param cause the underlying failure
     */
    public ConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
