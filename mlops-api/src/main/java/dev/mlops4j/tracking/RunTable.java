package dev.mlops4j.tracking;

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
        List<String> header = new ArrayList<>(List.of("run_id", "name", "status", "start_time"));
        metricKeys.stream().limit(MAX_METRIC_COLUMNS).forEach(header::add);
        List<List<String>> rows = new ArrayList<>();
        for (RunRecord r : runs) {
            List<String> row = new ArrayList<>();
            row.add(r.runId().substring(0, Math.min(8, r.runId().length())));
            row.add(r.info().runName());
            row.add(r.status().name());
            row.add(r.info().startTime().toString());
            metricKeys.stream().limit(MAX_METRIC_COLUMNS).forEach(k -> {
                Metric m = r.latestMetrics().get(k);
                row.add(m == null ? "" : format(m.value()));
            });
            rows.add(row);
        }
        int[] width = new int[header.size()];
        for (int c = 0; c < header.size(); c++) {
            width[c] = header.get(c).length();
            for (List<String> row : rows) {
                width[c] = Math.max(width[c], row.get(c).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        appendRow(sb, header, width);
        for (int c = 0; c < width.length; c++) {
            sb.append("-".repeat(width[c])).append(c == width.length - 1 ? "\n" : "  ");
        }
        rows.forEach(row -> appendRow(sb, row, width));
        return sb.toString();
    }

    private static void appendRow(StringBuilder sb, List<String> cells, int[] width) {
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            sb.append(cell);
            if (c < cells.size() - 1) {
                sb.append(" ".repeat(width[c] - cell.length() + 2));
            }
        }
        sb.append('\n');
    }

    static String format(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(java.util.Locale.ROOT, "%.6g", v);
    }
}
