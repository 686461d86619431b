package dev.mlops4j;

import dev.mlops4j.tracking.ExperimentInfo;

/**
 * A named group of runs. Obtained from {@link Mlops#experiment(String)}; cheap to obtain again.
 */
public interface Experiment {

    /** @return the store-assigned id */
    String id();

    /** @return the unique name */
    String name();

    /** @return the experiment as currently stored (description, tags) */
    ExperimentInfo info();

    /**
     * @param text new description
     * @return this experiment
     */
    Experiment description(String text);

    /**
     * @param key tag key
     * @param value tag value
     * @return this experiment
     */
    Experiment tag(String key, String value);

    /** @return an unnamed, started run; close it (try-with-resources) to finish it */
    Run startRun();

    /**
     * @param runName the run's name
     * @return a started run; close it (try-with-resources) to finish it
     */
    Run startRun(String runName);

    /** @return a builder for a run with more options (tags, user, source, parent) */
    RunStarter newRun();

    /**
     * Runs the body inside a new run: FINISHED when it returns, FAILED (with the exception's class and
     * message as {@code mlops.error.*} tags) when it throws, and the exception is rethrown.
     *
     * @param runName the run's name
     * @param body what to do in the run
     * @param <E> the checked exception of the body
     * @return the run's id
     * @throws E what the body threw
     */
    <E extends Exception> String run(String runName, RunBody<E> body) throws E;

    /**
     * Like {@link #run(String, RunBody)}, returning the body's result.
     *
     * @param runName the run's name
     * @param body what to do in the run
     * @param <T> the result type
     * @param <E> the checked exception of the body
     * @return the body's result
     * @throws E what the body threw
     */
    <T, E extends Exception> T call(String runName, RunFunction<T, E> body) throws E;

    /** @return a search over this experiment's runs */
    RunQuery searchRuns();
}
