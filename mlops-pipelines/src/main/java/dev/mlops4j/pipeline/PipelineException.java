package dev.mlops4j.pipeline;

import dev.mlops4j.MlopsException;

/** The root of pipeline failures at run time. */
public abstract class PipelineException extends MlopsException {
    private static final long serialVersionUID = 1L;

    /** @param message what happened @param cause why */
    protected PipelineException(String message, Throwable cause) {
        super(message, cause);
    }
}
