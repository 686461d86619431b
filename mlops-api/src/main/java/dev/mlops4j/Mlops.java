package dev.mlops4j;

import dev.mlops4j.registry.ModelRegistry;
import dev.mlops4j.tracking.ExperimentInfo;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The entry point: an open mlops4j instance bound to one metadata store and one artifact store.
 *
 * <pre>{@code
 * try (Mlops mlops = Mlops.open()) {                       // embedded H2 store in ./mlops-data
 *     try (Run run = mlops.experiment("churn").startRun("baseline")) {
 *         run.logParam("model", "cart").logMetric("accuracy", 0.91);
 *     }
 *     mlops.runs().search("churn").filter("metrics.accuracy > 0.9").list();
 * }
 * }</pre>
 *
 * <p>An instance is thread-safe and meant to be shared (one per application and store). Close it to
 * stop its heartbeat and release the store; runs it started that are still RUNNING at close are marked
 * KILLED (with a {@code mlops.killed.reason} tag), since nothing could end them afterwards. If the process
 * dies without closing, a later open marks its RUNNING runs KILLED the same way.
 */
public interface Mlops extends AutoCloseable {

    /** Environment variable (or system property {@code mlops.home}) naming the default home directory. */
    String HOME_ENV = "MLOPS_HOME";

    /**
     * Opens the embedded default store: an H2 database under the directory named by the system property
     * {@code mlops.home}, else by the environment variable {@code MLOPS_HOME}, else {@code ./mlops-data}.
     *
     * @return an open instance
     * @throws StoreConfigurationException if no store provider for the embedded default is on the class path
     */
    static Mlops open() {
        return builder().build();
    }

    /**
     * Opens the embedded default store under the given directory (created if absent).
     *
     * @param home the home directory
     * @return an open instance
     */
    static Mlops open(Path home) {
        return builder().home(home).build();
    }

    /** @return an instance backed by memory only, for tests and notebooks; everything is lost on close */
    static Mlops inMemory() {
        return builder().inMemory().build();
    }

    /** @return a builder to choose the stores and settings */
    static MlopsBuilder builder() {
        return new MlopsBuilder();
    }

    /**
     * Returns the experiment with this name, creating it on first use.
     *
     * @param name experiment name (unique in the store)
     * @return the experiment
     * @throws InvalidInputException if the name is blank, too long or has control characters
     */
    Experiment experiment(String name);

    /**
     * @param name experiment name
     * @return the experiment if it exists; never creates one
     */
    Optional<Experiment> findExperiment(String name);

    /** @return every experiment, ordered by name */
    List<ExperimentInfo> experiments();

    /** @return reading and searching runs, their metric histories and artifacts */
    Runs runs();

    /**
     * The model registry: versions, aliases, promotions with gates and approvals, the audit trail, and serving.
     *
     * @return the registry of this instance's store
     * @throws StoreConfigurationException if the metadata store does not provide a registry
     *     ({@link dev.mlops4j.spi.MetadataStore#registry()} is empty)
     */
    ModelRegistry models();

    /**
     * Lineage: artifacts, executions and events recorded by pipelines, with upstream/downstream queries and retention.
     *
     * @return the lineage of this instance's store
     * @throws StoreConfigurationException if the metadata store keeps no lineage
     *     ({@link dev.mlops4j.spi.MetadataStore#lineage()} is empty)
     */
    default dev.mlops4j.lineage.Lineage lineage() {
        throw new StoreConfigurationException("this Mlops implementation (" + getClass().getName() + ") provides no"
                + " lineage; use Mlops.open(), Mlops.inMemory() or Mlops.builder()");
    }

    /**
     * Marks RUNNING runs whose owning process is dead (or silent beyond the orphan timeout) as KILLED,
     * with a {@code mlops.killed.reason} tag. Opening an instance does this by default.
     *
     * @return the ids of the runs marked KILLED
     */
    List<String> recoverOrphanedRuns();

    /** @return where metadata lives, e.g. {@code "H2 file /work/mlops-data/mlops"} */
    String describeStore();

    /** @return the home directory, empty for an in-memory instance */
    Optional<Path> home();

    /**
     * Stops the heartbeat, marks the runs this instance started that are still RUNNING as KILLED, and closes the
     * stores this instance opened. Idempotent; other calls on a closed instance throw {@link StoreException}.
     */
    @Override
    void close();
}
