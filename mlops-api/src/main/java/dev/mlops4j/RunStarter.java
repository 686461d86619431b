package dev.mlops4j;

/**
 * Options for starting a run; from {@link Experiment#newRun()}.
 *
 * <pre>{@code
 * Run run = experiment.newRun().name("sweep-3").tag("team", "risk").parent(sweep).start();
 * }</pre>
 */
public interface RunStarter {

    /** @param runName the run's name @return this starter */
    RunStarter name(String runName);

    /** @param key tag key @param value tag value @return this starter */
    RunStarter tag(String key, String value);

    /** @param user the user to record instead of {@code user.name} @return this starter */
    RunStarter user(String user);

    /** @param source what runs the code (default: the main class or test class) @return this starter */
    RunStarter source(String source);

    /** @param parent the parent run; the new run is nested under it @return this starter */
    RunStarter parent(Run parent);

    /** @param parentRunId id of the parent run @return this starter */
    RunStarter parent(String parentRunId);

    /**
     * Names the run before it exists, for a caller that must refer to it first (e.g. in records written in the same
     * transaction as the run, {@link dev.mlops4j.lineage.Lineage#recordEndedRun}); mlops4j chooses ids otherwise.
     *
     * @param runId 32 lowercase hex characters, new to the store ({@link dev.mlops4j.lineage.ChildRun#newId()})
     * @return this starter
     * @throws InvalidInputException if the id is not 32 lowercase hex characters; {@link #start()} throws
     *     {@link ConflictException} if a run with this id exists
     */
    RunStarter id(String runId);

    /**
     * Records a start time other than now, as MLflow's {@code create_run(start_time=...)} does: for a caller that
     * writes the run after the work it stands for began (a pipeline writes its run when a step first executes).
     *
     * @param startTime when the run started
     * @return this starter
     */
    RunStarter startTime(java.time.Instant startTime);

    /** @return the started run */
    Run start();
}
