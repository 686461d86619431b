package dev.mlops4j.pipeline.internal;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.internal.TextTable;
import dev.mlops4j.lineage.Artifact;
import dev.mlops4j.lineage.ExecutionState;
import dev.mlops4j.pipeline.PipelineResult;
import dev.mlops4j.pipeline.PipelineStatus;
import dev.mlops4j.pipeline.Slot;
import dev.mlops4j.pipeline.StepResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/** An immutable pipeline outcome over the data sets of the run. */
record ResultImpl(String pipelineName, String pipelineRunId, String contextId, PipelineStatus status,
                  List<StepResult> steps, Map<String, Produced> data, Throwable error, Duration duration)
        implements PipelineResult {
    private static final List<String> STEP_HEADER = List.of("step", "state", "attempts", "time", "run", "error");

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

    /**
     * @return a summary line (pipeline, status, time, run, steps per state), then a table of the steps: state,
     *     attempts, time, tracking run and, if a step failed, the first line of its error. This is what JShell and
     *     notebooks show.
     */
    @Override
    public String toString() {
        Map<ExecutionState, Long> perState = new EnumMap<>(ExecutionState.class);
        boolean anyError = steps.stream().anyMatch(s -> s.error() != null);
        List<List<String>> rows = new ArrayList<>(steps.size());
        for (StepResult s : steps) {
            perState.merge(s.state(), 1L, Long::sum);
            List<String> row = new ArrayList<>(List.of(s.stepName(), s.state().name(), Integer.toString(s.attempts()),
                    s.startedAt() == null ? "" : TextTable.duration(s.duration()), s.stepRunId()));
            if (anyError) {
                row.add(s.failure().map(ResultImpl::firstLine).orElse(""));
            }
            rows.add(row);
        }
        StringJoiner counts = new StringJoiner(", ");
        perState.forEach((state, n) -> counts.add(n + " " + state));
        return "Pipeline '" + pipelineName + "' " + status + " in " + TextTable.duration(duration) + " (run "
                + pipelineRunId + "), " + steps.size() + (steps.size() == 1 ? " step: " : " steps: ") + counts + "\n"
                + TextTable.render("  ", anyError ? STEP_HEADER : STEP_HEADER.subList(0, STEP_HEADER.size() - 1),
                        rows);
    }

    private static String firstLine(Throwable t) {
        String message = t.getMessage() == null ? "" : t.getMessage().lines().findFirst().orElse("");
        return t.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    }
}
