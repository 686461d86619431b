/**
 * The engine of the model registry and of in-process serving: {@link dev.mlops4j.core.internal.registry.CoreModelRegistry}
 * validates every call, decides promotions (approval policy, gate against the current holder, compare-and-set
 * retries), announces committed changes to listeners, caches loaded models by name and version, and opens the
 * model handles that follow an alias (load fully, then swap an atomic reference; in-process events and store
 * polling; input checks with per-kind policies; sampled asynchronous prediction recording).
 *
 * <p><b>Internal and unstable:</b> nothing here is part of the public API; program against
 * {@link dev.mlops4j.registry} and {@link dev.mlops4j.serving}.
 */
package dev.mlops4j.core.internal.registry;
