package dev.mlops4j.store.h2;

import static dev.mlops4j.store.h2.Fixtures.at;
import static dev.mlops4j.store.h2.Fixtures.metric;
import static dev.mlops4j.store.h2.Fixtures.metrics;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops4j.ConflictException;
import dev.mlops4j.IllegalRunStateException;
import dev.mlops4j.InvalidInputException;
import dev.mlops4j.NotFoundException;
import dev.mlops4j.StoreException;
import dev.mlops4j.spi.MetadataStore;
import dev.mlops4j.tck.ChildJvm;
import dev.mlops4j.tracking.ArtifactInfo;
import dev.mlops4j.tracking.LogBatch;
import dev.mlops4j.tracking.RunInfo;
import dev.mlops4j.tracking.RunRecord;
import dev.mlops4j.tracking.RunStatus;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad calls get typed exceptions with useful messages and leave the store unchanged. */
class H2ErrorsTest {
    @TempDir
    Path home;
    private MetadataStore store;
    private String experimentId;

    @BeforeEach
    void open() {
        store = H2MetadataStore.open(home);
        experimentId = Fixtures.experiment(store, "errors");
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void logBatch_unknownRun_throwsNotFoundNamingTheRun() {
        assertThatThrownBy(() -> store.logBatch("nosuchrun", metrics(metric("m", 1, 0))))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("nosuchrun")
                .hasMessageContaining(store.description());
    }

    @Test
    void logBatch_paramWithOtherValue_throwsConflictNamingKeyAndBothValuesAndWritesNothing() {
        RunInfo run = Fixtures.startRun(store, experimentId, "r");
        store.logBatch(run.runId(), Fixtures.params(Map.of("lr", "0.1")));

        assertThatThrownBy(() -> store.logBatch(run.runId(), new LogBatch(Map.of("lr", "0.2", "depth", "3"),
                List.of(metric("loss", 1, 0)), Map.of("t", "x"))))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("'lr'").hasMessageContaining("'0.1'").hasMessageContaining("'0.2'");

        RunRecord record = store.findRun(run.runId()).orElseThrow();
        assertThat(record.params()).containsExactly(Map.entry("lr", "0.1"));
        assertThat(record.latestMetrics()).isEmpty();
        assertThat(record.tags()).isEmpty();
        assertThat(store.countMetricHistory(run.runId(), "loss")).isZero();
    }

    @Test
    void logBatch_sameParamValueAgain_isANoOp() {
        RunInfo run = Fixtures.startRun(store, experimentId, "r");
        store.logBatch(run.runId(), Fixtures.params(Map.of("lr", "0.1")));

        store.logBatch(run.runId(), Fixtures.params(Map.of("lr", "0.1", "depth", "3")));

        assertThat(store.findRun(run.runId()).orElseThrow().params()).isEqualTo(Map.of("lr", "0.1", "depth", "3"));
    }

    @Test
    void writes_toEndedRun_throwIllegalRunStateAndWriteNothing() {
        RunInfo run = Fixtures.startRun(store, experimentId, "r");
        store.endRun(run.runId(), RunStatus.FINISHED, at(Fixtures.T0 + 10), Map.of());

        assertThatThrownBy(() -> store.logBatch(run.runId(), metrics(metric("m", 1, 0))))
                .isInstanceOf(IllegalRunStateException.class).hasMessageContaining("FINISHED");
        assertThatThrownBy(() -> store.deleteTag(run.runId(), "t")).isInstanceOf(IllegalRunStateException.class);
        assertThatThrownBy(() -> store.putArtifact(run.runId(), new ArtifactInfo("a", "0".repeat(64), 1,
                at(Fixtures.T0)))).isInstanceOf(IllegalRunStateException.class);
        assertThatThrownBy(() -> store.endRun(run.runId(), RunStatus.FAILED, at(Fixtures.T0 + 20), Map.of("x", "y")))
                .isInstanceOf(IllegalRunStateException.class);

        RunRecord record = store.findRun(run.runId()).orElseThrow();
        assertThat(record.info().status()).isEqualTo(RunStatus.FINISHED);
        assertThat(record.info().endTime()).isEqualTo(at(Fixtures.T0 + 10));
        assertThat(record.latestMetrics()).isEmpty();
        assertThat(record.tags()).isEmpty();
        assertThat(store.listArtifacts(run.runId())).isEmpty();
    }

    @Test
    void createRun_duplicateId_throwsConflictAndKeepsTheFirst() {
        RunInfo run = Fixtures.startRun(store, experimentId, "first");
        RunInfo again = new RunInfo(run.runId(), experimentId, "second", RunStatus.RUNNING, at(Fixtures.T0), null,
                "u", "s", null, null);

        assertThatThrownBy(() -> store.createRun(again, Map.of("t", "v")))
                .isInstanceOf(ConflictException.class).hasMessageContaining(run.runId());
        RunRecord record = store.findRun(run.runId()).orElseThrow();
        assertThat(record.info().runName()).isEqualTo("first");
        assertThat(record.tags()).isEmpty();
    }

    @Test
    void createRun_unknownExperimentOrParent_throwsNotFound() {
        assertThatThrownBy(() -> store.createRun(Fixtures.runInfo("424242", "r", Fixtures.T0, null, null), Map.of()))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("424242");
        assertThatThrownBy(() -> store.createRun(Fixtures.runInfo("not-a-number", "r", Fixtures.T0, null, null), Map.of()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> store.createRun(Fixtures.runInfo(experimentId, "r", Fixtures.T0, "nosuchparent", null),
                Map.of())).isInstanceOf(NotFoundException.class).hasMessageContaining("nosuchparent");
    }

    @Test
    void createRun_notRunning_throwsInvalidInput() {
        RunInfo ended = new RunInfo(Fixtures.newRunId(), experimentId, "r", RunStatus.FINISHED, at(Fixtures.T0),
                at(Fixtures.T0), "u", "s", null, null);

        assertThatThrownBy(() -> store.createRun(ended, Map.of())).isInstanceOf(InvalidInputException.class);
        assertThat(store.findRunInfo(ended.runId())).isEmpty();
    }

    @Test
    void experimentWrites_unknownExperiment_throwNotFound() {
        assertThatThrownBy(() -> store.setExperimentTag("999", "k", "v")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> store.setExperimentDescription("x", "d")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void metricHistory_unknownRun_throwsNotFound() {
        assertThatThrownBy(() -> store.metricHistory("nosuchrun", "m", null, 10)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> store.countMetricHistory("nosuchrun", "m")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void calls_afterClose_throwStoreExceptionSayingClosed() {
        store.close();

        assertThatThrownBy(() -> store.findExperimentByName("errors"))
                .isInstanceOf(StoreException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> store.getOrCreateExperiment("new", at(Fixtures.T0)))
                .isInstanceOf(StoreException.class).hasMessageContaining("closed");
    }

    @Test
    void open_fileHeldByAnotherProcess_explainsAutoServer() throws Exception {
        store.close();
        Process holder = ChildJvm.start(HoldStore.class, home.toString());
        try {
            assertThat(ChildJvm.readLine(holder)).isEqualTo("OPEN");

            assertThatThrownBy(() -> H2MetadataStore.open(home))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("already open in another process")
                    .hasMessageContaining(H2MetadataStore.AUTO_SERVER);
        } finally {
            holder.destroyForcibly().waitFor();
        }
        store = H2MetadataStore.open(home);
    }

    /** Child JVM main: opens the store and holds it until killed. */
    public static final class HoldStore {
        private HoldStore() {
        }

        public static void main(String[] args) throws Exception {
            MetadataStore store = H2MetadataStore.open(Path.of(args[0]));
            System.out.println("OPEN");
            System.out.flush();
            Thread.sleep(60_000);
            store.close();
        }
    }
}
