package dev.mlops4j.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops4j.Mlops;
import dev.mlops4j.Run;
import dev.mlops4j.tracking.Metric;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a notebook shows for a metric history: a table of the points, cut in the middle when it is long. */
class MetricHistoryTextTest {

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
}
