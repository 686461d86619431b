package dev.mlops4j.trigger.internal;

import dev.mlops4j.trigger.Scheduler;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** A {@link Scheduler} on a real clock with one daemon thread. */
public final class SystemScheduler implements Scheduler {
    private static final Duration MAX_DELAY = Duration.ofDays(30);
    private final Clock clock;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "mlops-triggers-scheduler");
        t.setDaemon(true);
        return t;
    });

    /** @param clock the clock delays are computed from */
    public SystemScheduler(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public Cancellable schedule(Instant at, Runnable task) {
        // Capped so far-off times do not overflow; the engine checks the time on every wake-up and reschedules.
        Duration delay = Duration.between(clock.instant(), at);
        long delayNanos = delay.isNegative() ? 0 : delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY.toNanos() : delay.toNanos();
        ScheduledFuture<?> f = executor.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
        return () -> f.cancel(false);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
