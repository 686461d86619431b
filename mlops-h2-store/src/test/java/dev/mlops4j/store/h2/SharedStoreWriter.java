package dev.mlops4j.store.h2;

import dev.mlops4j.spi.MetadataStore;
import dev.mlops4j.spi.StoreConfig;
import dev.mlops4j.tracking.LogBatch;
import dev.mlops4j.tracking.Metric;
import dev.mlops4j.tracking.RunInfo;
import dev.mlops4j.tracking.RunStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Child JVM of {@link H2MultiProcessTest}: opens the same file store in AUTO_SERVER mode, logs a run to the end
 * and prints {@code DONE <experiment id> <run id>}.
 */
public final class SharedStoreWriter {
    private SharedStoreWriter() {
    }

    public static void main(String[] args) {
        int points = Integer.parseInt(args[1]);
        try (MetadataStore store = H2MetadataStore.open(new StoreConfig(null, Path.of(args[0]),
                Map.of(H2MetadataStore.AUTO_SERVER, "true")))) {
            String exp = store.getOrCreateExperiment("shared", Instant.now()).id();
            String runId = UUID.randomUUID().toString().replace("-", "");
            store.createRun(new RunInfo(runId, exp, "child", RunStatus.RUNNING, Instant.now(), null, "u", "s", null, null),
                    Map.of());
            for (int i = 0; i < points; i++) {
                store.logBatch(runId, new LogBatch(Map.of("p" + i, "v" + i), List.of(new Metric("m", i, i, Instant.now())),
                        null));
            }
            store.endRun(runId, RunStatus.FINISHED, Instant.now(), Map.of("by", "child"));
            System.out.println("DONE " + exp + " " + runId + " " + store.features());
        }
    }
}
