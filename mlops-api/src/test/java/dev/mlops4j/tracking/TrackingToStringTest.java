package dev.mlops4j.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What JShell shows for the values a notebook user inspects: readable lines and tables, not record dumps. */
class TrackingToStringTest {
    private static final Instant T = Instant.parse("2024-01-01T00:00:00Z");
    private static final String ID = "0123456789abcdef0123456789abcdef";

    private static RunInfo info(RunStatus status, Instant end) {
        return new RunInfo(ID, "1", "baseline", status, T, end, "ana", "Main", null, null);
    }

    @Test
    void runInfo_ended_showsStatusExperimentAndDuration() {
        assertThat(info(RunStatus.FINISHED, T.plusMillis(12_500)).toString())
                .isEqualTo("Run " + ID + " 'baseline' FINISHED (experiment 1), started 2024-01-01T00:00:00Z, took 12.5 s");
    }

    @Test
    void runInfo_nestedAndRunning_showsParentWithoutDuration() {
        RunInfo child = new RunInfo(ID, "1", "child", RunStatus.RUNNING, T, null, "", "", "f".repeat(32), null);

        assertThat(child.toString()).doesNotContain("took").endsWith("parent " + "f".repeat(32));
    }

    @Test
    void runRecord_listsParamsMetricsAndTagsAligned_stepsInAColumnOfTheirOwn() {
        RunRecord r = new RunRecord(info(RunStatus.FINISHED, T.plusSeconds(1)), Map.of("lr", "0.01", "max_depth", "6"),
                Map.of("accuracy", new Metric("accuracy", 0.913333333, 9, T), "loss", new Metric("loss", 0.5, 12, T)),
                Map.of("team", "fraud"));

        assertThat(r.toString()).isEqualTo("Run " + ID + " 'baseline' FINISHED (experiment 1), started"
                + " 2024-01-01T00:00:00Z, took 1.0 s\n"
                + "  params:\n"
                + "    lr         0.01\n"
                + "    max_depth  6\n"
                + "  metrics:\n"
                + "    accuracy  0.913333  (step 9)\n"
                + "    loss      0.5       (step 12)\n"
                + "  tags:\n"
                + "    team  fraud\n");
    }

    @Test
    void runPage_isATableWithFullRunIdsAndMetricColumns() {
        RunRecord r = new RunRecord(info(RunStatus.FINISHED, T), Map.of(),
                Map.of("accuracy", new Metric("accuracy", 0.9, 0, T)), Map.of());

        assertThat(new RunPage(List.of(r), "tok").toString()).isEqualTo("""
                1 run:
                run_id                            name      status    start_time            accuracy
                --------------------------------  --------  --------  --------------------  --------
                0123456789abcdef0123456789abcdef  baseline  FINISHED  2024-01-01T00:00:00Z  0.9
                (more: next page token tok)
                """);
        assertThat(new RunPage(List.of(), null).toString()).isEqualTo("(no runs)\n");
    }

    @Test
    void metric_andMetricPage_readAsValuesAtSteps() {
        Metric m = new Metric("loss", 0.25, 3, T);

        assertThat(m.toString()).isEqualTo("loss=0.25 @ step 3 (2024-01-01T00:00:00Z)");
        assertThat(new MetricPage(List.of(m, new Metric("loss", Double.NaN, 4, T)), null).toString()).isEqualTo("""
                key   step  value  timestamp
                ----  ----  -----  --------------------
                loss  3     0.25   2024-01-01T00:00:00Z
                loss  4     NaN    2024-01-01T00:00:00Z
                """);
    }

    @Test
    void experimentAndArtifact_areOneLiners() {
        ExperimentInfo e = new ExperimentInfo("2", "churn", "weekly retrain", Map.of(), T);
        ArtifactInfo a = new ArtifactInfo("model/weights.bin", "ab".repeat(32), 1536, T);

        assertThat(e.toString()).isEqualTo("Experiment 2 'churn', created 2024-01-01T00:00:00Z: weekly retrain");
        assertThat(a.toString()).isEqualTo("model/weights.bin (1.5 KiB, sha256 abababababab, logged 2024-01-01T00:00:00Z)");
    }
}
