package dev.mlops4j.registry;

import dev.mlops4j.internal.TextTable;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.RandomAccess;

/**
 * The unmodifiable list {@link ModelRegistry#auditTrail(String)} returns: an ordinary list whose {@code toString()}
 * is an aligned table, one entry a row, because that is what JShell and a notebook cell show for it (a plain list
 * would print every entry with its details on a single line).
 */
final class AuditList extends AbstractList<AuditEntry> implements RandomAccess {
    private static final List<String> HEADER = List.of("#", "at", "user", "action", "model", "version", "alias",
            "from", "reason");
    private final List<AuditEntry> entries;

    AuditList(List<AuditEntry> entries) {
        this.entries = List.copyOf(entries);
    }

    @Override
    public AuditEntry get(int index) {
        return entries.get(index);
    }

    @Override
    public int size() {
        return entries.size();
    }

    /**
     * @return a count line, then a table of sequence, time, user, action, model, version, alias, former holder and
     *     reason; the details stay on the entries ({@code get(i).details()})
     */
    @Override
    public String toString() {
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
