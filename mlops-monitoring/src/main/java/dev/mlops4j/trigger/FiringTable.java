package dev.mlops4j.trigger;

import dev.mlops4j.internal.TextTable;
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
        return TextTable.counted(firings, "firing", "firings", HEADER, r -> List.of(
                Long.toString(r.firing().sequence()), r.firing().trigger(), r.firing().firedAt().toString(),
                r.firing().late() ? r.firing().scheduledFor().toString() : "", r.outcome().name(),
                r.runId().orElse(""), r.firing().reason(), r.error().orElse("")));
    }
}
