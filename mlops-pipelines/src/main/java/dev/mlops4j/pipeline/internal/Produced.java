package dev.mlops4j.pipeline.internal;

import dev.mlops4j.StoreException;
import dev.mlops4j.lineage.Artifact;
import dev.mlops4j.lineage.Lineage;
import dev.mlops4j.pipeline.Slot;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;

/**
 * A data set available in a pipeline run: its lineage artifact (null when transient) and its value, loaded from the
 * artifact store on first use when it came from the cache, so a fully cached run reads nothing.
 */
final class Produced {
    private final Slot<?> slot;
    private final Artifact artifact;
    private final Lineage lineage;
    private Object value;
    private boolean loaded;

    private Produced(Slot<?> slot, Artifact artifact, Lineage lineage, Object value, boolean loaded) {
        this.slot = slot;
        this.artifact = artifact;
        this.lineage = lineage;
        this.value = value;
        this.loaded = loaded;
    }

    static Produced withValue(Slot<?> slot, Artifact artifact, Object value) {
        return new Produced(slot, artifact, null, value, true);
    }

    static Produced lazy(Slot<?> slot, Artifact artifact, Lineage lineage) {
        return new Produced(slot, artifact, lineage, null, false);
    }

    Artifact artifact() {
        return artifact;
    }

    Slot<?> slot() {
        return slot;
    }

    synchronized Object value() {
        if (!loaded) {
            value = load();
            loaded = true;
        }
        return value;
    }

    private Object load() {
        var serializer = slot.serializer().orElseThrow();
        if (serializer.storesByReference()) {
            if (artifact.uri().startsWith("file:")) {
                return Path.of(URI.create(artifact.uri()));
            }
            try {
                return serializer.deserialize(artifact.uri().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new StoreException("cannot read data set '" + slot.name() + "' from " + artifact + ": " + e, e);
            }
        }
        try (InputStream in = lineage.open(artifact)) {
            return serializer.deserialize(in.readAllBytes());
        } catch (IOException e) {
            throw new StoreException("cannot read data set '" + slot.name() + "' from " + artifact + ": " + e, e);
        }
    }
}
