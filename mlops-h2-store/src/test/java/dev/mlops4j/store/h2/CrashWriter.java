package dev.mlops4j.store.h2;

import dev.mlops4j.spi.MetadataStore;
import dev.mlops4j.tracking.LogBatch;
import dev.mlops4j.tracking.Metric;
import dev.mlops4j.tracking.RunInfo;
import dev.mlops4j.tracking.RunStatus;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Child JVM of {@link H2CrashTest}: opens the store, starts a run, then logs from several threads forever,
 * printing {@code ACK <thread> <i>} after each write call returns, until the parent kills it.
 */
public final class CrashWriter {
    static final int THREADS = 4;

    private CrashWriter() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true);
        MetadataStore store = H2MetadataStore.open(Path.of(args[0]));
        String exp = store.getOrCreateExperiment("crash", Instant.now()).id();
        String runId = UUID.randomUUID().toString().replace("-", "");
        store.createRun(new RunInfo(runId, exp, "crash", RunStatus.RUNNING, Instant.now(), null, "u", "s", null, null),
                Map.of());
        out.println("RUN " + runId);
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            Thread writer = new Thread(() -> {
                for (int i = 0; ; i++) {
                    store.logBatch(runId, new LogBatch(Map.of("p" + thread + "_" + i, "v" + i),
                            List.of(new Metric("m" + thread, i, i, Instant.now())), Map.of("t" + thread, Integer.toString(i))));
                    synchronized (out) {
                        out.println("ACK " + thread + " " + i);
                    }
                }
            });
            writer.start();
        }
    }
}
