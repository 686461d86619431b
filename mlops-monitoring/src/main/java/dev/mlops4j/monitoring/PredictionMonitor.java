package dev.mlops4j.monitoring;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.gate.Gate;
import dev.mlops4j.internal.PrintedList;
import dev.mlops4j.serving.PredictionColumns;
import dev.mlops4j.serving.PredictionRecord;
import dev.mlops4j.serving.PredictionSink;
import dev.mlops4j.validation.drift.DriftDetector;
import dev.mlops4j.validation.drift.DriftReport;
import dev.mlops4j.validation.profile.Profile;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Function;

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
    // The parts' mutable state is guarded by this monitor's own lock, the only one: the recording thread, label
    // producers and the analysis thread take it in turn, and listeners run after it is left. Only the ignored count
    // (atomic) and the latest window, drift and metrics (volatile) are read without it, by readers that never wait.
    private final String model;
    private final Function<PredictionRecord, String> key;
    private final RecordFilter filter;
    private final LabelJoin labels;
    private final WindowPublisher publisher;
    private final WindowAnalyses analyses;
    private final WindowCutter windows;

    private PredictionMonitor(MonitorSettings s) {
        this.model = s.model;
        this.key = s.key;
        this.filter = new RecordFilter(s);
        this.labels = new LabelJoin(s.model, s.pendingLabelLimit);
        this.publisher = new WindowPublisher(s.model, s.performanceGate, s.minLabels, s.clock, s.listeners);
        this.analyses = new WindowAnalyses(this, s, publisher);
        this.windows = new WindowCutter(s, labels, analyses);
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
            int from = r;
            r = locked(events -> windows.addRows(events, batch, from, filter));
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
        return locked(events -> {
            OpenWindow o = windows.add(events, r);
            if (joinKey != null) {
                labels.keyed(joinKey, r.prediction(), o);
            }
            windows.closeIfFull(events);
            return this;
        });
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
        return locked(events -> labels.label(joinKey, actual, c -> publisher.labelled(events, c)));
    }

    /**
     * Runs the action under this monitor's lock, then the listener calls and analysis starts it queued in
     * {@code events}: they run after the lock is left, so that a slow listener or a same-thread analysis never holds
     * up the recording thread or label producers.
     */
    private <T> T locked(Function<List<Runnable>, T> action) {
        List<Runnable> events = new ArrayList<>();
        T result;
        synchronized (this) {
            result = action.apply(events);
        }
        events.forEach(Runnable::run);
        return result;
    }

    /**
     * Closes the open time window if the clock says it has ended; count windows are unaffected. Call it from a timer
     * (or let a trigger engine's schedule do it) so a quiet service still reports its last window. Waits (up to the
     * {@link Builder#analysisTimeout analysis timeout}) for the closed window's analysis.
     *
     * @return the window closed, if any
     */
    public Optional<WindowReport> tick() {
        ClosedWindow c = locked(windows::closeEnded);
        return c == null ? Optional.empty() : Optional.of(analyses.report(c));
    }

    /**
     * Closes the open window whatever its size, and waits (up to the {@link Builder#analysisTimeout analysis
     * timeout}) for every closed window's analysis, so listeners, alerts and meters have seen them all.
     *
     * @return the window closed now, if it held a prediction
     */
    public Optional<WindowReport> flush() {
        ClosedWindow c = locked(windows::closeNow);
        analyses.await(null);
        return c == null ? Optional.empty() : Optional.of(analyses.report(c));
    }

    /**
     * Waits (up to the {@link Builder#analysisTimeout analysis timeout}) for the pending analyses and stops the
     * monitor's own analysis thread; the open window is not closed (call {@link #flush()} first for that). Windows
     * closed afterwards are analysed on the thread that closes them.
     */
    @Override
    public void close() {
        analyses.close();
    }

    /** @param listener another listener @return this monitor */
    public PredictionMonitor addListener(MonitorListener listener) {
        publisher.addListener(listener);
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
        analyses.await(null);
        synchronized (this) {
            return new PrintedList<>(windows.analysedReports(model), WindowTable::render);
        }
    }

    /** @return the newest closed window, if any */
    public Optional<WindowReport> latestWindow() {
        return Optional.ofNullable(publisher.latestWindow());
    }

    /** @return the newest window's drift report, or null before the first window closed (a trigger's supplier) */
    public DriftReport latestDrift() {
        return publisher.latestDrift();
    }

    /** @return the newest window's {@link WindowReport#metrics() metrics}, or null before the first window closed */
    public Map<String, Double> latestMetrics() {
        return publisher.latestMetrics();
    }

    /** @return closed windows not analysed because more than {@link Builder#waitingWindowLimit} waited */
    public synchronized long windowsSkipped() {
        return analyses.skipped();
    }

    /** @return window analyses that failed (logged at WARN; the window's report has no drift) */
    public synchronized long analysisFailures() {
        return analyses.failures();
    }

    /** @return records left out because they were of another model or version (see {@link Builder#onlyModel()}) */
    public long recordsIgnored() {
        return filter.ignored();
    }

    /** @return predictions recorded */
    public synchronized long predictionCount() {
        return windows.predictions();
    }

    /** @return predictions in the open window */
    public synchronized long openWindowCount() {
        return windows.openCount();
    }

    /** @return windows closed */
    public synchronized long windowCount() {
        return windows.closedCount();
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
        return publisher.alertCount(kind);
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
            s.retainWindows = MonitorSettings.atLeast(1, n, "retainWindows must be at least 1, was ");
            return this;
        }

        /**
         * @param n labels that may wait for their prediction (default 100,000); beyond it the oldest waiting one is
         *     dropped and counted unmatched; 0 keeps none, counting every label that arrives before its prediction
         *     unmatched
         * @return this builder
         */
        public Builder pendingLabelLimit(int n) {
            s.pendingLabelLimit = MonitorSettings.atLeast(0, n, "pendingLabelLimit must not be negative, was ");
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
            s.waitingWindowLimit = MonitorSettings.atLeast(1, n, "waitingWindowLimit must be at least 1, was ");
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
