package dev.mlops4j.spi;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.tracking.ArtifactInfo;
import dev.mlops4j.tracking.ExperimentInfo;
import dev.mlops4j.tracking.LogBatch;
import dev.mlops4j.tracking.MetricPage;
import dev.mlops4j.tracking.RunInfo;
import dev.mlops4j.tracking.RunPage;
import dev.mlops4j.tracking.RunRecord;
import dev.mlops4j.tracking.RunStatus;
import dev.mlops4j.search.SearchRequest;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where mlops4j keeps metadata: experiments, runs, params, metrics, tags, artifact names, and the
 * liveness of the processes that own running runs.
 *
 * <p>The engine validates keys, values and limits before calling a store; a store enforces what needs
 * its own transaction: uniqueness, param immutability, that a run is RUNNING before it is written,
 * and atomicity of each call. Contract, checked by the {@code mlops-store-tck} suite:
 * <ul>
 *   <li><b>Durable:</b> when a write method returns, the write survives a crash of the process.</li>
 *   <li><b>Atomic:</b> a method that throws has changed nothing.</li>
 *   <li><b>Thread-safe:</b> any method may be called from many threads at once.</li>
 *   <li><b>Typed failures:</b> unknown ids throw {@link dev.mlops4j.NotFoundException}, writes to an ended run
 *       {@link dev.mlops4j.IllegalRunStateException}, a param logged again with another value
 *       {@link dev.mlops4j.ConflictException}, I/O failures {@link dev.mlops4j.StoreException}.</li>
 *   <li><b>Exact numbers:</b> NaN and the infinities are stored and returned as themselves.</li>
 * </ul>
 */
public interface MetadataStore extends AutoCloseable {

    /** @return a short human-readable description, e.g. {@code "H2 file /home/me/mlops-data/mlops"} */
    String description();

    /** @return the optional capabilities this store has */
    Set<StoreFeature> features();

    // ---------------------------------------------------------------- experiments

    /**
     * Returns the experiment with this name, creating it if absent. Safe under concurrency: callers
     * racing on one name all get the same experiment.
     *
     * @param name a checked experiment name
     * @param now creation time if it is created
     * @return the experiment
     */
    ExperimentInfo getOrCreateExperiment(String name, Instant now);

    /** @param name experiment name @return the experiment, if it exists */
    Optional<ExperimentInfo> findExperimentByName(String name);

    /** @param experimentId experiment id @return the experiment, if it exists */
    Optional<ExperimentInfo> findExperiment(String experimentId);

    /** @return all experiments, ordered by name */
    List<ExperimentInfo> listExperiments();

    /**
     * @param experimentId experiment id
     * @param key tag key
     * @param value tag value
     * @throws dev.mlops4j.NotFoundException if there is no such experiment
     */
    void setExperimentTag(String experimentId, String key, String value);

    /**
     * @param experimentId experiment id
     * @param description new description
     * @throws dev.mlops4j.NotFoundException if there is no such experiment
     */
    void setExperimentDescription(String experimentId, String description);

    // ---------------------------------------------------------------- runs

    /**
     * Stores a new run with its initial tags.
     *
     * @param run the run, status RUNNING, id chosen by the engine
     * @param tags initial tags
     * @throws dev.mlops4j.NotFoundException if the experiment or the parent run does not exist
     * @throws dev.mlops4j.ConflictException if a run with that id exists
     */
    void createRun(RunInfo run, Map<String, String> tags);

    /** @param runId run id @return the run's attributes, if it exists */
    Optional<RunInfo> findRunInfo(String runId);

    /** @param runId run id @return the run with params, latest metrics and tags, if it exists */
    Optional<RunRecord> findRun(String runId);

    /**
     * Ends a RUNNING run.
     *
     * @param runId run id
     * @param status a terminal status
     * @param endTime end time
     * @param tags tags to set in the same transaction (e.g. the error of a failed run)
     * @return the ended run
     * @throws dev.mlops4j.NotFoundException if there is no such run
     * @throws dev.mlops4j.IllegalRunStateException if the run has already ended
     */
    RunInfo endRun(String runId, RunStatus status, Instant endTime, Map<String, String> tags);

    /**
     * Writes a last batch of params, metrics and tags to a RUNNING run and ends it, in one atomic write: afterwards
     * the run has ended with the batch, or (on any error) neither happened. A pipeline run ends this way with its
     * summary metrics, which saves a durable commit per pipeline run.
     *
     * <p>The default writes the batch and then ends the run: two writes, so a crash between them leaves the run
     * RUNNING with the batch (which orphan recovery then ends). Stores override it to make it one transaction.
     *
     * @param runId run id
     * @param batch a checked batch, possibly empty
     * @param status a terminal status
     * @param endTime end time
     * @param tags tags to set with the end (e.g. the error of a failed run)
     * @return the ended run
     * @throws dev.mlops4j.NotFoundException if there is no such run
     * @throws dev.mlops4j.IllegalRunStateException if the run has already ended
     * @throws dev.mlops4j.ConflictException if a param exists with another value
     * @throws dev.mlops4j.InvalidInputException if the status is not terminal
     */
    default RunInfo logAndEndRun(String runId, LogBatch batch, RunStatus status, Instant endTime,
                                 Map<String, String> tags) {
        if (!status.isTerminal()) {
            throw new InvalidInputException("cannot end run '" + runId + "' with status " + status
                    + "; use FINISHED, FAILED or KILLED");
        }
        if (!batch.isEmpty()) {
            logBatch(runId, batch);
        }
        return endRun(runId, status, endTime, tags);
    }

