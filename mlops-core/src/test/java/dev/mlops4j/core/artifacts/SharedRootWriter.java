package dev.mlops4j.core.artifacts;

import dev.mlops4j.spi.BlobInfo;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Child JVM of {@link FileArtifactStoreMultiProcessTest}: waits for a start signal, then stores the same content
 * several times and one content of its own in a shared root, printing {@code SHARED <hash>} and {@code OWN <hash>}.
 */
public final class SharedRootWriter {
    static final int SHARED_SIZE = 3 << 20;
    static final int ROUNDS = 15;

    private SharedRootWriter() {
    }

    static byte[] content(long seed, int size) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        int member = Integer.parseInt(args[1]);
        byte[] shared = content(42, SHARED_SIZE);
        byte[] own = content(1000 + member, 100_000 + member);
        FileArtifactStore store = new FileArtifactStore(root);
        System.out.println("READY");
        System.out.flush();
        while (!Files.exists(root.resolve("go"))) {
            Thread.onSpinWait();
        }
        for (int i = 0; i < ROUNDS; i++) {
            BlobInfo blob = store.put(new ByteArrayInputStream(shared));
            System.out.println("SHARED " + blob.sha256() + " " + blob.size());
        }
        BlobInfo mine = store.put(new ByteArrayInputStream(own));
        System.out.println("OWN " + mine.sha256() + " " + mine.size());
        store.close();
    }
}
