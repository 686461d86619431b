package dev.mlops4j.monitoring;

import java.time.Instant;
import java.util.Objects;

/**
 * Something a monitor found worth telling: sent to its {@link MonitorListener}s and logged at WARN.
 *
 * @param kind drift or performance
 * @param model the monitored model
 * @param at when (by the monitor's clock)
 * @param message what, readably
 * @param window the window it is about
 */
public record MonitorAlert(Kind kind, String model, Instant at, String message, WindowReport window) {

    /** What an alert is about. */
    public enum Kind {
        /** A closed window's features drifted from the reference. */
        DRIFT,
        /** A window's live metrics failed the performance gate. */
        PERFORMANCE
    }

    public MonitorAlert {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(window, "window");
    }

    /** @return one line, e.g. {@code DRIFT alert for 'rain' at 2026-01-02T00:00:00Z (window 3): ...} */
    @Override
    public String toString() {
        return kind + " alert for '" + model + "' at " + at + " (window " + window.index() + "): " + message;
    }
}
