package dev.mlops4j.core.internal.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops4j.ConflictException;
import dev.mlops4j.InvalidInputException;
import dev.mlops4j.Mlops;
import dev.mlops4j.Run;
import dev.mlops4j.lineage.ChildRun;
import dev.mlops4j.lineage.Context;
import dev.mlops4j.lineage.Execution;
import dev.mlops4j.lineage.ExecutionRecord;
import dev.mlops4j.lineage.ExecutionState;
import dev.mlops4j.tracking.Metric;
import dev.mlops4j.tracking.RunInfo;
import dev.mlops4j.tracking.RunRecord;
import dev.mlops4j.tracking.RunStatus;
import dev.mlops4j.tracking.SystemTags;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The engine's side of the execution lifecycle: abandoned executions and child runs written with executions. */
class CoreLineageTest {
    private final Mlops mlops = Mlops.inMemory();

    @AfterEach
    void close() {
        mlops.close();
    }

    private Execution recordRunning(String runId) {
        Execution running = new Execution(Execution.newId(), "train", ExecutionState.RUNNING, "", runId,
                Instant.now(), null, Map.of("codeVersion", "1"));
        mlops.lineage().record(new ExecutionRecord(running, List.of(), List.of(), List.of()));
        return running;
    }

    @Test
    void recoverOrphanedRuns_executionOfAnEndedRun_isMarkedFailedWithTheReason() {
        Run killed = mlops.experiment("e").newRun().start();
        Run alive = mlops.experiment("e").newRun().start();
        Execution abandoned = recordRunning(killed.id());
        Execution inFlight = recordRunning(alive.id());
        Execution withoutRun = recordRunning("");
        killed.end(RunStatus.KILLED);

        mlops.recoverOrphanedRuns();

        Execution failed = mlops.lineage().execution(abandoned.id()).orElseThrow();
        assertThat(failed.state()).isEqualTo(ExecutionState.FAILED);
        assertThat(failed.endedAt()).isEqualTo(mlops.runs().get(killed.id()).info().endTime());
        assertThat(failed.properties()).containsEntry("codeVersion", "1")
                .hasEntrySatisfying(CoreLineage.ABANDONED_PROPERTY, why -> assertThat(why).contains(killed.id())
                        .contains("KILLED"));
        assertThat(mlops.lineage().execution(inFlight.id())).contains(inFlight);
        assertThat(mlops.lineage().execution(withoutRun.id())).contains(withoutRun);
        // An ended execution never changes again: a late end of the step is refused.
        assertThatThrownBy(() -> mlops.lineage().update(new ExecutionRecord(new Execution(abandoned.id(), "train",
                ExecutionState.COMPLETE, "", killed.id(), abandoned.startedAt(), Instant.now(), Map.of()), List.of(),
                List.of(), List.of()))).isInstanceOf(ConflictException.class);
        alive.finish();
    }

    @Test
    void recordAll_childRuns_getTheParentsExperimentAndOwnerButNoSystemTags() {
        Run parent = mlops.experiment("e").newRun().start();
        Context ctx = Context.create(Context.PIPELINE_RUN, parent.id(), Instant.now());
        Instant now = Instant.now();
        ChildRun child = new ChildRun(ChildRun.newId(), "step", RunStatus.FINISHED, now, now,
                Map.of("pipeline.state", "CACHED"));
        Execution cached = new Execution(Execution.newId(), "step", ExecutionState.CACHED, "", child.id(), now, now,
                Map.of());
        mlops.lineage().recordAll(parent, List.of(ctx), List.of(child), List.of(new ExecutionRecord(cached,
                List.of(), List.of(), List.of(ctx.id()))));

        RunRecord stored = mlops.runs().get(child.id());
        assertThat(stored.info().parentRunId()).isEqualTo(parent.id());
        assertThat(stored.info().experimentId()).isEqualTo(parent.experimentId());
        assertThat(stored.info().status()).isEqualTo(RunStatus.FINISHED);
        assertThat(stored.tags()).containsOnly(Map.entry("pipeline.state", "CACHED"));
        assertThat(stored.info().ownerId()).isEqualTo(parent.info().ownerId());
        assertThat(mlops.lineage().findContext(Context.PIPELINE_RUN, parent.id())).contains(ctx);
        parent.finish();
    }

