package dev.mlops4j.core.internal.registry;

import dev.mlops4j.internal.TextTable;
import dev.mlops4j.registry.ModelVersion;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints the version lists the registry returns as an aligned table, one version a row: JShell and notebooks show a
 * returned list with {@code toString()}, and the versions' one-line forms side by side on a single line are unreadable.
 */
final class VersionTable {
    private static final List<String> HEADER = List.of("version", "status", "flavor", "model class", "run",
            "registered by", "registered at", "description");

    private VersionTable() {
    }

    /**
     * @param versions model versions
     * @return a count line and the table, or {@code (no versions)}
     */
    static String render(List<ModelVersion> versions) {
        if (versions.isEmpty()) {
            return "(no versions)\n";
        }
        List<List<String>> rows = new ArrayList<>(versions.size());
        for (ModelVersion v : versions) {
            rows.add(List.of(v.uri().toString(), v.status().name(), v.flavor(),
                    v.modelClass().substring(v.modelClass().lastIndexOf('.') + 1), v.runId(), v.createdBy(),
                    v.createdAt().toString(), v.description()));
        }
        return versions.size() + (versions.size() == 1 ? " version:\n" : " versions:\n")
                + TextTable.render("", HEADER, rows);
    }
}
