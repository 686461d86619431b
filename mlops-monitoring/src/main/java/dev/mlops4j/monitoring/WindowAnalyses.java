package dev.mlops4j.monitoring;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.monitoring.internal.NamedTable;
import dev.mlops4j.monitoring.internal.WindowColumns;
import dev.mlops4j.validation.data.Table;
import dev.mlops4j.validation.drift.DriftDetector;
import dev.mlops4j.validation.drift.DriftReport;
import dev.mlops4j.validation.profile.Profile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Closed windows' analyses off the recording thread: the windows waiting for it, skipping the oldest when too many
 * wait, draining them one at a time in window order on the analysis executor, the profile and drift comparison
 * itself, and waiting (up to the timeout) for analyses to finish. Separate from the monitor because it is the one
 * part that runs on another thread and waits.
 *
 * <p>Its state is guarded by the owning monitor's lock ({@code lock}, the monitor itself: no lock of its own). The
 * monitor calls {@link #queue} under it; {@link #await}, {@link #report} and {@link #close} are called without it
 * and take it themselves, as does the drain, which leaves it while a window is profiled and compared so that
 * recording and labels go on meanwhile. Waiters are woken with {@code notifyAll} on the same lock.
 */
final class WindowAnalyses {
    // The monitor's logger, so that applications configure one logger for everything a monitor says.
    private static final Logger LOG = LoggerFactory.getLogger(PredictionMonitor.class);

    private final Object lock;
    private final String model;
    private final WindowReference reference;
    private final DriftDetector detector;
    private final WindowPublisher publisher;
    private final Executor analysis;
    private final ExecutorService ownAnalysis;
    private final int waitingWindowLimit;
    private final Duration analysisTimeout;

    // Closed windows waiting for their analysis, oldest first (skipped ones stay, so reports keep window order).
    private final Deque<ClosedWindow> waiting = new ArrayDeque<>();
    private int waitingToAnalyse;
    private boolean draining;
    private volatile Thread drainThread;
    private long windowsSkipped;
    private long analysisFailures;

    /**
     * @param lock the owning monitor, whose lock guards this state
     * @param s the settings; without an analysis executor the analyses get a daemon thread of their own
     */
    WindowAnalyses(Object lock, MonitorSettings s, WindowPublisher publisher) {
        this.lock = lock;
        this.model = s.model;
        this.reference = s.reference;
        this.detector = s.detector;
        this.publisher = publisher;
        this.ownAnalysis = s.analysis == null ? Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "mlops-monitor-" + s.model);
            t.setDaemon(true);
            return t;
        }) : null;
        this.analysis = s.analysis == null ? ownAnalysis : s.analysis;
        this.waitingWindowLimit = s.waitingWindowLimit;
        this.analysisTimeout = s.analysisTimeout;
    }

    /** Queues a window that just closed, under the lock; the caller runs the events after leaving it. */
    void queue(List<Runnable> events, ClosedWindow c) {
        waiting.addLast(c);
        waitingToAnalyse++;
        if (waitingToAnalyse > waitingWindowLimit) {
            skipOldestWaiting();
        }
        if (!draining) {
            draining = true;
            events.add(this::startDraining);
        }
    }

    /** Marks the oldest window still waiting as skipped: recording never waits for analysis. */
    private void skipOldestWaiting() {
        for (ClosedWindow w : waiting) {
            if (!w.skipped) {
                w.skipped = true;
                w.values = null;
                waitingToAnalyse--;
                windowsSkipped++;
                LOG.warn("Monitor '{}': window {} is not analysed: more than {} closed windows waited for analysis",
                        model, w.index, waitingWindowLimit);
                return;
            }
        }
    }

    private void startDraining() {
        try {
            analysis.execute(this::drain);
        } catch (RejectedExecutionException shutDown) {
            // After close() (or a caller's executor refusing): analyse here rather than never.
            drain();
        }
    }

    /** Analyses the waiting windows one at a time, oldest first, until none waits. */
    private void drain() {
        Thread previous = drainThread;
        drainThread = Thread.currentThread();
        boolean done = false;
        try {
            while (true) {
                ClosedWindow c;
                WindowColumns values;
                synchronized (lock) {
                    c = waiting.pollFirst();
                    if (c == null) {
                        draining = false;
                        lock.notifyAll();
                        done = true;
                        return;
                    }
                    if (!c.skipped) {
                        waitingToAnalyse--;
                    }
                    values = c.values;
                    c.values = null;
                }
                Optional<DriftReport> drift = values == null ? Optional.empty() : analyse(c, values);
                List<Runnable> events = new ArrayList<>();
                synchronized (lock) {
                    publisher.analysed(events, c, drift);
                    lock.notifyAll();
                }
                events.forEach(Runnable::run);
            }
        } finally {
            drainThread = previous;
            if (!done) {
                // An Error left the loop: let the next closed window start draining again.
                synchronized (lock) {
                    draining = false;
                    lock.notifyAll();
                }
            }
        }
    }

    /** @return the window's features profiled and compared with its reference, empty if that failed */
    private Optional<DriftReport> analyse(ClosedWindow c, WindowColumns values) {
        try {
            // Columns in one sorted order, NaN (how serving records a missing feature) read as missing.
            Table table = new NamedTable(values.table(), model + " window " + c.index);
            Profile against = reference.referenceFor(new WindowSpan(model, c.index, c.start, c.end, c.count, c.keys));
            if (against == null) {
                throw new InvalidInputException("the window reference returned no profile for window " + c.index);
            }
            return Optional.of(detector.compare(against, detector.profile(table)));
        } catch (RuntimeException e) {
            synchronized (lock) {
                analysisFailures++;
            }
            LOG.warn("Monitor '{}': window {} could not be compared with the reference", model, c.index, e);
            return Optional.empty();
        }
    }

    /** @return the window's report once analysed, or as it is when the analysis timeout passes first */
    WindowReport report(ClosedWindow c) {
        await(c);
        synchronized (lock) {
            return c.report(model);
        }
    }

    /**
     * Waits until this window (or, given null, every closed window) is analysed, up to the analysis timeout. Returns
     * at once on the analysis thread itself (a listener calling flush()), which would otherwise wait for itself.
     */
    void await(ClosedWindow c) {
        if (Thread.currentThread() == drainThread) {
            return;
        }
        long deadline = System.nanoTime() + analysisTimeout.toNanos();
        synchronized (lock) {
            while (c == null ? draining : !c.analysed) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    LOG.warn("Monitor '{}': gave up waiting for window analyses after {}", model, analysisTimeout);
                    return;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Waits for the pending analyses and stops the monitor's own analysis thread (a caller's executor stays). */
    void close() {
        await(null);
        if (ownAnalysis != null) {
            ownAnalysis.shutdown();
        }
    }

    /** @return closed windows not analysed because too many waited (under the lock) */
    long skipped() {
        return windowsSkipped;
    }

    /** @return window analyses that failed (under the lock) */
    long failures() {
        return analysisFailures;
    }
}
