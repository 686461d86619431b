package dev.mlops4j.pipeline;

/** The pipeline run was cancelled; {@link #result()} says which steps completed before. */
public class PipelineCancelledException extends PipelineException {
    private static final long serialVersionUID = 1L;
    private final transient PipelineResult result;

    /** @param message what was cancelled @param result the outcome, null inside a step */
    public PipelineCancelledException(String message, PipelineResult result) {
        super(message, null);
        this.result = result;
    }

    /** @return the pipeline run's outcome, null when thrown inside a step by {@link StepContext#checkCancelled()} */
    public PipelineResult result() {
        return result;
    }
}
