package dev.mlops4j.trigger;

import dev.mlops4j.Mlops;
import dev.mlops4j.gate.Gate;
import dev.mlops4j.validation.data.Table;
import dev.mlops4j.validation.drift.DriftDetector;
import dev.mlops4j.validation.drift.DriftReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class ConditionTriggerTest {
    static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");
    static final Path WEATHER = Path.of("../mlops-examples/src/main/resources/data/seattle-weather.csv");
    static Map<String, List<Map<String, Object>>> byYear = new LinkedHashMap<>();

    @BeforeAll
    static void readWeather() throws IOException {
        List<String> lines = Files.readAllLines(WEATHER);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("temp_max", Double.parseDouble(f[2]));
            row.put("temp_min", Double.parseDouble(f[3]));
            row.put("wind", Double.parseDouble(f[4]));
            String key = f[0].substring(0, 4) + (Integer.parseInt(f[0].substring(5, 7)) <= 6 ? "H1" : "H2");
            byYear.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
        }
    }

    static Triggers engine(ManualScheduler time) {
        return Triggers.builder().scheduler(time).executor(Runnable::run).pollInterval(Duration.ofMinutes(1)).build();
    }

    @Test
    void onDrift_firesOnEachNewReportAboveTheThreshold() {
        DriftDetector detector = DriftDetector.defaults();
        DriftReport same = detector.compare(Table.ofMaps(byYear.get("2012H1")), Table.ofMaps(byYear.get("2012H1")));
        // Winter-spring against summer-autumn: temperatures differ, as a model trained on one would see in the other.
        DriftReport seasonal = detector.compare(Table.ofMaps(byYear.get("2012H1")), Table.ofMaps(byYear.get("2012H2")));
        assertThat(same.driftShare()).isZero();
        assertThat(seasonal.driftShare()).isGreaterThanOrEqualTo(0.5);

        AtomicReference<DriftReport> latest = new AtomicReference<>();
        ManualScheduler time = ManualScheduler.startingAt(T0);
        Recorder action = new Recorder();
        try (Triggers triggers = engine(time)) {
            triggers.define("drift").when(Trigger.onDrift(latest::get, 0.5)).start(action);
            time.advanceBy(Duration.ofMinutes(2));
            latest.set(same);
            time.advanceBy(Duration.ofMinutes(2));
            assertThat(action.firings()).isEmpty();
            latest.set(seasonal);
            time.advanceBy(Duration.ofMinutes(5));
            assertThat(action.firings()).hasSize(1);     // the same report polled again does not fire again
            assertThat(action.firings().get(0).reason()).contains("drift in").contains("temp_max")
                    .contains(">= 0.5");
            latest.set(detector.compare(Table.ofMaps(byYear.get("2012H1")), Table.ofMaps(byYear.get("2013H2"))));
            time.advanceBy(Duration.ofMinutes(1));
            assertThat(action.firings()).hasSize(latest.get().driftShare() >= 0.5 ? 2 : 1);
        }
    }

    @Test
    void onDriftAndOnGateFailure_afterRestart_neitherJudgeAgainWhatTheySawNorForgetWhatTheyGathered(@TempDir Path home) {
        DriftDetector detector = DriftDetector.defaults();
        DriftReport seasonal = detector.compare(Table.ofMaps(byYear.get("2012H1")), Table.ofMaps(byYear.get("2012H2")));
        Gate live = Gate.metric("accuracy").atLeast(0.8).named("live");
        ManualScheduler time = ManualScheduler.startingAt(T0);
        Recorder drift = new Recorder();
        Recorder nightly = new Recorder();
        Recorder quality = new Recorder();
        try (Mlops mlops = Mlops.open(home); Triggers triggers = stored(mlops, time)) {
            triggers.define("drift").when(Trigger.onDrift(() -> seasonal, 0.5)).start(drift);
            triggers.define("nightly-on-drift").when(Trigger.cron("0 2 * * *").and(Trigger.onDrift(() -> seasonal, 0.5)))
                    .start(nightly);
            triggers.define("quality").when(Trigger.onGateFailure(live, () -> Map.of("accuracy", 0.72))).start(quality);
            time.advanceBy(Duration.ofMinutes(30));     // the application stops before 02:00
        }
        assertThat(drift.firings()).hasSize(1);
        assertThat(quality.firings()).hasSize(1);
        assertThat(nightly.firings()).isEmpty();

        // The restarted monitor reads the same report again (another instance) and reports the same metrics.
        DriftReport reread = DriftReport.fromJson(seasonal.toJson());
        try (Mlops mlops = Mlops.open(home); Triggers triggers = stored(mlops, time)) {
            triggers.define("drift").when(Trigger.onDrift(() -> reread, 0.5)).start(drift);
            triggers.define("nightly-on-drift").when(Trigger.cron("0 2 * * *").and(Trigger.onDrift(() -> null, 0.5)))
                    .start(nightly);
            triggers.define("quality").when(Trigger.onGateFailure(live, () -> Map.of("accuracy", 0.72))).start(quality);
            time.advanceBy(Duration.ofHours(2));
        }
        assertThat(drift.firings()).hasSize(1);
        assertThat(quality.firings()).hasSize(1);
        // The drift it gathered before the stop waited for 02:00, though the restarted supplier has no report yet.
        assertThat(nightly.firings()).singleElement().satisfies(f -> assertThat(f.reason())
                .startsWith("cron '0 2 * * *' in Z at 2026-06-01T02:00Z AND drift in '").contains("temp_max"));
    }

    static Triggers stored(Mlops mlops, ManualScheduler time) {
        return Triggers.builder().scheduler(time).executor(Runnable::run).store(mlops)
                .pollInterval(Duration.ofMinutes(1)).build();
    }

    @Test
    void onGateFailure_firesWhenNewLiveMetricsFailTheGate() {
        AtomicReference<Map<String, Double>> live = new AtomicReference<>();
        ManualScheduler time = ManualScheduler.startingAt(T0);
        Recorder action = new Recorder();
        try (Triggers triggers = engine(time)) {
            triggers.define("quality").when(Trigger.onGateFailure(
                    Gate.metric("accuracy").atLeast(0.8).named("live"), live::get)).start(action);
            time.advanceBy(Duration.ofMinutes(2));
            live.set(Map.of("accuracy", 0.91));
            time.advanceBy(Duration.ofMinutes(2));
            assertThat(action.firings()).isEmpty();
            live.set(Map.of("accuracy", 0.72));
            time.advanceBy(Duration.ofMinutes(3));
            live.set(Map.of("accuracy", 0.72));     // equal values: not evaluated again
            time.advanceBy(Duration.ofMinutes(3));
            assertThat(action.firings()).hasSize(1);
            assertThat(action.firings().get(0).reason()).startsWith("gate 'live' failed on live metrics:")
                    .contains("accuracy").contains("0.72");
            live.set(Map.of("rmse", 1.0));          // accuracy missing fails too: a gate never passes silently
            time.advanceBy(Duration.ofMinutes(1));
            assertThat(action.firings()).hasSize(2);
        }
    }

    @Test
    void and_firesOnlyOnceEveryPartHappenedAndConsumesAll() {
        ManualScheduler time = ManualScheduler.startingAt(T0);
        Recorder action = new Recorder();
        DataSignal data = Trigger.signal("data");
        try (Triggers triggers = engine(time)) {
            triggers.define("nightly-with-data").when(Trigger.cron("0 2 * * *").and(data)).start(action);
            time.advanceBy(Duration.ofHours(3));                       // 02:00 passed, no data yet
            assertThat(action.firings()).isEmpty();
            time.advanceBy(Duration.ofHours(1));
            data.signal("batch-1");
            time.runDue();
            assertThat(action.firings()).hasSize(1);
            assertThat(action.firings().get(0).reason())
                    .isEqualTo("cron '0 2 * * *' in Z at 2026-06-01T02:00Z AND signal 'data': 1 arrival (batch-1)");
            data.signal("batch-2");
            time.advanceBy(Duration.ofHours(12));                      // data, but no new 02:00
            assertThat(action.firings()).hasSize(1);
            time.advanceBy(Duration.ofHours(11));                      // 02:00 next day: both happened
            assertThat(action.firings()).hasSize(2);
            assertThat(action.firings().get(1).scheduledFor()).isEqualTo(Instant.parse("2026-06-02T02:00:00Z"));
        }
    }

    @Test
    void or_firesOnWhicheverPartHappens() {
        ManualScheduler time = ManualScheduler.startingAt(T0);
        Recorder action = new Recorder();
        DataSignal urgent = Trigger.signal("urgent");
        AtomicReference<Map<String, Double>> live = new AtomicReference<>();
        try (Triggers triggers = engine(time)) {
            triggers.define("retrain").when(Trigger.anyOf(Trigger.every(Duration.ofDays(1)), urgent,
                    Trigger.onGateFailure(Gate.metric("accuracy").atLeast(0.8), live::get))).start(action);
            urgent.signal("operator");
            time.runDue();
            live.set(Map.of("accuracy", 0.5));
            time.advanceBy(Duration.ofMinutes(1));
            time.advanceBy(Duration.ofDays(1));
        }
        assertThat(action.firings()).extracting(Firing::reason).satisfiesExactly(
                r -> assertThat(r).startsWith("signal 'urgent'"),
                r -> assertThat(r).startsWith("gate 'gate' failed"),
                r -> assertThat(r).startsWith("every PT24H"));
    }
}
