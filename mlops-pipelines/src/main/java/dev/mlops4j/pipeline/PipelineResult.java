package dev.mlops4j.pipeline;

import dev.mlops4j.lineage.Artifact;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The outcome of a pipeline run: what each step did, and access to the data sets it produced. */
public interface PipelineResult {

    /** @return the pipeline's name */
    String pipelineName();

    /** @return the pipeline's tracking run; the steps are its child runs */
    String pipelineRunId();

    /** @return the lineage context of this run (type {@link dev.mlops4j.lineage.Context#PIPELINE_RUN}) */
    String contextId();

    /** @return how it ended */
    PipelineStatus status();

    /** @return every step's result, in execution order of the pipeline */
    List<StepResult> steps();

    /**
     * @param stepName a step of the pipeline
     * @return its result
     * @throws dev.mlops4j.InvalidInputException if there is no such step
     */
    StepResult step(String stepName);

    /**
     * @param slot a data set the run produced or was given
     * @param <T> value type
     * @return its value, loaded from the artifact store if it came from the cache
     * @throws dev.mlops4j.InvalidInputException if the run has no such data set (e.g. its step failed)
     */
    <T> T output(Slot<T> slot);

    /** @param slot a data set @return its lineage artifact, empty for transient or missing data sets */
    Optional<Artifact> artifact(Slot<?> slot);

    /** @return the error of the failed step, or the cancellation */
    Optional<Throwable> failure();

    /** @return wall time of the run */
    Duration duration();

    /** @return the names of the steps that executed (COMPLETE) */
    default List<String> executedSteps() {
        return steps().stream().filter(s -> s.state() == dev.mlops4j.lineage.ExecutionState.COMPLETE)
                .map(StepResult::stepName).toList();
    }

    /** @return the names of the steps answered from the cache */
    default List<String> cachedSteps() {
        return steps().stream().filter(StepResult::cached).map(StepResult::stepName).toList();
    }
}
