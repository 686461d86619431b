package dev.mlops4j.validation.drift.history;

import dev.mlops4j.validation.internal.TextTable;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The metrics of one data set on one date, each judged against its history. Immutable.
 *
 * @param dataSet the data set
 * @param date the date judged
 * @param findings one per checked metric recorded that date, in metric order
 */
public record HistoryReport(String dataSet, LocalDate date, List<HistoryFinding> findings) {
    public HistoryReport {
        Objects.requireNonNull(dataSet, "dataSet");
        Objects.requireNonNull(date, "date");
        findings = List.copyOf(findings);
    }

    /** @return the findings outside their expected range */
    public List<HistoryFinding> anomalies() {
        return findings.stream().filter(HistoryFinding::isAnomalous).collect(Collectors.toUnmodifiableList());
    }

    /** @return true if any metric is anomalous */
    public boolean isAnomalous() {
        return findings.stream().anyMatch(HistoryFinding::isAnomalous);
    }

    /**
     * @param metric a metric
     * @return its finding, if it was checked
     */
    public Optional<HistoryFinding> finding(String metric) {
        return findings.stream().filter(f -> f.metric().equals(metric)).findFirst();
    }

    /** @return a summary line and an aligned table: metric, value, expected range, history length, verdict, check */
    @Override
    public String toString() {
        TextTable t = new TextTable("METRIC", ">VALUE", ">EXPECTED FROM", ">TO", ">HISTORY", "VERDICT", "CHECK");
        for (HistoryFinding f : findings) {
            Expectation e = f.expectation();
            t.row(f.metric(), TextTable.number(f.value()), e.judged() ? TextTable.number(e.lower()) : "",
                    e.judged() ? TextTable.number(e.upper()) : "", f.history(),
                    !e.judged() ? "too little history" : e.anomalous() ? "ANOMALY" : "ok", f.strategy());
        }
        int n = anomalies().size();
        return "Data quality of " + dataSet + " on " + date + ": " + (n == 0 ? "no anomaly" : n + (n == 1
                ? " anomaly" : " anomalies")) + " in " + findings.size() + " checked metrics\n" + t;
    }
}
