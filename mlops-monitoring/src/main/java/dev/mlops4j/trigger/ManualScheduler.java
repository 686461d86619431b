package dev.mlops4j.trigger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * A scheduler whose time moves only when told: for tests and simulations. {@link #advanceBy(Duration)} moves the
 * clock forward and runs every task that falls due, each at its own instant (the clock reads that instant while the
 * task runs), in time order, including tasks scheduled by tasks. Thread-safe; tasks run on the calling thread.
 *
 * <pre>{@code
 * ManualScheduler time = ManualScheduler.startingAt(Instant.parse("2026-01-01T00:00:00Z"));
 * try (Triggers triggers = Triggers.builder().scheduler(time).executor(Runnable::run).build()) {
 *     triggers.define("hourly").when(Trigger.every(Duration.ofHours(1))).start(action);
 *     time.advanceBy(Duration.ofHours(3));        // fires three times, at 01:00, 02:00 and 03:00
 * }
 * }</pre>
 */
public final class ManualScheduler implements Scheduler {
    private final ZoneId zone;
    private final PriorityQueue<Task> tasks = new PriorityQueue<>();
    private Instant now;
    private long order;
    private boolean closed;

    private ManualScheduler(Instant start, ZoneId zone) {
        this.now = start;
        this.zone = zone;
    }

    /** @param start the initial time @return a scheduler at that time (clock zone UTC) */
    public static ManualScheduler startingAt(Instant start) {
        return new ManualScheduler(Objects.requireNonNull(start, "start"), ZoneOffset.UTC);
    }

    /** @param start the initial time @param zone the clock's zone @return a scheduler at that time */
    public static ManualScheduler startingAt(Instant start, ZoneId zone) {
        return new ManualScheduler(Objects.requireNonNull(start, "start"), Objects.requireNonNull(zone, "zone"));
    }

    @Override
    public Clock clock() {
        return new ManualClock(this, zone);
    }

    /** @return the current time */
    public synchronized Instant now() {
        return now;
    }

    @Override
    public synchronized Cancellable schedule(Instant at, Runnable task) {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(task, "task");
        Task t = new Task(at, order++, task);
        if (!closed) {
            tasks.add(t);
        }
        return () -> {
            synchronized (ManualScheduler.this) {
                tasks.remove(t);
            }
        };
    }

    /**
     * Moves the clock forward, running every task due on the way.
     *
     * @param duration how far, not negative
     * @return this scheduler
     */
    public ManualScheduler advanceBy(Duration duration) {
        if (duration.isNegative()) {
            throw new dev.mlops4j.InvalidInputException("time only moves forward; was given " + duration);
        }
        return advanceTo(now().plus(duration));
    }

    /**
     * Moves the clock to an instant, running every task due on the way.
     *
     * @param target the new time, not before now
     * @return this scheduler
     */
    public ManualScheduler advanceTo(Instant target) {
        synchronized (this) {
            if (target.isBefore(now)) {
                throw new dev.mlops4j.InvalidInputException("time only moves forward: now is " + now + ", was asked for " + target);
            }
        }
        while (true) {
            Task next;
            synchronized (this) {
                next = tasks.peek();
                if (next == null || next.at.isAfter(target)) {
                    now = target;
                    return this;
                }
                tasks.poll();
                if (next.at.isAfter(now)) {
                    now = next.at;
                }
            }
            next.task.run();
        }
    }

    /** @return this scheduler, after running the tasks due now (e.g. those a signal scheduled) */
    public ManualScheduler runDue() {
        return advanceBy(Duration.ZERO);
    }

    /** @return how many tasks wait */
    public synchronized int pendingTasks() {
        return tasks.size();
    }

    /** @return when the next task is due, or null if none */
    public synchronized Instant nextTaskAt() {
        Task t = tasks.peek();
        return t == null ? null : t.at;
    }

    @Override
    public synchronized void close() {
        closed = true;
        tasks.clear();
    }

    private record Task(Instant at, long order, Runnable task) implements Comparable<Task> {
        @Override
        public int compareTo(Task o) {
            int c = at.compareTo(o.at);
            return c != 0 ? c : Long.compare(order, o.order);
        }
    }

    /** The scheduler's time as a {@link Clock}. */
    private static final class ManualClock extends Clock {
        private final ManualScheduler scheduler;
        private final ZoneId zone;

        ManualClock(ManualScheduler scheduler, ZoneId zone) {
            this.scheduler = scheduler;
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId newZone) {
            return new ManualClock(scheduler, newZone);
        }

        @Override
        public Instant instant() {
            return scheduler.now();
        }
    }
}
