package dev.mlops4j.report;

import dev.mlops4j.MlopsException;

/** A report could not be written: the message names the file and the I/O failure. */
public class ReportException extends MlopsException {
    private static final long serialVersionUID = 1L;

    /** @param message what was wrong and how to fix it */
    public ReportException(String message) {
        super(message);
    }

    /**
     * @param message what was wrong and how to fix it
     * @param cause the underlying failure
     */
    public ReportException(String message, Throwable cause) {
        super(message, cause);
    }
}
