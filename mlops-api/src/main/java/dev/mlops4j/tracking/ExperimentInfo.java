package dev.mlops4j.tracking;

import dev.mlops4j.internal.TextTable;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * An experiment as stored: a named group of runs.
 *
 * @param id store-assigned identifier, stable for the life of the store
 * @param name unique name, as given by the user
 * @param description free text, empty when none was set
 * @param tags mutable key/value annotations
 * @param createdAt when the experiment was first used
 */
public record ExperimentInfo(String id, String name, String description, Map<String, String> tags, Instant createdAt) {
    public ExperimentInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        tags = Map.copyOf(tags == null ? Map.of() : tags);
        Objects.requireNonNull(createdAt, "createdAt");
        createdAt = Times.truncate(createdAt);
    }

    /** @return one line: id, name, creation time, and the description if there is one */
    @Override
    public String toString() {
        return "Experiment " + id + " '" + TextTable.cell(name) + "', created " + createdAt
                + (description.isEmpty() ? "" : ": " + TextTable.cell(description))
                + (tags.isEmpty() ? "" : " " + new java.util.TreeMap<>(tags));
    }
}
