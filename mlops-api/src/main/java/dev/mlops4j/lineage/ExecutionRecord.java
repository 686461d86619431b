package dev.mlops4j.lineage;

import dev.mlops4j.InvalidInputException;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything one execution adds to the lineage, written in one atomic step: the execution, the artifacts it
 * produced that are new, its input and output events, and the contexts it belongs to. As an update of a recorded
 * execution ({@link Lineage#update}) it carries the execution's new state and what it added since: new artifacts and
 * further events, no contexts.
 *
 * @param execution the execution
 * @param newArtifacts artifacts recorded with it (its new outputs); existing artifacts are only referenced by events
 * @param events its events; each names this execution and an artifact that exists or is in {@code newArtifacts}
 * @param contextIds ids of existing contexts the execution belongs to
 */
public record ExecutionRecord(Execution execution, List<Artifact> newArtifacts, List<Event> events,
                              List<String> contextIds) {

    /** Checks that the parts belong together. */
    public ExecutionRecord {
        Objects.requireNonNull(execution, "execution");
        newArtifacts = List.copyOf(newArtifacts);
        events = List.copyOf(events);
        contextIds = List.copyOf(contextIds);
        Set<String> ids = new HashSet<>();
        for (Artifact a : newArtifacts) {
            if (!ids.add(a.id())) {
                throw new InvalidInputException("artifact " + a.id() + " appears twice in the new artifacts of "
                        + "execution " + execution.id());
            }
        }
        Set<String> eventKeys = new HashSet<>();
        for (Event e : events) {
            if (!eventKeys.add(e.type() + "\u0000" + e.name() + "\u0000" + e.artifactId())) {
                throw new InvalidInputException("execution " + execution.id() + " has the " + e.type() + " event '"
                        + e.name() + "' of artifact " + e.artifactId() + " twice");
            }
            if (!e.executionId().equals(execution.id())) {
                throw new InvalidInputException("an event of execution " + execution.id() + " names execution "
                        + e.executionId() + "; every event of a record must name its execution");
            }
        }
        contextIds.forEach(id -> Ids.id("context id", id));
    }

    /**
     * The checks every store makes before it applies this record as an update of a recorded execution: a forward
     * state change ({@link ExecutionState#canMoveTo}) that keeps what is fixed.
     *
     * @param stored the execution as recorded
     * @throws dev.mlops4j.ConflictException if the recorded state cannot move to this one
     * @throws InvalidInputException if this record changes the type, cache key, run id or start time, or names
     *     contexts
     */
    public void checkUpdates(Execution stored) {
        Execution next = execution;
        if (!stored.id().equals(next.id())) {
            throw new InvalidInputException("an update of execution " + stored.id() + " names execution " + next.id());
        }
        if (!stored.state().canMoveTo(next.state())) {
            throw new dev.mlops4j.ConflictException("execution " + stored.id() + " is " + stored.state()
                    + " and cannot move to " + next.state() + (stored.state().isTerminal()
                    ? "; an ended execution never changes" : ""));
        }
        if (!stored.type().equals(next.type()) || !stored.cacheKey().equals(next.cacheKey())
                || !stored.runId().equals(next.runId()) || !stored.startedAt().equals(next.startedAt())) {
            throw new InvalidInputException("an update of execution " + stored.id() + " must keep its type, cache key,"
                    + " run id and start time (" + stored.type() + ", '" + stored.cacheKey() + "', '" + stored.runId()
                    + "', " + stored.startedAt() + "); only the state, end time, properties, artifacts and events"
                    + " change");
        }
        if (!contextIds.isEmpty()) {
            throw new InvalidInputException("an update of execution " + stored.id() + " names contexts " + contextIds
                    + "; an execution's contexts are fixed when it is first recorded");
        }
    }
}
