package dev.mlops4j.registry;

import dev.mlops4j.internal.TextTable;
import java.time.Instant;
import java.util.Objects;

/**
 * An alias and the one version that holds it.
 *
 * @param modelName the registered model
 * @param alias the alias, e.g. {@code production}
 * @param version the version holding it
 * @param assignedBy who moved it there
 * @param assignedAt when
 */
public record AliasAssignment(String modelName, String alias, int version, String assignedBy, Instant assignedAt) {
    public AliasAssignment {
        Objects.requireNonNull(modelName, "modelName");
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(assignedBy, "assignedBy");
        assignedAt = Instant.ofEpochMilli(Objects.requireNonNull(assignedAt, "assignedAt").toEpochMilli());
    }

    /** @return the alias's URI, e.g. {@code models:/wine@production} */
    public ModelUri uri() {
        return ModelUri.alias(modelName, alias);
    }

    /** @return e.g. {@code models:/wine@production -> v4 (alice, 2024-05-01T10:00:00Z)} */
    @Override
    public String toString() {
        return uri() + " -> v" + version + " (" + TextTable.oneLine(assignedBy, 40) + ", " + assignedAt + ")";
    }
}
