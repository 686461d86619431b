package dev.mlops4j.junit;

import static dev.mlops4j.junit.GateAssertions.assertPasses;
import static dev.mlops4j.junit.GateAssertions.assertThatModel;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops4j.Mlops;
import dev.mlops4j.Run;
import dev.mlops4j.gate.Gate;
import dev.mlops4j.gate.GateResult;
import dev.mlops4j.gate.SliceKeys;
import dev.mlops4j.registry.ModelVersion;
import dev.mlops4j.registry.VersionStatus;
import dev.mlops4j.tracking.Metric;
import dev.mlops4j.tracking.RunInfo;
import dev.mlops4j.tracking.RunRecord;
import dev.mlops4j.tracking.RunStatus;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class GateAssertionsTest {
    private static final Gate RELEASE = Gate.metric("accuracy").atLeast(0.9)
            .and(Gate.metric("accuracy").perSlice("region").atLeast(0.8))
            .and(Gate.metric("macro_f1").notWorseThanChampion().by(0.01)).named("release");

    private static RunRecord run(String id, Map<String, Double> metrics) {
        Instant t = Instant.ofEpochMilli(1_700_000_000_000L);
        Map<String, Metric> latest = new LinkedHashMap<>();
        metrics.forEach((k, v) -> latest.put(k, new Metric(k, v, 0, t)));
        return new RunRecord(new RunInfo(id, "1", id, RunStatus.FINISHED, t, t, "ci", "test", null, null),
                Map.of(), latest, Map.of());
    }

    private static final RunRecord GOOD = run("good", Map.of("accuracy", 0.95, "macro_f1", 0.94,
            SliceKeys.key("region", "north", "accuracy"), 0.93, SliceKeys.key("region", "south", "accuracy"), 0.85));
    private static final RunRecord BAD_SLICE = run("badslice", Map.of("accuracy", 0.95, "macro_f1", 0.94,
            SliceKeys.key("region", "north", "accuracy"), 0.99, SliceKeys.key("region", "south", "accuracy"), 0.6));

    @Test
    void passes_goodModel_succeedsAndReportsSkippedChangeCondition() {
        assertThatModel(GOOD).passes(RELEASE).result().hasPassed().hasSkipped("macro_f1")
                .hasPassedOn(SliceKeys.key("region", "south", "accuracy"));
    }

    @Test
    void passes_modelBadInOneSlice_failsWithTable() {
        assertThatThrownBy(() -> assertThatModel(BAD_SLICE).passes(RELEASE))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expecting the model to pass its quality gate")
                .hasMessageContaining("Gate 'release' on run badslice: FAILED")
                .hasMessageContaining("region=south")
                .hasMessageContaining("0.6 is below 0.8");
    }

    @Test
    void assertPasses_againstBetterChampion_fails() {
        RunRecord champion = run("champion", Map.of("macro_f1", 0.97));

        assertThatThrownBy(() -> assertPasses(RELEASE, GOOD, champion)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("vs champion run champion");
        GateResult result = assertPasses(RELEASE, GOOD, run("weaker", Map.of("macro_f1", 0.945)));
        GateAssertions.assertThat(result).hasNoSkippedConditions().hasPassedOn("macro_f1");
    }

    @Test
    void fails_badModel_succeeds_andGoodModelFailsTheAssertion() {
        assertThatModel(BAD_SLICE).fails(RELEASE).result().hasFailed()
                .hasFailedOn(SliceKeys.key("region", "south", "accuracy"));
        assertThatThrownBy(() -> assertThatModel(GOOD).fails(RELEASE)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("but it passed");
    }

    @Test
    void resultAssertions_wrongExpectation_failWithReason() {
        GateResult result = RELEASE.evaluate(GOOD);

        assertThatThrownBy(() -> GateAssertions.assertThat(result).hasFailedOn("accuracy"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("its statuses are [PASSED]");
        assertThatThrownBy(() -> GateAssertions.assertThat(result).hasSkipped("rmse"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("no condition on it");
        assertThatThrownBy(() -> GateAssertions.assertThat(result).hasNoSkippedConditions())
                .isInstanceOf(AssertionError.class).hasMessageContaining("1 were skipped");
        assertThatThrownBy(() -> GateAssertions.assertThat(result).hasFailed())
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void assertThatModel_metricMap_missingMetricFails() {
        assertThatThrownBy(() -> assertThatModel(Map.of("macro_f1", 0.99)).passes(Gate.metric("accuracy").atLeast(0.5)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("'accuracy' is missing");
        Assertions.assertThatThrownBy(() -> assertThatModel((RunRecord) null).passes(RELEASE))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void fails_againstChampion_usesTheChampionForChangeConditions() {
        RunRecord better = run("better", Map.of("macro_f1", 0.97));
        RunRecord weaker = run("weaker", Map.of("macro_f1", 0.90));

        assertThatModel(GOOD).fails(RELEASE, better).result().hasFailedOn("macro_f1").hasNoSkippedConditions();
        assertThatThrownBy(() -> assertThatModel(GOOD).fails(RELEASE, weaker)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("but it passed").hasMessageContaining("vs champion run weaker");
        // Without a champion the change condition is skipped, so the good model passes and fails(...) must fail.
        assertThatThrownBy(() -> assertThatModel(GOOD).fails(RELEASE, (RunRecord) null))
                .isInstanceOf(AssertionError.class).hasMessageContaining("SKIPPED");
    }

    @Test
    void assertThatModel_registeredVersion_readsItsRunsMetricsInARealStore() {
        try (Mlops mlops = Mlops.inMemory()) {
            String runId;
            try (Run run = mlops.experiment("junit-versions").startRun("candidate")) {
                run.logMetric("accuracy", 0.95);
                run.logMetric("accuracy", 0.85, 1);   // the latest value counts
                runId = run.id();
            }
            Instant t = Instant.ofEpochMilli(1_700_000_000_000L);
            ModelVersion version = new ModelVersion("wine", 3, runId, "model", "tribuo", "Model", null, null,
                    VersionStatus.ACTIVE, "", Map.of(), "ci", t, t);

            assertThatModel(mlops.runs(), version).fails(Gate.metric("accuracy").atLeast(0.9)).result()
                    .hasFailedOn("accuracy");
            assertThatThrownBy(() -> assertThatModel(mlops.runs(), version).passes(Gate.metric("accuracy").atLeast(0.9)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("on models:/wine/3 (run " + runId + ")")
                    .hasMessageContaining("0.85 is below 0.9");
            assertThatModel(mlops.runs(), version).passes(Gate.metric("accuracy").atLeast(0.85));
        }
    }
}
