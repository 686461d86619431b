package dev.mlops4j.registry;

import dev.mlops4j.internal.TextTable;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * One row of the registry's append-only audit trail: who did what to which model, version and alias, when and why.
 * Entries are written in the same transaction as the change they record and never changed or removed.
 *
 * @param sequence the store-assigned position in the trail, increasing in commit order (starts at 1)
 * @param at when the change was made (millisecond precision)
 * @param user who made it
 * @param action what was done
 * @param modelName the registered model
 * @param version the version concerned, {@code null} for model-level actions
 * @param alias the alias concerned (alias moves, removals, approvals, rejections), {@code null} otherwise
 * @param previousVersion for {@link AuditAction#ALIAS_MOVED} and {@link AuditAction#ALIAS_REMOVED}: the version
 *                        that held the alias before, {@code null} if none did
 * @param reason the reason the user gave ({@code ""} if none was required)
 * @param details further facts, e.g. the gate summary of a promotion, the run of a registration, the former status
 */
public record AuditEntry(long sequence, Instant at, String user, AuditAction action, String modelName,
                         Integer version, String alias, Integer previousVersion, String reason,
                         Map<String, String> details) {
    public AuditEntry {
        Objects.requireNonNull(at, "at");
        at = Instant.ofEpochMilli(at.toEpochMilli());
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(modelName, "modelName");
        reason = reason == null ? "" : reason;
        details = Map.copyOf(details == null ? Map.of() : details);
    }

    /** @return the version concerned, if any */
    public Optional<Integer> versionOpt() {
        return Optional.ofNullable(version);
    }

    /** @return the alias concerned, if any */
    public Optional<String> aliasOpt() {
        return Optional.ofNullable(alias);
    }

    /** @return one line, e.g. {@code #7 2024-05-01T10:00:00Z alice ALIAS_MOVED wine v4 @production (from v3): beats v3} */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("#").append(sequence).append(' ').append(at).append(' ')
                .append(TextTable.oneLine(user, 60)).append(' ').append(action).append(' ').append(modelName);
        if (version != null) {
            sb.append(" v").append(version);
        }
        if (alias != null) {
            sb.append(" @").append(alias);
        }
        if (previousVersion != null) {
            sb.append(" (from v").append(previousVersion).append(')');
        }
        if (!reason.isEmpty()) {
            sb.append(": ").append(TextTable.oneLine(reason, 120));
        }
        if (!details.isEmpty()) {
            StringJoiner shown = new StringJoiner(", ", " {", "}");
            new TreeMap<>(details).forEach((k, v) -> shown.add(TextTable.oneLine(k, 60) + "=" + detail(v)));
            sb.append(shown);
        }
        return sb.toString();
    }

    /**
     * A detail as it fits on the entry's line: a multi-line value (a gate's condition table) only says how long it
     * is, {@code details()} has it whole.
     */
    static String detail(String value) {
        long lines = value.lines().count();
        return lines > 1 ? "(" + lines + " lines)" : TextTable.oneLine(value, 80);
    }
}
