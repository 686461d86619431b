package dev.mlops4j.core.internal.search;

import dev.mlops4j.tracking.Metric;
import dev.mlops4j.tracking.RunInfo;
import dev.mlops4j.tracking.RunRecord;
import dev.mlops4j.tracking.RunStatus;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Builds hand-made {@link RunRecord}s for the evaluator tests. */
final class RunFixture {
    private final String runId;
    private String experimentId = "1";
    private String runName = "";
    private RunStatus status = RunStatus.FINISHED;
    private long startMillis = 1_000;
    private Long endMillis = 2_000L;
    private String user = "alice";
    private String parentRunId;
    private final Map<String, String> params = new HashMap<>();
    private final Map<String, Metric> metrics = new HashMap<>();
    private final Map<String, String> tags = new HashMap<>();

    private RunFixture(String runId) {
        this.runId = runId;
    }

    static RunFixture run(String runId) {
        return new RunFixture(runId);
    }

    RunFixture experiment(String id) {
        experimentId = id;
        return this;
    }

    RunFixture name(String name) {
        runName = name;
        return this;
    }

    RunFixture user(String name) {
        user = name;
        return this;
    }

    /** A RUNNING run has no end time. */
    RunFixture running() {
        status = RunStatus.RUNNING;
        endMillis = null;
        return this;
    }

    RunFixture status(RunStatus s) {
        status = s;
        return this;
    }

    RunFixture start(long millis) {
        startMillis = millis;
        return this;
    }

    RunFixture end(long millis) {
        endMillis = millis;
        return this;
    }

    RunFixture parent(String id) {
        parentRunId = id;
        return this;
    }

    RunFixture param(String key, String value) {
        params.put(key, value);
        return this;
    }

    RunFixture metric(String key, double value) {
        metrics.put(key, new Metric(key, value, 0, Instant.ofEpochMilli(startMillis)));
        return this;
    }

    RunFixture tag(String key, String value) {
        tags.put(key, value);
        return this;
    }

    RunRecord build() {
        RunInfo info = new RunInfo(runId, experimentId, runName, status, Instant.ofEpochMilli(startMillis),
                endMillis == null ? null : Instant.ofEpochMilli(endMillis), user, "test", parentRunId, null);
        return new RunRecord(info, params, metrics, tags);
    }
}
