package dev.mlops4j.pipeline;

import dev.mlops4j.lineage.ExecutionState;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What one step did in a pipeline run.
 *
 * @param stepName the step
 * @param state COMPLETE, CACHED, FAILED, or CANCELED (also when it never started: the run was cancelled or
 *     another step failed; its CANCELED execution says why)
 * @param stepRunId its tracking run, empty if it did not start; for a cache hit, which runs nothing and gets no run,
 *     the run recorded with the execution it reused (where its outputs came from)
 * @param executionId its lineage execution, empty if none was recorded
 * @param cacheKey its cache key, empty if it was not cacheable
 * @param attempts how many attempts were made (0 for cached and unreached steps)
 * @param startedAt when it started, null if it did not
 * @param endedAt when it ended, null if it did not start
 * @param error the step's error, null unless FAILED or CANCELED
 */
public record StepResult(String stepName, ExecutionState state, String stepRunId, String executionId, String cacheKey,
                         int attempts, Instant startedAt, Instant endedAt, Throwable error) {

    /** @return the error, if it failed */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(error);
    }

    /** @return how long it took, zero if it did not run */
    public Duration duration() {
        return startedAt == null || endedAt == null ? Duration.ZERO : Duration.between(startedAt, endedAt);
    }

    /** @return whether its outputs came from the cache */
    public boolean cached() {
        return state == ExecutionState.CACHED;
    }

    /** @return name, state, attempts and duration */
    @Override
    public String toString() {
        return stepName + " " + state + (attempts > 1 ? " after " + attempts + " attempts" : "") + " in "
                + duration().toMillis() + " ms" + (error == null ? "" : ": " + error);
    }
}
