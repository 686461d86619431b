package dev.mlops4j.spi;

import java.util.Objects;

/**
 * A blob in an {@link ArtifactStore}, identified by its content.
 *
 * @param sha256 lowercase hex SHA-256 of the content
 * @param size length in bytes
 */
public record BlobInfo(String sha256, long size) {
    public BlobInfo {
        Objects.requireNonNull(sha256, "sha256");
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a lowercase hex SHA-256: " + sha256);
        }
    }
}
