package dev.mlops4j.pipeline.internal;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.lineage.Artifact;
import dev.mlops4j.pipeline.PipelineResult;
import dev.mlops4j.pipeline.PipelineStatus;
import dev.mlops4j.pipeline.Slot;
import dev.mlops4j.pipeline.StepResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An immutable pipeline outcome over the data sets of the run. */
record ResultImpl(String pipelineName, String pipelineRunId, String contextId, PipelineStatus status,
                  List<StepResult> steps, Map<String, Produced> data, Throwable error, Duration duration)
        implements PipelineResult {

    @Override
    public StepResult step(String stepName) {
        return steps.stream().filter(s -> s.stepName().equals(stepName)).findFirst().orElseThrow(() ->
                new InvalidInputException("pipeline '" + pipelineName + "' has no step '" + stepName + "'; its steps"
                        + " are " + steps.stream().map(StepResult::stepName).toList()));
    }

    @Override
    public <T> T output(Slot<T> slot) {
        Produced p = data.get(slot.name());
        if (p == null) {
            throw new InvalidInputException("pipeline run " + pipelineRunId + " of '" + pipelineName + "' has no data"
                    + " set '" + slot.name() + "' (" + status + "); it has " + data.keySet());
        }
        return slot.type().cast(p.value());
    }

    @Override
    public Optional<Artifact> artifact(Slot<?> slot) {
        Produced p = data.get(slot.name());
        return p == null ? Optional.empty() : Optional.ofNullable(p.artifact());
    }

    @Override
    public Optional<Throwable> failure() {
        return Optional.ofNullable(error);
    }

    @Override
    public String toString() {
        return "pipeline " + pipelineName + " " + status + " in " + duration.toMillis() + " ms (run " + pipelineRunId
                + "): " + steps;
    }
}
