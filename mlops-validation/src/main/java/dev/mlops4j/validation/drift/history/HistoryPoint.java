package dev.mlops4j.validation.drift.history;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One recorded value of a quality metric.
 *
 * @param date the date it was recorded for
 * @param value the value
 */
public record HistoryPoint(LocalDate date, double value) {
    public HistoryPoint {
        Objects.requireNonNull(date, "date");
    }
}
