package dev.mlops4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops4j.ConflictException;
import dev.mlops4j.IllegalRunStateException;
import dev.mlops4j.InvalidInputException;
import dev.mlops4j.NotFoundException;
import dev.mlops4j.tracking.LogBatch;
import dev.mlops4j.tracking.RunInfo;
import dev.mlops4j.tracking.RunRecord;
import dev.mlops4j.tracking.RunStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Runs: create, find, nesting, ending, and the typed failures around them. */
abstract class RunsContract extends ContractBase {

    RunsContract(MetadataStoreTck tck) {
        super(tck);
    }

    @Test
    void createRun_allAttributesAndTags_roundTrip() {
        String exp = experiment("churn").id();
        store().registerOwner(new dev.mlops4j.spi.OwnerInfo("owner-1", "host", 1, at(T0), at(T0)));
        RunInfo info = new RunInfo(newRunId(), exp, "baseline — ü 🎯", RunStatus.RUNNING, at(T0 + 123), null, "ana",
                "com.example.Train", null, "owner-1");
        Map<String, String> tags = Map.of("mlops.host", "box", "team", "risk");

        store().createRun(info, tags);

        assertThat(store().findRunInfo(info.runId())).contains(info);
        RunRecord record = store().findRun(info.runId()).orElseThrow();
        assertThat(record.info()).isEqualTo(info);
        assertThat(record.tags()).isEqualTo(tags);
        assertThat(record.params()).isEmpty();
        assertThat(record.latestMetrics()).isEmpty();
    }

    @Test
    void createRun_emptyNameUserAndSource_roundTrip() {
        String exp = experiment("churn").id();
        RunInfo info = new RunInfo(newRunId(), exp, "", RunStatus.RUNNING, at(T0), null, "", "", null, null);

        store().createRun(info, Map.of());

        assertThat(store().findRunInfo(info.runId())).contains(info);
    }

    @Test
    void findRun_unknownId_returnsEmpty() {
        aRun();

        assertThat(store().findRunInfo(newRunId())).isEmpty();
        assertThat(store().findRun(newRunId())).isEmpty();
    }

    @Test
    void createRun_unknownExperiment_throwsNotFoundAndWritesNothing() {
        experiment("churn");
        RunInfo info = runInfo("987654321", "orphan", T0, null, null);

        assertThatThrownBy(() -> store().createRun(info, Map.of("k", "v"))).isInstanceOf(NotFoundException.class);
        assertThat(store().findRun(info.runId())).isEmpty();
    }

    @Test
    void createRun_unknownParent_throwsNotFoundAndWritesNothing() {
        String exp = experiment("churn").id();
        RunInfo info = runInfo(exp, "child", T0, newRunId(), null);

        assertThatThrownBy(() -> store().createRun(info, Map.of())).isInstanceOf(NotFoundException.class);
        assertThat(store().findRun(info.runId())).isEmpty();
    }

    @Test
    void createRun_existingId_throwsConflictAndKeepsTheOriginal() {
        RunInfo original = aRun();
        RunInfo duplicate = new RunInfo(original.runId(), original.experimentId(), "impostor", RunStatus.RUNNING,
                at(T0 + 1), null, "mallory", "", null, null);

        assertThatThrownBy(() -> store().createRun(duplicate, Map.of("k", "v"))).isInstanceOf(ConflictException.class);
        RunRecord stored = store().findRun(original.runId()).orElseThrow();
        assertThat(stored.info()).isEqualTo(original);
        assertThat(stored.tags()).isEmpty();
    }

    @Test
    void childRuns_nestedRuns_listsDirectChildrenOldestFirst() {
        String exp = experiment("churn").id();
        RunInfo parent = startRun(exp, "parent");
        RunInfo second = startRun(runInfo(exp, "second", T0 + 2_000, parent.runId(), null), Map.of());
        RunInfo first = startRun(runInfo(exp, "first", T0 + 1_000, parent.runId(), null), Map.of());
        RunInfo third = startRun(runInfo(exp, "third", T0 + 3_000, parent.runId(), null), Map.of());
        RunInfo grandchild = startRun(runInfo(exp, "grandchild", T0 + 500, first.runId(), null), Map.of());

        assertThat(store().childRuns(parent.runId())).containsExactly(first, second, third);
        assertThat(store().childRuns(first.runId())).containsExactly(grandchild);
        assertThat(store().childRuns(third.runId())).isEmpty();
        assertThat(store().findRunInfo(second.runId()).orElseThrow().parentRunId()).isEqualTo(parent.runId());
    }

