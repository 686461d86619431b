package dev.mlops4j.monitoring;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.gate.Gate;
import dev.mlops4j.gate.GateResult;
import dev.mlops4j.internal.PrintedList;
import dev.mlops4j.monitoring.internal.NamedTable;
import dev.mlops4j.monitoring.internal.WindowColumns;
import dev.mlops4j.serving.PredictionColumns;
import dev.mlops4j.serving.PredictionRecord;
import dev.mlops4j.serving.PredictionSink;
import dev.mlops4j.validation.data.Table;
import dev.mlops4j.validation.drift.DriftDetector;
import dev.mlops4j.validation.drift.DriftReport;
import dev.mlops4j.validation.profile.Profile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Live monitoring of a served model: recorded predictions are cut into windows (by count or by time), each window's
 * features are profiled and compared with the training profile, or a reference {@link WindowReference chosen per
 * window} such as the same season of the training data (a {@link DriftReport} per window), and labels that
 * arrive later are joined to their predictions by key to compute live accuracy (classification) or RMSE and MAE
 * (regression) per window. Drift and failed performance gates raise {@link MonitorAlert}s to listeners and SLF4J.
 *
 * <pre>{@code
 * PredictionMonitor monitor = PredictionMonitor.builder("rain")
 *         .reference(Profile.readFrom(mlops.runs(), trainingRunId))
 *         .windowOf(500)                                         // or .windowOf(Duration.ofDays(1))
 *         .key(r -> r.at().toString())                           // how a later label finds its prediction
 *         .performanceGate(Gate.metric("accuracy").atLeast(0.8), 50)
 *         .listener(alert -> pager.send(alert.message()))
 *         .build();
 * ModelHandle handle = mlops.models().serve("rain", ServingOptions.builder().recordTo(monitor).build());
 * ...
 * monitor.label(key, "rain");                                    // when the truth is known
 * }</pre>
 *
 * <p><b>Joining labels.</b> A {@link PredictionRecord} carries no prediction id, so the join key comes from the
 * caller: a {@link Builder#key key function} applied to each record (e.g. an id feature, or the request time when
 * it is unique), or {@link #record(String, PredictionRecord)} with an explicit key. A label for a key not seen yet
 * waits (up to {@link Builder#pendingLabelLimit}) for its prediction; a label whose window has been evicted (beyond
 * {@link Builder#retainWindows}) is counted as unmatched.
 *
 * <p><b>Windows.</b> A count window closes at its size. Time windows are tumbling, aligned on the epoch (a day window
 * runs from midnight UTC to midnight): one closes when a prediction at or after its end arrives, or when
 * {@link #tick()} sees the clock past its end; predictions are placed by their own time, and a prediction older than
 * the open window counts in the open window. {@link #flush()} closes the open window whatever its size.
 *
 * <p><b>Analysis off the recording thread.</b> A closed window's profile, drift tests, alerts and listener calls run
 * on an {@link Builder#analysisExecutor analysis executor} (by default one daemon thread per monitor), one window at a
 * time and in window order, so the thread that records predictions only appends values and never waits for a drift
 * test. At most {@link Builder#waitingWindowLimit} closed windows wait for their analysis; when another closes, the
 * oldest waiting one is skipped: its report says so ({@link WindowReport#skipped()}) and {@link #windowsSkipped()}
 * counts it. Labels join a closed window whether or not its analysis has finished. {@link #flush()},
 * {@link #tick()}, {@link #windows()} and {@link #close()} wait (up to {@link Builder#analysisTimeout}) for the
 * analyses, so what they return is complete; {@link #latestWindow()}, {@link #latestDrift()} and
 * {@link #latestMetrics()} never wait and show the newest analysed window. For analysis on the recording thread (as
 * before, e.g. with a manual clock in tests) build with {@code analysisExecutor(Runnable::run)}.
 *
 * <p><b>Shared sinks.</b> A monitor watches one model. When one sink receives several models' records, build each
 * monitor with {@link Builder#onlyModel()} (or {@link Builder#onlyVersion(int)}) and it takes only its own.
 *
 * <p>Thread-safe: the serving handle's recording thread, label producers and meter readers may call it at once.
 */
public final class PredictionMonitor implements PredictionSink, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PredictionMonitor.class);

    private final String model;
    private final WindowReference reference;
    private final RecordFilter filter;
    private final LabelJoin labels;
    private final DriftDetector detector;
    private final int windowCount;
    private final Duration windowDuration;
    private final Function<PredictionRecord, String> key;
    private final Gate performanceGate;
    private final long minLabels;
    private final int retainWindows;
    private final Clock clock;
    private final List<MonitorListener> listeners = new CopyOnWriteArrayList<>();
    private final Executor analysis;
    private final ExecutorService ownAnalysis;
    private final int waitingWindowLimit;
    private final Duration analysisTimeout;

    private OpenWindow open;
    private long nextIndex;
    private final Deque<ClosedWindow> closed = new ArrayDeque<>();
    private long predictions;
    private long driftAlerts;
    private long performanceAlerts;
    // Closed windows waiting for their analysis, oldest first (skipped ones stay, so reports keep window order).
    private final Deque<ClosedWindow> waiting = new ArrayDeque<>();
    private int waitingToAnalyse;
    private boolean draining;
    private volatile Thread drainThread;
    private long windowsSkipped;
    private long analysisFailures;
    private volatile DriftReport latestDrift;
    private volatile WindowReport latestWindow;
    private volatile Map<String, Double> latestMetrics;

    private PredictionMonitor(MonitorSettings b) {
        this.model = b.model;
        this.reference = b.reference;
        this.filter = new RecordFilter(b);
        this.labels = new LabelJoin(b.model, b.pendingLabelLimit);
        this.detector = b.detector;
        this.windowCount = b.windowCount;
        this.windowDuration = b.windowDuration;
        this.key = b.key;
        this.performanceGate = b.performanceGate;
        this.minLabels = b.minLabels;
        this.retainWindows = b.retainWindows;
        this.clock = b.clock;
        this.listeners.addAll(b.listeners);
        this.ownAnalysis = b.analysis == null ? Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "mlops-monitor-" + b.model);
            t.setDaemon(true);
            return t;
        }) : null;
        this.analysis = b.analysis == null ? ownAnalysis : b.analysis;
        this.waitingWindowLimit = b.waitingWindowLimit;
        this.analysisTimeout = b.analysisTimeout;
    }

    /**
     * @param model the monitored model's name (in alerts, logs and meter tags)
     * @return a builder
     */
    public static Builder builder(String model) {
        return new Builder(model);
    }

    /** @return true unless a {@link Builder#key key function} needs each prediction as a record */
    @Override
    public boolean acceptsColumns() {
        return key == null;
    }

    /**
     * Takes a batch as columns: each row's values are copied into the window's primitive columns (no record, no map).
     * With a {@link Builder#key key function} the rows are taken as {@link PredictionColumns#records() records}. A
     * feature missing from every row of a window is left out of that window's profile, as it would be from the
     * records' maps.
     */
    @Override
    public void accept(PredictionColumns batch) {
        if (key != null) {
            accept(batch.records());
            return;
        }
        if (!filter.takesBatch(batch)) {
            return;
        }
        int r = 0;
        while (r < batch.size()) {
            // The lock is left after each closed window so that its analysis can start (or, on a same-thread
            // executor, run) before the next window closes: a large batch does not pile up waiting windows.
            List<Runnable> events = new ArrayList<>();
            synchronized (this) {
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
            }
            events.forEach(Runnable::run);
        }
    }

    @Override
    public void accept(List<PredictionRecord> batch) {
        for (PredictionRecord r : batch) {
            if (filter.takes(r)) {
                record(key == null ? null : key.apply(r), r);
            }
        }
    }

    /**
     * Records a prediction, keyed by the {@link Builder#key key function} if one was given.
     *
     * @param r the prediction
     * @return this monitor
     */
    public PredictionMonitor record(PredictionRecord r) {
        return filter.takes(Objects.requireNonNull(r, "record")) ? record(key == null ? null : key.apply(r), r) : this;
    }

    /**
     * Records a prediction under an explicit join key. The builder's {@code onlyModel()} and {@code onlyVersion(int)}
     * do not apply: the caller chose this record.
     *
     * @param joinKey the key a later {@link #label} names, or null if it will get no label
     * @param r the prediction
     * @return this monitor
     */
    public PredictionMonitor record(String joinKey, PredictionRecord r) {
        Objects.requireNonNull(r, "record");
        List<Runnable> events = new ArrayList<>();
        synchronized (this) {
            OpenWindow o = openFor(events, r.at());
            o.values.add(r.features());
            added(r.at());
            if (joinKey != null) {
                labels.keyed(joinKey, r.prediction(), o);
            }
            closeIfFull(events);
        }
        events.forEach(Runnable::run);
        return this;
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

    private void closeIfFull(List<Runnable> events) {
        if (windowDuration == null && open.values.size() >= windowCount) {
            close(events, open.end);
        }
    }

    private Instant align(Instant at) {
        long size = windowDuration.toMillis();
        long ms = at.toEpochMilli();
        return Instant.ofEpochMilli(Math.floorDiv(ms, size) * size);
    }

    /**
     * Joins a class label to the prediction recorded under this key.
     *
     * @param joinKey the prediction's key
     * @param actual the true class
     * @return true if joined now, false if it waits for its prediction or was unmatched or a repeat
     */
    public boolean label(String joinKey, String actual) {
        return labelAny(joinKey, Objects.requireNonNull(actual, "actual"));
    }

    /**
     * Joins a numeric label (regression) to the prediction recorded under this key.
     *
     * @param joinKey the prediction's key
     * @param actual the true value
     * @return true if joined now, false if it waits for its prediction or was unmatched or a repeat
     */
    public boolean label(String joinKey, double actual) {
        if (!Double.isFinite(actual)) {
            throw new InvalidInputException("label for '" + joinKey + "' must be a finite number, was " + actual);
        }
        return labelAny(joinKey, actual);
    }

    private boolean labelAny(String joinKey, Object actual) {
        Objects.requireNonNull(joinKey, "joinKey");
        List<Runnable> events = new ArrayList<>();
        boolean joined;
        synchronized (this) {
            joined = labels.label(joinKey, actual, c -> {
                WindowReport report = report(c);
                publishMetrics(report);
                checkPerformance(events, c, report);
            });
        }
        events.forEach(Runnable::run);
        return joined;
    }

    /**
     * Closes the open time window if the clock says it has ended; count windows are unaffected. Call it from a timer
     * (or let a trigger engine's schedule do it) so a quiet service still reports its last window. Waits (up to the
     * {@link Builder#analysisTimeout analysis timeout}) for the closed window's analysis.
     *
     * @return the window closed, if any
     */
    public Optional<WindowReport> tick() {
        List<Runnable> events = new ArrayList<>();
        ClosedWindow c;
        synchronized (this) {
            if (windowDuration == null || open == null || clock.instant().isBefore(open.end)) {
                return Optional.empty();
            }
            c = close(events, open.end);
        }
        events.forEach(Runnable::run);
        return Optional.of(analysed(c));
    }

    /**
     * Closes the open window whatever its size, and waits (up to the {@link Builder#analysisTimeout analysis
     * timeout}) for every closed window's analysis, so listeners, alerts and meters have seen them all.
     *
     * @return the window closed now, if it held a prediction
     */
    public Optional<WindowReport> flush() {
        List<Runnable> events = new ArrayList<>();
        ClosedWindow c = null;
        synchronized (this) {
            if (open != null && open.values.size() > 0) {
                c = close(events, windowDuration == null ? open.end : clock.instant().isBefore(open.end)
                        ? clock.instant() : open.end);
            }
        }
        events.forEach(Runnable::run);
        awaitAnalyses(null);
        return c == null ? Optional.empty() : Optional.of(analysed(c));
    }

    /**
     * Waits (up to the {@link Builder#analysisTimeout analysis timeout}) for the pending analyses and stops the
     * monitor's own analysis thread; the open window is not closed (call {@link #flush()} first for that). Windows
     * closed afterwards are analysed on the thread that closes them.
     */
    @Override
    public void close() {
        awaitAnalyses(null);
        if (ownAnalysis != null) {
            ownAnalysis.shutdown();
        }
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
        waiting.addLast(c);
        waitingToAnalyse++;
        if (waitingToAnalyse > waitingWindowLimit) {
            skipOldestWaiting();
        }
        if (!draining) {
            draining = true;
            events.add(this::startDraining);
        }
        return c;
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
                synchronized (this) {
                    c = waiting.pollFirst();
                    if (c == null) {
                        draining = false;
                        notifyAll();
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
                synchronized (this) {
                    analysed(events, c, drift);
                    notifyAll();
                }
                events.forEach(Runnable::run);
            }
        } finally {
            drainThread = previous;
            if (!done) {
                // An Error left the loop: let the next closed window start draining again.
                synchronized (this) {
                    draining = false;
                    notifyAll();
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
            synchronized (this) {
                analysisFailures++;
            }
            LOG.warn("Monitor '{}': window {} could not be compared with the reference", model, c.index, e);
            return Optional.empty();
        }
    }

    /** Publishes an analysed (or skipped) window: its report, metrics, alerts and listener calls. */
    private void analysed(List<Runnable> events, ClosedWindow c, Optional<DriftReport> drift) {
        c.drift = drift;
        c.analysed = true;
        WindowReport report = report(c);
        latestWindow = report;
        drift.ifPresent(d -> latestDrift = d);
        publishMetrics(report);
        events.add(() -> listeners.forEach(l -> safely(() -> l.onWindowClosed(report))));
        LOG.debug("Monitor '{}': {}", model, report);
        if (drift.isPresent() && drift.get().isDrift()) {
            driftAlerts++;
            DriftReport d = drift.get();
            String msg = "model '" + model + "' window " + c.index + " [" + c.start + ", " + c.end + "] drifted: "
                    + d.summary() + "; drifted columns " + d.driftedColumns();
            alert(events, new MonitorAlert(MonitorAlert.Kind.DRIFT, model, clock.instant(), msg, report));
        }
        checkPerformance(events, c, report);
    }

    /** @return the window's report once analysed, or as it is when the analysis timeout passes first */
    private WindowReport analysed(ClosedWindow c) {
        awaitAnalyses(c);
        synchronized (this) {
            return report(c);
        }
    }

    /**
     * Waits until this window (or, given null, every closed window) is analysed, up to the analysis timeout. Returns
     * at once on the analysis thread itself (a listener calling flush()), which would otherwise wait for itself.
     */
    private void awaitAnalyses(ClosedWindow c) {
        if (Thread.currentThread() == drainThread) {
            return;
        }
        long deadline = System.nanoTime() + analysisTimeout.toNanos();
        synchronized (this) {
            while (c == null ? draining : !c.analysed) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    LOG.warn("Monitor '{}': gave up waiting for window analyses after {}", model, analysisTimeout);
                    return;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void checkPerformance(List<Runnable> events, ClosedWindow c, WindowReport report) {
        if (performanceGate == null || c.performanceAlerted || c.performance.labelled() < minLabels) {
            return;
        }
        GateResult result = performanceGate.evaluate(report.metrics());
        if (!result.passed()) {
            c.performanceAlerted = true;
            performanceAlerts++;
            String msg = "model '" + model + "' window " + c.index + " failed gate '" + result.gate() + "' on "
                    + c.performance.labelled() + " labels: " + result.failures().stream()
                    .map(f -> f.condition() + (f.observed() == null ? "" : " (observed " + f.observed() + ")"))
                    .collect(Collectors.joining("; "));
            alert(events, new MonitorAlert(MonitorAlert.Kind.PERFORMANCE, model, clock.instant(), msg, report));
        }
    }

    private void alert(List<Runnable> events, MonitorAlert alert) {
        events.add(() -> {
            LOG.warn("Monitoring alert ({}): {}", alert.kind(), alert.message());
            listeners.forEach(l -> safely(() -> l.onAlert(alert)));
        });
    }

    private void safely(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.warn("Monitor '{}': a listener failed", model, e);
        }
    }

    private void publishMetrics(WindowReport report) {
        Map<String, Double> m = report.metrics();
        // The latest metrics are those of the newest window; a label for an older window updates that window only.
        if (latestWindow == null || report.index() >= latestWindow.index()) {
            latestWindow = report;
            latestMetrics = m;
        }
    }

    private WindowReport report(ClosedWindow c) {
        return c.report(model);
    }

    /** @param listener another listener @return this monitor */
    public PredictionMonitor addListener(MonitorListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /** @return the monitored model's name */
    public String model() {
        return model;
    }

    /**
     * Waits (up to the {@link Builder#analysisTimeout analysis timeout}) for the closed windows' analyses.
     *
     * @return the retained closed windows whose analysis is done or skipped, oldest first, with the labels joined so
     *     far
     */
    public List<WindowReport> windows() {
        awaitAnalyses(null);
        synchronized (this) {
            return new PrintedList<>(closed.stream().filter(c -> c.analysed).map(this::report).toList(),
                    WindowTable::render);
        }
    }

    /** @return the newest closed window, if any */
    public Optional<WindowReport> latestWindow() {
        return Optional.ofNullable(latestWindow);
    }

    /** @return the newest window's drift report, or null before the first window closed (a trigger's supplier) */
    public DriftReport latestDrift() {
        return latestDrift;
    }

    /** @return the newest window's {@link WindowReport#metrics() metrics}, or null before the first window closed */
    public Map<String, Double> latestMetrics() {
        return latestMetrics;
    }

    /** @return closed windows not analysed because more than {@link Builder#waitingWindowLimit} waited */
    public synchronized long windowsSkipped() {
        return windowsSkipped;
    }

    /** @return window analyses that failed (logged at WARN; the window's report has no drift) */
    public synchronized long analysisFailures() {
        return analysisFailures;
    }

    /** @return records left out because they were of another model or version (see {@link Builder#onlyModel()}) */
    public long recordsIgnored() {
        return filter.ignored();
    }

    /** @return predictions recorded */
    public synchronized long predictionCount() {
        return predictions;
    }

    /** @return predictions in the open window */
    public synchronized long openWindowCount() {
        return open == null ? 0 : open.values.size();
    }

    /** @return windows closed */
    public synchronized long windowCount() {
        return open == null ? nextIndex : nextIndex - 1;
    }

    /** @return labels joined to a prediction */
    public synchronized long labelsJoined() {
        return labels.joined();
    }

    /** @return labels waiting for their prediction */
    public synchronized long labelsPending() {
        return labels.pending();
    }

    /** @return labels given up: no prediction came within the pending limit */
    public synchronized long labelsUnmatched() {
        return labels.unmatched();
    }

    /** @param kind an alert kind @return how many alerts of that kind were raised */
    public synchronized long alertCount(MonitorAlert.Kind kind) {
        return kind == MonitorAlert.Kind.DRIFT ? driftAlerts : performanceAlerts;
    }

    @Override
    public String toString() {
        return "monitor of '" + model + "': " + predictionCount() + " predictions, " + windowCount() + " windows";
    }

    /** Configures a {@link PredictionMonitor}. */
    public static final class Builder {
        private final MonitorSettings s;

        private Builder(String model) {
            this.s = new MonitorSettings(model);
        }

        /**
         * @param profile the training data's profile each window is compared with (this or
         *     {@link #reference(WindowReference)} is required)
         * @return this builder
         */
        public Builder reference(Profile profile) {
            s.reference = WindowReference.fixed(profile);
            return this;
        }

        /**
         * @param chooser chooses each window's reference when it closes, e.g. the same season of the training data
         *     (this or {@link #reference(Profile)} is required)
         * @return this builder
         */
        public Builder reference(WindowReference chooser) {
            s.reference = Objects.requireNonNull(chooser, "chooser");
            return this;
        }

        /**
         * Takes only the records of the monitored model (the name given to {@link PredictionMonitor#builder}) from
         * {@link PredictionMonitor#accept} and {@link PredictionMonitor#record(PredictionRecord)}, so that the monitor
         * can share a sink with other models' monitors (e.g. behind a fan-out sink); the others are counted in
         * {@link PredictionMonitor#recordsIgnored()}. By default every record is taken.
         *
         * @return this builder
         */
        public Builder onlyModel() {
            s.onlyModel = true;
            return this;
        }

        /**
         * Like {@link #onlyModel()}, and only the records of one version of it, e.g. to watch a challenger served
         * next to the champion.
         *
         * @param version the version, at least 1
         * @return this builder
         */
        public Builder onlyVersion(int version) {
            s.onlyVersion(version);
            return this;
        }

        /** @param d how windows are compared (default {@link DriftDetector#defaults()}) @return this builder */
        public Builder detector(DriftDetector d) {
            s.detector = Objects.requireNonNull(d, "detector");
            return this;
        }

        /** @param count predictions per window, at least 1 @return this builder */
        public Builder windowOf(int count) {
            s.windowOf(count);
            return this;
        }

        /** @param duration the length of tumbling time windows, at least 1 ms @return this builder */
        public Builder windowOf(Duration duration) {
            s.windowOf(duration);
            return this;
        }

        /** @param keyFunction the join key of a record, for labels arriving later @return this builder */
        public Builder key(Function<PredictionRecord, String> keyFunction) {
            s.key = Objects.requireNonNull(keyFunction, "keyFunction");
            return this;
        }

        /**
         * @param gate conditions on a window's {@link WindowReport#metrics() metrics}, e.g.
         *     {@code Gate.metric("accuracy").atLeast(0.8)}; a failure raises a PERFORMANCE alert once per window
         * @param minimumLabels labels a window needs before the gate is checked
         * @return this builder
         */
        public Builder performanceGate(Gate gate, long minimumLabels) {
            s.performanceGate(gate, minimumLabels);
            return this;
        }

        /** @param n closed windows kept for late labels and {@link #windows()} (default 100) @return this builder */
        public Builder retainWindows(int n) {
            s.retainWindows(n);
            return this;
        }

        /** @param n labels that may wait for their prediction (default 100,000) @return this builder */
        public Builder pendingLabelLimit(int n) {
            s.pendingLabelLimit(n);
            return this;
        }

        /** @param c the clock for alert times and {@link #tick()} (default UTC system clock) @return this builder */
        public Builder clock(Clock c) {
            s.clock = Objects.requireNonNull(c, "clock");
            return this;
        }

        /** @param listener receives alerts and closed windows @return this builder */
        public Builder listener(MonitorListener listener) {
            s.listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * @param executor runs the closed windows' analyses (profile, drift tests, alerts, listeners), one window at a
         *     time in window order; {@code Runnable::run} analyses on the thread that closes the window. Default: one
         *     daemon thread per monitor, stopped by {@link PredictionMonitor#close()}. A caller's executor is not
         *     shut down by the monitor.
         * @return this builder
         */
        public Builder analysisExecutor(Executor executor) {
            s.analysis = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /**
         * @param n closed windows that may wait for their analysis (default 4); when one more closes, the oldest
         *     waiting window is skipped (counted in {@link PredictionMonitor#windowsSkipped()}) instead of the
         *     recording thread waiting
         * @return this builder
         */
        public Builder waitingWindowLimit(int n) {
            s.waitingWindowLimit(n);
            return this;
        }

        /**
         * @param timeout how long {@link PredictionMonitor#flush()}, {@code tick()}, {@code windows()} and
         *     {@code close()} wait for pending analyses (default 1 minute)
         * @return this builder
         */
        public Builder analysisTimeout(Duration timeout) {
            s.analysisTimeout(timeout);
            return this;
        }

        /**
         * Registers the monitor's meters in Micrometer's global registry ({@code Metrics.globalRegistry}, which Spring
         * Boot and Quarkus feed into their dashboards) if Micrometer is on the class path, and does nothing otherwise.
         * For another registry use {@link MonitorMeters#bindTo}.
         *
         * @return this builder
         */
        public Builder publishMeters() {
            s.globalMeters = true;
            return this;
        }

        /**
         * @return the monitor
         * @throws InvalidInputException if the reference profile or the window size is missing
         */
        public PredictionMonitor build() {
            s.checkComplete();
            PredictionMonitor m = new PredictionMonitor(s);
            if (s.globalMeters) {
                dev.mlops4j.monitoring.internal.Micrometer.bindGlobal(m);
            }
            return m;
        }
    }
}
