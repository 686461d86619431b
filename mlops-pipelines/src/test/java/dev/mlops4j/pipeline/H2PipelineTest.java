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
import dev.mlops4j.tracking.RunInfo;
import dev.mlops4j.tracking.RunStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
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
            // The hits were written in one transaction: each a FINISHED child run and a CACHED execution.
            assertThat(mlops.runs().children(again.pipelineRunId())).extracting(RunInfo::runName, RunInfo::status)
                    .containsExactlyInAnyOrder(tuple("read", RunStatus.FINISHED), tuple("write", RunStatus.FINISHED));
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
}
