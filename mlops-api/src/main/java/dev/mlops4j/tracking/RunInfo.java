package dev.mlops4j.tracking;

import dev.mlops4j.internal.TextTable;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The attributes of a run: identity, lifecycle and provenance. Params, metrics and tags are in
 * {@link RunRecord}. Times have millisecond precision, as stored.
 *
 * @param runId unique id (32 lowercase hex characters)
 * @param experimentId the experiment the run belongs to
 * @param runName human-readable name, not necessarily unique
 * @param status lifecycle state
 * @param startTime when the run started
 * @param endTime when it ended, {@code null} while RUNNING
 * @param user who ran it (from {@code user.name} unless overridden)
 * @param source what ran it: main class, test class, or a name the caller gave
 * @param parentRunId the parent run for nested runs, {@code null} for a top-level run
 * @param ownerId the process instance that owns the run while RUNNING (used to detect orphans), may be {@code null}
 */
public record RunInfo(String runId, String experimentId, String runName, RunStatus status, Instant startTime,
                      Instant endTime, String user, String source, String parentRunId, String ownerId) {
    public RunInfo {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(experimentId, "experimentId");
        runName = runName == null ? "" : runName;
        Objects.requireNonNull(status, "status");
        startTime = Times.truncate(Objects.requireNonNull(startTime, "startTime"));
        endTime = Times.truncate(endTime);
        user = user == null ? "" : user;
        source = source == null ? "" : source;
    }

    /** @return the end time, empty while the run is RUNNING */
    public Optional<Instant> end() {
        return Optional.ofNullable(endTime);
    }

    /** @return the parent run's id for a nested run */
    public Optional<String> parent() {
        return Optional.ofNullable(parentRunId);
    }

    /**
     * @return how long the run took, or has been running (until now) while it is RUNNING
     */
    public java.time.Duration duration() {
        return java.time.Duration.between(startTime, endTime == null ? Instant.now() : endTime);
    }

    /** @return one line: id, name, status, experiment, start, duration (when ended), parent */
    @Override
    public String toString() {
        return "Run " + runId + " '" + TextTable.cell(runName) + "' " + status + " (experiment " + experimentId
                + "), started " + startTime + (endTime == null ? "" : ", took " + TextTable.duration(duration()))
                + (parentRunId == null ? "" : ", parent " + parentRunId);
    }

    /**
     * @param newStatus the terminal status
     * @param when the end time
     * @return a copy that has ended
     */
    public RunInfo ended(RunStatus newStatus, Instant when) {
        return new RunInfo(runId, experimentId, runName, newStatus, startTime, when, user, source, parentRunId, ownerId);
    }
}
