package dev.mlops4j.validation.drift;

import java.util.List;
import java.util.Objects;

/**
 * One window of a windowed comparison.
 *
 * @param label the window, e.g. {@code "2013-01-01..2013-01-31"} or {@code "rows 1-500"}
 * @param rows the rows it holds
 * @param report its comparison with the reference (fixed thresholds)
 * @param outsideBand the columns whose deciding value lies outside their {@link AlertBand}
 */
public record WindowDrift(String label, long rows, DriftReport report, List<String> outsideBand) {
    public WindowDrift {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(report, "report");
        outsideBand = List.copyOf(outsideBand);
    }
}
