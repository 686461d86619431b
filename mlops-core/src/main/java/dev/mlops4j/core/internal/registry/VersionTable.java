package dev.mlops4j.core.internal.registry;

import dev.mlops4j.internal.TextTable;
import dev.mlops4j.registry.ModelVersion;
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

    static String render(List<ModelVersion> versions) {
        return TextTable.counted(versions, "version", "versions", HEADER, v -> List.of(v.uri().toString(),
                v.status().name(), v.flavor(), v.modelClass().substring(v.modelClass().lastIndexOf('.') + 1),
                v.runId(), v.createdBy(), v.createdAt().toString(), v.description()));
    }
}
