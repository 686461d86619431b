package dev.mlops4j.monitoring;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;

import java.util.Map;
import java.util.Objects;

/**
 * A monitor's numbers as Micrometer meters, tagged {@code model=<name>}. This is the only class that touches
 * Micrometer (an optional dependency): it loads only when the application uses it or when
 * {@link PredictionMonitor.Builder#publishMeters()} finds Micrometer on the class path.
 *
 * <table>
 * <caption>Meters</caption>
 * <tr><th>name</th><th>type</th><th>value</th></tr>
 * <tr><td>{@code mlops.monitor.predictions}</td><td>counter</td><td>predictions recorded</td></tr>
 * <tr><td>{@code mlops.monitor.windows}</td><td>counter</td><td>windows closed</td></tr>
 * <tr><td>{@code mlops.monitor.windows.skipped}</td><td>counter</td><td>windows not analysed: too many waited</td></tr>
 * <tr><td>{@code mlops.monitor.analysis.failures}</td><td>counter</td><td>window analyses that failed</td></tr>
 * <tr><td>{@code mlops.monitor.records.ignored}</td><td>counter</td><td>records of another model or version left
 *     out ({@link PredictionMonitor.Builder#onlyModel()}, {@link PredictionMonitor.Builder#onlyVersion(int)})</td></tr>
 * <tr><td>{@code mlops.monitor.labels}</td><td>counter</td><td>labels joined</td></tr>
 * <tr><td>{@code mlops.monitor.alerts}</td><td>counter, tag {@code kind}</td><td>alerts raised</td></tr>
 * <tr><td>{@code mlops.monitor.window.open}</td><td>gauge</td><td>predictions in the open window</td></tr>
 * <tr><td>{@code mlops.monitor.drift.share}</td><td>gauge</td><td>share of drifted columns, newest window</td></tr>
 * <tr><td>{@code mlops.monitor.accuracy}, {@code .rmse}, {@code .mae}</td><td>gauge</td><td>newest window's live
 *     performance (NaN until labelled)</td></tr>
 * </table>
 *
 * <pre>{@code
 * new MonitorMeters(monitor).bindTo(meterRegistry);
 * }</pre>
 */
public final class MonitorMeters implements MeterBinder {
    private final PredictionMonitor monitor;

    /** @param monitor the monitor to expose */
    public MonitorMeters(PredictionMonitor monitor) {
        this.monitor = Objects.requireNonNull(monitor, "monitor");
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Tags tags = Tags.of("model", monitor.model());
        FunctionCounter.builder("mlops.monitor.predictions", monitor, PredictionMonitor::predictionCount)
                .tags(tags).description("predictions recorded by the monitor").register(registry);
        FunctionCounter.builder("mlops.monitor.windows", monitor, PredictionMonitor::windowCount)
                .tags(tags).description("monitoring windows closed").register(registry);
        FunctionCounter.builder("mlops.monitor.windows.skipped", monitor, PredictionMonitor::windowsSkipped)
                .tags(tags).description("closed windows not analysed because too many waited").register(registry);
        FunctionCounter.builder("mlops.monitor.analysis.failures", monitor, PredictionMonitor::analysisFailures)
                .tags(tags).description("window analyses that failed").register(registry);
        FunctionCounter.builder("mlops.monitor.records.ignored", monitor, PredictionMonitor::recordsIgnored)
                .tags(tags).description("records of another model or version left out").register(registry);
        FunctionCounter.builder("mlops.monitor.labels", monitor, PredictionMonitor::labelsJoined)
                .tags(tags).description("late labels joined to predictions").register(registry);
        for (MonitorAlert.Kind kind : MonitorAlert.Kind.values()) {
            FunctionCounter.builder("mlops.monitor.alerts", monitor, m -> m.alertCount(kind))
                    .tags(tags.and("kind", kind.name().toLowerCase(java.util.Locale.ROOT)))
                    .description("monitoring alerts raised").register(registry);
        }
        Gauge.builder("mlops.monitor.window.open", monitor, PredictionMonitor::openWindowCount)
                .tags(tags).description("predictions in the open window").strongReference(true).register(registry);
        gauge(registry, tags, "mlops.monitor.drift.share", "drift.share", "share of drifted columns in the newest window");
        gauge(registry, tags, "mlops.monitor.accuracy", "accuracy", "live accuracy of the newest window");
        gauge(registry, tags, "mlops.monitor.rmse", "rmse", "live RMSE of the newest window");
        gauge(registry, tags, "mlops.monitor.mae", "mae", "live MAE of the newest window");
    }

    private void gauge(MeterRegistry registry, Tags tags, String name, String metric, String description) {
        Gauge.builder(name, monitor, m -> {
            Map<String, Double> latest = m.latestMetrics();
            Double v = latest == null ? null : latest.get(metric);
            return v == null ? Double.NaN : v;
        }).tags(tags).description(description).strongReference(true).register(registry);
    }
}
