package dev.mlops4j.trigger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/** One target: runs one action at a time and applies its concurrency policy to firings that find it busy. */
final class Target {
    private static final Logger LOG = LoggerFactory.getLogger(Target.class);

    final String name;
    final ConcurrencyPolicy policy;
    private final Executor executor;
    private final TriggerStore store;
    private Execution running;
    private final Deque<Execution> queue = new ArrayDeque<>();
    private boolean closed;

    Target(String name, ConcurrencyPolicy policy, Executor executor, TriggerStore store) {
        this.name = name;
        this.policy = policy;
        this.executor = executor;
        this.store = store;
    }

    /** A firing on its way: waiting, running, or done. */
    final class Execution implements Runnable {
        static final int NEW = 0;
        static final int RUNNING = 1;
        static final int DONE = 2;

        final Firing firing;
        final Object token;
        final TriggerAction action;
        final AtomicInteger state = new AtomicInteger(NEW);
        volatile Thread thread;
        volatile FiringOutcome cancelledAs;

        Execution(Firing firing, Object token, TriggerAction action) {
            this.firing = firing;
            this.token = token;
            this.action = action;
        }

        @Override
        public void run() {
            if (!state.compareAndSet(NEW, RUNNING)) {
                return;     // cancelled before it started; already finished
            }
            thread = Thread.currentThread();
            FiringOutcome outcome = FiringOutcome.COMPLETED;
            Throwable error = null;
            try {
                LOG.info("Trigger '{}' fired (#{}) for target '{}': {}", firing.trigger(), firing.sequence(), name,
                        firing.reason());
                action.run(firing);
            } catch (InterruptedException e) {
                outcome = cancelledAs != null ? cancelledAs : FiringOutcome.FAILED;
                error = cancelledAs != null ? null : e;
            } catch (Exception e) {
                outcome = cancelledAs != null ? cancelledAs : FiringOutcome.FAILED;
                error = cancelledAs != null ? null : e;
                if (error != null) {
                    LOG.warn("Trigger '{}' firing #{}: the action of target '{}' failed", firing.trigger(),
                            firing.sequence(), name, e);
                }
            } finally {
                thread = null;
                Thread.interrupted();   // an interrupt aimed at this action must not leak into the pool's next task
                if (cancelledAs != null && outcome == FiringOutcome.COMPLETED) {
                    outcome = cancelledAs;
                }
                finished(this, outcome, error);
            }
        }

        /** Cancels: a waiting execution ends at once, a running one is interrupted and ends when its action returns. */
        void cancel(FiringOutcome as) {
            cancelledAs = as;
            if (state.compareAndSet(NEW, DONE)) {
                finished(this, as, null);
                return;
            }
            Thread t = thread;
            if (t != null) {
                t.interrupt();
            }
        }
    }

    Execution execution(Firing firing, Object token, TriggerAction action) {
        return new Execution(firing, token, action);
    }

    /** Applies the policy to a new firing. */
    void submit(Execution e) {
        List<Execution> replaced = new ArrayList<>();
        Execution interrupt = null;
        boolean startNow = false;
        FiringOutcome refused = null;
        synchronized (this) {
            if (closed) {
                refused = FiringOutcome.CANCELLED;
            } else if (running == null) {
                running = e;
                startNow = true;
            } else {
                switch (policy.kind()) {
                    case SKIP -> refused = FiringOutcome.SKIPPED;
                    case QUEUE -> {
                        if (queue.size() < policy.bound()) {
                            queue.add(e);
                        } else {
                            refused = FiringOutcome.DROPPED;
                        }
                    }
                    case REPLACE -> {
                        replaced.addAll(queue);
                        queue.clear();
                        queue.add(e);
                        interrupt = running;
                    }
                }
            }
        }
        if (refused != null) {
            LOG.info("Trigger '{}' firing #{} {}: target '{}' is busy (policy {})", e.firing.trigger(),
                    e.firing.sequence(), refused.name().toLowerCase(java.util.Locale.ROOT), name, policy);
            e.state.set(Execution.DONE);
            store.end(e.token, refused, null);
            return;
        }
        for (Execution r : replaced) {
            r.state.set(Execution.DONE);
            store.end(r.token, FiringOutcome.REPLACED, null);
        }
        if (interrupt != null) {
            interrupt.cancel(FiringOutcome.REPLACED);
        }
        if (startNow) {
            start(e);
        }
    }

    private void start(Execution e) {
        try {
            executor.execute(e);
        } catch (RuntimeException rejected) {
            LOG.warn("Target '{}': the executor refused firing #{} of trigger '{}'", name, e.firing.sequence(),
                    e.firing.trigger(), rejected);
            if (e.state.compareAndSet(Execution.NEW, Execution.DONE)) {
                finished(e, FiringOutcome.CANCELLED, null);
            }
        }
    }

    private void finished(Execution e, FiringOutcome outcome, Throwable error) {
        e.state.set(Execution.DONE);
        try {
            store.end(e.token, outcome, error);
        } catch (RuntimeException storeFailure) {
            LOG.error("Could not record the outcome {} of trigger '{}' firing #{}", outcome, e.firing.trigger(),
                    e.firing.sequence(), storeFailure);
        }
        Execution next = null;
        synchronized (this) {
            if (running == e) {
                running = queue.poll();
                next = running;
            }
        }
        if (next != null) {
            start(next);
        }
    }

    /** @return true while an action runs or waits */
    synchronized boolean busy() {
        return running != null || !queue.isEmpty();
    }

    /** Refuses new firings and cancels the waiting ones; with {@code interrupt}, interrupts the running one too. */
    void close(boolean interrupt) {
        List<Execution> waiting;
        Execution run;
        synchronized (this) {
            closed = true;
            waiting = new ArrayList<>(queue);
            queue.clear();
            run = running;
        }
        for (Execution w : waiting) {
            w.cancel(FiringOutcome.CANCELLED);
        }
        if (interrupt && run != null) {
            run.cancel(FiringOutcome.CANCELLED);
        }
    }
}
