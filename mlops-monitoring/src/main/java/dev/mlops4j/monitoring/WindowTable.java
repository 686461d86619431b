package dev.mlops4j.monitoring;

import dev.mlops4j.internal.TextTable;
import dev.mlops4j.validation.drift.DriftReport;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Prints the list {@link PredictionMonitor#windows()} returns as an aligned table, one window a row, because that is
 * what JShell and notebooks show for it (the windows' long one-line forms side by side would be one unreadable line).
 */
final class WindowTable {
    private static final List<String> HEADER = List.of("window", "start", "end", "predictions", "drift", "share",
            "drifted columns", "labelled", "accuracy", "rmse");

    private WindowTable() {
    }

    static String render(List<WindowReport> windows) {
        if (windows.isEmpty()) {
            return "(no closed windows)\n";
        }
        List<List<String>> rows = new ArrayList<>(windows.size());
        for (WindowReport w : windows) {
            DriftReport d = w.drift().orElse(null);
            rows.add(List.of(Long.toString(w.index()), w.start().toString(), w.end().toString(),
                    Long.toString(w.predictions()), d == null ? "" : d.status().name(),
                    d == null ? "" : TextTable.number(d.driftShare()), d == null ? "" : String.join(", ",
                            d.driftedColumns()), Long.toString(w.performance().labelled()),
                    number(w.performance().accuracy()), number(w.performance().rmse())));
        }
        return windows.size() + (windows.size() == 1 ? " window of '" : " windows of '") + windows.get(0).model()
                + "':\n" + TextTable.render("", HEADER, rows);
    }

    private static String number(OptionalDouble v) {
        return v.isPresent() ? TextTable.number(v.getAsDouble()) : "";
    }
}
