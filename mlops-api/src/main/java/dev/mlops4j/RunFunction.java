package dev.mlops4j;

/**
 * A run body that computes a result, for {@link Experiment#call(String, RunFunction)}.
 *
 * @param <T> the result type
 * @param <E> the checked exception the body may throw ({@link RuntimeException} when none)
 */
@FunctionalInterface
public interface RunFunction<T, E extends Exception> {
    /**
     * @param run the open run
     * @return the result
     * @throws E when the body fails; the run is then marked FAILED and the exception rethrown
     */
    T apply(Run run) throws E;
}
