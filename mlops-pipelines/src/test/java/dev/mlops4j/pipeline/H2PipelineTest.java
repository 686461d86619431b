package dev.mlops4j.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.mlops4j.Mlops;
import dev.mlops4j.lineage.Artifact;
import dev.mlops4j.lineage.ArtifactState;
import dev.mlops4j.lineage.Context;
import dev.mlops4j.lineage.Execution;
import dev.mlops4j.lineage.ExecutionQuery;
import dev.mlops4j.lineage.ExecutionState;
import dev.mlops4j.lineage.RetentionPolicy;
import dev.mlops4j.spi.LineageStore;
import dev.mlops4j.spi.MetadataStore;
import dev.mlops4j.store.h2.H2MetadataStore;
import dev.mlops4j.tracking.RunRecord;
import dev.mlops4j.tracking.RunStatus;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Caching, resume and retention on the default store: the H2 file store with the file artifact store. */
class H2PipelineTest {
    static final Slot<Path> RAW = Slot.of("raw", Path.class);
    static final Slot<String> TEXT = Slot.of("text", String.class);
    static final Slot<Path> OUT = Slot.of("out", Path.class);

    @TempDir
    Path home;
    @TempDir
    Path work;

    private Mlops open() {
        return Mlops.builder().home(home).clock(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(1))).build();
    }

    private Pipeline pipeline() {
        return Pipeline.builder("h2").input(RAW)
                .step(Step.named("read").input(RAW).output(TEXT).version("1")
                        .body(ctx -> ctx.output(TEXT, Files.readString(ctx.input(RAW)).toUpperCase())))
                .step(Step.named("write").input(TEXT).output(OUT).version("1").body(ctx -> {
                    Path out = work.resolve("out.txt");
                    Files.writeString(out, ctx.input(TEXT));
                    ctx.output(OUT, out);
                }))
                .build();
    }

    @Test
    void cache_survivesReopenAndMissesOnDeletedFile() throws Exception {
        Path raw = Files.writeString(work.resolve("raw.txt"), "wine");
        try (Mlops mlops = open()) {
            assertThat(pipeline().on(mlops).input(RAW, raw).run().executedSteps()).containsExactly("read", "write");
        }
        try (Mlops mlops = open()) {
            PipelineResult again = pipeline().on(mlops).input(RAW, raw).run();
            assertThat(again.cachedSteps()).containsExactly("read", "write");
            assertThat(again.output(TEXT)).isEqualTo("WINE");
            // The hits were written in one transaction: CACHED executions of the pipeline run, no child runs.
            assertThat(mlops.runs().children(again.pipelineRunId())).isEmpty();
            String runContext = mlops.lineage().findContext(Context.PIPELINE_RUN, again.pipelineRunId())
                    .orElseThrow().id();
            assertThat(mlops.lineage().executions(ExecutionQuery.all().inContext(runContext)))
                    .extracting(Execution::type, Execution::state).containsExactlyInAnyOrder(
                            tuple("read", ExecutionState.CACHED), tuple("write", ExecutionState.CACHED),
                            tuple("pipeline-inputs", ExecutionState.COMPLETE));
            Files.delete(work.resolve("out.txt"));
            PipelineResult afterDelete = pipeline().on(mlops).input(RAW, raw).run();
            assertThat(afterDelete.cachedSteps()).containsExactly("read");
            assertThat(afterDelete.executedSteps()).containsExactly("write");
        }
    }

    @Test
    void collectGarbage_deletesBlobFilesAndTheNextRunRecomputes() throws Exception {
        Path raw = Files.writeString(work.resolve("raw.txt"), "wine");
        try (Mlops mlops = open()) {
            PipelineResult first = pipeline().on(mlops).input(RAW, raw).run();
            Artifact text = first.artifact(TEXT).orElseThrow();
            var report = mlops.lineage().collectGarbage(RetentionPolicy.olderThan(Duration.ZERO));
            assertThat(report.blobsDeleted()).isEqualTo(1);
            assertThat(mlops.lineage().artifact(text.id()).orElseThrow().state()).isEqualTo(ArtifactState.DELETED);
            assertThat(mlops.lineage().upstream(text.id()).toText()).contains("DELETED");
            PipelineResult again = pipeline().on(mlops).input(RAW, raw).run();
            assertThat(again.executedSteps()).containsExactly("read", "write");
            assertThat(again.output(TEXT)).isEqualTo("WINE");
        }
    }

    /** The store's writes this test watches: every one that creates or changes runs or lineage. */
    private static final Set<String> WRITES = Set.of("createRun", "logBatch", "endRun", "logAndEndRun", "setTag",
            "recordAll", "recordExecution", "updateExecution", "putContext");

    /** A real store, wrapped to list the writes made through it (and through its lineage store) by name. */
    private static MetadataStore listingWrites(MetadataStore store, List<String> writes) {
        LineageStore lineage = store.lineage().orElseThrow();
        LineageStore listedLineage = (LineageStore) Proxy.newProxyInstance(H2PipelineTest.class.getClassLoader(),
                new Class<?>[] {LineageStore.class}, (proxy, method, args) -> {
                    if (WRITES.contains(method.getName())) {
                        writes.add(method.getName());
                    }
                    return invoke(method, lineage, args);
                });
        return (MetadataStore) Proxy.newProxyInstance(H2PipelineTest.class.getClassLoader(),
                new Class<?>[] {MetadataStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("lineage")) {
                        return Optional.of(listedLineage);
                    }
                    if (WRITES.contains(method.getName())) {
                        writes.add(method.getName());
                    }
                    return invoke(method, store, args);
                });
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Test
    void fullyCachedRerun_isOneWriteOfTheEndedRunItsStepsAndSummary() throws Exception {
        Path raw = Files.writeString(work.resolve("raw.txt"), "wine");
        try (Mlops mlops = open()) {
            pipeline().on(mlops).input(RAW, raw).run();
        }
        List<String> writes = new CopyOnWriteArrayList<>();
        PipelineResult again;
        try (MetadataStore h2 = H2MetadataStore.open(home);
             Mlops mlops = Mlops.builder().home(home).metadataStore(listingWrites(h2, writes))
                     .clock(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(1))).build()) {
            writes.clear();
            again = pipeline().on(mlops).input(RAW, raw).run();
            assertThat(again.cachedSteps()).containsExactly("read", "write");
            assertThat(writes).containsExactly("recordAll");
        }
        try (Mlops mlops = open()) { // durable: read back from the file
            RunRecord run = mlops.runs().get(again.pipelineRunId());
            assertThat(run.info().status()).isEqualTo(RunStatus.FINISHED);
            assertThat(run.info().parentRunId()).isNull();
            assertThat(run.info().runName()).isEqualTo("h2");
            assertThat(run.tags()).containsEntry("pipeline.name", "h2");
            assertThat(run.latestMetrics().get("pipeline.steps_cached").value()).isEqualTo(2.0);
            assertThat(run.latestMetrics().get("pipeline.steps_executed").value()).isEqualTo(0.0);
            assertThat(mlops.runs().children(again.pipelineRunId())).isEmpty();
            assertThat(mlops.lineage().findContext(Context.PIPELINE_RUN, again.pipelineRunId())).isPresent();
            assertThat(mlops.lineage().execution(again.step("write").executionId()).orElseThrow().runId())
                    .isEqualTo(again.pipelineRunId());
            assertThat(mlops.runs().get(again.step("write").stepRunId()).info().parentRunId()).isNotEqualTo(
                    again.pipelineRunId()); // the run that made the reused output, in the first pipeline run
        }
    }

    @Test
    void rerunThatExecutesAStep_startsItsRunBeforeTheStep() throws Exception {
        Path raw = Files.writeString(work.resolve("raw.txt"), "wine");
        AtomicReference<RunStatus> seenByTheStep = new AtomicReference<>();
        try (Mlops mlops = open()) {
            pipeline().on(mlops).input(RAW, raw).run();
            Files.delete(work.resolve("out.txt"));
            Pipeline watching = Pipeline.builder("h2").input(RAW)
                    .step(Step.named("read").input(RAW).output(TEXT).version("1")
                            .body(ctx -> ctx.output(TEXT, Files.readString(ctx.input(RAW)).toUpperCase())))
                    .step(Step.named("write").input(TEXT).output(OUT).version("1").body(ctx -> {
                        String parent = mlops.runs().get(ctx.run().id()).info().parentRunId();
                        seenByTheStep.set(mlops.runs().get(parent).info().status());
                        Path out = work.resolve("out.txt");
                        Files.writeString(out, ctx.input(TEXT));
                        ctx.output(OUT, out);
                    }))
                    .build();
            PipelineResult r = watching.on(mlops).input(RAW, raw).run();
            assertThat(r.cachedSteps()).containsExactly("read");
            assertThat(r.executedSteps()).containsExactly("write");
            assertThat(seenByTheStep).hasValue(RunStatus.RUNNING);
            // Written when the step needed it, but with the time the pipeline run began.
            assertThat(mlops.runs().get(r.pipelineRunId()).info().startTime())
                    .isBeforeOrEqualTo(r.step("read").startedAt().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
            assertThat(mlops.runs().get(r.pipelineRunId()).info().status()).isEqualTo(RunStatus.FINISHED);
            assertThat(mlops.runs().get(r.pipelineRunId()).latestMetrics().get("pipeline.steps_cached").value())
                    .isEqualTo(1.0);
        }
    }
}
