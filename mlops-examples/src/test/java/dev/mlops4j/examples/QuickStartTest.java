package dev.mlops4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops4j.Mlops;
import dev.mlops4j.tracking.RunRecord;
import dev.mlops4j.tracking.RunStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the README's demo against a temporary home so it never rots. */
class QuickStartTest {
    @TempDir
    Path home;

    @AfterEach
    void clearHome() {
        System.clearProperty("mlops.home");
    }

    @Test
    void main_onFreshHome_tracksSweepAndReportsBestRun() throws Exception {
        System.setProperty("mlops.home", home.toString());
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            QuickStart.main(new String[0]);
        } finally {
            System.setOut(original);
        }
        String output = captured.toString(StandardCharsets.UTF_8);
        assertThat(output).contains("Best: ").contains(home.toString());
        Path report = home.resolve("reports/wine-quickstart.html");
        assertThat(output).contains(report.toUri().toString());
        assertThat(report).exists();
        assertThat(Files.readString(report, StandardCharsets.UTF_8)).contains("aria-label=\"fold_accuracy\"")
                .contains("standardized");

        try (Mlops mlops = Mlops.open(home)) {
            List<RunRecord> runs = mlops.runs().search("wine-quickstart").list();
            assertThat(runs).hasSize(5).allMatch(r -> r.status() == RunStatus.FINISHED);
            RunRecord sweep = runs.stream().filter(r -> r.info().parentRunId() == null).findFirst().orElseThrow();
            List<RunRecord> children = mlops.runs().search("wine-quickstart")
                    .filter("attributes.parent_run_id = '" + sweep.runId() + "'")
                    .orderBy("metrics.accuracy DESC").list();
            assertThat(children).hasSize(4);
            // Standardising the 13 wine features (on very different scales) is what makes the centroids work.
            assertThat(children.get(0).param("standardize")).contains("true");
            assertThat(children.get(0).metric("accuracy").orElseThrow()).isGreaterThan(0.9);
            assertThat(mlops.runs().metricHistory(children.get(0).runId(), "fold_accuracy").all()).hasSize(5);
            String confusion = new String(mlops.runs().readArtifact(children.get(0).runId(), "confusion_matrix.csv"),
                    StandardCharsets.UTF_8);
            assertThat(confusion.lines()).hasSize(4);
        }
    }
}
