package dev.mlops4j.core;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops4j.ArtifactIntegrityException;
import dev.mlops4j.InvalidInputException;
import dev.mlops4j.Mlops;
import dev.mlops4j.NotFoundException;
import dev.mlops4j.Run;
import dev.mlops4j.core.artifacts.FileArtifactStore;
import dev.mlops4j.tracking.ArtifactInfo;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArtifactsTest {
    @TempDir
    Path home;
    @TempDir
    Path work;
    private Mlops mlops;
    private Run run;

    @BeforeEach
    void open() {
        // In-memory metadata, file artifacts under home/artifacts.
        mlops = Mlops.builder().inMemory().home(home).build();
        run = mlops.experiment("e").startRun("r");
    }

    @AfterEach
    void close() {
        mlops.close();
    }

    private static String sha256(byte[] content) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    private Path blobFile(ArtifactInfo artifact) {
        return new FileArtifactStore(home.resolve("artifacts")).blobPath(artifact.sha256());
    }

    @Test
    void logArtifact_bytes_roundTripsAndIsContentAddressed() throws Exception {
        byte[] content = "hello artifacts".getBytes(UTF_8);

        ArtifactInfo info = run.logArtifact("notes/hello.txt", content);

        assertThat(info.path()).isEqualTo("notes/hello.txt");
        assertThat(info.sha256()).isEqualTo(sha256(content));
        assertThat(info.size()).isEqualTo(content.length);
        assertThat(mlops.runs().readArtifact(run.id(), "notes/hello.txt")).isEqualTo(content);
        String hash = info.sha256();
        assertThat(home.resolve("artifacts/sha256").resolve(hash.substring(0, 2)).resolve(hash.substring(2)))
                .isRegularFile().hasBinaryContent(content);
        assertThat(mlops.runs().artifacts(run.id())).containsExactly(info);
    }

    @Test
    void logArtifact_pathNotNormal_isStoredNormalized() {
        ArtifactInfo info = run.logArtifact("./plots//roc.svg", new byte[] {1});

        assertThat(info.path()).isEqualTo("plots/roc.svg");
        assertThat(mlops.runs().readArtifact(run.id(), "plots/roc.svg")).containsExactly(1);
    }

    @Test
    void logArtifact_file_usesItsFileName() throws IOException {
        Path file = Files.writeString(work.resolve("model.bin"), "weights");

        ArtifactInfo info = run.logArtifact(file);

        assertThat(info.path()).isEqualTo("model.bin");
        assertThat(new String(mlops.runs().readArtifact(run.id(), "model.bin"), UTF_8)).isEqualTo("weights");
    }

    @Test
    void logArtifact_directoryGivenAsFile_throwsInvalidInput() {
        assertThatThrownBy(() -> run.logArtifact("x", work)).isInstanceOf(InvalidInputException.class);
        assertThat(mlops.runs().artifacts(run.id())).isEmpty();
    }

    @Test
    void logArtifact_stream_readsToEndAndRoundTrips() throws IOException {
        byte[] content = new byte[300_000];
        new java.util.Random(7).nextBytes(content);

        run.logArtifact("data/big.bin", new ByteArrayInputStream(content));

        try (InputStream in = mlops.runs().openArtifact(run.id(), "data/big.bin")) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
    }

    @Test
    void logArtifact_samePathAgain_latestWins() {
        run.logArtifact("a.txt", "one".getBytes(UTF_8));
        run.logArtifact("a.txt", "two".getBytes(UTF_8));

        assertThat(mlops.runs().artifacts(run.id())).singleElement().extracting(ArtifactInfo::size).isEqualTo(3L);
        assertThat(new String(mlops.runs().readArtifact(run.id(), "a.txt"), UTF_8)).isEqualTo("two");
    }

    @Test
    void logArtifact_sameContentTwice_isStoredOnce() throws IOException {
        ArtifactInfo a = run.logArtifact("a.txt", "same".getBytes(UTF_8));
        ArtifactInfo b = run.logArtifact("b.txt", "same".getBytes(UTF_8));

        assertThat(a.sha256()).isEqualTo(b.sha256());
        try (var files = Files.walk(home.resolve("artifacts/sha256"))) {
            assertThat(files.filter(Files::isRegularFile)).hasSize(1);
        }
    }

    @Test
    void logArtifacts_directory_logsRegularFilesWithPrefixSkippingSymlinks() throws IOException {
        Files.createDirectories(work.resolve("dir/sub"));
        Files.writeString(work.resolve("dir/b.txt"), "b");
        Files.writeString(work.resolve("dir/sub/a.txt"), "a");
        Path outside = Files.writeString(work.resolve("secret.txt"), "secret");
        Files.createSymbolicLink(work.resolve("dir/link.txt"), outside);
        Files.createSymbolicLink(work.resolve("dir/linkdir"), work);

        List<ArtifactInfo> logged = run.logArtifacts(work.resolve("dir"), "out");

        assertThat(logged).extracting(ArtifactInfo::path).containsExactly("out/b.txt", "out/sub/a.txt");
        assertThat(mlops.runs().artifacts(run.id())).isEqualTo(logged);
    }

    @Test
    void logArtifacts_emptyPrefix_usesRootOfTree() throws IOException {
        Files.createDirectories(work.resolve("d"));
        Files.writeString(work.resolve("d/x.txt"), "x");

        assertThat(run.logArtifacts(work.resolve("d"), "")).extracting(ArtifactInfo::path).containsExactly("x.txt");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../escape.txt", "/etc/passwd", "a/../../b", "a/..", "a\\b.txt", "C:/windows/x",
        "bad\u0000name", "line\nbreak", "", ".", "./"})
    void logArtifact_unsafePath_throwsInvalidInputAndStoresNothing(String path) throws IOException {
        assertThatThrownBy(() -> run.logArtifact(path, new byte[] {1})).isInstanceOf(InvalidInputException.class);

        assertThat(mlops.runs().artifacts(run.id())).isEmpty();
        try (var files = Files.walk(home.resolve("artifacts/sha256"))) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void readArtifact_corruptedBlobOnDisk_throwsIntegrityNamingRunPathAndHashes() throws Exception {
        byte[] content = "precious model".getBytes(UTF_8);
        ArtifactInfo info = run.logArtifact("model.bin", content);
        byte[] damaged = content.clone();
        damaged[0] ^= 1;
        Files.write(blobFile(info), damaged);

        assertThatThrownBy(() -> mlops.runs().readArtifact(run.id(), "model.bin"))
                .isInstanceOf(ArtifactIntegrityException.class)
                .hasMessageContaining(run.id())
                .hasMessageContaining("model.bin")
                .hasMessageContaining(info.sha256())
                .hasMessageContaining(sha256(damaged));
    }

    @Test
    void openArtifact_truncatedBlob_throwsIntegrityAtEndOfStream() throws Exception {
        ArtifactInfo info = run.logArtifact("data.bin", new byte[10_000]);
        Files.write(blobFile(info), new byte[5_000]);

        try (InputStream in = mlops.runs().openArtifact(run.id(), "data.bin")) {
            assertThatThrownBy(in::readAllBytes).isInstanceOf(ArtifactIntegrityException.class)
                    .hasMessageContaining("data.bin");
        }
    }

    @Test
    void readArtifact_blobDeleted_throwsIntegrity() throws IOException {
        ArtifactInfo info = run.logArtifact("gone.bin", new byte[] {1, 2, 3});
        Files.delete(blobFile(info));

        assertThatThrownBy(() -> mlops.runs().readArtifact(run.id(), "gone.bin"))
                .isInstanceOf(ArtifactIntegrityException.class).hasMessageContaining("missing");
    }

    @Test
    void readArtifact_unknownPath_throwsNotFoundListingArtifacts() {
        run.logArtifact("a.txt", new byte[] {1});

        assertThatThrownBy(() -> mlops.runs().readArtifact(run.id(), "b.txt")).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("b.txt").hasMessageContaining("a.txt");
    }

    @Test
    void downloadArtifacts_prefix_writesSelectedFilesUnderTarget() throws IOException {
        run.logArtifact("plots/roc.svg", "roc".getBytes(UTF_8));
        run.logArtifact("plots/pr/pr.svg", "pr".getBytes(UTF_8));
        run.logArtifact("plotsmore.txt", "no".getBytes(UTF_8));
        run.logArtifact("model.bin", "m".getBytes(UTF_8));
        Path target = work.resolve("download");

        List<Path> written = mlops.runs().downloadArtifacts(run.id(), "plots", target);

        Path real = target.toRealPath();
        assertThat(written).containsExactly(real.resolve("plots/pr/pr.svg"), real.resolve("plots/roc.svg"));
        assertThat(real.resolve("plots/roc.svg")).hasContent("roc");
        assertThat(real.resolve("plotsmore.txt")).doesNotExist();
        assertThat(mlops.runs().downloadArtifacts(run.id(), "", target)).hasSize(4);
    }

    @Test
    void downloadArtifacts_symlinkInTargetLeadingOutside_refusesToWrite() throws IOException {
        run.logArtifact("sub/file.txt", "x".getBytes(UTF_8));
        Path target = Files.createDirectories(work.resolve("target"));
        Path elsewhere = Files.createDirectories(work.resolve("elsewhere"));
        Files.createSymbolicLink(target.resolve("sub"), elsewhere);

        assertThatThrownBy(() -> mlops.runs().downloadArtifacts(run.id(), "", target))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("outside");
        assertThat(elsewhere.resolve("file.txt")).doesNotExist();
    }

    @Test
    void downloadArtifacts_corruptedBlob_leavesNoPartialFile() throws IOException {
        ArtifactInfo info = run.logArtifact("m.bin", new byte[1000]);
        Files.write(blobFile(info), new byte[999]);
        Path target = work.resolve("t");

        assertThatThrownBy(() -> mlops.runs().downloadArtifacts(run.id(), "", target))
                .isInstanceOf(ArtifactIntegrityException.class);
        try (var files = Files.list(target)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void home_withHome_isReported() {
        assertThat(mlops.home()).contains(home.toAbsolutePath().normalize());
    }
}
