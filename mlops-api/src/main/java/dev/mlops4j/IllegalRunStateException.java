package dev.mlops4j;

/**
 * The run is not in a state that allows the call, typically because it has already ended
 * (FINISHED, FAILED or KILLED) and so no longer accepts params, metrics, tags or artifacts.
 */
public class IllegalRunStateException extends MlopsException {
    private static final long serialVersionUID = 1L;

    /** @param message what was wrong and how to fix it */
    public IllegalRunStateException(String message) {
        super(message);
    }

    /**
     * @param message what was wrong and how to fix it
     * @param cause the underlying failure
     */
    public IllegalRunStateException(String message, Throwable cause) {
        super(message, cause);
    }
}