    @ParameterizedTest
    @EnumSource(value = RunStatus.class, names = {"FINISHED", "FAILED", "KILLED"})
    void endRun_runningRun_setsStatusEndTimeAndTags(RunStatus status) {
        RunInfo run = startRun(runInfo(experiment("churn").id(), "r", T0, null, null), Map.of("keep", "me"));

        RunInfo ended = store().endRun(run.runId(), status, at(T0 + 9_000), Map.of("mlops.error.class", "E"));

        RunInfo expected = run.ended(status, at(T0 + 9_000));
        assertThat(ended).isEqualTo(expected);
        RunRecord stored = store().findRun(run.runId()).orElseThrow();
        assertThat(stored.info()).isEqualTo(expected);
        assertThat(stored.tags()).isEqualTo(Map.of("keep", "me", "mlops.error.class", "E"));
    }

    @Test
    void endRun_alreadyEnded_throwsIllegalRunStateAndKeepsTheFirstEnd() {
        RunInfo run = aRun();
        store().endRun(run.runId(), RunStatus.FINISHED, at(T0 + 1_000), Map.of());
        StoreSnapshot before = StoreSnapshot.capture(store(), List.of(), run.runId());

        assertThatThrownBy(() -> store().endRun(run.runId(), RunStatus.FAILED, at(T0 + 2_000), Map.of("k", "v")))
                .isInstanceOf(IllegalRunStateException.class);
        assertThat(StoreSnapshot.capture(store(), List.of(), run.runId())).isEqualTo(before);
    }

