package dev.mlops4j.tracking;

import dev.mlops4j.internal.TextTable;
import java.util.List;
import java.util.Optional;

/**
 * One page of a metric's history, ordered by step, then timestamp, then insertion.
 *
 * @param points the points on this page
 * @param nextPageToken opaque token for the next page, {@code null} on the last page
 */
public record MetricPage(List<Metric> points, String nextPageToken) {
    public MetricPage {
        points = List.copyOf(points);
    }

    /** @return the token for the next page, empty on the last page */
    public Optional<String> next() {
        return Optional.ofNullable(nextPageToken);
    }

    /** @return the points as an aligned table (key, step, value, timestamp), then the next-page token if any */
    @Override
    public String toString() {
        if (points.isEmpty()) {
            return "(no points)\n";
        }
        List<List<String>> rows = points.stream()
                .map(m -> List.of(m.key(), Long.toString(m.step()), TextTable.number(m.value()), m.timestamp().toString()))
                .toList();
        return TextTable.render("", List.of("key", "step", "value", "timestamp"), rows)
                + (nextPageToken == null ? "" : "(more: next page token " + nextPageToken + ")\n");
    }
}
