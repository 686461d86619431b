package dev.mlops4j.pipeline;

/**
 * A step failed (after its retries), so its pipeline run failed. The cause is the step's error; {@link #result()}
 * holds what every step did, and the outputs already produced stay recorded, so running again resumes from here.
 */
public class StepFailedException extends PipelineException {
    private static final long serialVersionUID = 1L;
    private final String stepName;
    private final transient PipelineResult result;

    /**
     * @param stepName the step
     * @param cause its error
     * @param result the pipeline run's outcome
     */
    public StepFailedException(String stepName, Throwable cause, PipelineResult result) {
        super("step '" + stepName + "' of pipeline '" + result.pipelineName() + "' failed: " + cause, cause);
        this.stepName = stepName;
        this.result = result;
    }

    /** @return the failed step's name */
    public String stepName() {
        return stepName;
    }

    /** @return the pipeline run's outcome */
    public PipelineResult result() {
        return result;
    }
}
