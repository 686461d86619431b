package dev.mlops4j;

/**
 * Stored artifact bytes no longer match the SHA-256 recorded when they were logged: the file was
 * changed, truncated or corrupted on disk. The damaged content is never returned silently.
 */
public class ArtifactIntegrityException extends MlopsException {
    private static final long serialVersionUID = 1L;

    /** @param message what was wrong and how to fix it */
    public ArtifactIntegrityException(String message) {
        super(message);
    }

    /**
     * @param message what was wrong and how to fix it
     * @param cause the underlying failure
     */
    public ArtifactIntegrityException(String message, Throwable cause) {
        super(message, cause);
    }
}
