package dev.mlops4j.store.h2;

import dev.mlops4j.spi.MetadataStore;
import dev.mlops4j.tracking.LogBatch;
import dev.mlops4j.tracking.Metric;
import dev.mlops4j.tracking.RunInfo;
import dev.mlops4j.tracking.RunStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Small helpers that create runs and batches the way the engine would. */
final class Fixtures {
    static final long T0 = 1_700_000_000_000L;

    private Fixtures() {
    }

    static Instant at(long millis) {
        return Instant.ofEpochMilli(millis);
    }

    static String newRunId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    static RunInfo runInfo(String experimentId, String name, long start, String parent, String owner) {
        return new RunInfo(newRunId(), experimentId, name, RunStatus.RUNNING, at(start), null, "tester", "test",
                parent, owner);
    }

    static RunInfo startRun(MetadataStore store, String experimentId, String name) {
        RunInfo run = runInfo(experimentId, name, T0, null, null);
        store.createRun(run, Map.of());
        return run;
    }

    static String experiment(MetadataStore store, String name) {
        return store.getOrCreateExperiment(name, at(T0)).id();
    }

    static Metric metric(String key, double value, long step) {
        return new Metric(key, value, step, at(T0 + step));
    }

    static LogBatch metrics(Metric... points) {
        return new LogBatch(null, List.of(points), null);
    }

    static LogBatch params(Map<String, String> params) {
        return new LogBatch(params, null, null);
    }

    static LogBatch tags(Map<String, String> tags) {
        return new LogBatch(null, null, tags);
    }
}
