package dev.mlops4j.core.internal;

import dev.mlops4j.Mlops;
import dev.mlops4j.core.artifacts.FileArtifactStore;
import dev.mlops4j.core.artifacts.InMemoryArtifactStore;
import dev.mlops4j.spi.ArtifactStore;
import dev.mlops4j.spi.MlopsConfig;
import dev.mlops4j.spi.MlopsEngine;
import java.util.Objects;

/**
 * The {@link MlopsEngine} of mlops-core, registered for {@link java.util.ServiceLoader}. Opens the stores the
 * configuration asks for and returns a {@link CoreMlops} bound to them; if anything fails on the way, it closes
 * what it had opened.
 */
public final class CoreEngine implements MlopsEngine {

    /** Creates the engine (called by {@link java.util.ServiceLoader}). */
    public CoreEngine() {
    }

    @Override
    public Mlops open(MlopsConfig config) {
        Objects.requireNonNull(config, "config");
        StoreSelection.Selected metadata = StoreSelection.select(config);
        ArtifactStore artifacts = null;
        boolean ownsArtifacts = false;
        try {
            if (config.artifactStore() != null) {
                artifacts = config.artifactStore();
            } else if (config.home() != null) {
                artifacts = new FileArtifactStore(config.home().resolve("artifacts"));
                ownsArtifacts = true;
            } else {
                artifacts = new InMemoryArtifactStore();
                ownsArtifacts = true;
            }
            return CoreMlops.open(config, metadata, artifacts, ownsArtifacts);
        } catch (RuntimeException | Error e) {
            if (ownsArtifacts) {
                closeQuietly(artifacts, e);
            }
            if (metadata.owned()) {
                closeQuietly(metadata.store(), e);
            }
            throw e;
        }
    }

    private static void closeQuietly(AutoCloseable c, Throwable primary) {
        try {
            c.close();
        } catch (Exception e) {
            primary.addSuppressed(e);
        }
    }
}
