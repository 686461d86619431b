package dev.mlops4j.validation;

import dev.mlops4j.MlopsException;

/**
 * A data source could not be read at all: the file is missing or unreadable, an I/O error happened while
 * streaming it, or its header is unusable. Bad <em>rows</em> never raise this; they are reported as
 * anomalies. The message names the source and the cause.
 */
public class DataSourceException extends MlopsException {
    private static final long serialVersionUID = 1L;

    /** @param message what could not be read and how to fix it */
    public DataSourceException(String message) {
        super(message);
    }

    /**
     * @param message what could not be read and how to fix it
     * @param cause the underlying failure
     */
    public DataSourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
