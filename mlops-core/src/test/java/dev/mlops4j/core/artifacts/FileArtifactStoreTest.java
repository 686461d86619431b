package dev.mlops4j.core.artifacts;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops4j.ArtifactIntegrityException;
import dev.mlops4j.InvalidInputException;
import dev.mlops4j.NotFoundException;
import dev.mlops4j.StoreException;
import dev.mlops4j.spi.ArtifactStore;
import dev.mlops4j.spi.BlobInfo;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FileArtifactStoreTest {
    private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    @TempDir
    Path root;

    private ArtifactStore store(String kind) {
        return kind.equals("file") ? new FileArtifactStore(root) : new InMemoryArtifactStore();
    }

    @Test
    void put_empty_returnsKnownHashAndLayout() throws IOException {
        FileArtifactStore store = new FileArtifactStore(root);

        BlobInfo blob = store.put(new ByteArrayInputStream(new byte[0]));

        assertThat(blob).isEqualTo(new BlobInfo(EMPTY_SHA256, 0));
        assertThat(root.resolve("sha256/e3").resolve(EMPTY_SHA256.substring(2))).isRegularFile();
        try (InputStream in = store.open(EMPTY_SHA256)) {
            assertThat(in.readAllBytes()).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"file", "memory"})
    void put_thenOpen_roundTripsAndContains(String kind) throws IOException {
        ArtifactStore store = store(kind);
        byte[] content = "content".getBytes(UTF_8);

        BlobInfo blob = store.put(new ByteArrayInputStream(content));

        assertThat(store.contains(blob.sha256())).isTrue();
        try (InputStream in = store.open(blob.sha256())) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
        assertThat(store.delete(blob.sha256())).isTrue();
        assertThat(store.delete(blob.sha256())).isFalse();
        assertThat(store.contains(blob.sha256())).isFalse();
        assertThatThrownBy(() -> store.open(blob.sha256())).isInstanceOf(NotFoundException.class);
        store.close();
        store.close();
        assertThatThrownBy(() -> store.contains(blob.sha256())).isInstanceOf(StoreException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../etc/passwd", "ABCDEF", "E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855",
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b85/", ""})
    void open_notAHash_throwsInvalidInput(String id) {
        FileArtifactStore store = new FileArtifactStore(root);

        assertThatThrownBy(() -> store.open(id)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> store.contains(id)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void open_flippedByte_throwsIntegrityWithBothHashes() throws IOException {
        FileArtifactStore store = new FileArtifactStore(root);
        BlobInfo blob = store.put(new ByteArrayInputStream("abc".getBytes(UTF_8)));
        Files.writeString(store.blobPath(blob.sha256()), "abd");

        try (InputStream in = store.open(blob.sha256())) {
            assertThatThrownBy(in::readAllBytes).isInstanceOf(ArtifactIntegrityException.class)
                    .hasMessageContaining(blob.sha256())
                    .hasMessageContaining("a52d159f262b2c6ddb724a61840befc36eb30c88877a4030b65cbe86298449c9");
        }
    }

    @Test
    void open_byteAtATimeAndSkip_verifiesIntactContent() throws IOException {
        FileArtifactStore store = new FileArtifactStore(root);
        BlobInfo blob = store.put(new ByteArrayInputStream("0123456789".getBytes(UTF_8)));

        try (InputStream in = store.open(blob.sha256())) {
            assertThat(in.read()).isEqualTo('0');
            assertThat(in.skip(5)).isEqualTo(5);
            assertThat(in.readAllBytes()).containsExactly('6', '7', '8', '9');
            assertThat(in.read()).isEqualTo(-1);
        }
    }

    @Test
    void put_sameContentFromManyThreads_leavesOneIntactBlobAndNoTempFiles() throws Exception {
        FileArtifactStore store = new FileArtifactStore(root);
        byte[] content = new byte[256 * 1024];
        new Random(1).nextBytes(content);
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<BlobInfo>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return store.put(new ByteArrayInputStream(content));
                }));
            }
            start.countDown();
            HashSet<BlobInfo> distinct = new HashSet<>();
            for (Future<BlobInfo> f : results) {
                distinct.add(f.get());
            }
            assertThat(distinct).hasSize(1);
            BlobInfo blob = distinct.iterator().next();
            try (InputStream in = store.open(blob.sha256())) {
                assertThat(in.readAllBytes()).isEqualTo(content);
            }
        } finally {
            pool.shutdownNow();
        }
        try (Stream<Path> tmp = Files.list(root.resolve("tmp"))) {
            assertThat(tmp).isEmpty();
        }
    }

    @Test
    void put_overTruncatedBlob_repairsIt() throws IOException {
        FileArtifactStore store = new FileArtifactStore(root);
        BlobInfo blob = store.put(new ByteArrayInputStream("full content".getBytes(UTF_8)));
        Files.writeString(store.blobPath(blob.sha256()), "full");

        store.put(new ByteArrayInputStream("full content".getBytes(UTF_8)));

        assertThat(store.blobPath(blob.sha256())).hasContent("full content");
    }

    @Test
    void put_failingInput_throwsStoreExceptionAndLeavesNothing() throws IOException {
        FileArtifactStore store = new FileArtifactStore(root);
        InputStream failing = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("network down");
            }
        };

        assertThatThrownBy(() -> store.put(failing)).isInstanceOf(StoreException.class)
                .hasMessageContaining("network down");
        try (Stream<Path> files = Files.walk(root)) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void description_namesRoot() {
        assertThat(new FileArtifactStore(root).description()).contains(root.toString());
    }
}
