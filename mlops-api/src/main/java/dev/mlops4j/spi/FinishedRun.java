package dev.mlops4j.spi;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.tracking.Metric;
import dev.mlops4j.tracking.RunInfo;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A tracking run that a {@link LineageStore#recordAll(java.util.List, java.util.List, java.util.List)} call creates
 * already ended, with its tags, in the same transaction as the executions it stands for: work that is known only once
 * it is over.
 *
 * <p>A batch may also create the top-level run of the others, with the summary metrics it ended with: a pipeline run
 * none of whose steps had to run.
 *
 * @param run the run: a terminal status and an end time, id chosen by the engine
 * @param tags its tags, system tags included
 * @param metrics metrics logged to it as it is created, each at its own timestamp and step; usually empty
 */
public record FinishedRun(RunInfo run, Map<String, String> tags, List<Metric> metrics) {

    /**
     * A finished run without metrics.
     *
     * @param run the run
     * @param tags its tags
     */
    public FinishedRun(RunInfo run, Map<String, String> tags) {
        this(run, tags, List.of());
    }

    /** Checks that the run has ended and copies the tags. */
    public FinishedRun {
        Objects.requireNonNull(run, "run");
        if (!run.status().isTerminal() || run.endTime() == null) {
            throw new InvalidInputException("run " + run.runId() + " must be created ended (a terminal status and an"
                    + " end time), not " + run.status());
        }
        tags = Map.copyOf(tags);
        metrics = List.copyOf(metrics);
    }
}
