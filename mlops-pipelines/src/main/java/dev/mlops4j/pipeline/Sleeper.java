package dev.mlops4j.pipeline;

import java.time.Duration;

/** Waits between retries; tests pass one that records instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
    /** The real one: {@link Thread#sleep}. */
    Sleeper SYSTEM = d -> Thread.sleep(d.toMillis());

    /**
     * @param duration how long
     * @throws InterruptedException if the pipeline run is cancelled while waiting
     */
    void sleep(Duration duration) throws InterruptedException;
}
