package dev.mlops4j.pipeline;

import dev.mlops4j.Mlops;
import dev.mlops4j.Run;
import dev.mlops4j.lineage.Artifact;
import java.util.Optional;

/** What a running step sees. Not thread-safe beyond the step's own thread (or threads it joins). */
public interface StepContext {

    /** @return the step's name */
    String stepName();

    /**
     * @param slot one of the step's declared inputs
     * @param <T> value type
     * @return its value (loaded from the artifact store on first use if it came from the cache)
     * @throws dev.mlops4j.InvalidInputException if the slot is not a declared input of this step
     */
    <T> T input(Slot<T> slot);

    /**
     * Where a declared input is stored, for steps that hand a reference on rather than the value (e.g. registering a
     * model with the {@code runs:/} URI of the schema its inputs must follow).
     *
     * @param slot one of the step's declared inputs
     * @return its lineage artifact (URI, fingerprint, type), or empty if the slot is transient (not stored)
     * @throws dev.mlops4j.InvalidInputException if the slot is not a declared input of this step
     */
    Optional<Artifact> inputArtifact(Slot<?> slot);

    /**
     * @param slot one of the step's declared outputs
     * @param value its value, not null
     * @param <T> value type
     * @throws dev.mlops4j.InvalidInputException if the slot is not a declared output, or the value is null
     */
    <T> void output(Slot<T> slot, T value);

    /**
     * @param name a declared parameter
     * @param type what to convert it to (numbers widen and narrow as JSON numbers do)
     * @param <T> the type
     * @return the value
     * @throws dev.mlops4j.InvalidInputException if the step declares no such parameter or it does not convert
     */
    <T> T param(String name, Class<T> type);

    /** @return the step's tracking run (a child of the pipeline run): log metrics, params, artifacts on it */
    Run run();

    /** @return the Mlops instance the pipeline runs on */
    Mlops mlops();

    /** @return 1 for the first attempt, 2 for the first retry, ... */
    int attempt();

    /** @return whether the pipeline run was cancelled; long steps should check and stop */
    boolean isCancelled();

    /** @throws PipelineCancelledException if the pipeline run was cancelled */
    void checkCancelled();
}
