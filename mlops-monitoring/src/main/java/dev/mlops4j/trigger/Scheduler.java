package dev.mlops4j.trigger;

import java.time.Clock;
import java.time.Instant;

/**
 * When the trigger engine wakes up. The engine never sleeps or polls on its own: it asks its scheduler to run a task
 * at the next instant something may happen (a scheduled time, a poll of a watched directory or of a drift report, the
 * end of a debounce). {@link #system()} uses a daemon thread; {@link ManualScheduler} moves time only when a test says
 * so, which makes every trigger testable without sleeping.
 */
public interface Scheduler extends AutoCloseable {

    /** @return the clock that says what time it is for this scheduler */
    Clock clock();

    /**
     * Runs the task at (or as soon as possible after) the instant.
     *
     * @param at when
     * @param task what to run; must not block for long
     * @return a handle to cancel it
     */
    Cancellable schedule(Instant at, Runnable task);

    /** Stops running tasks; pending ones are discarded. Idempotent. */
    @Override
    void close();

    /** @return a scheduler on the system clock (UTC) with one daemon thread */
    static Scheduler system() {
        return new dev.mlops4j.trigger.internal.SystemScheduler(Clock.systemUTC());
    }

    /**
     * @param clock the clock (e.g. in the application's zone); delays are computed from it
     * @return a scheduler with one daemon thread
     */
    static Scheduler system(Clock clock) {
        return new dev.mlops4j.trigger.internal.SystemScheduler(clock);
    }

    /** A scheduled task that can be cancelled. */
    @FunctionalInterface
    interface Cancellable {
        /** Cancels the task if it has not run; idempotent. */
        void cancel();
    }
}
