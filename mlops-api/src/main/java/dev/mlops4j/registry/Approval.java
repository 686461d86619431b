package dev.mlops4j.registry;

import dev.mlops4j.internal.TextTable;
import java.time.Instant;
import java.util.Objects;

/**
 * A sign-off that a version may take a protected alias, given by a user other than the one who registered it
 * (see {@link ApprovalPolicy}).
 *
 * @param modelName the registered model
 * @param version the approved version
 * @param alias the alias it is approved for
 * @param approver who approved
 * @param approvedAt when
 * @param reason why
 */
public record Approval(String modelName, int version, String alias, String approver, Instant approvedAt,
                       String reason) {
    public Approval {
        Objects.requireNonNull(modelName, "modelName");
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(approver, "approver");
        approvedAt = Instant.ofEpochMilli(Objects.requireNonNull(approvedAt, "approvedAt").toEpochMilli());
        reason = reason == null ? "" : reason;
    }

    /** @return one line, e.g. {@code models:/wine/4 @production approved by bob at 2024-05-01T10:00:00Z: checked} */
    @Override
    public String toString() {
        return ModelUri.version(modelName, version) + " @" + alias + " approved by " + TextTable.oneLine(approver, 60)
                + " at " + approvedAt + (reason.isEmpty() ? "" : ": " + TextTable.oneLine(reason, 120));
    }
}
