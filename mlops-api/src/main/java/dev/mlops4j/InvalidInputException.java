package dev.mlops4j;

/**
 * An argument was invalid: a key with forbidden characters, a value over its length limit, a
 * malformed filter, an artifact name that escapes its run's tree, a bad page token. Nothing was written.
 */
public class InvalidInputException extends MlopsException {
    private static final long serialVersionUID = 1L;

    /** @param message what was wrong and how to fix it */
    public InvalidInputException(String message) {
        super(message);
    }

    /**
     * @param message what was wrong and how to fix it
     * @param cause the underlying failure
     */
    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
