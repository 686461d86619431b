package dev.mlops4j.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops4j.Mlops;
import dev.mlops4j.Run;
import dev.mlops4j.tracking.Metric;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a notebook shows for the lists the tracking API returns: a metric history as a table of its points (cut in the
 * middle when it is long), experiments and child runs one a line under a count.
 */
class TrackingListsTextTest {

    @Test
    void all_toString_shortHistoryIsATableOfEveryPoint() {
        try (Mlops mlops = Mlops.inMemory(); Run run = mlops.experiment("e").startRun("r")) {
            run.logMetric("loss", 0.5, 0).logMetric("loss", 0.25, 1);

            List<String> lines = mlops.runs().metricHistory(run.id(), "loss").all().toString().lines().toList();

            assertThat(lines).hasSize(5);
            assertThat(lines.get(0)).isEqualTo("2 points:");
            assertThat(lines.get(1)).matches("key +step +value +timestamp");
            assertThat(lines.get(3)).matches("loss +0 +0\\.5 +\\d{4}-.*Z");
            assertThat(lines.get(4)).matches("loss +1 +0\\.25 +\\d{4}-.*Z");
        }
    }

    @Test
    void all_toString_longHistoryShowsTheFirstAndLastTenPoints() {
        try (Mlops mlops = Mlops.inMemory(); Run run = mlops.experiment("e").startRun("r")) {
            for (int step = 0; step < 100; step++) {
                run.logMetric("loss", 1.0 / (step + 1), step);
            }

            List<Metric> all = mlops.runs().metricHistory(run.id(), "loss").all();
            List<String> lines = all.toString().lines().toList();

            assertThat(all).hasSize(100);
            assertThat(lines).hasSize(1 + 2 + 10 + 1 + 10);
            assertThat(lines.get(0)).isEqualTo("100 points:");
            assertThat(lines.get(12)).matches("loss +9 +0\\.1 +.*");
            assertThat(lines.get(13)).matches("\\.\\.\\. +\\(80 more\\)");
            assertThat(lines.get(14)).matches("loss +90 +.*");
            assertThat(mlops.runs().metricHistory(run.id(), "loss").downsample(8).toString()).startsWith("8 points:");
        }
    }

    @Test
    void experimentsAndChildren_toString_oneLineEachUnderACount() {
        try (Mlops mlops = Mlops.inMemory()) {
            String parent = mlops.experiment("sweep").run("parent", run -> {
                run.childRun("a", child -> child.logMetric("m", 1));
                run.childRun("b", child -> child.logMetric("m", 2));
            });
            mlops.experiment("other");

            List<String> experiments = mlops.experiments().toString().lines().toList();
            List<String> children = mlops.runs().children(parent).toString().lines().toList();

            assertThat(experiments).hasSize(3);
            assertThat(experiments.get(0)).isEqualTo("2 experiments:");
            assertThat(experiments.subList(1, 3)).anySatisfy(l -> assertThat(l).startsWith("  Experiment ")
                    .contains(" 'sweep', created "));
            assertThat(children).hasSize(3);
            assertThat(children.get(0)).isEqualTo("2 child runs:");
            assertThat(children.subList(1, 3))
                    .allSatisfy(l -> assertThat(l).matches("  Run [0-9a-f]{32} '[ab]' FINISHED .*, parent " + parent));
            assertThat(mlops.runs().children(mlops.runs().children(parent).get(0).runId()).toString())
                    .isEqualTo("(no child runs)\n");
        }
    }
}
