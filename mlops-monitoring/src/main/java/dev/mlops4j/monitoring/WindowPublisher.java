package dev.mlops4j.monitoring;

import dev.mlops4j.gate.Gate;
import dev.mlops4j.gate.GateResult;
import dev.mlops4j.validation.drift.DriftReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * What the monitor tells the world about an analysed window: the latest window, drift and metrics (read without
 * the lock by triggers and meters), drift and performance alerts with their counts, and the listener and SLF4J
 * calls. Separate from the monitor so that the rules of when a window alerts live in one place, whether the window
 * was just analysed or a late label changed its performance.
 *
 * <p>Guarded by the owning monitor's lock, and only called under it, except for the volatile latest values and the
 * copy-on-write listener list. Listener and SLF4J calls are added to the caller's {@code events}, which the monitor
 * runs after leaving its lock so that a slow listener never holds recording up.
 */
final class WindowPublisher {
    // The monitor's logger, so that applications configure one logger for everything a monitor says.
    private static final Logger LOG = LoggerFactory.getLogger(PredictionMonitor.class);

    private final String model;
    private final Gate performanceGate;
    private final long minLabels;
    private final Clock clock;
    private final List<MonitorListener> listeners = new CopyOnWriteArrayList<>();
    private long driftAlerts;
    private long performanceAlerts;
    private volatile DriftReport latestDrift;
    private volatile WindowReport latestWindow;
    private volatile Map<String, Double> latestMetrics;

    /**
     * @param performanceGate checked on a window's metrics, or null for none
     * @param minLabels labels a window needs before the gate is checked
     */
    WindowPublisher(String model, Gate performanceGate, long minLabels, Clock clock,
                    Collection<MonitorListener> listeners) {
        this.model = model;
        this.performanceGate = performanceGate;
        this.minLabels = minLabels;
        this.clock = clock;
        this.listeners.addAll(listeners);
    }

    void addListener(MonitorListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Publishes an analysed (or skipped) window: its report, metrics, alerts and listener calls. */
    void analysed(List<Runnable> events, ClosedWindow c, Optional<DriftReport> drift) {
        c.drift = drift;
        c.analysed = true;
        WindowReport report = c.report(model);
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

    /** Publishes the new performance of an analysed window that a late label changed. */
    void labelled(List<Runnable> events, ClosedWindow c) {
        WindowReport report = c.report(model);
        publishMetrics(report);
        checkPerformance(events, c, report);
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

    /** @return how many alerts of that kind were raised */
    long alertCount(MonitorAlert.Kind kind) {
        return kind == MonitorAlert.Kind.DRIFT ? driftAlerts : performanceAlerts;
    }

    /** Never waits for the lock. */
    WindowReport latestWindow() {
        return latestWindow;
    }

    /** Never waits for the lock. */
    DriftReport latestDrift() {
        return latestDrift;
    }

    /** Never waits for the lock. */
    Map<String, Double> latestMetrics() {
        return latestMetrics;
    }
}
