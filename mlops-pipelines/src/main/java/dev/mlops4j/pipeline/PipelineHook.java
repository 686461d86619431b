package dev.mlops4j.pipeline;

/**
 * Cross-cutting behaviour around a pipeline run and each step (notifications, metrics, audit). Every method
 * defaults to doing nothing. Hooks are called on the thread running the pipeline or step; with a parallel executor
 * step hooks may be called concurrently. An exception from a before-hook fails the step (or the pipeline run, which
 * then throws it); exceptions from after- and error-hooks are logged (SLF4J, WARN) and change no outcome, since the
 * step or run they report on has already been recorded.
 */
public interface PipelineHook {

    /** @param pipeline the pipeline @param pipelineRunId its tracking run */
    default void beforePipeline(Pipeline pipeline, String pipelineRunId) {
    }

    /** @param result the successful outcome */
    default void afterPipeline(PipelineResult result) {
    }

    /** @param result the failed or cancelled outcome @param error why */
    default void onPipelineError(PipelineResult result, Throwable error) {
    }

    /** @param step the step about to execute (not called for cache hits) @param stepRunId its tracking run */
    default void beforeStep(Step step, String stepRunId) {
    }

    /** @param step the step @param result how it ended (COMPLETE or CACHED) */
    default void afterStep(Step step, StepResult result) {
    }

    /** @param step the step @param error what the attempt threw @param attempt which attempt (1-based) */
    default void onStepError(Step step, Throwable error, int attempt) {
    }
}
