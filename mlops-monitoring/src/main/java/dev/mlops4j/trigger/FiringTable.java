package dev.mlops4j.trigger;

import dev.mlops4j.internal.TextTable;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints the list {@link Triggers#history(String)} returns as an aligned table, one firing a row, because that is
 * what JShell and notebooks show for it.
 */
final class FiringTable {
    private static final List<String> HEADER = List.of("#", "trigger", "fired at", "scheduled for", "outcome", "run",
            "reason", "error");

    private FiringTable() {
    }

    static String render(List<FiringRecord> firings) {
        if (firings.isEmpty()) {
            return "(no firings)\n";
        }
        List<List<String>> rows = new ArrayList<>(firings.size());
        for (FiringRecord r : firings) {
            Firing f = r.firing();
            rows.add(List.of(Long.toString(f.sequence()), f.trigger(), f.firedAt().toString(),
                    f.late() ? f.scheduledFor().toString() : "", r.outcome().name(), r.runId().orElse(""), f.reason(),
                    r.error().orElse("")));
        }
        return firings.size() + (firings.size() == 1 ? " firing:\n" : " firings:\n")
                + TextTable.render("", HEADER, rows);
    }
}
