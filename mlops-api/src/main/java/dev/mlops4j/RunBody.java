package dev.mlops4j;

/**
 * The body of a run in the lambda form {@link Experiment#run(String, RunBody)}.
 *
 * @param <E> the checked exception the body may throw ({@link RuntimeException} when none)
 */
@FunctionalInterface
public interface RunBody<E extends Exception> {
    /**
     * @param run the open run
     * @throws E when the body fails; the run is then marked FAILED and the exception rethrown
     */
    void accept(Run run) throws E;
}
