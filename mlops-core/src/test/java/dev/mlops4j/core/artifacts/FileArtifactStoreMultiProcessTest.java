package dev.mlops4j.core.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops4j.spi.BlobInfo;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A team's artifact root shared by several processes (as on a shared mount): they store the same content-addressed
 * blob at the same moment, over and over, plus blobs of their own. Every put succeeds, the blob is intact, and no
 * temporary file is left behind.
 */
class FileArtifactStoreMultiProcessTest {
    private static final int PROCESSES = 4;

    @TempDir
    Path root;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void put_sameContentFromSeveralProcessesAtOnce_allSucceedAndLeaveOneIntactBlob() throws Exception {
        List<Process> children = new ArrayList<>();
        List<BufferedReader> outputs = new ArrayList<>();
        for (int i = 0; i < PROCESSES; i++) {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                    SharedRootWriter.class.getName(), root.toString(), Integer.toString(i))
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            children.add(p);
            outputs.add(new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)));
        }
        for (BufferedReader out : outputs) {
            assertThat(out.readLine()).isEqualTo("READY");
        }
        Files.createFile(root.resolve("go")); // all start writing at once

        Set<String> shared = new HashSet<>();
        List<BlobInfo> own = new ArrayList<>();
        for (int i = 0; i < PROCESSES; i++) {
            List<String> lines = new ArrayList<>();
            for (String line = outputs.get(i).readLine(); line != null; line = outputs.get(i).readLine()) {
                lines.add(line);
            }
            assertThat(children.get(i).waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(children.get(i).exitValue()).as("exit code; output %s", lines).isZero();
            assertThat(lines).hasSize(SharedRootWriter.ROUNDS + 1);
            for (String line : lines) {
                String[] w = line.split(" ");
                if (w[0].equals("SHARED")) {
                    shared.add(w[1] + " " + w[2]);
                } else {
                    own.add(new BlobInfo(w[1], Long.parseLong(w[2])));
                }
            }
        }

        FileArtifactStore store = new FileArtifactStore(root);
        byte[] expected = SharedRootWriter.content(42, SharedRootWriter.SHARED_SIZE);
        assertThat(shared).singleElement().isEqualTo(Sha256Of.hex(expected) + " " + expected.length);
        try (InputStream in = store.open(Sha256Of.hex(expected))) {
            assertThat(in.readAllBytes()).isEqualTo(expected); // reading verifies the hash too
        }
        for (int i = 0; i < PROCESSES; i++) {
            byte[] mine = SharedRootWriter.content(1000 + i, 100_000 + i);
            assertThat(own).contains(new BlobInfo(Sha256Of.hex(mine), mine.length));
            try (InputStream in = store.open(Sha256Of.hex(mine))) {
                assertThat(in.readAllBytes()).isEqualTo(mine);
            }
        }
        try (Stream<Path> tmp = Files.list(root.resolve("tmp"))) {
            assertThat(tmp).as("temporary files left behind").isEmpty();
        }
        try (Stream<Path> blobs = Files.walk(root.resolve("sha256"))) {
            assertThat(blobs.filter(Files::isRegularFile)).hasSize(1 + PROCESSES);
        }
    }

    /** SHA-256 computed independently of the store's own code. */
    private static final class Sha256Of {
        static String hex(byte[] bytes) throws Exception {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        }
    }
}
