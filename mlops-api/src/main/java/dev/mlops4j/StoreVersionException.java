package dev.mlops4j;

/**
 * The store's schema cannot be used by this version of mlops4j: it was written by a newer version,
 * or an already-applied migration no longer matches its recorded checksum.
 */
public class StoreVersionException extends StoreException {
    private static final long serialVersionUID = 1L;

    /** @param message what was wrong and how to fix it */
    public StoreVersionException(String message) {
        super(message);
    }
}
