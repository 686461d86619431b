package dev.mlops4j.registry;

import dev.mlops4j.internal.TextTable;
import java.util.List;

/**
 * Prints the list {@link ModelRegistry#auditTrail(String)} returns as an aligned table, one entry a row, because that
 * is what JShell and a notebook cell show for it (a plain list would print every entry with its details on one line).
 * The details stay on the entries ({@code get(i).details()}).
 */
final class AuditTable {
    private static final List<String> HEADER = List.of("#", "at", "user", "action", "model", "version", "alias",
            "from", "reason");

    private AuditTable() {
    }

    static String render(List<AuditEntry> entries) {
        return TextTable.counted(entries, "audit entry", "audit entries", HEADER, e -> List.of(
                Long.toString(e.sequence()), e.at().toString(), e.user(), e.action().name(), e.modelName(),
                e.version() == null ? "" : "v" + e.version(), e.alias() == null ? "" : "@" + e.alias(),
                e.previousVersion() == null ? "" : "v" + e.previousVersion(), e.reason()));
    }
}
