package dev.mlops4j.spi;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.tracking.RunInfo;
import java.util.Map;
import java.util.Objects;

/**
 * A tracking run that a {@link LineageStore#recordAll(java.util.List, java.util.List, java.util.List)} call creates
 * already ended, with its tags: the run of a pipeline step that did not have to run (a cache hit), written in the
 * same transaction as its execution.
 *
 * @param run the run: a terminal status and an end time, id chosen by the engine
 * @param tags its tags, system tags included
 */
public record FinishedRun(RunInfo run, Map<String, String> tags) {

    /** Checks that the run has ended and copies the tags. */
    public FinishedRun {
        Objects.requireNonNull(run, "run");
        if (!run.status().isTerminal() || run.endTime() == null) {
            throw new InvalidInputException("run " + run.runId() + " must be created ended (a terminal status and an"
                    + " end time), not " + run.status());
        }
        tags = Map.copyOf(tags);
    }
}
