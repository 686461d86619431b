package dev.mlops4j.validation.drift.history;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The judgement of one metric on one date against its history.
 *
 * @param metric the metric
 * @param date the date judged
 * @param value its value that date
 * @param expectation the range expected from the earlier dates, and whether the value is outside it
 * @param history how many earlier dates the metric has
 * @param strategy what was checked ({@link AnomalyStrategy#describe()})
 */
public record HistoryFinding(String metric, LocalDate date, double value, Expectation expectation, int history,
        String strategy) {
    public HistoryFinding {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(expectation, "expectation");
        Objects.requireNonNull(strategy, "strategy");
    }

    /** @return true if the value is outside the expected range */
    public boolean isAnomalous() {
        return expectation.anomalous();
    }
}