    @Test
    void recordAll_reservedTagOnAChildRun_isRejectedBeforeAnythingIsWritten() {
        Run parent = mlops.experiment("e").newRun().start();
        Instant now = Instant.now();
        ChildRun child = new ChildRun(ChildRun.newId(), "step", RunStatus.FINISHED, now, now,
                Map.of(SystemTags.HOST, "forged"));
        assertThatThrownBy(() -> mlops.lineage().recordAll(parent, List.of(), List.of(child), List.of()))
                .isInstanceOf(InvalidInputException.class);
        assertThat(mlops.runs().children(parent.id())).isEmpty();
        parent.finish();
    }

    @Test
    void recordEndedRun_runChildrenAndExecutions_areWrittenTogetherWithTheSummary() {
        var experiment = mlops.experiment("e");
        Instant start = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS); // stores keep milliseconds
        Instant end = start.plusMillis(5);
        ChildRun top = new ChildRun(ChildRun.newId(), "pipeline", RunStatus.FINISHED, start, end,
                Map.of("pipeline.name", "p"));
        ChildRun child = new ChildRun(ChildRun.newId(), "step", RunStatus.FINISHED, start, end,
                Map.of("pipeline.state", "CACHED"));
        Context ctx = Context.create(Context.PIPELINE_RUN, top.id(), start);
        Execution cached = new Execution(Execution.newId(), "step", ExecutionState.CACHED, "", child.id(), start, end,
                Map.of());
        mlops.lineage().recordEndedRun(experiment, top, List.of(new Metric("pipeline.steps_cached", 1, 0, end)),
                List.of(ctx), List.of(child), List.of(new ExecutionRecord(cached, List.of(), List.of(),
                        List.of(ctx.id()))));

        RunRecord stored = mlops.runs().get(top.id());
        assertThat(stored.info().status()).isEqualTo(RunStatus.FINISHED);
        assertThat(stored.info().parentRunId()).isNull();
        assertThat(stored.info().experimentId()).isEqualTo(experiment.id());
        assertThat(stored.info().startTime()).isEqualTo(start);
        assertThat(stored.info().endTime()).isEqualTo(end);
        assertThat(stored.tags()).containsEntry("pipeline.name", "p").containsKey(SystemTags.HOST);
        assertThat(stored.latestMetrics().get("pipeline.steps_cached").value()).isEqualTo(1.0);
        assertThat(mlops.runs().children(top.id())).extracting(RunInfo::runId).containsExactly(child.id());
        assertThat(mlops.runs().get(child.id()).info().experimentId()).isEqualTo(experiment.id());
        assertThat(mlops.lineage().execution(cached.id())).contains(cached);
    }

    @Test
    void recordEndedRun_reservedTag_isRejectedBeforeAnythingIsWritten() {
        var experiment = mlops.experiment("e");
        Instant now = Instant.now();
        ChildRun top = new ChildRun(ChildRun.newId(), "pipeline", RunStatus.FINISHED, now, now,
                Map.of(SystemTags.PID, "1"));
        assertThatThrownBy(() -> mlops.lineage().recordEndedRun(experiment, top, List.of(), List.of(), List.of(),
                List.of())).isInstanceOf(InvalidInputException.class);
        assertThat(mlops.runs().find(top.id())).isEmpty();
    }

    @Test
    void newRunId_chosenIdAndStartTime_areTheRunsAndTheIdMustBeNewAndWellFormed() {
        String id = ChildRun.newId();
        Instant began = Instant.parse("2026-01-02T03:04:05.678Z");
        Run run = mlops.experiment("e").newRun().id(id).startTime(began).start();
        assertThat(run.id()).isEqualTo(id);
        assertThat(mlops.runs().get(id).info().startTime()).isEqualTo(began);
        assertThatThrownBy(() -> mlops.experiment("e").newRun().id(id).start()).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> mlops.experiment("e").newRun().id("Not-An-Id")).isInstanceOf(
                InvalidInputException.class).hasMessageContaining("32 lowercase hex");
        run.finish();
    }
}
