package dev.mlops4j.tracking;

import dev.mlops4j.internal.TextTable;
import java.time.Instant;
import java.util.Objects;

/**
 * An artifact in a run's logical tree: a relative path, and the content-addressed blob behind it.
 *
 * @param path relative name with {@code /} separators, e.g. {@code model/weights.bin}
 * @param sha256 lowercase hex SHA-256 of the content
 * @param size content length in bytes
 * @param loggedAt when it was logged
 */
public record ArtifactInfo(String path, String sha256, long size, Instant loggedAt) {
    public ArtifactInfo {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(sha256, "sha256");
        loggedAt = Times.truncate(Objects.requireNonNull(loggedAt, "loggedAt"));
    }

    /** @return one line: path, size, abbreviated hash and when it was logged */
    @Override
    public String toString() {
        return path + " (" + TextTable.bytes(size) + ", sha256 " + sha256.substring(0, Math.min(12, sha256.length()))
                + ", logged " + loggedAt + ")";
    }
}
