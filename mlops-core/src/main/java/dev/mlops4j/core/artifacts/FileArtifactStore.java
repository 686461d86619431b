package dev.mlops4j.core.artifacts;

import dev.mlops4j.NotFoundException;
import dev.mlops4j.StoreException;
import dev.mlops4j.spi.ArtifactStore;
import dev.mlops4j.spi.BlobInfo;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link ArtifactStore} that keeps each distinct content once, as a file named by its SHA-256:
 * {@code <root>/sha256/<first 2 hex digits>/<remaining 62 hex digits>}. The default artifact store of an
 * {@code Mlops} instance with a home directory, rooted at {@code <home>/artifacts}.
 *
 * <p>Writing is crash- and race-safe: content is streamed to a temporary file under {@code <root>/tmp} (the same
 * file system as the blobs, so the final rename is atomic), hashed on the way, forced to disk, and only then renamed
 * to its content address; the directory is forced too. A crash leaves at most a stray temporary file (removed
 * when a store is opened a day later), never a half-written blob. Several threads or processes writing the same
 * content at once all succeed and leave one intact blob.
 *
 * <p>Reading verifies the SHA-256 while the stream is consumed and throws
 * {@link dev.mlops4j.ArtifactIntegrityException} at end of stream if the bytes on disk no longer match.
 *
 * <p>Thread-safe. Several processes may share one root directory.
 */
public final class FileArtifactStore implements ArtifactStore {
    private static final Logger LOG = LoggerFactory.getLogger(FileArtifactStore.class);
    /** Temporary files older than this belong to a writer that crashed, so they can be removed safely. */
    private static final Duration STALE_TEMP_AGE = Duration.ofDays(1);

    private final Path root;
    private final Path blobs;
    private final Path tmp;
    private volatile boolean closed;

    /**
     * Opens (and creates if absent) a store rooted at a directory.
     *
     * @param root the directory, typically {@code <home>/artifacts}
     * @throws StoreException if the directory cannot be created or written
     */
    public FileArtifactStore(Path root) {
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
        this.blobs = this.root.resolve("sha256");
        this.tmp = this.root.resolve("tmp");
        try {
            Files.createDirectories(blobs);
            Files.createDirectories(tmp);
        } catch (IOException e) {
            throw new StoreException("cannot create the artifact directory " + this.root + ": " + e
                    + "; check that the path is a writable directory", e);
        }
        removeStaleTempFiles();
    }

    /** @return the root directory */
    public Path root() {
        return root;
    }

    /**
     * @param sha256 a blob id
     * @return where the blob with that id lives (whether or not it exists)
     * @throws dev.mlops4j.InvalidInputException if the id is not 64 lowercase hex characters
     */
    public Path blobPath(String sha256) {
        Sha256.check(sha256);
        return blobs.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2));
    }

    @Override
    public String description() {
        return "files under " + root;
    }

    @Override
    public BlobInfo put(InputStream content) {
        Objects.requireNonNull(content, "content");
        ensureOpen();
        Path temp = null;
        try {
            temp = Files.createTempFile(tmp, "blob-", ".tmp");
            MessageDigest digest = Sha256.newDigest();
            long size;
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                OutputStream out = new DigestOutputStream(Channels.newOutputStream(channel), digest);
                size = content.transferTo(out);
                out.flush();
                // The blob must be on disk before its name becomes visible; otherwise a crash could leave a
                // correctly named file with missing content.
                channel.force(true);
            }
            String sha256 = Sha256.hex(digest.digest());
            Path target = blobPath(sha256);
            if (Files.isRegularFile(target) && Files.size(target) == size) {
                // Same content already stored (by us or a concurrent writer): nothing to add.
                Files.deleteIfExists(temp);
                return new BlobInfo(sha256, size);
            }
            Path dir = target.getParent();
            boolean created = !Files.isDirectory(dir);
            Files.createDirectories(dir);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new StoreException("the file system of " + root + " cannot rename files atomically; put the"
                        + " artifact store on a local or POSIX file system", e);
            } catch (IOException e) {
                // On some platforms a rename over a file another process has open fails; if an intact blob of the
                // same content is in place by now, the put has succeeded.
                if (Files.isRegularFile(target) && Files.size(target) == size) {
                    Files.deleteIfExists(temp);
                    return new BlobInfo(sha256, size);
                }
                throw e;
            }
            temp = null;
            forceDirectory(dir);
            if (created) {
                forceDirectory(dir.getParent());
            }
            return new BlobInfo(sha256, size);
        } catch (IOException e) {
            throw new StoreException("could not store an artifact blob in " + description() + ": " + e
                    + "; check free disk space and permissions", e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    LOG.warn("could not delete temporary artifact file {}: {}", temp, e.toString());
                }
            }
        }
    }

    @Override
    public InputStream open(String sha256) {
        ensureOpen();
        Path path = blobPath(sha256);
        try {
            return new VerifyingInputStream(new BufferedInputStream(Files.newInputStream(path), 65536), sha256,
                    description() + " (file " + path + ")");
        } catch (NoSuchFileException e) {
            throw new NotFoundException("no blob sha256:" + sha256 + " in " + description()
                    + " (expected at " + path + "); it was deleted or never stored here", e);
        } catch (IOException e) {
            throw new StoreException("cannot read blob sha256:" + sha256 + " at " + path + ": " + e, e);
        }
    }

    @Override
    public boolean contains(String sha256) {
        ensureOpen();
        return Files.isRegularFile(blobPath(sha256));
    }

    @Override
    public boolean delete(String sha256) {
        ensureOpen();
        Path path = blobPath(sha256);
        try {
            return Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new StoreException("cannot delete blob sha256:" + sha256 + " at " + path + ": " + e, e);
        }
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public String toString() {
        return "FileArtifactStore[" + root + "]";
    }

    private void ensureOpen() {
        if (closed) {
            throw new StoreException("the artifact store " + description() + " is closed");
        }
    }

    private static void forceDirectory(Path dir) {
        // Makes the rename itself durable. Not every platform can open a directory (Windows cannot), and there
        // the rename is durable through the file system's own journal, so failure here is not an error.
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.trace("cannot force directory {}: {}", dir, e.toString());
        }
    }

    private void removeStaleTempFiles() {
        Instant cutoff = Instant.now().minus(STALE_TEMP_AGE);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(tmp, "blob-*.tmp")) {
            for (Path file : files) {
                try {
                    if (Files.getLastModifiedTime(file).toInstant().isBefore(cutoff)) {
                        Files.deleteIfExists(file);
                    }
                } catch (IOException e) {
                    LOG.debug("cannot remove stale temporary artifact file {}: {}", file, e.toString());
                }
            }
        } catch (IOException e) {
            LOG.debug("cannot list temporary artifact files in {}: {}", tmp, e.toString());
        }
    }
}
