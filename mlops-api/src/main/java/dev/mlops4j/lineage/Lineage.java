package dev.mlops4j.lineage;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * The ML-Metadata-style lineage of an {@link dev.mlops4j.Mlops} instance: artifacts, executions, the events between
 * them and the contexts grouping them, with graph queries and retention. Pipelines record into it; users query it:
 *
 * <pre>{@code
 * Lineage lineage = mlops.lineage();
 * System.out.println(lineage.upstreamOfModel("wine", 3).toText());   // which data and steps made the model?
 * lineage.artifactsByUri(Path.of("wine.csv").toUri().toString())
 *        .forEach(a -> System.out.println(lineage.downstream(a.id()).toText()));  // what was made from this file?
 * }</pre>
 * Thread-safe.
 */
public interface Lineage {

    /**
     * Writes an execution with its new artifacts, events and contexts in one atomic step.
     *
     * @param record what to write
     * @throws dev.mlops4j.ConflictException if the execution or a new artifact id exists already
     * @throws dev.mlops4j.NotFoundException if an event names an unknown artifact or a context does not exist
     */
    void record(ExecutionRecord record);

    /**
     * Moves a recorded execution to a later state (RUNNING to COMPLETE, FAILED or CANCELED, as
     * {@link ExecutionState#canMoveTo} allows) with the artifacts and events it added, in one atomic step.
     *
     * @param update the execution as it is now (same id, type, cache key, run and start), its new artifacts and
     *     further events, no contexts
     * @throws dev.mlops4j.NotFoundException if the execution or an event's artifact does not exist
     * @throws dev.mlops4j.ConflictException if the execution cannot move to that state (e.g. it has ended already)
     * @throws dev.mlops4j.InvalidInputException if the update changes what is fixed or names contexts
     */
    void update(ExecutionRecord update);

    /**
     * Creates new contexts and child runs of {@code parent} already ended, and records executions, all in one atomic
     * write: how a pipeline records its consecutive cache hits (CACHED executions) in one transaction.
     *
     * @param parent the tracking run the child runs belong to (they join its experiment); ignored without runs
     * @param contexts contexts to create, e.g. a new pipeline run's ({@link Context#create}); one whose type and name
     *     exist already is a conflict (use {@link #context} for contexts that may exist)
     * @param runs the child runs, which executions name by id
     * @param records the executions, in order (a record may name the new contexts, an event an artifact of an
     *     earlier record)
     * @throws dev.mlops4j.NotFoundException if the parent, an event's artifact or a context does not exist
     * @throws dev.mlops4j.ConflictException if a context, run, execution or new artifact exists already
     */
    void recordAll(dev.mlops4j.Run parent, List<Context> contexts, List<ChildRun> runs, List<ExecutionRecord> records);

    /**
     * Creates a top-level run already ended, with its summary metrics, together with new contexts, child runs of it
     * (also ended) and executions, all in one atomic write: how a pipeline run in which no step had to run (every
     * step a cache hit) costs one transaction instead of one to start its run, one for the steps and one to end it.
     * The run's id is usually chosen before anything names it ({@link ChildRun#newId()}), so that the records and
     * contexts of the batch can refer to it.
     *
     * @param experiment the experiment of the new run and of its child runs
     * @param run the run, with a terminal status, its own tags (the engine adds its system tags) and no parent
     * @param metrics its metrics (at their own timestamps and steps); may be empty
     * @param contexts contexts to create, as for {@link #recordAll}
     * @param children its child runs
     * @param records the executions, in order
     * @throws dev.mlops4j.NotFoundException if the experiment, an event's artifact or a context does not exist
     * @throws dev.mlops4j.ConflictException if the run, a context, child run, execution or new artifact exists already
     */
    void recordEndedRun(dev.mlops4j.Experiment experiment, ChildRun run, List<dev.mlops4j.tracking.Metric> metrics,
                        List<Context> contexts, List<ChildRun> children, List<ExecutionRecord> records);

    /**
     * @param type context type, e.g. {@link Context#PIPELINE}
     * @param name context name
     * @return the context of that type and name, created if absent
     */
    Context context(String type, String name);

    /** @param type context type @param name context name @return the context, if it exists */
    Optional<Context> findContext(String type, String name);

    /** @param id artifact id @return the artifact, if it exists */
    Optional<Artifact> artifact(String id);

    /** @param query what to select @return the matching artifacts, oldest first */
    List<Artifact> artifacts(ArtifactQuery query);

    /** @param uri an artifact uri @return the artifacts recorded with that uri, oldest first */
    default List<Artifact> artifactsByUri(String uri) {
        return artifacts(ArtifactQuery.all().withUri(uri));
    }

    /** @param id execution id @return the execution, if it exists */
    Optional<Execution> execution(String id);

    /** @param query what to select @return the matching executions, newest first */
    List<Execution> executions(ExecutionQuery query);

    /**
     * The executions a query selects, each with its output artifacts, in one consistent read: a cache lookup's
     * candidates without one more read per execution and per artifact.
     *
     * @param query what to select
     * @return the matching executions with their outputs, newest first
     */
    List<ExecutionOutputs> executionsWithOutputs(ExecutionQuery query);

    /** @param executionId execution id @return its events, inputs then outputs, by name */
    List<Event> eventsOfExecution(String executionId);

    /** @param artifactId artifact id @return the events naming it, oldest first */
    List<Event> eventsOfArtifact(String artifactId);

    /** @param executionId execution id @return the contexts it belongs to */
    List<Context> contextsOf(String executionId);

    /**
     * Whether an artifact's content is still where its uri says, unchanged: LIVE, and the artifact store still holds
     * its blob ({@code runs:/} uris), or the file still exists with the same SHA-256 ({@code file:} uris). Other
     * schemes (e.g. {@code models:/}) are intact while LIVE.
     *
     * @param artifact the artifact
     * @return true if it can be reused
     */
    boolean isIntact(Artifact artifact);

    /**
     * Opens an artifact's content ({@code runs:/} and {@code file:} uris).
     *
     * @param artifact the artifact
     * @return its content; the caller closes it
     * @throws dev.mlops4j.NotFoundException if the content is gone
     * @throws dev.mlops4j.InvalidInputException if the uri has no content to read
     */
    InputStream open(Artifact artifact);

    /**
     * @param artifactId the artifact
     * @return what it was made from: producing executions, their inputs, recursively
     * @throws dev.mlops4j.NotFoundException if there is no such artifact
     */
    LineageGraph upstream(String artifactId);

    /**
     * @param artifactId the artifact
     * @return what was made from it: consuming executions, their outputs, recursively
     * @throws dev.mlops4j.NotFoundException if there is no such artifact
     */
    LineageGraph downstream(String artifactId);

    /**
     * The upstream of a registered model version, through the {@code models:/<name>/<version>} artifact the
     * registering step recorded.
     *
     * @param modelName registered model name
     * @param version version number
     * @return its upstream graph
     * @throws dev.mlops4j.NotFoundException if no artifact records that model version
     */
    LineageGraph upstreamOfModel(String modelName, int version);

    /**
     * Deletes old artifacts' contents and marks them DELETED, keeping lineage consistent (see
     * {@link RetentionPolicy}).
     *
     * @param policy what to remove
     * @return what was removed
     */
    RetentionReport collectGarbage(RetentionPolicy policy);
}