    @Test
    void endRun_unknownRun_throwsNotFound() {
        aRun();

        assertThatThrownBy(() -> store().endRun(newRunId(), RunStatus.FINISHED, at(T0), Map.of()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void endRun_runningAsTheNewStatus_throwsInvalidInputAndChangesNothing() {
        RunInfo run = aRun();
        StoreSnapshot before = StoreSnapshot.capture(store(), List.of(), run.runId());

        assertThatThrownBy(() -> store().endRun(run.runId(), RunStatus.RUNNING, at(T0 + 1), Map.of("k", "v")))
                .isInstanceOf(InvalidInputException.class);
        assertThat(StoreSnapshot.capture(store(), List.of(), run.runId())).isEqualTo(before);
    }

    @Test
    void logAndEndRun_runningRun_logsTheBatchAndEnds() {
        RunInfo run = startRun(runInfo(experiment("churn").id(), "r", T0, null, null), Map.of("keep", "me"));
        LogBatch last = new LogBatch(Map.of("p", "1"), List.of(metric("steps", 10, 0, T0 + 5)), Map.of("t", "2"));

        RunInfo ended = store().logAndEndRun(run.runId(), last, RunStatus.FINISHED, at(T0 + 9_000),
                Map.of("mlops.error.class", "E"));

        RunInfo expected = run.ended(RunStatus.FINISHED, at(T0 + 9_000));
        assertThat(ended).isEqualTo(expected);
        RunRecord stored = store().findRun(run.runId()).orElseThrow();
        assertThat(stored.info()).isEqualTo(expected);
        assertThat(stored.params()).isEqualTo(Map.of("p", "1"));
        assertThat(stored.latestMetrics()).containsOnlyKeys("steps");
        assertThat(stored.latestMetrics().get("steps").value()).isEqualTo(10.0);
        assertThat(stored.tags()).isEqualTo(Map.of("keep", "me", "t", "2", "mlops.error.class", "E"));
    }

    @Test
    void logAndEndRun_emptyBatch_endsTheRun() {
        RunInfo run = aRun();

        RunInfo ended = store().logAndEndRun(run.runId(), new LogBatch(null, null, null), RunStatus.KILLED,
                at(T0 + 1_000), Map.of());

        assertThat(ended.status()).isEqualTo(RunStatus.KILLED);
        assertThat(store().findRunInfo(run.runId())).contains(ended);
    }

    @Test
    void logAndEndRun_conflictingParam_throwsConflictAndNeitherLogsNorEnds() {
        RunInfo run = aRun();
        store().logBatch(run.runId(), params(Map.of("p", "1")));
        StoreSnapshot before = StoreSnapshot.capture(store(), List.of("m"), run.runId());
        LogBatch last = new LogBatch(Map.of("p", "2"), List.of(metric("m", 1, 0, T0)), Map.of("t", "1"));

        assertThatThrownBy(() -> store().logAndEndRun(run.runId(), last, RunStatus.FINISHED, at(T0 + 1), Map.of()))
                .isInstanceOf(ConflictException.class);
        assertThat(StoreSnapshot.capture(store(), List.of("m"), run.runId())).isEqualTo(before);
    }

    @Test
    void logAndEndRun_endedRunOrRunningStatus_throwsAndChangesNothing() {
        RunInfo run = aRun();
        LogBatch last = new LogBatch(null, List.of(metric("m", 1, 0, T0)), Map.of("t", "1"));
        StoreSnapshot running = StoreSnapshot.capture(store(), List.of("m"), run.runId());

        assertThatThrownBy(() -> store().logAndEndRun(run.runId(), last, RunStatus.RUNNING, at(T0 + 1), Map.of()))
                .isInstanceOf(InvalidInputException.class);
        assertThat(StoreSnapshot.capture(store(), List.of("m"), run.runId())).isEqualTo(running);

        store().endRun(run.runId(), RunStatus.FINISHED, at(T0 + 1_000), Map.of());
        StoreSnapshot ended = StoreSnapshot.capture(store(), List.of("m"), run.runId());
        assertThatThrownBy(() -> store().logAndEndRun(run.runId(), last, RunStatus.FAILED, at(T0 + 2), Map.of()))
                .isInstanceOf(IllegalRunStateException.class);
        assertThat(StoreSnapshot.capture(store(), List.of("m"), run.runId())).isEqualTo(ended);
        assertThatThrownBy(() -> store().logAndEndRun(newRunId(), last, RunStatus.FINISHED, at(T0 + 2), Map.of()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void writes_toEndedRun_throwIllegalRunStateAndChangeNothing() {
        RunInfo run = aRun();
        store().logBatch(run.runId(), params(Map.of("p", "1")));
        store().endRun(run.runId(), RunStatus.KILLED, at(T0 + 1_000), Map.of("t", "1"));
        StoreSnapshot before = StoreSnapshot.capture(store(), List.of("m"), run.runId());

        assertThatThrownBy(() -> store().logBatch(run.runId(), metrics(metric("m", 1, 0, T0))))
                .isInstanceOf(IllegalRunStateException.class);
        assertThatThrownBy(() -> store().logBatch(run.runId(), params(Map.of("q", "2"))))
                .isInstanceOf(IllegalRunStateException.class);
        assertThatThrownBy(() -> store().logBatch(run.runId(), tags(Map.of("t", "2"))))
                .isInstanceOf(IllegalRunStateException.class);
        assertThatThrownBy(() -> store().deleteTag(run.runId(), "t")).isInstanceOf(IllegalRunStateException.class);
        assertThatThrownBy(() -> store().putArtifact(run.runId(), artifact("a.txt", "a", 0)))
                .isInstanceOf(IllegalRunStateException.class);
        assertThat(StoreSnapshot.capture(store(), List.of("m"), run.runId())).isEqualTo(before);
    }

    @Test
    void writesAndHistory_unknownRun_throwNotFound() {
        aRun();
        String unknown = newRunId();

        assertThatThrownBy(() -> store().logBatch(unknown, params(Map.of("p", "1")))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> store().deleteTag(unknown, "t")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> store().putArtifact(unknown, artifact("a.txt", "a", 0)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> store().metricHistory(unknown, "m", null, 10)).isInstanceOf(NotFoundException.class);
        assertThat(store().findRun(unknown)).isEmpty();
    }

    @Test
    void runs_inTheSameExperiment_areIndependent() {
        String exp = experiment("churn").id();
        RunInfo a = startRun(exp, "a");
        RunInfo b = startRun(exp, "b");

        store().logBatch(a.runId(), params(Map.of("p", "a")));
        store().endRun(a.runId(), RunStatus.FINISHED, at(T0 + 1), Map.of());

        assertThat(store().findRun(b.runId()).orElseThrow().params()).isEmpty();
        assertThat(store().findRunInfo(b.runId()).orElseThrow().status()).isEqualTo(RunStatus.RUNNING);
        store().logBatch(b.runId(), params(Map.of("p", "b")));
        assertThat(store().findRun(b.runId()).orElseThrow().params()).containsEntry("p", "b");
    }
}
