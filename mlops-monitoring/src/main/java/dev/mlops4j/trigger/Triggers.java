package dev.mlops4j.trigger;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.Mlops;
import dev.mlops4j.StoreException;
import dev.mlops4j.internal.PrintedList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The trigger engine: watches {@link Trigger}s and fires their {@link TriggerAction}s. One per application; close it
 * to stop (try-with-resources). Thread-safe.
 *
 * <pre>{@code
 * try (Triggers triggers = Triggers.builder().store(mlops).build()) {
 *     triggers.define("retrain")
 *             .when(Trigger.cron("0 2 * * *").and(Trigger.onNewFiles(incoming)).or(Trigger.onDrift(monitor::latestDrift, 0.3)))
 *             .concurrency(ConcurrencyPolicy.queue(1))
 *             .start(firing -> retrain(firing));
 *     ...
 * }
 * }</pre>
 *
 * <p><b>Time.</b> All time comes from the {@link Scheduler}'s clock, and the engine wakes only when its scheduler runs
 * it: at the next scheduled time, every {@link Builder#pollInterval poll interval} while a trigger watches a directory,
 * a drift report or live metrics, at the end of a debounce, and at once on a {@link DataSignal}. A
 * {@link ManualScheduler} makes all of it deterministic in tests.
 *
 * <p><b>Durability.</b> With {@link Builder#store(Mlops)} each trigger's state (sequence, runs counted, cursors of
 * schedules and watched directories, the items signalled and not yet fired, and for drift and gate triggers the last
 * report or metrics seen and the event gathered from them) is one tag of the experiment {@code mlops.triggers}; the
 * event parts' share of it is written as soon as something is signalled or gathered, the rest at firings. Each firing is a run
 * there with its reason and outcome (see the package documentation). At a firing the engine first records the firing
 * (a RUNNING run), then commits the advanced state, then hands it to the target: a crash before the state commit
 * leaves a firing that never ran (marked KILLED by orphan recovery) and fires again after restart; a crash after it
 * never fires that time again. So a restarted application neither fires a scheduled time twice nor misses one (missed
 * times go to the {@link MisfirePolicy}), neither loses nor fires twice a signalled item, and does not fire again for
 * a drift report or live metrics it has already judged; an action cut short by the crash is recorded KILLED and not
 * re-run.
 */
public final class Triggers implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Triggers.class);
    /** How long close waits for interrupted actions to return. */
    private static final Duration INTERRUPTED_GRACE = Duration.ofSeconds(5);

    private final Scheduler scheduler;
    private final boolean ownsScheduler;
    private final Executor executor;
    private final ExecutorService ownedExecutor;
    private final TriggerStore store;
    private final Duration pollInterval;
    private final Duration shutdownTimeout;
    private final Map<String, Active> triggers = new LinkedHashMap<>();
    private final Map<String, Target> targets = new LinkedHashMap<>();
    private Scheduler.Cancellable wake;
    private Instant wakeAt;
    private boolean closed;

    private Triggers(Builder b) {
        this.ownsScheduler = b.scheduler == null;
        this.scheduler = b.scheduler != null ? b.scheduler : Scheduler.system();
        if (b.executor != null) {
            this.executor = b.executor;
            this.ownedExecutor = null;
        } else {
            AtomicInteger n = new AtomicInteger();
            this.ownedExecutor = Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "mlops-trigger-action-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            this.executor = ownedExecutor;
        }
        this.store = b.store != null ? b.store : b.mlops != null ? new MlopsTriggerStore(b.mlops) : new MemoryTriggerStore();
        this.pollInterval = b.pollInterval;
        this.shutdownTimeout = b.shutdownTimeout;
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param name the trigger's name: letters, digits and {@code _ - .}; it names its state and firings in the store
     * @return a definition to configure and {@link TriggerDefinition#start start}
     */
    public TriggerDefinition define(String name) {
        return new TriggerDefinition(this, name);
    }

    /** @param name a trigger's name @return its handle, if registered on this engine */
    public synchronized Optional<TriggerHandle> find(String name) {
        return Optional.ofNullable(triggers.get(name));
    }

    /**
     * @param name a trigger's name
     * @return its recorded firings, oldest first (from the store: also those of earlier runs of the application)
     */
    public List<FiringRecord> history(String name) {
        return new PrintedList<>(store.history(name), FiringTable::render);
    }

    /** @return the scheduler's current time */
    public Instant now() {
        return scheduler.clock().instant();
    }

    synchronized TriggerHandle register(TriggerDefinition d, TriggerAction action) {
        checkOpen();
        if (triggers.containsKey(d.name)) {
            throw new InvalidInputException("a trigger named '" + d.name + "' is already registered on this engine");
        }
        Target target = targets.get(d.target);
        ConcurrencyPolicy policy = d.concurrency != null ? d.concurrency : target != null ? target.policy
                : ConcurrencyPolicy.skip();
        if (target == null) {
            target = new Target(d.target, policy, executor, store);
            targets.put(d.target, target);
        } else if (!target.policy.equals(policy)) {
            throw new InvalidInputException("target '" + d.target + "' already has concurrency policy " + target.policy
                    + "; trigger '" + d.name + "' asks for " + policy + ". Triggers of one target share its policy");
        }
        for (DataSignal s : signals(d.trigger, new ArrayList<>())) {
            for (Active a : triggers.values()) {
                if (signals(a.definition.trigger, new ArrayList<>()).contains(s)) {
                    throw new InvalidInputException(s.describe() + " already belongs to trigger '" + a.name()
                            + "'; a signal wakes one trigger: create one per trigger with Trigger.signal(name)");
                }
            }
        }
        Active active = new Active(d, action, target, now());
        triggers.put(d.name, active);
        LOG.info("Trigger '{}' registered: {} -> target '{}' ({} runs so far)", d.name, d.trigger.describe(),
                d.target, active.runs);
        evaluateAndReschedule();
        return active;
    }

    private static List<DataSignal> signals(Trigger t, List<DataSignal> found) {
        if (t instanceof DataSignal s) {
            found.add(s);
        } else if (t instanceof CompositeTrigger c) {
            c.parts().forEach(p -> signals(p, found));
        }
        return found;
    }

    /** Looks at every trigger now. The scheduler calls it; tests may too. */
    void tick() {
        synchronized (this) {
            wake = null;
            wakeAt = null;
            if (closed) {
                return;
            }
            evaluateAndReschedule();
        }
    }

    /**
     * A {@link DataSignal}'s intake once its trigger is registered: the item is written with the trigger's state
     * before the producer's call returns, under the engine's lock so that no firing can consume it half-recorded.
     */
    private void signalled(Active a, DataSignal s, String item) {
        synchronized (this) {
            s.append(item);
            if (closed || a.finished || triggers.get(a.name()) != a) {
                return;     // no firing will come for it: held in memory, as before the trigger started
            }
            try {
                a.saveGathered(now());
            } catch (RuntimeException e) {
                s.dropLast(item);
                throw e;
            }
            wakeNow();
        }
    }

    private void wakeNow() {
        synchronized (this) {
            if (closed) {
                return;
            }
            Instant now = now();
            if (wakeAt != null && !wakeAt.isAfter(now)) {
                return;     // already due
            }
            reschedule(now);
        }
    }

    private void evaluateAndReschedule() {
        Instant now = now();
        for (Active a : new ArrayList<>(triggers.values())) {
            try {
                a.evaluate(now);
            } catch (RuntimeException e) {
                // One trigger failing to look (a supplier throwing, a store write failing) must not stop the others.
                LOG.warn("Trigger '{}' could not be evaluated at {}; it is tried again at the next wake-up", a.name(),
                        now, e);
            }
        }
        Instant next = null;
        for (Active a : triggers.values()) {
            Instant n = a.nextWake(now);
            if (n != null && (next == null || n.isBefore(next))) {
                next = n;
            }
        }
        if (wake != null) {
            wake.cancel();
            wake = null;
            wakeAt = null;
        }
        if (next != null) {
            wakeAt = next;
            wake = scheduler.schedule(next, this::tick);
        }
    }

    private void reschedule(Instant at) {
        if (wake != null) {
            wake.cancel();
        }
        wakeAt = at;
        wake = scheduler.schedule(at, this::tick);
    }

    private void checkOpen() {
        if (closed) {
            throw new StoreException("this trigger engine is closed");
        }
    }

    /**
     * Stops: no trigger fires any more, waiting firings are cancelled (recorded CANCELLED), running actions get the
     * shutdown timeout to finish and are then interrupted (recorded CANCELLED; close waits up to 5 s more for them). Closes the scheduler and executor the engine created, not
     * those it was given. Idempotent.
     */
    @Override
    public void close() {
        List<Target> all;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            if (wake != null) {
                wake.cancel();
            }
            all = new ArrayList<>(targets.values());
        }
        all.forEach(t -> t.close(false));
        if (ownedExecutor != null) {
            ownedExecutor.shutdown();
            try {
                if (!ownedExecutor.awaitTermination(shutdownTimeout.toNanos(), TimeUnit.NANOSECONDS)) {
                    all.forEach(t -> t.close(true));
                    ownedExecutor.shutdownNow();
                    // An action that honours the interrupt ends quickly; wait for it so its outcome is recorded.
                    if (!ownedExecutor.awaitTermination(INTERRUPTED_GRACE.toNanos(), TimeUnit.NANOSECONDS)) {
                        LOG.warn("Trigger engine closed with actions still running: they ignore interrupts");
                    }
                }
            } catch (InterruptedException e) {
                all.forEach(t -> t.close(true));
                ownedExecutor.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
        if (ownsScheduler) {
            scheduler.close();
        }
    }

    /** A registered trigger. Evaluated only under the engine's lock. */
    private final class Active implements TriggerHandle {
        final TriggerDefinition definition;
        final TriggerAction action;
        final Target target;
        final Part root;
        final List<Part> parts;
        long sequence;
        volatile long runs;
        Instant anchor;
        /** The cursors in the store, by part position (null where a part keeps none). */
        List<String> committed;
        volatile Firing last;
        volatile boolean finished;

        Active(TriggerDefinition d, TriggerAction action, Target target, Instant now) {
            this.definition = d;
            this.action = action;
            this.target = target;
            String stored = store.loadState(d.name);
            TriggerState state = TriggerState.parse(stored, d.name);
            boolean changed = state.definition() != null && !state.definition().equals(d.trigger.describe());
            this.sequence = state.sequence();
            this.runs = state.runs();
            this.anchor = state.anchor() != null ? state.anchor() : d.startAt != null ? d.startAt : now;
            // A new schedule looks forward from now (or from just before its start); a stored cursor resumes it.
            Instant from = d.startAt != null && d.startAt.isAfter(now) ? d.startAt.minusNanos(1) : now;
            this.root = build(d.trigger, from);
            this.parts = root.flatten();
            if (changed) {
                // Cursors are stored by the position of their part; another shape would give them to the wrong part.
                LOG.warn("Trigger '{}' changed from [{}] to [{}]: its schedules, watched directories, signalled items"
                        + " and drift and gate states start afresh (sequence and runs carry on)", d.name,
                        state.definition(), d.trigger.describe());
            } else {
                for (int i = 0; i < parts.size(); i++) {
                    String c = state.cursors().get(Integer.toString(i));
                    if (c != null) {
                        parts.get(i).restore(c);
                    }
                }
            }
            this.committed = cursors();
            if (stored == null || changed) {
                save(now);      // so that downtime before the first firing is seen as downtime after a restart
            }
            if (runs >= d.maxRuns) {
                finished = true;
            }
        }

        private Part build(Trigger t, Instant from) {
            if (t instanceof Schedule s) {
                return new SchedulePart(s, definition.misfire, anchor, from, definition.endAt);
            } else if (t instanceof NewFilesTrigger f) {
                return new DirectoryPart(f);
            } else if (t instanceof DataSignal s) {
                s.onSignal(item -> signalled(this, s, item));
                return new EventParts.SignalPart(s);
            } else if (t instanceof DriftTrigger dt) {
                return new EventParts.DriftPart(dt);
            } else if (t instanceof GateTrigger g) {
                return new EventParts.GatePart(g);
            } else if (t instanceof CompositeTrigger c) {
                List<Part> children = new ArrayList<>();
                c.parts().forEach(p -> children.add(build(p, from)));
                return new CompositePart(c.all(), children);
            }
            throw new IllegalStateException("unknown trigger " + t);
        }

        void evaluate(Instant now) {
            if (finished) {
                return;
            }
            // Cursors as they were before this look: a failed commit returns to them (event parts to what they gathered).
            List<String> before = cursors();
            root.observe(now);
            if (!fire(now, before)) {
                saveGatheredIfChanged(now);
            }
        }

        /** @return true if the trigger fired (and so committed its state) */
        private boolean fire(Instant now, List<String> before) {
            if (definition.endAt != null && now.isAfter(definition.endAt) && !(root instanceof SchedulePart && root.happened())) {
                finish("its end " + definition.endAt + " passed");
                return false;
            }
            if (!root.happened()) {
                if (root.exhausted()) {
                    finish("its schedule has no further time");
                }
                return false;
            }
            if (definition.startAt != null && now.isBefore(definition.startAt)) {
                return false;     // what happened waits for the start
            }
            if (!definition.debounce.isZero() && now.isBefore(root.eventAt().plus(definition.debounce))) {
                return false;
            }
            List<Firing> firings = new ArrayList<>();
            if (root instanceof SchedulePart s) {
                for (Instant time : s.occurrences()) {
                    if (runs + firings.size() >= definition.maxRuns) {
                        break;
                    }
                    firings.add(new Firing(name(), sequence + firings.size() + 1, s.reasonFor(time), now, time));
                }
            } else {
                firings.add(new Firing(name(), sequence + 1, root.reason(), now, root.eventAt()));
            }
            long sequence0 = sequence;
            long runs0 = runs;
            root.consume();
            List<Object> tokens = new ArrayList<>();
            try {
                for (Firing f : firings) {
                    tokens.add(store.begin(f, target.name));
                }
                sequence += firings.size();
                runs += firings.size();
                save(now);
            } catch (RuntimeException storeFailure) {
                // Nothing was handed to the target: undo, so the next wake-up finds the same data again (files newer
                // than the old cursor, scheduled times after it). Sequence numbers stay used (a recorded, cancelled
                // firing may hold them), so they may have gaps but never repeat.
                sequence = sequence0 + tokens.size();
                runs = runs0;
                for (int i = 0; i < parts.size(); i++) {
                    parts.get(i).rollback(before.get(i));
                }
                for (Object token : tokens) {
                    try {
                        store.end(token, FiringOutcome.CANCELLED, null);
                    } catch (RuntimeException alsoFailing) {
                        storeFailure.addSuppressed(alsoFailing);
                    }
                }
                throw storeFailure;
            }
            if (!firings.isEmpty()) {
                last = firings.get(firings.size() - 1);
            }
            for (int i = 0; i < firings.size(); i++) {
                target.submit(target.execution(firings.get(i), tokens.get(i), action));
            }
            if (runs >= definition.maxRuns) {
                finish("it reached its maximum of " + definition.maxRuns + " runs");
            } else if (!root.happened() && root.exhausted()) {
                finish("its schedule has no further time");
            }
            return true;
        }

        private void finish(String why) {
            finished = true;
            LOG.info("Trigger '{}' finished: {}", name(), why);
        }

        private List<String> cursors() {
            return parts.stream().map(Part::cursor).toList();
        }

        /** Commits the state with every part's cursor: at a firing, and when the trigger is new or changed. */
        private void save(Instant now) {
            write(cursors(), now);
        }

        /**
         * Commits what the event parts gathered, leaving the other parts' cursors as last committed: a schedule's
         * cursor moves at every look, but only a firing may commit it (what it gathered is not in its cursor).
         */
        void saveGathered(Instant now) {
            List<String> current = cursors();
            List<String> mixed = new ArrayList<>(parts.size());
            for (int i = 0; i < parts.size(); i++) {
                mixed.add(parts.get(i).keepsEvents() ? current.get(i) : committed.get(i));
            }
            write(mixed, now);
        }

        private void saveGatheredIfChanged(Instant now) {
            List<String> current = cursors();
            for (int i = 0; i < parts.size(); i++) {
                if (parts.get(i).keepsEvents() && !Objects.equals(current.get(i), committed.get(i))) {
                    saveGathered(now);
                    return;
                }
            }
        }

        private void write(List<String> cursors, Instant now) {
            Map<String, String> byPosition = new LinkedHashMap<>();
            for (int i = 0; i < cursors.size(); i++) {
                if (cursors.get(i) != null) {
                    byPosition.put(Integer.toString(i), cursors.get(i));
                }
            }
            store.saveState(name(), new TriggerState(sequence, runs, anchor, now, byPosition,
                    definition.trigger.describe()).toJson());
            committed = cursors;
        }

        Instant nextWake(Instant now) {
            if (finished) {
                return null;
            }
            Instant next = root.nextDue(now).orElse(null);
            if (root.polled()) {
                next = min(next, now.plus(pollInterval));
            }
            if (root.happened()) {
                if (!definition.debounce.isZero()) {
                    next = min(next, root.eventAt().plus(definition.debounce));
                }
                if (definition.startAt != null && now.isBefore(definition.startAt)) {
                    next = min(next, definition.startAt);
                }
                if (next == null || !next.isAfter(now)) {
                    // Gathered and due but not fired: its commit failed. Try again after a poll, not at once in a loop.
                    next = now.plus(pollInterval);
                }
            }
            if (definition.endAt != null && (next == null ? !now.isAfter(definition.endAt)
                    : next.isAfter(definition.endAt))) {
                next = definition.endAt.plusNanos(1);   // wake once after the end to finish
            }
            return next;
        }

        private Instant min(Instant a, Instant b) {
            return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
        }

        @Override
        public String name() {
            return definition.name;
        }

        @Override
        public long runs() {
            return runs;
        }

        @Override
        public Optional<Firing> lastFiring() {
            return Optional.ofNullable(last);
        }

        @Override
        public boolean finished() {
            return finished;
        }

        @Override
        public List<FiringRecord> history() {
            return Triggers.this.history(name());
        }

        @Override
        public void cancel() {
            synchronized (Triggers.this) {
                if (!finished) {
                    finish("cancelled");
                }
                triggers.remove(name());
            }
        }

        @Override
        public String toString() {
            return "trigger '" + name() + "' (" + definition.trigger.describe() + ", " + runs + " runs"
                    + (finished ? ", finished" : "") + ")";
        }
    }

    /** Configures an engine. */
    public static final class Builder {
        private Scheduler scheduler;
        private Executor executor;
        private Mlops mlops;
        private TriggerStore store;
        private Duration pollInterval = Duration.ofSeconds(10);
        private Duration shutdownTimeout = Duration.ofSeconds(30);

        private Builder() {
        }

        /** @param s when the engine wakes and what time it is (default: {@link Scheduler#system()}) @return this */
        public Builder scheduler(Scheduler s) {
            this.scheduler = Objects.requireNonNull(s, "scheduler");
            return this;
        }

        /**
         * @param e where actions run (default: a pool of daemon threads the engine owns); {@code Runnable::run} runs
         *     them on the engine's thread, which suits tests
         * @return this builder
         */
        public Builder executor(Executor e) {
            this.executor = Objects.requireNonNull(e, "executor");
            return this;
        }

        /**
         * @param store the instance whose metadata store keeps trigger state and firings (default: memory only, lost
         *     on close; then a restart starts every trigger afresh)
         * @return this builder
         */
        public Builder store(Mlops store) {
            this.mlops = Objects.requireNonNull(store, "store");
            return this;
        }

        /** For tests of store failures. */
        Builder store(TriggerStore s) {
            this.store = Objects.requireNonNull(s, "store");
            return this;
        }

        /** @param interval how often directories, drift reports and live metrics are looked at (default 10 s) @return this */
        public Builder pollInterval(Duration interval) {
            Objects.requireNonNull(interval, "interval");
            if (interval.compareTo(Duration.ofMillis(1)) < 0) {
                throw new InvalidInputException("pollInterval must be at least 1 ms, was " + interval);
            }
            this.pollInterval = interval;
            return this;
        }

        /** @param timeout how long close waits for running actions before interrupting them (default 30 s) @return this */
        public Builder shutdownTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative()) {
                throw new InvalidInputException("shutdownTimeout must not be negative, was " + timeout);
            }
            this.shutdownTimeout = timeout;
            return this;
        }

        /** @return the engine */
        public Triggers build() {
            return new Triggers(this);
        }
    }
}
