package dev.mlops4j;

/**
 * No store could be opened for the requested configuration: no provider accepted it, or the
 * configuration names conflicting settings. The message lists the providers that were found.
 */
public class StoreConfigurationException extends StoreException {
    private static final long serialVersionUID = 1L;

    /** @param message what was wrong and how to fix it */
    public StoreConfigurationException(String message) {
        super(message);
    }

    /**
     * @param message what was wrong and how to fix it
     * @param cause the underlying failure
     */
    public StoreConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
