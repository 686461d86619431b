package dev.mlops4j.pipeline;

import java.time.Duration;
import java.util.Optional;

/** A pipeline run started with {@link PipelineExecution#start()}. Thread-safe. */
public interface PipelineHandle {

    /**
     * Cancels the run: steps not started are not started, running steps are interrupted (and should stop at their
     * next {@link StepContext#checkCancelled()} or blocking call) and recorded CANCELED. Idempotent.
     */
    void cancel();

    /** @return whether the run has ended */
    boolean isDone();

    /**
     * @return the result once the run ended successfully
     * @throws StepFailedException if a step failed
     * @throws PipelineCancelledException if it was cancelled
     * @throws InterruptedException if this thread is interrupted while waiting
     */
    PipelineResult await() throws InterruptedException;

    /**
     * @param timeout the longest to wait
     * @return the result, empty if the run has not ended in time
     * @throws StepFailedException if a step failed
     * @throws PipelineCancelledException if it was cancelled
     * @throws InterruptedException if this thread is interrupted while waiting
     */
    Optional<PipelineResult> await(Duration timeout) throws InterruptedException;
}
