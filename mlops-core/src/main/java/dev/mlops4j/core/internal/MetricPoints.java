package dev.mlops4j.core.internal;

import dev.mlops4j.internal.TextTable;
import dev.mlops4j.tracking.Metric;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints a metric history as JShell and notebooks show it: a table of step, value and time, cut to its first and last
 * {@value #EDGE} points when it is longer, so that a history of thousands of epochs stays one screen.
 */
final class MetricPoints {
    static final int EDGE = 10;
    private static final List<String> HEADER = List.of("key", "step", "value", "timestamp");

    private MetricPoints() {
    }

    static String print(List<Metric> points) {
        if (points.isEmpty()) {
            return "(no points)\n";
        }
        List<List<String>> rows = new ArrayList<>();
        boolean cut = points.size() > 2 * EDGE;
        for (int i = 0; i < points.size(); i++) {
            if (cut && i == EDGE) {
                rows.add(List.of("...", "", "(" + (points.size() - 2 * EDGE) + " more)", ""));
                i = points.size() - EDGE;
            }
            Metric m = points.get(i);
            rows.add(List.of(m.key(), Long.toString(m.step()), TextTable.number(m.value()), m.timestamp().toString()));
        }
        return points.size() + (points.size() == 1 ? " point:\n" : " points:\n") + TextTable.render("", HEADER, rows);
    }
}
