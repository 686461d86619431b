package dev.mlops4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops4j.Experiment;
import dev.mlops4j.IllegalRunStateException;
import dev.mlops4j.InvalidInputException;
import dev.mlops4j.Mlops;
import dev.mlops4j.NotFoundException;
import dev.mlops4j.Run;
import dev.mlops4j.StoreException;
import dev.mlops4j.core.artifacts.InMemoryArtifactStore;
import dev.mlops4j.core.memory.InMemoryMetadataStore;
import dev.mlops4j.tracking.ExperimentInfo;
import dev.mlops4j.tracking.Limits;
import dev.mlops4j.tracking.LogBatch;
import dev.mlops4j.tracking.Metric;
import dev.mlops4j.tracking.RunInfo;
import dev.mlops4j.tracking.RunRecord;
import dev.mlops4j.tracking.RunStatus;
import dev.mlops4j.tracking.SystemTags;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RunLifecycleTest {
    private final Mlops mlops = Mlops.inMemory();

    @AfterEach
    void close() {
        mlops.close();
    }

    @Test
    void experiment_sameNameTwice_returnsSameStoredExperiment() {
        Experiment first = mlops.experiment("churn");
        Experiment second = mlops.experiment("churn");
        mlops.experiment("alpha");

        assertThat(second.id()).isEqualTo(first.id());
        assertThat(mlops.experiments()).extracting(ExperimentInfo::name).containsExactly("alpha", "churn");
        assertThat(mlops.findExperiment("churn")).map(Experiment::id).contains(first.id());
        assertThat(mlops.findExperiment("nope")).isEmpty();
    }

    @Test
    void experiment_descriptionAndTag_areStored() {
        Experiment e = mlops.experiment("churn").description("predict churn").tag("team", "risk");

        assertThat(e.info().description()).isEqualTo("predict churn");
        assertThat(e.info().tags()).containsEntry("team", "risk");
    }

    @Test
    void experiment_blankName_throwsInvalidInput() {
        assertThatThrownBy(() -> mlops.experiment(" ")).isInstanceOf(InvalidInputException.class);
        assertThat(mlops.experiments()).isEmpty();
    }

    @Test
    void startRun_closedByTryWithResources_isFinishedWithAttributes() {
        String id;
        try (Run run = mlops.experiment("churn").startRun("baseline")) {
            id = run.id();
            assertThat(run.status()).isEqualTo(RunStatus.RUNNING);
            assertThat(run.info().endTime()).isNull();
        }
        RunRecord record = mlops.runs().get(id);

        assertThat(id).matches("[0-9a-f]{32}");
        assertThat(record.status()).isEqualTo(RunStatus.FINISHED);
        assertThat(record.info().runName()).isEqualTo("baseline");
        assertThat(record.info().endTime()).isAfterOrEqualTo(record.info().startTime());
        assertThat(record.info().user()).isEqualTo(System.getProperty("user.name"));
        assertThat(record.info().source()).isEqualTo(RunLifecycleTest.class.getName());
        assertThat(record.info().ownerId()).isNotBlank();
        assertThat(record.tags()).containsKeys(SystemTags.HOST, SystemTags.PID, SystemTags.VERSION)
                .containsEntry(SystemTags.PID, Long.toString(ProcessHandle.current().pid()));
    }

    @Test
    void newRun_withOptions_recordsUserSourceAndTags() {
        Run run = mlops.experiment("churn").newRun().name("sweep").user("ci-bot").source("nightly.sh")
                .tag("team", "risk").start();
        run.close();

        RunRecord record = mlops.runs().get(run.id());
        assertThat(record.info().user()).isEqualTo("ci-bot");
        assertThat(record.info().source()).isEqualTo("nightly.sh");
        assertThat(record.tags()).containsEntry("team", "risk");
    }

    @Test
    void builderUser_isRecordedOnRuns() {
        try (Mlops other = Mlops.builder().inMemory().user("alice").build();
             Run run = other.experiment("e").startRun()) {
            assertThat(run.info().user()).isEqualTo("alice");
        }
    }

    @Test
    void startChildRun_recordsParentAndIsListedAsChildOldestFirst() {
        MutableClock clock = new MutableClock(Instant.parse("2024-01-01T00:00:00Z"));
        try (Mlops mlops = Mlops.builder().inMemory().clock(clock).build();
             Run parent = mlops.experiment("sweep").startRun("parent")) {
            clock.advance(Duration.ofMillis(1));
            Run first = parent.startChildRun("lr=0.1");
            first.close();
            clock.advance(Duration.ofMillis(1));
            String second = parent.childRun("lr=0.01", child -> child.logParam("lr", 0.01));
            clock.advance(Duration.ofMillis(1));
            Run third = mlops.experiment("sweep").newRun().name("lr=1").parent(parent).start();
            third.close();

            assertThat(first.info().parentRunId()).isEqualTo(parent.id());
            assertThat(mlops.runs().children(parent.id())).extracting(RunInfo::runId)
                    .containsExactly(first.id(), second, third.id());
            assertThat(mlops.runs().get(second).param("lr")).contains("0.01");
        }
    }

    @Test
    void newRun_unknownParent_throwsNotFound() {
        assertThatThrownBy(() -> mlops.experiment("e").newRun().parent("0".repeat(32)).start())
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void run_bodyReturns_runIsFinished() {
        String id = mlops.experiment("e").run("ok", run -> run.logMetric("m", 1));

        assertThat(mlops.runs().get(id).status()).isEqualTo(RunStatus.FINISHED);
        assertThat(mlops.runs().get(id).metric("m")).hasValue(1.0);
    }

    @Test
    void call_bodyReturnsValue_returnsItAndFinishesRun() {
        AtomicReference<String> runId = new AtomicReference<>();
        int result = mlops.experiment("e").call("answer", run -> {
            runId.set(run.id());
            return 42;
        });

        assertThat(result).isEqualTo(42);
        assertThat(mlops.runs().get(runId.get()).status()).isEqualTo(RunStatus.FINISHED);
    }

    @Test
    void run_bodyThrowsCheckedException_marksFailedWithErrorTagsAndRethrowsSameException() {
        IOException thrown = new IOException("disk full");
        AtomicReference<String> runId = new AtomicReference<>();

        assertThatThrownBy(() -> mlops.experiment("e").run("io", run -> {
            runId.set(run.id());
            throw thrown;
        })).isSameAs(thrown);

        RunRecord record = mlops.runs().get(runId.get());
        assertThat(record.status()).isEqualTo(RunStatus.FAILED);
        assertThat(record.tags()).containsEntry(SystemTags.ERROR_CLASS, IOException.class.getName())
                .containsEntry(SystemTags.ERROR_MESSAGE, "disk full");
        assertThat(record.info().endTime()).isNotNull();
    }

    @Test
    void childRun_bodyThrows_marksChildFailedAndParentStaysRunning() {
        try (Run parent = mlops.experiment("e").startRun("p")) {
            assertThatThrownBy(() -> parent.childRun("c", c -> {
                throw new IllegalStateException("boom");
            })).isInstanceOf(IllegalStateException.class).hasMessage("boom");

            RunInfo child = mlops.runs().children(parent.id()).get(0);
            assertThat(child.status()).isEqualTo(RunStatus.FAILED);
            assertThat(parent.status()).isEqualTo(RunStatus.RUNNING);
        }
    }

    @Test
    void fail_messageLongerThanTagLimit_isTruncatedToLimit() {
        Run run = mlops.experiment("e").startRun();
        run.fail(new RuntimeException("x".repeat(Limits.MAX_TAG_VALUE_LENGTH + 500)));

        String message = mlops.runs().get(run.id()).tag(SystemTags.ERROR_MESSAGE).orElseThrow();
        assertThat(message).hasSize(Limits.MAX_TAG_VALUE_LENGTH).endsWith("...");
    }

    @Test
    void fail_exceptionWithoutMessage_recordsEmptyMessage() {
        Run run = mlops.experiment("e").startRun();
        run.fail(new NullPointerException());

        assertThat(mlops.runs().get(run.id()).tags()).containsEntry(SystemTags.ERROR_MESSAGE, "")
                .containsEntry(SystemTags.ERROR_CLASS, NullPointerException.class.getName());
    }

    @Test
    void end_withKilled_recordsStatus() {
        Run run = mlops.experiment("e").startRun();
        run.end(RunStatus.KILLED);

        assertThat(run.status()).isEqualTo(RunStatus.KILLED);
    }

    @Test
    void end_withRunning_throwsInvalidInput() {
        Run run = mlops.experiment("e").startRun();

        assertThatThrownBy(() -> run.end(RunStatus.RUNNING)).isInstanceOf(InvalidInputException.class);
        assertThat(run.status()).isEqualTo(RunStatus.RUNNING);
    }

    @Test
    void endWithBatch_runningRun_logsTheBatchAndEnds() {
        Run run = mlops.experiment("e").startRun();

        run.end(RunStatus.FINISHED, new LogBatch(Map.of("p", "1"), List.of(new Metric("steps", 3, 0,
                Instant.EPOCH)), Map.of("t", "x")));

        RunRecord record = mlops.runs().get(run.id());
        assertThat(record.info().status()).isEqualTo(RunStatus.FINISHED);
        assertThat(record.params()).containsEntry("p", "1");
        assertThat(record.latestMetrics().get("steps").value()).isEqualTo(3.0);
        assertThat(record.tags()).containsEntry("t", "x");
        assertThatThrownBy(() -> run.logMetric("m", 1)).isInstanceOf(IllegalRunStateException.class);
    }

    @Test
    void endWithBatch_invalidTagOrRunningStatus_throwsAndChangesNothing() {
        Run run = mlops.experiment("e").startRun();
        LogBatch systemTag = new LogBatch(null, List.of(new Metric("m", 1, 0, Instant.EPOCH)),
                Map.of(SystemTags.HOST, "forged"));
        LogBatch metric = new LogBatch(null, List.of(new Metric("m", 1, 0, Instant.EPOCH)), null);

        assertThatThrownBy(() -> run.end(RunStatus.FINISHED, systemTag)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> run.end(RunStatus.RUNNING, metric)).isInstanceOf(InvalidInputException.class);

        RunRecord record = mlops.runs().get(run.id());
        assertThat(record.info().status()).isEqualTo(RunStatus.RUNNING);
        assertThat(record.latestMetrics()).isEmpty();
    }

    @Test
    void endWithBatch_endedRun_throwsIllegalRunStateAndLogsNothing() {
        Run run = mlops.experiment("e").startRun();
        run.end(RunStatus.KILLED);

        assertThatThrownBy(() -> run.end(RunStatus.FINISHED, new LogBatch(null, List.of(new Metric("m", 1, 0,
                Instant.EPOCH)), null))).isInstanceOf(IllegalRunStateException.class);
        assertThat(mlops.runs().get(run.id()).latestMetrics()).isEmpty();
        assertThat(run.status()).isEqualTo(RunStatus.KILLED);
    }

    @Test
    void finish_twice_throwsIllegalRunStateAndKeepsFirstEnd() {
        Run run = mlops.experiment("e").startRun();
        run.finish();

        assertThatThrownBy(run::finish).isInstanceOf(IllegalRunStateException.class).hasMessageContaining(run.id());
        assertThatThrownBy(() -> run.fail(new RuntimeException())).isInstanceOf(IllegalRunStateException.class);
        assertThat(run.status()).isEqualTo(RunStatus.FINISHED);
    }

    @Test
    void close_afterFail_keepsFailed() {
        Run run = mlops.experiment("e").startRun();
        run.fail(new RuntimeException("x"));
        run.close();

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
    }

    @Test
    void close_runEndedElsewhere_doesNothingAndLaterWritesThrowIllegalRunState() {
        InMemoryMetadataStore store = new InMemoryMetadataStore();
        try (Mlops local = Mlops.builder().metadataStore(store).artifactStore(new InMemoryArtifactStore()).build()) {
            Run run = local.experiment("e").startRun();
            // As another process does when it finds the run orphaned.
            store.endRun(run.id(), RunStatus.KILLED, Instant.now(), Map.of(SystemTags.KILLED_REASON, "test"));

            run.close();
            assertThatThrownBy(() -> run.logMetric("m", 1)).isInstanceOf(IllegalRunStateException.class);
            assertThatThrownBy(() -> run.setTag("t", "v")).isInstanceOf(IllegalRunStateException.class)
                    .hasMessageContaining("KILLED");
            assertThat(run.status()).isEqualTo(RunStatus.KILLED);
        } finally {
            store.close();
        }
    }

    @Test
    void record_endedRun_isServedConsistently() {
        Run run = mlops.experiment("e").startRun();
        run.logParam("p", "1");
        run.close();

        assertThat(run.record()).isEqualTo(mlops.runs().get(run.id()));
        assertThat(run.record().param("p")).contains("1");
    }

    @Test
    void runsGet_unknownRun_throwsNotFound() {
        assertThatThrownBy(() -> mlops.runs().get("f".repeat(32))).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("f".repeat(32));
        assertThat(mlops.runs().find("f".repeat(32))).isEmpty();
    }

    @Test
    void runsQueries_unknownRun_throwNotFound() {
        String unknown = "a".repeat(32);
        assertThatThrownBy(() -> mlops.runs().children(unknown)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> mlops.runs().artifacts(unknown)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> mlops.runs().metricHistory(unknown, "m")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void close_withRunningRun_marksItKilledWithReasonAndKeepsEndedRuns() {
        InMemoryMetadataStore store = new InMemoryMetadataStore();
        Mlops local = Mlops.builder().metadataStore(store).artifactStore(new InMemoryArtifactStore()).build();
        Run running = local.experiment("e").startRun();
        Run done = local.experiment("e").startRun();
        done.close();

        local.close();

        RunRecord killed = store.findRun(running.id()).orElseThrow();
        assertThat(killed.status()).isEqualTo(RunStatus.KILLED);
        assertThat(killed.tags()).containsEntry(SystemTags.KILLED_REASON,
                "the Mlops instance that owned the run was closed while it was RUNNING");
        assertThat(store.findRun(done.id()).orElseThrow().status()).isEqualTo(RunStatus.FINISHED);
        assertThat(store.listOwners()).isEmpty();
        // The store was given to the builder, so it is the caller's to close and still usable.
        assertThat(store.listExperiments()).hasSize(1);
        store.close();
    }

    @Test
    void mlops_afterClose_throwsStoreExceptionAndCloseIsIdempotent() {
        Mlops local = Mlops.inMemory();
        Run run = local.experiment("e").startRun();
        local.close();
        local.close();

        assertThatThrownBy(() -> local.experiment("e")).isInstanceOf(StoreException.class)
                .hasMessageContaining("closed");
        assertThatThrownBy(local::runs).isInstanceOf(StoreException.class);
        assertThatThrownBy(() -> run.logMetric("m", 1)).isInstanceOf(StoreException.class);
        run.close();
    }

    @Test
    void home_inMemory_isEmpty() {
        assertThat(mlops.home()).isEmpty();
        assertThat(mlops.describeStore()).contains("in-memory");
    }

    @Test
    void startRun_clockFromBuilder_isUsedForTimes() {
        Instant t0 = Instant.parse("2024-01-02T03:04:05.678Z");
        try (Mlops local = Mlops.builder().inMemory().clock(new MutableClock(t0)).build()) {
            Run run = local.experiment("e").startRun();
            run.logMetric("m", 1.0);
            run.close();

            RunRecord record = local.runs().get(run.id());
            assertThat(record.info().startTime()).isEqualTo(t0);
            assertThat(record.info().endTime()).isEqualTo(t0);
            assertThat(record.latestMetrics().get("m").timestamp()).isEqualTo(t0);
        }
    }
}
