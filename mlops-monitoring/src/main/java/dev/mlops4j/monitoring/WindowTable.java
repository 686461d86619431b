package dev.mlops4j.monitoring;

import dev.mlops4j.internal.TextTable;
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
        String of = " of '" + windows.get(0).model() + "'";
        return TextTable.counted(windows, "window" + of, "windows" + of, HEADER, w -> List.of(
                Long.toString(w.index()), w.start().toString(), w.end().toString(), Long.toString(w.predictions()),
                w.drift().map(d -> d.status().name()).orElse(w.skipped() ? "skipped" : ""),
                w.drift().map(d -> TextTable.number(d.driftShare())).orElse(""),
                w.drift().map(d -> String.join(", ", d.driftedColumns())).orElse(""),
                Long.toString(w.performance().labelled()), number(w.performance().accuracy()),
                number(w.performance().rmse())));
    }

    private static String number(OptionalDouble v) {
        return v.isPresent() ? TextTable.number(v.getAsDouble()) : "";
    }
}
