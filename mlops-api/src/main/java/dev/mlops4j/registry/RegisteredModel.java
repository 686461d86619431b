package dev.mlops4j.registry;

import dev.mlops4j.internal.TextTable;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A named model in the registry: the family of its versions, with a description and tags. Aliases and versions
 * are read through {@link ModelRegistry}.
 *
 * @param name the unique name, see {@link RegistryNames#checkModelName}
 * @param description free text ({@code ""} if none)
 * @param tags annotations; keys under {@code mlops.} are set by mlops4j (e.g. the approval policy)
 * @param createdBy who created it
 * @param createdAt when it was created
 * @param updatedAt when it, or the set of its versions, last changed
 * @param latestVersion the highest version number assigned so far (0 before the first registration); numbers are
 *                      never reused, even for deleted versions
 */
public record RegisteredModel(String name, String description, Map<String, String> tags, String createdBy,
                              Instant createdAt, Instant updatedAt, int latestVersion) {
    public RegisteredModel {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        tags = Map.copyOf(tags == null ? Map.of() : tags);
        Objects.requireNonNull(createdBy, "createdBy");
        createdAt = Instant.ofEpochMilli(Objects.requireNonNull(createdAt, "createdAt").toEpochMilli());
        updatedAt = Instant.ofEpochMilli(Objects.requireNonNull(updatedAt, "updatedAt").toEpochMilli());
    }

    /** @param key tag key @return the tag's value, if set */
    public Optional<String> tag(String key) {
        return Optional.ofNullable(tags.get(key));
    }

    /** @return the model's approval policy, read from its reserved tag */
    public ApprovalPolicy approvalPolicy() {
        return ApprovalPolicy.fromTag(tags.get(ApprovalPolicy.TAG));
    }

    /** @return one line: name, latest version, description */
    @Override
    public String toString() {
        return "model '" + name + "' (" + latestVersion + " version" + (latestVersion == 1 ? "" : "s") + ")"
                + (description.isEmpty() ? "" : ": " + TextTable.oneLine(description, 80));
    }
}
