package dev.mlops4j.core.artifacts;

import dev.mlops4j.NotFoundException;
import dev.mlops4j.StoreException;
import dev.mlops4j.spi.ArtifactStore;
import dev.mlops4j.spi.BlobInfo;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An {@link ArtifactStore} that keeps blobs in memory; used by {@code Mlops.inMemory()}. Content is lost when the
 * JVM exits. Reads are verified like those of {@link FileArtifactStore}, so both stores behave alike. Thread-safe.
 */
public final class InMemoryArtifactStore implements ArtifactStore {
    private final Map<String, byte[]> blobs = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /** Creates an empty store. */
    public InMemoryArtifactStore() {
    }

    @Override
    public String description() {
        return "memory (" + blobs.size() + " blobs)";
    }

    @Override
    public BlobInfo put(InputStream content) {
        Objects.requireNonNull(content, "content");
        ensureOpen();
        byte[] bytes;
        try {
            bytes = content.readAllBytes();
        } catch (IOException e) {
            throw new StoreException("could not read artifact content: " + e, e);
        }
        String sha256 = Sha256.of(bytes);
        blobs.putIfAbsent(sha256, bytes);
        return new BlobInfo(sha256, bytes.length);
    }

    @Override
    public InputStream open(String sha256) {
        ensureOpen();
        byte[] bytes = blobs.get(Sha256.check(sha256));
        if (bytes == null) {
            throw new NotFoundException("no blob sha256:" + sha256 + " in the in-memory artifact store");
        }
        return new VerifyingInputStream(new ByteArrayInputStream(bytes), sha256, "the in-memory artifact store");
    }

    @Override
    public boolean contains(String sha256) {
        ensureOpen();
        return blobs.containsKey(Sha256.check(sha256));
    }

    @Override
    public boolean delete(String sha256) {
        ensureOpen();
        return blobs.remove(Sha256.check(sha256)) != null;
    }

    /** Releases the content. Idempotent. */
    @Override
    public void close() {
        closed = true;
        blobs.clear();
    }

    private void ensureOpen() {
        if (closed) {
            throw new StoreException("the in-memory artifact store is closed");
        }
    }
}
