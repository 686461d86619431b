package dev.mlops4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops4j.ArtifactIntegrityException;
import dev.mlops4j.InvalidInputException;
import dev.mlops4j.NotFoundException;
import dev.mlops4j.spi.ArtifactStore;
import dev.mlops4j.spi.BlobInfo;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The conformance suite of {@link ArtifactStore}: content-addressed blobs that are durable, shared safely by
 * concurrent writers, and verified against their SHA-256 on every read.
 *
 * <p>To run it, extend this class in your test sources:
 * <pre>{@code
 * class MyArtifactStoreTckTest extends ArtifactStoreTck {
 *     @TempDir Path dir;                                    // new for every test, deleted after it
 *     @Override protected ArtifactStore createStore() { return new MyArtifactStore(dir); }
 *     @Override protected void corrupt(String sha256) { MyArtifactStore.flipAByteOf(dir, sha256); }
 * }
 * }</pre>
 * The suite calls {@link #createStore()} before each test and closes the store after it. {@link #corrupt(String)}
 * damages a stored blob behind the store's back (as a disk fault or a careless user would), so that the suite can
 * check that reading it fails with {@link ArtifactIntegrityException} instead of returning the damaged bytes.
 *
 * <p>Null hostility: {@code put}, {@code open}, {@code contains} and {@code delete} given {@code null} throw
 * {@link NullPointerException} or {@link InvalidInputException}. A hash that is not 64 lowercase hex characters
 * (for example {@code ../../etc/passwd}) is never used to build a file name: {@code open} throws
 * {@link NotFoundException} or {@link InvalidInputException}, {@code contains} and {@code delete} return false or
 * throw {@link InvalidInputException}.
 */
public abstract class ArtifactStoreTck {
    private ArtifactStore store;

    /** Lets subclasses exist; the suite has no state of its own before {@link #createStore()}. */
    protected ArtifactStoreTck() {
    }

    /**
     * Opens a new, empty artifact store for one test. The suite closes it after the test.
     *
     * @return an open store holding no blobs
     */
    protected abstract ArtifactStore createStore();

    /**
     * Damages the stored bytes of a blob in place (flip a byte, truncate, or append), keeping its name, so that
     * the store still finds it but its content no longer matches its hash.
     *
     * @param sha256 the hash of a blob that {@link #store()} holds
     */
    protected abstract void corrupt(String sha256);

    /** @return the store of the current test */
    protected final ArtifactStore store() {
        if (store == null) {
            throw new IllegalStateException("no store is open; store() is available inside tests only");
        }
        return store;
    }

    @BeforeEach
    final void openStoreForTest() {
        store = Objects.requireNonNull(createStore(), "createStore() returned null; return a new, open store");
    }

    @AfterEach
    final void closeStoreAfterTest() {
        if (store != null) {
            ArtifactStore s = store;
            store = null;
            s.close();
        }
    }

    static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    final BlobInfo put(byte[] content) {
        return store().put(new ByteArrayInputStream(content));
    }

    final byte[] read(String sha256) {
        try (InputStream in = store().open(sha256)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Put, open, re-put, delete: the basic contract. */
    @Nested
    public class PutAndOpen {
        PutAndOpen() {
        }

        @Test
        void put_thenOpen_returnsTheSameBytesAndTheirHash() {
            byte[] content = "hello, artifacts".getBytes(java.nio.charset.StandardCharsets.UTF_8);

            BlobInfo info = put(content);

            assertThat(info).isEqualTo(new BlobInfo(sha256(content), content.length));
            assertThat(store().contains(info.sha256())).isTrue();
            assertThat(read(info.sha256())).isEqualTo(content);
        }

        @Test
        void put_emptyContent_isABlobToo() {
            BlobInfo info = put(new byte[0]);

            assertThat(info).isEqualTo(new BlobInfo(
                    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", 0));
            assertThat(read(info.sha256())).isEmpty();
        }

        @Test
        void put_severalMegabytes_roundTrips() {
            byte[] content = randomBytes(3 * 1024 * 1024 + 17, 1);

            BlobInfo info = put(content);

            assertThat(info.size()).isEqualTo(content.length);
            assertThat(info.sha256()).isEqualTo(sha256(content));
            assertThat(read(info.sha256())).isEqualTo(content);
        }

        @Test
        void put_sameContentTwice_returnsTheSameBlob() {
            byte[] content = randomBytes(10_000, 2);

            BlobInfo first = put(content);
            BlobInfo second = put(content.clone());

            assertThat(second).isEqualTo(first);
            assertThat(read(first.sha256())).isEqualTo(content);
        }

        @Test
        void put_readsTheStreamToTheEndWithoutClosingIt() {
            byte[] content = randomBytes(70_000, 3);
            TrackingStream in = new TrackingStream(content);

            store().put(in);

            assertThat(in.closed).as("closed by put").isFalse();
            assertThat(in.available()).as("bytes left unread").isZero();
        }

        @Test
        void open_readByteByByte_returnsTheContent() throws IOException {
            byte[] content = randomBytes(5_000, 4);
            BlobInfo info = put(content);

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (InputStream in = store().open(info.sha256())) {
                for (int b = in.read(); b >= 0; b = in.read()) {
                    out.write(b);
                }
            }

            assertThat(out.toByteArray()).isEqualTo(content);
        }

        @Test
        void delete_storedBlob_removesIt() {
            BlobInfo kept = put(randomBytes(100, 5));
            BlobInfo info = put(randomBytes(100, 6));

            assertThat(store().delete(info.sha256())).isTrue();

            assertThat(store().contains(info.sha256())).isFalse();
            assertThatThrownBy(() -> store().open(info.sha256())).isInstanceOf(NotFoundException.class);
            assertThat(store().delete(info.sha256())).isFalse();
            assertThat(store().contains(kept.sha256())).isTrue();
        }

        @Test
        void put_afterDelete_storesTheBlobAgain() {
            byte[] content = randomBytes(100, 7);
            BlobInfo info = put(content);
            store().delete(info.sha256());

            assertThat(put(content)).isEqualTo(info);

            assertThat(read(info.sha256())).isEqualTo(content);
        }

        @Test
        void description_isNotBlank() {
            assertThat(store().description()).isNotBlank();
        }

        @Test
        void close_calledTwice_isIdempotent() {
            store().close();
            store().close();
        }
    }

    /** Damaged or absent blobs fail loudly. */
    @Nested
    public class Integrity {
        Integrity() {
        }

        @Test
        void open_corruptedBlob_throwsArtifactIntegrityWhenRead() {
            byte[] content = randomBytes(200_000, 8);
            BlobInfo info = put(content);

            corrupt(info.sha256());

            assertThatThrownBy(() -> read(info.sha256())).isInstanceOf(ArtifactIntegrityException.class);
        }

        @Test
        void open_corruptedBlobReadByteByByte_throwsArtifactIntegrity() {
            BlobInfo info = put(randomBytes(3_000, 9));

            corrupt(info.sha256());

            assertThatThrownBy(() -> {
                try (InputStream in = store().open(info.sha256())) {
                    while (in.read() >= 0) {
                        // Reading to the end is what must fail.
                    }
                }
            }).isInstanceOf(ArtifactIntegrityException.class);
        }

        @Test
        void open_corruptedSmallBlob_throwsArtifactIntegrity() {
            BlobInfo info = put(new byte[] {42});

            corrupt(info.sha256());

            assertThatThrownBy(() -> read(info.sha256())).isInstanceOf(ArtifactIntegrityException.class);
        }

        @Test
        void open_unknownBlob_throwsNotFound() {
            String absent = sha256(new byte[] {1, 2, 3});

            assertThatThrownBy(() -> store().open(absent)).isInstanceOf(NotFoundException.class);
            assertThat(store().contains(absent)).isFalse();
            assertThat(store().delete(absent)).isFalse();
        }

        @Test
        void malformedHash_isNeverUsedAsAName() {
            put(randomBytes(10, 10));
            for (String bad : List.of("../../etc/passwd", "not-a-hash", "",
                    "E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855", "/tmp/x",
                    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b85")) {
                assertThatThrownBy(() -> read(bad)).as("open(%s)", bad)
                        .isInstanceOfAny(NotFoundException.class, InvalidInputException.class);
                assertFalseOrInvalid(() -> assertThat(store().contains(bad)).as("contains(%s)", bad).isFalse());
                assertFalseOrInvalid(() -> assertThat(store().delete(bad)).as("delete(%s)", bad).isFalse());
            }
        }

        private void assertFalseOrInvalid(ThrowingCallable check) {
            try {
                check.call();
            } catch (InvalidInputException expected) {
                // Rejecting the malformed hash outright is as good as answering false.
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new AssertionError(t);
            }
        }
    }

    /** Concurrent writers of the same and different content. */
    @Nested
    public class Concurrency {
        Concurrency() {
        }

        @Test
        void put_sameContentFromManyThreads_storesOneIntactBlob() {
            byte[] content = randomBytes(512 * 1024, 11);

            List<BlobInfo> infos = Concurrently.values(Concurrently.run(8, i -> () -> put(content)));

            assertThat(infos).allMatch(info -> info.equals(new BlobInfo(sha256(content), content.length)));
            assertThat(read(sha256(content))).isEqualTo(content);
        }

        @Test
        void put_differentContentFromManyThreads_storesEveryBlob() {
            List<BlobInfo> infos = Concurrently.values(Concurrently.run(8, i -> () -> put(randomBytes(100_000, 100 + i))));

            for (int i = 0; i < 8; i++) {
                byte[] expected = randomBytes(100_000, 100 + i);
                assertThat(infos.get(i).sha256()).isEqualTo(sha256(expected));
                assertThat(read(infos.get(i).sha256())).isEqualTo(expected);
            }
        }
    }

    /** Null arguments fail loudly. */
    @Nested
    public class NullHostility {
        NullHostility() {
        }

        @Test
        void everyMethod_nullArgument_throws() {
            List<ThrowingCallable> calls = List.of(() -> store().put(null), () -> store().open(null),
                    () -> store().contains(null), () -> store().delete(null));
            for (ThrowingCallable call : calls) {
                assertThatThrownBy(call).isInstanceOfAny(NullPointerException.class, InvalidInputException.class);
            }
        }
    }

    /** Records whether it was closed, so the suite can check that {@code put} leaves closing to the caller. */
    private static final class TrackingStream extends ByteArrayInputStream {
        private boolean closed;

        TrackingStream(byte[] content) {
            super(content);
        }

        @Override
        public void close() throws IOException {
            closed = true;
            super.close();
        }
    }
}
