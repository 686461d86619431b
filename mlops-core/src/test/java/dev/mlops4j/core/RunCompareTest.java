package dev.mlops4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.Mlops;
import dev.mlops4j.NotFoundException;
import dev.mlops4j.Run;
import dev.mlops4j.StoreException;
import dev.mlops4j.tracking.RunComparison;
import dev.mlops4j.tracking.RunRecord;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RunCompareTest {
    private final Mlops mlops = Mlops.inMemory();

    @AfterEach
    void close() {
        mlops.close();
    }

    private String logRun(String name, String lr, double... losses) {
        try (Run run = mlops.experiment("sweep").startRun(name)) {
            run.logParam("lr", lr).logParam("model", "sgd");
            for (int step = 0; step < losses.length; step++) {
                run.logMetric("loss", losses[step], step);
            }
            return run.id();
        }
    }

    @Test
    void compare_storedRuns_diffsParamsAndLatestMetricsInGivenOrder() {
        String a = logRun("slow", "0.01", 1.0, 0.8, 0.6);
        String b = logRun("fast", "0.1", 1.0, 0.4, 0.3);

        RunComparison c = mlops.runs().compare(b, a);

        assertThat(c.runs()).extracting(RunRecord::runId).containsExactly(b, a);
        assertThat(c.baseline().info().runName()).isEqualTo("fast");
        assertThat(c.params()).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo("lr");
            assertThat(p.values()).containsExactly("0.1", "0.01");
        });
        RunComparison.MetricDiff loss = c.metric("loss").orElseThrow();
        assertThat(loss.value(1)).hasValue(0.6);
        assertThat(loss.values().get(1).step()).isEqualTo(2);
        assertThat(loss.delta(1).getAsDouble()).isEqualTo(0.6 - 0.3);
        assertThat(c.toString()).contains("fast (" + b.substring(0, 8) + ")").contains("0.6 (+0.3, +100%)");
    }

    @Test
    void compare_listOverload_equalsVarargs() {
        String a = logRun("a", "1", 1);
        String b = logRun("b", "2", 2);

        assertThat(mlops.runs().compare(List.of(a, b))).isEqualTo(mlops.runs().compare(a, b));
    }

    @Test
    void compare_runningRun_seesCurrentValues() {
        String done = logRun("done", "0.1", 0.5);
        try (Run live = mlops.experiment("sweep").startRun("live")) {
            live.logParam("lr", "0.1").logMetric("loss", 0.7, 0);
            assertThat(mlops.runs().compare(done, live.id()).metric("loss").orElseThrow().value(1)).hasValue(0.7);
            live.logMetric("loss", 0.2, 1);
            assertThat(mlops.runs().compare(done, live.id()).metric("loss").orElseThrow().value(1)).hasValue(0.2);
        }
    }

    @Test
    void compare_unknownRun_throwsNotFoundNamingIt() {
        String a = logRun("a", "1", 1);

        assertThatThrownBy(() -> mlops.runs().compare(a, "0".repeat(32)))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("0".repeat(32));
    }

    @Test
    void compare_noIds_throwsInvalidInput() {
        assertThatThrownBy(() -> mlops.runs().compare())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("at least one run id");
    }

    @Test
    void compare_repeatedId_throwsInvalidInputBeforeReading() {
        String a = logRun("a", "1", 1);

        assertThatThrownBy(() -> mlops.runs().compare(a, "f".repeat(32), a))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining(a).hasMessageContaining("twice");
    }

    @Test
    void compare_closedInstance_throwsStoreException() {
        String a = logRun("a", "1", 1);
        mlops.close();

        assertThatThrownBy(() -> mlops.runs().compare(a)).isInstanceOf(StoreException.class);
    }

    @Test
    void searchList_printsAsTable() {
        String a = logRun("first", "1", 0.5);
        logRun("second", "2", 0.25);

        List<RunRecord> runs = mlops.runs().search("sweep").orderBy("metrics.loss DESC").list();

        assertThat(runs.toString()).startsWith("2 runs:\nrun_id ").contains("loss").contains(a + "  first ");
        assertThat(runs.toString().lines()).hasSize(5);
        assertThat(runs).isEqualTo(List.copyOf(runs));
        assertThatThrownBy(() -> runs.add(runs.get(0))).isInstanceOf(UnsupportedOperationException.class);
    }
}
