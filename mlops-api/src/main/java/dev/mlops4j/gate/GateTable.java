package dev.mlops4j.gate;

import java.util.ArrayList;
import java.util.List;

/** Renders a {@link GateResult} as an aligned text table (for logs, JShell and test failures). */
final class GateTable {
    private static final List<String> HEADER = List.of("status", "condition", "slice", "observed", "threshold",
            "champion", "change", "reason");

    private GateTable() {
    }

    static String render(GateResult result) {
        StringBuilder sb = new StringBuilder();
        sb.append("Gate '").append(result.gate()).append("' on ").append(result.candidate());
        if (result.champion() != null) {
            sb.append(" vs champion ").append(result.champion());
        }
        sb.append(": ").append(result.summary()).append('\n');
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        for (ConditionResult c : result.conditions()) {
            rows.add(List.of(c.status().name(), c.condition(), c.slice() == null ? "" : c.slice(),
                    Numbers.format(c.observed()), c.threshold(), Numbers.format(c.champion()),
                    Numbers.format(c.change()), c.reason()));
        }
        int[] width = new int[HEADER.size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                width[i] = Math.max(width[i], row.get(i).length());
            }
        }
        for (int r = 0; r < rows.size(); r++) {
            appendRow(sb, rows.get(r), width);
            if (r == 0) {
                List<String> rule = new ArrayList<>();
                for (int w : width) {
                    rule.add("-".repeat(w));
                }
                appendRow(sb, rule, width);
            }
        }
        return sb.toString();
    }

    private static void appendRow(StringBuilder sb, List<String> cells, int[] width) {
        StringBuilder line = new StringBuilder("  ");
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            line.append(cell);
            if (i < cells.size() - 1) {
                line.append(" ".repeat(width[i] - cell.length() + 2));
            }
        }
        // Trailing blanks (empty last cells) only make diffs and copied logs noisy.
        sb.append(line.toString().stripTrailing()).append('\n');
    }
}
