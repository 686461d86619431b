package dev.mlops4j.tracking;

import dev.mlops4j.internal.TextTable;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Renders runs as an aligned text table for JShell and logs: attributes, then each metric as a column. */
final class RunTable {
    private static final int MAX_METRIC_COLUMNS = 8;

    private RunTable() {
    }

    static String render(List<RunRecord> runs) {
        if (runs.isEmpty()) {
            return "(no runs)\n";
        }
        TreeSet<String> metricKeys = new TreeSet<>();
        runs.forEach(r -> metricKeys.addAll(r.latestMetrics().keySet()));
        List<String> shownKeys = metricKeys.stream().limit(MAX_METRIC_COLUMNS).toList();
        List<String> header = new ArrayList<>(List.of("run_id", "name", "status", "start_time"));
        header.addAll(shownKeys);
        List<List<String>> rows = new ArrayList<>();
        for (RunRecord r : runs) {
            List<String> row = new ArrayList<>();
            row.add(r.runId());
            row.add(r.info().runName());
            row.add(r.status().name());
            row.add(r.info().startTime().toString());
            shownKeys.forEach(k -> {
                Metric m = r.latestMetrics().get(k);
                row.add(m == null ? "" : TextTable.number(m.value()));
            });
            rows.add(row);
        }
        String more = metricKeys.size() > shownKeys.size()
                ? "(" + (metricKeys.size() - shownKeys.size()) + " more metrics not shown; print a run to see all)\n"
                : "";
        // A first line of its own keeps the table aligned where JShell prints "$1 ==> " before a value.
        return runs.size() + (runs.size() == 1 ? " run:\n" : " runs:\n") + TextTable.render("", header, rows) + more;
    }
}
