package dev.mlops4j.lineage;

import dev.mlops4j.InvalidInputException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;

/**
 * One run of a component (a pipeline step), successful, failed, cancelled or answered from the cache.
 *
 * @param id 32 hex characters, chosen by the writer ({@link #newId()})
 * @param type the component, e.g. the step name {@code "train"}
 * @param state how it ended (or {@link ExecutionState#RUNNING})
 * @param cacheKey the SHA-256 cache key of its inputs, parameters and code, empty if it was not cacheable
 * @param runId the tracking run that recorded it, empty if none
 * @param startedAt when it started
 * @param endedAt when it ended, {@code null} while NEW or RUNNING
 * @param properties free-form properties, e.g. the code version and the error of a failed execution
 */
public record Execution(String id, String type, ExecutionState state, String cacheKey, String runId,
                        Instant startedAt, Instant endedAt, Map<String, String> properties) {

    /** Checks every component; see the class description. */
    public Execution {
        Ids.id("execution id", id);
        Ids.text("execution type", type, false);
        Objects.requireNonNull(state, "state");
        Ids.text("cache key", cacheKey, true);
        Ids.text("run id", runId, true);
        startedAt = Objects.requireNonNull(startedAt, "startedAt").truncatedTo(ChronoUnit.MILLIS);
        if (endedAt != null) {
            endedAt = endedAt.truncatedTo(ChronoUnit.MILLIS);
            if (endedAt.isBefore(startedAt)) {
                throw new InvalidInputException("execution " + id + " ends (" + endedAt + ") before it starts ("
                        + startedAt + ")");
            }
        }
        if (state.isTerminal() != (endedAt != null)) {
            throw new InvalidInputException("execution " + id + " is " + state + (endedAt == null
                    ? " and needs an end time" : " and must not have an end time yet"));
        }
        properties = Ids.properties(properties);
    }

    /** @return a new execution id: time-ordered, then random */
    public static String newId() {
        return Ids.newId();
    }

    /** @return type, state and id on one line */
    @Override
    public String toString() {
        return type + " [" + state + "] " + id;
    }
}
