package dev.mlops4j.core.artifacts;

import dev.mlops4j.spi.ArtifactStore;
import dev.mlops4j.tck.ArtifactStoreTck;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Runs the artifact-store conformance suite against {@link FileArtifactStore}. */
class FileArtifactStoreTckTest extends ArtifactStoreTck {
    @TempDir
    Path root;

    @Override
    protected ArtifactStore createStore() {
        return new FileArtifactStore(root);
    }

    @Override
    protected void corrupt(String sha256) {
        // Blobs live at <root>/sha256/<first 2 hex>/<remaining 62 hex>; flip the first byte in place.
        Path blob = root.resolve("sha256").resolve(sha256.substring(0, 2)).resolve(sha256.substring(2));
        try {
            byte[] bytes = Files.readAllBytes(blob);
            if (bytes.length == 0) {
                Files.write(blob, new byte[] {1});
            } else {
                bytes[0] ^= 0x5A;
                Files.write(blob, bytes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
