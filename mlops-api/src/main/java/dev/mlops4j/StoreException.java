package dev.mlops4j;

/**
 * The metadata or artifact store failed: an I/O or database error, a lost connection, or a store
 * that cannot be opened. The message names the store and the operation.
 */
public class StoreException extends MlopsException {
    private static final long serialVersionUID = 1L;

    /** @param message what was wrong and how to fix it */
    public StoreException(String message) {
        super(message);
    }

    /**
     * @param message what was wrong and how to fix it
     * @param cause the underlying failure
     */
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
