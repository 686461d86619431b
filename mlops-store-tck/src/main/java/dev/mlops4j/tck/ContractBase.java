package dev.mlops4j.tck;

import dev.mlops4j.spi.MetadataStore;
import dev.mlops4j.spi.StoreFeature;
import dev.mlops4j.tracking.ArtifactInfo;
import dev.mlops4j.tracking.ExperimentInfo;
import dev.mlops4j.tracking.LogBatch;
import dev.mlops4j.tracking.Metric;
import dev.mlops4j.tracking.RunInfo;
import dev.mlops4j.tracking.RunStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

/**
 * What every group of tests shares: access to the store of the current test and small helpers that create
 * experiments, runs and batches the way the engine would (checked ids, millisecond times).
 */
abstract class ContractBase {
    /** A fixed instant, so stored times are predictable: 2023-11-14T22:13:20Z. */
    static final long T0 = 1_700_000_000_000L;

    private final MetadataStoreTck tck;

    ContractBase(MetadataStoreTck tck) {
        this.tck = tck;
    }

    final MetadataStore store() {
        return tck.store();
    }

    final MetadataStore reopenStore() {
        return tck.reopenStore();
    }

    final void requireFeature(StoreFeature feature) {
        tck.requireFeature(feature);
    }

    static Instant at(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis);
    }

    /** @return a new run id as the engine makes them: 32 lowercase hex characters */
    static String newRunId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    final ExperimentInfo experiment(String name) {
        return store().getOrCreateExperiment(name, at(T0));
    }

    /** Creates a RUNNING top-level run without tags. */
    final RunInfo startRun(String experimentId, String runName) {
        return startRun(runInfo(experimentId, runName, T0, null, null), Map.of());
    }

    final RunInfo startRun(RunInfo info, Map<String, String> tags) {
        store().createRun(info, tags);
        return info;
    }

    static RunInfo runInfo(String experimentId, String runName, long startMillis, String parentRunId, String ownerId) {
        return new RunInfo(newRunId(), experimentId, runName, RunStatus.RUNNING, at(startMillis), null, "tck-user",
                "dev.mlops4j.tck", parentRunId, ownerId);
    }

    /** Creates an experiment named "tck" and a RUNNING run in it. */
    final RunInfo aRun() {
        return startRun(experiment("tck").id(), "a run");
    }

    static Metric metric(String key, double value, long step, long timestampMillis) {
        return new Metric(key, value, step, at(timestampMillis));
    }

    static LogBatch params(Map<String, String> params) {
        return new LogBatch(params, null, null);
    }

    static LogBatch tags(Map<String, String> tags) {
        return new LogBatch(null, null, tags);
    }

    static LogBatch metrics(Metric... points) {
        return new LogBatch(null, java.util.List.of(points), null);
    }

    static String sha256(String content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** An artifact record for the given content, logged at {@code T0 + offset}. */
    static ArtifactInfo artifact(String path, String content, long offsetMillis) {
        return new ArtifactInfo(path, sha256(content), content.getBytes(StandardCharsets.UTF_8).length,
                at(T0 + offsetMillis));
    }
}
