package dev.mlops4j.registry;

/**
 * Receives {@link RegistryEvent}s of one {@link ModelRegistry}, so that continuous delivery can react to a new
 * version or a moved alias in-process.
 *
 * <p>Events are delivered synchronously, on the thread that made the change, after the change was committed, in
 * commit order for that thread. A listener that throws is logged and skipped; the change stands. Keep listeners
 * fast and hand longer work to an executor. Only changes made through the same {@code Mlops} instance are seen;
 * for changes by other processes, poll the store (as {@link dev.mlops4j.serving.ModelHandle} does).
 */
@FunctionalInterface
public interface RegistryListener {

    /** @param event a committed change */
    void onEvent(RegistryEvent event);
}
