package dev.mlops4j.model;

import dev.mlops4j.MlopsException;

/**
 * A model could not be loaded: the file is not a model of the expected format, its descriptor is missing or
 * damaged, no flavor on the class path handles it, or the framework failed to deserialize it. The message says
 * which model and why.
 */
public class ModelLoadException extends MlopsException {
    private static final long serialVersionUID = 1L;

    /** @param message what was wrong and how to fix it */
    public ModelLoadException(String message) {
        super(message);
    }

    /**
     * @param message what was wrong and how to fix it
     * @param cause the underlying failure
     */
    public ModelLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
