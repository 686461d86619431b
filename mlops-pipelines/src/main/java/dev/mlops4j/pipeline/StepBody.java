package dev.mlops4j.pipeline;

/**
 * What a step does: read its inputs and parameters from the context, write every declared output to it.
 * Its code version for caching is {@link StepBuilder#version declared}, or else the SHA-256 of the class files of the
 * body's class and its nest (for a lambda: the class that contains it, with its nested classes).
 */
@FunctionalInterface
public interface StepBody {

    /**
     * @param context inputs, parameters, outputs and the step's tracking run
     * @throws Exception any failure; the step is retried according to its {@link RetryPolicy}
     */
    void execute(StepContext context) throws Exception;
}
