package dev.mlops4j.pipeline.internal;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Future;

/** Cancellation of one pipeline run: a flag plus the threads and futures to interrupt. */
final class CancelToken {
    private boolean cancelled;
    private final Set<Thread> threads = new HashSet<>();
    private final Set<Future<?>> futures = new HashSet<>();

    synchronized void cancel() {
        if (cancelled) {
            return;
        }
        cancelled = true;
        threads.forEach(Thread::interrupt);
        futures.forEach(f -> f.cancel(true));
    }

    synchronized boolean isCancelled() {
        return cancelled;
    }

    /** @return false if already cancelled (the caller must not start work) */
    synchronized boolean register(Thread t) {
        if (cancelled) {
            return false;
        }
        threads.add(t);
        return true;
    }

    /** Unregisters; clears an interrupt that cancellation delivered so it cannot leak into the next step. */
    void unregister(Thread t) {
        synchronized (this) {
            threads.remove(t);
        }
        if (isCancelled()) {
            Thread.interrupted();
        }
    }

    synchronized boolean register(Future<?> f) {
        if (cancelled) {
            f.cancel(true);
            return false;
        }
        futures.add(f);
        return true;
    }

    synchronized void unregister(Future<?> f) {
        futures.remove(f);
    }
}
