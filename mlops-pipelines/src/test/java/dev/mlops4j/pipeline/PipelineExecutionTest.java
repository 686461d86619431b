package dev.mlops4j.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.Mlops;
import dev.mlops4j.lineage.Context;
import dev.mlops4j.lineage.EventType;
import dev.mlops4j.lineage.Execution;
import dev.mlops4j.lineage.ExecutionQuery;
import dev.mlops4j.lineage.ExecutionState;
import dev.mlops4j.tracking.RunInfo;
import dev.mlops4j.tracking.RunRecord;
import dev.mlops4j.tracking.RunStatus;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PipelineExecutionTest {
    static final Slot<String> TEXT = Slot.of("text", String.class);
    static final Slot<String> UPPER = Slot.of("upper", String.class);
    static final Slot<Integer> LENGTH = Slot.of("length", Integer.class);
    static final Slot<String> REPORT = Slot.of("report", String.class);

    private final Mlops mlops = Mlops.inMemory();
    private final ExecutorService pool = Executors.newFixedThreadPool(4);

    @AfterEach
    void close() {
        pool.shutdownNow();
        mlops.close();
    }

    private static Pipeline diamond(StepBody upperBody, StepBody lengthBody) {
        return Pipeline.builder("diamond").input(TEXT)
                .step(Step.named("upper").input(TEXT).output(UPPER).body(upperBody))
                .step(Step.named("length").input(TEXT).output(LENGTH).body(lengthBody))
                .step(Step.named("report").input(UPPER, LENGTH).output(REPORT)
                        .body(ctx -> ctx.output(REPORT, ctx.input(UPPER) + ":" + ctx.input(LENGTH))))
                .build();
    }

    private static Pipeline simpleDiamond() {
        return diamond(ctx -> ctx.output(UPPER, ctx.input(TEXT).toUpperCase()),
                ctx -> ctx.output(LENGTH, ctx.input(TEXT).length()));
    }

    @Test
    void run_sequential_producesOutputsAndTrackingRuns() {
        PipelineResult r = simpleDiamond().on(mlops).input(TEXT, "wine").run();

        assertThat(r.status()).isEqualTo(PipelineStatus.SUCCEEDED);
        assertThat(r.output(REPORT)).isEqualTo("WINE:4");
        assertThat(r.executedSteps()).containsExactly("upper", "length", "report");
        RunRecord parent = mlops.runs().get(r.pipelineRunId());
        assertThat(parent.info().status()).isEqualTo(RunStatus.FINISHED);
        assertThat(parent.tags()).containsEntry("pipeline.name", "diamond");
        assertThat(parent.latestMetrics()).containsKey("pipeline.duration_ms");
        List<RunInfo> children = mlops.runs().children(r.pipelineRunId());
        assertThat(children).extracting(RunInfo::runName).containsExactlyInAnyOrder("upper", "length", "report");
        assertThat(children).allSatisfy(c -> {
            assertThat(c.status()).isEqualTo(RunStatus.FINISHED);
            assertThat(c.endTime()).isNotNull();
        });
        assertThat(mlops.runs().get(r.step("report").stepRunId()).tags()).containsEntry("pipeline.state", "COMPLETE");
    }

    @Test
    void run_recordsLineageWithContextsAndEvents() {
        PipelineResult r = simpleDiamond().on(mlops).input(TEXT, "wine").run();
        var lineage = mlops.lineage();
        Execution report = lineage.execution(r.step("report").executionId()).orElseThrow();
        assertThat(report.state()).isEqualTo(ExecutionState.COMPLETE);
        assertThat(report.runId()).isEqualTo(r.step("report").stepRunId());
        assertThat(lineage.eventsOfExecution(report.id())).extracting(e -> e.type() + ":" + e.name())
                .containsExactly("INPUT:length", "INPUT:upper", "OUTPUT:report");
        assertThat(lineage.contextsOf(report.id())).extracting(Context::type)
                .containsExactlyInAnyOrder(Context.PIPELINE_RUN, Context.PIPELINE, Context.EXPERIMENT);
        assertThat(lineage.executions(ExecutionQuery.all().inContext(r.contextId()))).hasSize(4); // + the inputs
        var text = lineage.upstream(r.artifact(REPORT).orElseThrow().id()).toText();
        assertThat(text).contains("<- report [COMPLETE").contains("<- upper [COMPLETE").contains("<- length [COMPLETE")
                .contains("pipeline-inputs");
    }

    @Test
    void run_parallel_runsIndependentStepsAtTheSameTime() {
        CyclicBarrier bothInside = new CyclicBarrier(2);
        StepBody waitForOther = ctx -> bothInside.await(10, TimeUnit.SECONDS);
        Pipeline p = diamond(ctx -> {
            waitForOther.execute(ctx);
            ctx.output(UPPER, "X");
        }, ctx -> {
            waitForOther.execute(ctx);
            ctx.output(LENGTH, 1);
        });

        PipelineResult r = p.on(mlops).input(TEXT, "t").parallel(pool).cache(false).run();

        assertThat(r.output(REPORT)).isEqualTo("X:1");
        assertThat(bothInside.isBroken()).isFalse();
    }

    @Test
    void run_sequential_neverOverlapsSteps() {
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger maxInside = new AtomicInteger();
        StepBody track = ctx -> maxInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
        Pipeline p = diamond(ctx -> {
            track.execute(ctx);
            ctx.output(UPPER, "X");
            inside.decrementAndGet();
        }, ctx -> {
            track.execute(ctx);
            ctx.output(LENGTH, 1);
            inside.decrementAndGet();
        });
        p.on(mlops).input(TEXT, "t").run();
        assertThat(maxInside).hasValue(1);
    }

    @Test
    void retries_backOffAndThenSucceed() {
        AtomicInteger calls = new AtomicInteger();
        List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
        List<Integer> errorAttempts = Collections.synchronizedList(new ArrayList<>());
        Pipeline p = Pipeline.builder("flaky").step(Step.named("flaky").output(TEXT)
                .retry(RetryPolicy.attempts(3).backoff(Duration.ofMillis(50), 2.0))
                .body(ctx -> {
                    if (calls.incrementAndGet() < 3) {
                        throw new IOException("transient " + ctx.attempt());
                    }
                    ctx.output(TEXT, "ok after " + ctx.attempt());
                })).build();

        PipelineResult r = p.on(mlops).sleeper(waits::add).hook(new PipelineHook() {
            @Override
            public void onStepError(Step step, Throwable error, int attempt) {
                errorAttempts.add(attempt);
            }
        }).run();

        assertThat(r.output(TEXT)).isEqualTo("ok after 3");
        assertThat(r.step("flaky").attempts()).isEqualTo(3);
        assertThat(waits).containsExactly(Duration.ofMillis(50), Duration.ofMillis(100));
        assertThat(errorAttempts).containsExactly(1, 2);
    }

    @Test
    void retries_exhausted_failThePipelineWithTheStepError() {
        Pipeline p = Pipeline.builder("bad").step(Step.named("bad").output(TEXT).retry(RetryPolicy.attempts(2))
                .body(ctx -> {
                    throw new IOException("disk on fire");
                })).build();

        assertThatThrownBy(() -> p.on(mlops).sleeper(d -> { }).run())
                .isInstanceOfSatisfying(StepFailedException.class, e -> {
                    assertThat(e.stepName()).isEqualTo("bad");
                    assertThat(e.getCause()).hasMessage("disk on fire");
                    assertThat(e.result().status()).isEqualTo(PipelineStatus.FAILED);
                    assertThat(e.result().step("bad").attempts()).isEqualTo(2);
                    assertThat(mlops.runs().get(e.result().pipelineRunId()).info().status())
                            .isEqualTo(RunStatus.FAILED);
                    assertThat(mlops.lineage().execution(e.result().step("bad").executionId()).orElseThrow().state())
                            .isEqualTo(ExecutionState.FAILED);
                });
    }

    @Test
    void retries_onlyForListedFailures() {
        AtomicInteger calls = new AtomicInteger();
        Pipeline p = Pipeline.builder("bad").step(Step.named("bad").output(TEXT)
                .retry(RetryPolicy.attempts(5).retryOn(IOException.class))
                .body(ctx -> {
                    calls.incrementAndGet();
                    throw new IllegalStateException("a bug, not transient");
                })).build();
        assertThatThrownBy(() -> p.on(mlops).sleeper(d -> { }).run()).isInstanceOf(StepFailedException.class);
        assertThat(calls).hasValue(1);
    }

    @Test
    void timeout_interruptsTheAttemptAndFails() {
        CountDownLatch never = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        CountDownLatch bodyEnded = new CountDownLatch(1);
        Pipeline p = Pipeline.builder("slow").step(Step.named("slow").output(TEXT).timeout(Duration.ofMillis(50))
                .body(ctx -> {
                    try {
                        never.await();
                    } catch (InterruptedException e) {
                        interrupted.set(true);
                        throw e;
                    } finally {
                        bodyEnded.countDown();
                    }
                })).build();

        assertThatThrownBy(() -> p.on(mlops).run()).isInstanceOf(StepFailedException.class)
                .hasCauseInstanceOf(StepTimeoutException.class)
                .hasMessageContaining("did not finish within its timeout of PT0.05S");
        assertThat(awaitQuietly(bodyEnded)).isTrue();
        assertThat(interrupted).isTrue();
    }

    @Test
    void cancel_stopsRunningAndPendingSteps() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        Pipeline p = Pipeline.builder("cancel").input(TEXT)
                .step(Step.named("long").input(TEXT).output(UPPER).body(ctx -> {
                    entered.countDown();
                    new CountDownLatch(1).await();
                }))
                .step(Step.named("after").input(UPPER).output(REPORT).body(ctx -> ctx.output(REPORT, "never")))
                .build();

        PipelineHandle handle = p.on(mlops).input(TEXT, "t").start();
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        handle.cancel();

        assertThatThrownBy(handle::await).isInstanceOfSatisfying(PipelineCancelledException.class, e -> {
            PipelineResult r = e.result();
            assertThat(r.status()).isEqualTo(PipelineStatus.CANCELED);
            assertThat(r.step("long").state()).isEqualTo(ExecutionState.CANCELED);
            assertThat(r.step("after").state()).isEqualTo(ExecutionState.CANCELED);
            Execution after = mlops.lineage().execution(r.step("after").executionId()).orElseThrow();
            assertThat(after.state()).isEqualTo(ExecutionState.CANCELED);
            assertThat(after.properties().get("reason")).contains("cancelled");
            assertThat(mlops.runs().get(r.pipelineRunId()).info().status()).isEqualTo(RunStatus.KILLED);
            assertThat(mlops.runs().get(r.step("long").stepRunId()).info().status()).isEqualTo(RunStatus.KILLED);
            assertThat(mlops.lineage().execution(r.step("long").executionId()).orElseThrow().state())
                    .isEqualTo(ExecutionState.CANCELED);
        });
        assertThat(handle.isDone()).isTrue();
    }

    @Test
    void run_stepInFlight_isRecordedRunningWithItsInputsThenComplete() {
        AtomicReference<Execution> inFlight = new AtomicReference<>();
        AtomicReference<List<String>> inFlightEvents = new AtomicReference<>();
        PipelineResult r = diamond(ctx -> {
            List<Execution> running = mlops.lineage().executions(ExecutionQuery.all().withType("upper")
                    .withStates(ExecutionState.RUNNING));
            inFlight.set(running.isEmpty() ? null : running.get(0));
            if (!running.isEmpty()) {
                inFlightEvents.set(mlops.lineage().eventsOfExecution(running.get(0).id()).stream()
                        .map(e -> e.type() + ":" + e.name()).toList());
            }
            ctx.output(UPPER, ctx.input(TEXT).toUpperCase());
        }, ctx -> ctx.output(LENGTH, 4)).on(mlops).input(TEXT, "wine").run();

        assertThat(inFlight.get()).isNotNull();
        assertThat(inFlight.get().id()).isEqualTo(r.step("upper").executionId());
        assertThat(inFlight.get().runId()).isEqualTo(r.step("upper").stepRunId());
        assertThat(inFlight.get().endedAt()).isNull();
        assertThat(inFlightEvents.get()).containsExactly("INPUT:text");
        Execution done = mlops.lineage().execution(r.step("upper").executionId()).orElseThrow();
        assertThat(done.state()).isEqualTo(ExecutionState.COMPLETE);
        assertThat(done.startedAt()).isEqualTo(inFlight.get().startedAt());
        assertThat(done.properties()).containsEntry("attempts", "1");
        assertThat(mlops.lineage().eventsOfExecution(done.id())).extracting(e -> e.type() + ":" + e.name())
                .containsExactly("INPUT:text", "OUTPUT:upper");
        assertThat(mlops.lineage().executions(ExecutionQuery.all().withStates(ExecutionState.RUNNING))).isEmpty();
    }

    @Test
    void failure_stepsThatNeverStarted_areRecordedCanceledWithTheReason() {
        Pipeline p = Pipeline.builder("broken").input(TEXT)
                .step(Step.named("bad").input(TEXT).output(UPPER).body(ctx -> {
                    throw new IllegalStateException("boom");
                }))
                .step(Step.named("after").input(UPPER).output(REPORT).body(ctx -> ctx.output(REPORT, "never")))
                .build();
        PipelineResult r = org.assertj.core.api.Assertions.catchThrowableOfType(() -> p.on(mlops).input(TEXT, "x")
                .run(), StepFailedException.class).result();

        assertThat(r.step("after").state()).isEqualTo(ExecutionState.CANCELED);
        assertThat(r.step("after").stepRunId()).isEmpty();
        Execution after = mlops.lineage().execution(r.step("after").executionId()).orElseThrow();
        assertThat(after.state()).isEqualTo(ExecutionState.CANCELED);
        assertThat(after.properties()).containsEntry("reason", "not started: step 'bad' failed");
        assertThat(mlops.lineage().contextsOf(after.id())).extracting(Context::name).contains(r.pipelineRunId());
        Execution bad = mlops.lineage().execution(r.step("bad").executionId()).orElseThrow();
        assertThat(bad.state()).isEqualTo(ExecutionState.FAILED);
        assertThat(bad.properties().get("error")).contains("boom");
        assertThat(mlops.lineage().eventsOfExecution(bad.id())).extracting(e -> e.type() + ":" + e.name())
                .containsExactly("INPUT:text");
    }

    @Test
    void hooks_afterStepOfACacheHit_findTheRecordedRunAndExecution() {
        simpleDiamond().on(mlops).input(TEXT, "x").run();
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        PipelineResult again = simpleDiamond().on(mlops).input(TEXT, "x").hook(new PipelineHook() {
            @Override
            public void afterStep(Step step, StepResult result) {
                seen.add(step.name() + " " + mlops.runs().get(result.stepRunId()).info().status() + " "
                        + mlops.lineage().execution(result.executionId()).orElseThrow().state());
            }
        }).run();
        assertThat(again.cachedSteps()).containsExactly("upper", "length", "report");
        assertThat(seen).containsExactly("upper FINISHED CACHED", "length FINISHED CACHED", "report FINISHED CACHED");
    }

    @Test
    void hooks_seePipelineAndStepsInOrder() {
        List<String> calls = Collections.synchronizedList(new ArrayList<>());
        PipelineHook hook = new PipelineHook() {
            @Override
            public void beforePipeline(Pipeline pipeline, String runId) {
                calls.add("before " + pipeline.name());
            }

            @Override
            public void afterPipeline(PipelineResult result) {
                calls.add("after " + result.status());
            }

            @Override
            public void beforeStep(Step step, String stepRunId) {
                calls.add("before " + step.name());
            }

            @Override
            public void afterStep(Step step, StepResult result) {
                calls.add("after " + step.name() + " " + result.state());
            }
        };
        simpleDiamond().on(mlops).input(TEXT, "x").hook(hook).run();
        assertThat(calls).containsExactly("before diamond", "before upper", "after upper COMPLETE", "before length",
                "after length COMPLETE", "before report", "after report COMPLETE", "after SUCCEEDED");
    }

    @Test
    void hooks_onPipelineError_seesTheFailure() {
        List<String> calls = new ArrayList<>();
        Pipeline p = Pipeline.builder("bad").step(Step.named("bad").output(TEXT).body(ctx -> {
            throw new IllegalStateException("boom");
        })).build();
        assertThatThrownBy(() -> p.on(mlops).hook(new PipelineHook() {
            @Override
            public void onPipelineError(PipelineResult result, Throwable error) {
                calls.add(result.status() + " " + error.getMessage());
            }
        }).run()).isInstanceOf(StepFailedException.class);
        assertThat(calls).containsExactly("FAILED boom");
    }

    @Test
    void run_missingPipelineInput_failsClearly() {
        assertThatThrownBy(() -> simpleDiamond().on(mlops).run()).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("needs input 'text'; pass it with .input(text, value)");
        assertThatThrownBy(() -> simpleDiamond().on(mlops).input(REPORT, "x"))
                .hasMessageContaining("has no input 'report'");
    }

    @Test
    void run_stepWithoutItsOutput_fails() {
        Pipeline p = Pipeline.builder("lazy").step(Step.named("lazy").output(TEXT).body(ctx -> { })).build();
        assertThatThrownBy(() -> p.on(mlops).run()).isInstanceOf(StepFailedException.class)
                .hasMessageContaining("finished without writing its output 'text'");
    }

    @Test
    void params_areTypedAndLogged() {
        Pipeline p = Pipeline.builder("params").step(Step.named("s").output(TEXT).param("n", 3).param("rate", 0.5)
                .param("names", List.of("a", "b"))
                .body(ctx -> ctx.output(TEXT, ctx.param("n", Long.class) + "/" + ctx.param("rate", Double.class)
                        + "/" + ctx.param("names", List.class)))).build();
        PipelineResult r = p.on(mlops).run();
        assertThat(r.output(TEXT)).isEqualTo("3/0.5/[a, b]");
        assertThat(mlops.runs().get(r.step("s").stepRunId()).params()).containsEntry("n", "3")
                .containsEntry("names", "[\"a\",\"b\"]");
    }

    private static boolean awaitQuietly(CountDownLatch latch) {
        try {
            return latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static List<EventType> types(List<dev.mlops4j.lineage.Event> events) {
        return events.stream().map(dev.mlops4j.lineage.Event::type).toList();
    }
}
