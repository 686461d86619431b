package dev.mlops4j.spi;

import java.io.InputStream;

/**
 * Content-addressed blob storage for artifacts. A run's logical tree of names lives in the
 * {@link MetadataStore}; the bytes live here, once per distinct content.
 *
 * <p>Contract: {@link #put} is durable when it returns and safe when several threads or processes put
 * the same content at once; {@link #open} verifies the content against its hash while reading and
 * throws {@link dev.mlops4j.ArtifactIntegrityException} at the end of a stream whose bytes do not match,
 * so damaged bytes are never taken for good ones.
 */
public interface ArtifactStore extends AutoCloseable {

    /** @return a short human-readable description, e.g. the directory */
    String description();

    /**
     * Stores content; storing content that is already present is cheap and returns the same info.
     *
     * @param content the bytes, read to the end but not closed
     * @return hash and size
     * @throws dev.mlops4j.StoreException on I/O failure
     */
    BlobInfo put(InputStream content);

    /**
     * Opens a blob for reading, verifying it as it is read.
     *
     * @param sha256 the blob's hash
     * @return a stream the caller closes
     * @throws dev.mlops4j.NotFoundException if there is no such blob
     */
    InputStream open(String sha256);

    /** @param sha256 the blob's hash @return true if present */
    boolean contains(String sha256);

    /** @param sha256 the blob's hash @return true if it was present and is now deleted */
    boolean delete(String sha256);

    /** Releases resources. Idempotent. */
    @Override
    void close();
}
