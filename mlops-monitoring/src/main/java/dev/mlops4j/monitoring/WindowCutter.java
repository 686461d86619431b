package dev.mlops4j.monitoring;

import dev.mlops4j.monitoring.internal.WindowColumns;
import dev.mlops4j.serving.PredictionColumns;
import dev.mlops4j.serving.PredictionRecord;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Cuts recorded predictions into windows: the open window, count windows closing at their size, time windows aligned
 * on the epoch closing when a later prediction or the clock passes their end, and the retained closed windows.
 * Separate from the monitor so that where a prediction goes and when a window closes are read in one place; a window
 * it closes goes to the {@link LabelJoin} (its labels and keys) and to the {@link WindowAnalyses} queue.
 *
 * <p>Not thread-safe: guarded by the owning monitor's lock, and only called under it. Methods that close a window add
 * the analysis start to the caller's {@code events}, run after leaving the lock.
 */
final class WindowCutter {
    private final int windowCount;
    private final Duration windowDuration;
    private final int retainWindows;
    private final Clock clock;
    private final LabelJoin labels;
    private final WindowAnalyses analyses;

    private OpenWindow open;
    private long nextIndex;
    private final Deque<ClosedWindow> closed = new ArrayDeque<>();
    private long predictions;

    WindowCutter(MonitorSettings s, LabelJoin labels, WindowAnalyses analyses) {
        this.windowCount = s.windowCount;
        this.windowDuration = s.windowDuration;
        this.retainWindows = s.retainWindows;
        this.clock = s.clock;
        this.labels = labels;
        this.analyses = analyses;
    }

    /**
     * Adds the batch's rows from {@code from} on until one closes a window (so that the caller can leave the lock and
     * let its analysis start before the next closes) or the batch ends.
     *
     * @return the next row to add
     */
    int addRows(List<Runnable> events, PredictionColumns batch, int from, RecordFilter filter) {
        int r = from;
        WindowColumns mapped = null;
        int[] map = null;
        while (r < batch.size() && events.isEmpty()) {
            int row = r++;
            if (!filter.takesRow(batch, row)) {
                continue;
            }
            Instant at = batch.at(row);
            OpenWindow o = openFor(events, at);
            if (o.values != mapped) {
                mapped = o.values;
                map = mapped.columnsOf(batch);
            }
            o.values.add(batch, map, row);
            added(at);
            closeIfFull(events);
        }
        return r;
    }

    /** @return the window the record went into; the caller keys it, then calls {@link #closeIfFull} */
    OpenWindow add(List<Runnable> events, PredictionRecord r) {
        OpenWindow o = openFor(events, r.at());
        o.values.add(r.features());
        added(r.at());
        return o;
    }

    /** @return the window a prediction at this time goes into, after closing the time window it ends */
    private OpenWindow openFor(List<Runnable> events, Instant at) {
        if (windowDuration != null) {
            if (open != null && !at.isBefore(open.end)) {
                close(events, open.end);
            }
            if (open == null) {
                Instant start = align(at);
                open = new OpenWindow(nextIndex++, start, start.plus(windowDuration), 1_000);
            }
        } else if (open == null) {
            open = new OpenWindow(nextIndex++, at, at, Math.min(windowCount, 4_096));
        }
        return open;
    }

    /** Counts a prediction added to the open window. */
    private void added(Instant at) {
        if (windowDuration == null && at.isAfter(open.end)) {
            open.end = at;
        }
        predictions++;
    }

    void closeIfFull(List<Runnable> events) {
        if (windowDuration == null && open.values.size() >= windowCount) {
            close(events, open.end);
        }
    }

    private Instant align(Instant at) {
        long size = windowDuration.toMillis();
        long ms = at.toEpochMilli();
        return Instant.ofEpochMilli(Math.floorDiv(ms, size) * size);
    }

    /** @return the time window closed because the clock is past its end, or null (count windows never) */
    ClosedWindow closeEnded(List<Runnable> events) {
        if (windowDuration == null || open == null || clock.instant().isBefore(open.end)) {
            return null;
        }
        return close(events, open.end);
    }

    /** @return the open window closed whatever its size (a time window ends now if it has not), or null if empty */
    ClosedWindow closeNow(List<Runnable> events) {
        if (open != null && open.values.size() > 0) {
            return close(events, windowDuration == null ? open.end : clock.instant().isBefore(open.end)
                    ? clock.instant() : open.end);
        }
        return null;
    }

    /** Closes the open window and queues it for analysis; the caller runs the events after leaving the lock. */
    private ClosedWindow close(List<Runnable> events, Instant end) {
        OpenWindow o = open;
        open = null;
        ClosedWindow c = new ClosedWindow(o, end);
        labels.closed(o, c);
        closed.addLast(c);
        while (closed.size() > retainWindows) {
            labels.evicted(closed.removeFirst());
        }
        analyses.queue(events, c);
        return c;
    }

    /** @return the retained windows whose analysis is done or skipped, oldest first */
    List<WindowReport> analysedReports(String model) {
        return closed.stream().filter(c -> c.analysed).map(c -> c.report(model)).toList();
    }

    /** @return predictions recorded */
    long predictions() {
        return predictions;
    }

    /** @return predictions in the open window */
    long openCount() {
        return open == null ? 0 : open.values.size();
    }

    /** @return windows closed */
    long closedCount() {
        return open == null ? nextIndex : nextIndex - 1;
    }
}