    /**
     * Writes params, metrics and tags atomically. Logging a param again with the same value is a no-op.
     *
     * @param runId run id
     * @param batch a checked batch
     * @throws dev.mlops4j.NotFoundException if there is no such run
     * @throws dev.mlops4j.IllegalRunStateException if the run has ended
     * @throws dev.mlops4j.ConflictException if a param exists with another value
     */
    void logBatch(String runId, LogBatch batch);

    /**
     * Removes a tag; removing an absent tag is a no-op.
     *
     * @param runId run id
     * @param key tag key
     * @throws dev.mlops4j.NotFoundException if there is no such run
     * @throws dev.mlops4j.IllegalRunStateException if the run has ended
     */
    void deleteTag(String runId, String key);

    /**
     * Reads a metric's history in order of (step, timestamp, insertion).
     *
     * @param runId run id
     * @param key metric key
     * @param pageToken token from the previous page, {@code null} for the first
     * @param maxResults page size, at least 1
     * @return the page (empty if the run never logged that key)
     * @throws dev.mlops4j.NotFoundException if there is no such run
     * @throws dev.mlops4j.InvalidInputException if the token is invalid
     */
    MetricPage metricHistory(String runId, String key, String pageToken, int maxResults);

    /**
     * @param runId run id
     * @param key metric key
     * @return how many points the history holds
     */
    long countMetricHistory(String runId, String key);

    /**
     * Searches runs.
     *
     * @param request a parsed, checked request
     * @return one page
     * @throws dev.mlops4j.InvalidInputException if the page token is invalid or belongs to another query
     */
    RunPage searchRuns(SearchRequest request);

    /** @param parentRunId run id @return the direct children, oldest first */
    List<RunInfo> childRuns(String parentRunId);

    // ---------------------------------------------------------------- artifacts

    /**
     * Records (or replaces) an artifact name in a run's tree. The blob must already be in the artifact store.
     *
     * @param runId run id
     * @param artifact name, hash and size
     * @throws dev.mlops4j.NotFoundException if there is no such run
     * @throws dev.mlops4j.IllegalRunStateException if the run has ended
     */
    void putArtifact(String runId, ArtifactInfo artifact);

    /** @param runId run id @return the run's artifacts, ordered by path */
    List<ArtifactInfo> listArtifacts(String runId);

    /** @param runId run id @param path artifact path @return the artifact, if recorded */
    Optional<ArtifactInfo> findArtifact(String runId, String path);

    /**
     * Finds every name of some blobs across all runs (of any status, deleted ones included): what lineage retention
     * asks before it deletes a blob, so that content a run still names is never removed from under it.
     *
     * @param sha256s blob hashes; any number (stores query them in batches)
     * @return the run artifacts whose hash is one of them, ordered by run id, then path
     */
    List<RunArtifact> findArtifactsByHash(Collection<String> sha256s);

    // ---------------------------------------------------------------- liveness of owning processes

    /**
     * Records a process instance that owns runs, with its first heartbeat.
     *
     * @param owner the owner
     */
    void registerOwner(OwnerInfo owner);

    /**
     * Refreshes an owner's heartbeat.
     *
     * @param ownerId owner id
     * @param now the time
     */
    void heartbeat(String ownerId, Instant now);

    /** @param ownerId an owner that closed cleanly and owns no RUNNING run any more */
    void removeOwner(String ownerId);

    /** @return the owners that still have RUNNING runs or are registered */
    List<OwnerInfo> listOwners();

    /**
     * Marks every RUNNING run of the owner KILLED with a {@code mlops.killed.reason} tag, and removes the owner.
     *
     * @param ownerId the dead owner
     * @param endTime end time for the runs
     * @param reason why, stored as a tag
     * @return the ids of the runs that were killed
     */
    List<String> killRunsOfOwner(String ownerId, Instant endTime, String reason);

    // ---------------------------------------------------------------- model registry

    /**
     * The model registry's part of this store, if it has one. Stores without a registry keep the default (empty);
     * {@code mlops.models()} then explains that the store does not support the registry. A store that has one
     * returns the same instance on every call, and closing this store closes it.
     *
     * @return the registry store, if this store provides one
     */
    default Optional<RegistryStore> registry() {
        return Optional.empty();
    }

    /**
     * The lineage part of this store (artifacts, executions, events, contexts), if it has one. Stores without lineage
     * keep the default (empty); {@code mlops.lineage()} and pipelines then explain that the store does not support it.
     * A store that has one returns the same instance on every call, and closing this store closes it.
     *
     * @return the lineage store, if this store provides one
     */
    default Optional<LineageStore> lineage() {
        return Optional.empty();
    }

    /** Flushes and releases the store. Idempotent. */
    @Override
    void close();
}
