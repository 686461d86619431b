package dev.mlops4j.monitoring;

import dev.mlops4j.monitoring.internal.WindowColumns;
import dev.mlops4j.validation.drift.DriftReport;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A closed window, still collecting labels; its values are kept only until its analysis takes them. Its own class
 * because the window cutting, the label join, the analysis queue and the alerts all read or update it. Guarded by
 * the owning monitor's lock.
 */
final class ClosedWindow {
    final long index;
    final Instant start;
    final Instant end;
    final long count;
    WindowColumns values;
    Optional<DriftReport> drift = Optional.empty();
    boolean analysed;
    boolean skipped;
    Performance performance = Performance.NONE;
    boolean performanceAlerted;
    final List<String> keys;

    ClosedWindow(OpenWindow o, Instant end) {
        this.index = o.index;
        this.start = o.start;
        this.end = end;
        this.count = o.values.size();
        this.values = o.values;
        this.keys = o.keys;
    }

    /** @return the window as the monitor reports it, with the labels joined so far */
    WindowReport report(String model) {
        return new WindowReport(model, index, start, end, count, drift, performance, skipped);
    }
}
