package dev.mlops4j.registry;

import dev.mlops4j.internal.TextTable;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints the list {@link ModelRegistry#auditTrail(String)} returns as an aligned table, one entry a row, because that
 * is what JShell and a notebook cell show for it (a plain list would print every entry with its details on one line).
 */
final class AuditTable {
    private static final List<String> HEADER = List.of("#", "at", "user", "action", "model", "version", "alias",
            "from", "reason");

    private AuditTable() {
    }

    /**
     * @param entries audit entries, in trail order
     * @return a count line, then a table of sequence, time, user, action, model, version, alias, former holder and
     *     reason; the details stay on the entries ({@code get(i).details()})
     */
    static String render(List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            return "(no audit entries)\n";
        }
        List<List<String>> rows = new ArrayList<>(entries.size());
        for (AuditEntry e : entries) {
            rows.add(List.of(Long.toString(e.sequence()), e.at().toString(), e.user(), e.action().name(), e.modelName(),
                    e.version() == null ? "" : "v" + e.version(), e.alias() == null ? "" : "@" + e.alias(),
                    e.previousVersion() == null ? "" : "v" + e.previousVersion(), e.reason()));
        }
        return entries.size() + (entries.size() == 1 ? " audit entry:\n" : " audit entries:\n")
                + TextTable.render("", HEADER, rows);
    }
}
