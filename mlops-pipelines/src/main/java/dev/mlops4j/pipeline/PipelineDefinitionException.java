package dev.mlops4j.pipeline;

import dev.mlops4j.InvalidInputException;

/**
 * A pipeline that cannot run as defined: a missing input, an output produced twice, a cycle, conflicting slot types,
 * an unknown step in a slice. Thrown when the pipeline is built, before anything runs.
 */
public class PipelineDefinitionException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong and how to fix it */
    public PipelineDefinitionException(String message) {
        super(message);
    }
}
