package dev.mlops4j.lineage;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.tracking.RunStatus;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A tracking run that is created already ended, in the same atomic write as the executions it stands for
 * ({@link Lineage#recordAll(dev.mlops4j.Run, java.util.List, java.util.List, java.util.List)}), without a separate
 * commit to start the run and another to end it: for work that is known only once it is over. Usually a child run;
 * {@link Lineage#recordEndedRun} also creates the top-level run of such a batch this way (how a pipeline run in which
 * every step was a cache hit is recorded).
 *
 * @param id the new run's id, 32 lowercase hex characters chosen by the writer ({@link #newId()}); executions name it
 *     as their {@code runId}
 * @param name the run's name
 * @param status how it ended: FINISHED, FAILED or KILLED
 * @param startedAt when it started
 * @param endedAt when it ended, not before {@code startedAt}
 * @param tags its tags, user tags only; the engine adds the system tags (host, process id, version) to a top-level
 *     run only: a child run is recorded by its parent's process, in its parent's batch
 */
public record ChildRun(String id, String name, RunStatus status, Instant startedAt, Instant endedAt,
                       Map<String, String> tags) {

    /** Checks every component; see the class description. */
    public ChildRun {
        Ids.id("child run id", id);
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        if (!status.isTerminal()) {
            throw new InvalidInputException("child run " + id + " is created already ended: its status must be"
                    + " FINISHED, FAILED or KILLED, not " + status);
        }
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(endedAt, "endedAt");
        if (endedAt.isBefore(startedAt)) {
            throw new InvalidInputException("child run " + id + " ends (" + endedAt + ") before it starts ("
                    + startedAt + ")");
        }
        tags = Map.copyOf(tags);
    }

    /** @return a new run id: time-ordered, then random */
    public static String newId() {
        return Ids.newId();
    }
}
