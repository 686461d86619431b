package dev.mlops4j.monitoring;

import dev.mlops4j.validation.drift.DriftReport;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One closed window of served predictions: its drift against the training profile and, as labels arrive, its live
 * performance. A snapshot: ask the monitor again for later labels.
 *
 * @param model the monitored model
 * @param index the window's number, 0 for the first
 * @param start the first prediction's time (count windows) or the window's start (time windows)
 * @param end the last prediction's time (count windows) or the window's end, exclusive (time windows)
 * @param predictions how many predictions it holds
 * @param drift the window's features compared with the reference, empty if there was nothing to compare
 * @param performance the labels joined so far
 * @param skipped true if the window was not analysed (no drift) because too many closed windows waited for analysis
 *     (see {@link PredictionMonitor.Builder#waitingWindowLimit})
 */
public record WindowReport(String model, long index, Instant start, Instant end, long predictions,
                           Optional<DriftReport> drift, Performance performance, boolean skipped) {
    public WindowReport {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(drift, "drift");
        Objects.requireNonNull(performance, "performance");
    }

    /**
     * An analysed window's report (not {@link #skipped()}).
     *
     * @param model the monitored model
     * @param index the window's number
     * @param start the window's start
     * @param end the window's end
     * @param predictions how many predictions it holds
     * @param drift the drift against the reference, if compared
     * @param performance the labels joined so far
     */
    public WindowReport(String model, long index, Instant start, Instant end, long predictions,
                        Optional<DriftReport> drift, Performance performance) {
        this(model, index, start, end, predictions, drift, performance, false);
    }

    /**
     * @return the window's numbers for gates, logs and meters: {@code predictions}, {@code labelled},
     *     {@code drift.share} and {@code drift.columns} (when compared), {@code accuracy}, {@code rmse}, {@code mae}
     *     (when labels allow)
     */
    public Map<String, Double> metrics() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("predictions", (double) predictions);
        m.put("labelled", (double) performance.labelled());
        drift.ifPresent(d -> {
            m.put("drift.share", d.driftShare());
            m.put("drift.columns", (double) d.driftedColumns().size());
        });
        performance.accuracy().ifPresent(v -> m.put("accuracy", v));
        performance.rmse().ifPresent(v -> m.put("rmse", v));
        performance.mae().ifPresent(v -> m.put("mae", v));
        return Map.copyOf(m);
    }

    @Override
    public String toString() {
        return "window " + index + " of '" + model + "' [" + start + ", " + end + "]: " + predictions + " predictions"
                + (skipped ? ", analysis skipped" : "")
                + drift.map(d -> ", " + d.summary()).orElse("") + ", " + performance.labelled() + " labelled"
                + performance.accuracy().stream().mapToObj(a -> String.format(java.util.Locale.ROOT, ", accuracy %.4f", a))
                        .findFirst().orElse("")
                + performance.rmse().stream().mapToObj(a -> String.format(java.util.Locale.ROOT, ", rmse %.4f", a))
                        .findFirst().orElse("");
    }
}
