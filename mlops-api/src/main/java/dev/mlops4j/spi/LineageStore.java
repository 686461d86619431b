package dev.mlops4j.spi;

import dev.mlops4j.lineage.Artifact;
import dev.mlops4j.lineage.ArtifactQuery;
import dev.mlops4j.lineage.Context;
import dev.mlops4j.lineage.Event;
import dev.mlops4j.lineage.Execution;
import dev.mlops4j.lineage.ExecutionOutputs;
import dev.mlops4j.lineage.ExecutionQuery;
import dev.mlops4j.lineage.ExecutionRecord;
import dev.mlops4j.lineage.ExecutionState;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Where lineage lives: artifacts, executions, events and contexts. A {@link MetadataStore} that keeps lineage returns
 * one from {@link MetadataStore#lineage()}; it shares the metadata store's lifecycle.
 *
 * <p>Contract, checked by the {@code mlops-store-tck} suite:
 * <ul>
 *   <li><b>One atomic write per execution:</b> {@link #recordExecution} stores the execution, its new artifacts,
 *       events and context memberships together or, if it throws, nothing; {@link #updateExecution} moves it to a
 *       later state with its further artifacts and events the same way; {@link #recordAll(List, List, List)} writes
 *       new contexts, finished runs and several executions in one transaction.</li>
 *   <li><b>Checked lifecycle:</b> an execution only moves forward, as {@link ExecutionState#canMoveTo} says (NEW,
 *       RUNNING, then one terminal state); an ended execution never changes.</li>
 *   <li><b>Records are otherwise immutable</b>: an execution's type, cache key, run, start and contexts are fixed
 *       when it is first recorded, events are only added, and an artifact changes only its state, which only
 *       {@link #markArtifactsDeleted} changes (LIVE to DELETED).</li>
 *   <li><b>Unique contexts:</b> {@link #putContext} returns the existing context of that type and name, also when
 *       callers race.</li>
 *   <li><b>Typed failures, thread safety, durability</b> as for {@link MetadataStore}; every argument is
 *       required.</li>
 * </ul>
 */
public interface LineageStore {

    /**
     * @param context a context; if one of that type and name exists it is returned instead
     * @return the stored context
     */
    Context putContext(Context context);

    /** @param type context type @param name context name @return the context, if it exists */
    Optional<Context> findContext(String type, String name);

    /**
     * Writes an execution with its new artifacts, events and contexts atomically.
     *
     * @param record what to write
     * @throws dev.mlops4j.ConflictException if the execution id or a new artifact id exists
     * @throws dev.mlops4j.NotFoundException if an event names an artifact that neither exists nor is in the record,
     *     or a context id does not exist
     */
    void recordExecution(ExecutionRecord record);

    /**
     * Moves a recorded execution to a later state, with the artifacts and events it added (e.g. the outputs of a
     * step that was recorded RUNNING when it started), atomically.
     *
     * @param update the execution as it is now (same id, type, cache key, run id and start time; the new state, end
     *     time and properties, which replace the old ones), its new artifacts, its further events; no context ids
     *     (contexts are fixed when an execution is first recorded)
     * @throws dev.mlops4j.NotFoundException if the execution does not exist, or an event names an artifact that
     *     neither exists nor is in the update
     * @throws dev.mlops4j.ConflictException if the recorded state cannot move to the new one
     *     ({@link ExecutionState#canMoveTo}), a new artifact id exists, or an event is recorded already
     * @throws dev.mlops4j.InvalidInputException if the update changes the type, cache key, run id or start time, or
     *     names contexts
     */
    void updateExecution(ExecutionRecord update);

    /**
     * Creates contexts, creates tracking runs already ended and records executions, all in one transaction: the
     * contexts first, then the runs (in order, so a run's parent may be an earlier run of the batch), then the
     * records in order (a record may name the batch's contexts, its events artifacts of earlier records). Either
     * everything is written or, if it throws, nothing.
     *
     * @param contexts contexts to create; unlike {@link #putContext}, one whose type and name (or id) exist already
     *     is a conflict, so use it only for contexts with new names (e.g. a new run's)
     * @param runs runs to create ended, each as {@link MetadataStore#createRun} would check it
     * @param records executions to record, each as {@link #recordExecution} would check it
     * @throws dev.mlops4j.NotFoundException if a run's experiment or parent, an event's artifact or a context does not
     *     exist
     * @throws dev.mlops4j.ConflictException if a context, run, execution or new artifact exists or appears twice
     */
    void recordAll(List<Context> contexts, List<FinishedRun> runs, List<ExecutionRecord> records);

    /** @param id artifact id @return the artifact, if it exists */
    Optional<Artifact> findArtifact(String id);

    /** @param query criteria @return matching artifacts by creation time, then id */
    List<Artifact> findArtifacts(ArtifactQuery query);

    /** @param id execution id @return the execution, if it exists */
    Optional<Execution> findExecution(String id);

    /** @param query criteria @return matching executions, start time descending, then id */
    List<Execution> findExecutions(ExecutionQuery query);

    /**
     * @param query criteria
     * @return the executions {@link #findExecutions} returns for it, each with its OUTPUT events' artifacts by event
     *     name, read in one snapshot
     */
    List<ExecutionOutputs> findExecutionsWithOutputs(ExecutionQuery query);

    /** @param executionId execution id @return its events: inputs then outputs, each by name */
    List<Event> eventsOfExecution(String executionId);

    /** @param artifactId artifact id @return events naming it, by time, then execution id */
    List<Event> eventsOfArtifact(String artifactId);

    /** @param executionId execution id @return its contexts, by type then name */
    List<Context> contextsOfExecution(String executionId);

    /**
     * Marks LIVE artifacts DELETED in one transaction; unknown or already deleted ids are skipped.
     *
     * @param artifactIds the artifacts
     * @param at when (recorded as the {@code deletedAt} property)
     * @return how many changed
     */
    int markArtifactsDeleted(Collection<String> artifactIds, Instant at);
}
