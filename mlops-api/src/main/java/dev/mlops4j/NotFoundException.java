package dev.mlops4j;

/**
 * The experiment, run, artifact or other entity named in the call does not exist in this store.
 */
public class NotFoundException extends MlopsException {
    private static final long serialVersionUID = 1L;

    /** @param message what was wrong and how to fix it */
    public NotFoundException(String message) {
        super(message);
    }

    /**
     * @param message what was wrong and how to fix it
     * @param cause the underlying failure
     */
    public NotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
