package dev.mlops4j.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops4j.Mlops;
import dev.mlops4j.lineage.Artifact;
import dev.mlops4j.lineage.ArtifactState;
import dev.mlops4j.lineage.ExecutionState;
import dev.mlops4j.lineage.RetentionPolicy;
import dev.mlops4j.lineage.RetentionReport;
import dev.mlops4j.tracking.RunStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineCacheTest {
    static final Slot<Path> RAW = Slot.of("raw", Path.class);
    static final Slot<String> CLEAN = Slot.of("clean", String.class);
    static final Slot<Path> SUMMARY_FILE = Slot.of("summary_file", Path.class);
    static final Slot<Stats> STATS = Slot.of("stats", Stats.class);
    static final Slot<String> REPORT = Slot.of("report", String.class);

    /** A JSON output. */
    public record Stats(int lines, Map<String, Integer> counts) {
    }

    @TempDir
    Path dir;
    /** Runs ahead of the pipelines' clock, so retention with age zero sees every artifact as old. */
    private final Mlops mlops = Mlops.builder().inMemory()
            .clock(java.time.Clock.offset(java.time.Clock.systemUTC(), Duration.ofMinutes(1))).build();
    private final Map<String, AtomicInteger> executions = new ConcurrentHashMap<>();
    private final AtomicBoolean failReport = new AtomicBoolean();

    @AfterEach
    void close() {
        mlops.close();
    }

    private void count(StepContext ctx) {
        executions.computeIfAbsent(ctx.stepName(), k -> new AtomicInteger()).incrementAndGet();
    }

    private int executed(String step) {
        return executions.getOrDefault(step, new AtomicInteger()).get();
    }

    private Pipeline pipeline(String cleanVersion, int minLength) {
        return Pipeline.builder("cache").input(RAW)
                .step(Step.named("clean").input(RAW).output(CLEAN).version(cleanVersion).body(ctx -> {
                    count(ctx);
                    ctx.output(CLEAN, Files.readString(ctx.input(RAW)).strip().toLowerCase());
                }))
                .step(Step.named("stats").input(CLEAN).output(STATS).param("minLength", minLength).body(ctx -> {
                    count(ctx);
                    int min = ctx.param("minLength", Integer.class);
                    Map<String, Integer> counts = new java.util.TreeMap<>();
                    for (String w : ctx.input(CLEAN).split("\\s+")) {
                        if (w.length() >= min) {
                            counts.merge(w, 1, Integer::sum);
                        }
                    }
                    ctx.output(STATS, new Stats(ctx.input(CLEAN).split("\n").length, counts));
                }))
                .step(Step.named("summary").input(STATS).output(SUMMARY_FILE).body(ctx -> {
                    count(ctx);
                    Path out = dir.resolve("summary.txt");
                    Files.writeString(out, ctx.input(STATS).counts().toString());
                    ctx.output(SUMMARY_FILE, out);
                }))
                .step(Step.named("report").input(SUMMARY_FILE, STATS).output(REPORT).body(ctx -> {
                    count(ctx);
                    if (failReport.get()) {
                        throw new IOException("report service down");
                    }
                    ctx.output(REPORT, ctx.input(STATS).lines() + " lines: " + Files.readString(ctx.input(SUMMARY_FILE)));
                }))
                .build();
    }

    private Path raw(String content) throws IOException {
        Path p = dir.resolve("raw.txt");
        Files.writeString(p, content);
        return p;
    }

    @Test
    void rerun_unchanged_isFullyCachedAndRecordedAsCached() throws IOException {
        Path raw = raw("Red White red\nrose");
        PipelineResult first = pipeline("1", 3).on(mlops).input(RAW, raw).run();
        PipelineResult second = pipeline("1", 3).on(mlops).input(RAW, raw).run();

        assertThat(first.executedSteps()).containsExactly("clean", "stats", "summary", "report");
        assertThat(second.cachedSteps()).containsExactly("clean", "stats", "summary", "report");
        assertThat(executed("report")).isEqualTo(1);
        assertThat(second.output(REPORT)).isEqualTo(first.output(REPORT)).isEqualTo("2 lines: {red=2, rose=1, white=1}");
        assertThat(second.output(STATS)).isEqualTo(new Stats(2, Map.of("red", 2, "rose", 1, "white", 1)));
        assertThat(second.step("stats").cacheKey()).isEqualTo(first.step("stats").cacheKey()).hasSize(64);
        var cached = mlops.lineage().execution(second.step("stats").executionId()).orElseThrow();
        assertThat(cached.state()).isEqualTo(ExecutionState.CACHED);
        assertThat(cached.properties()).containsEntry("cachedFrom", first.step("stats").executionId());
        assertThat(second.artifact(STATS)).isEqualTo(first.artifact(STATS));
        // A hit runs nothing and gets no run: its execution belongs to the pipeline run, its result names the run
        // that made the outputs.
        assertThat(cached.runId()).isEqualTo(second.pipelineRunId());
        assertThat(second.step("stats").stepRunId()).isEqualTo(first.step("stats").stepRunId());
        assertThat(mlops.runs().children(second.pipelineRunId())).isEmpty();
    }

    @Test
    void changedInputContent_invalidatesDownstream() throws IOException {
        pipeline("1", 3).on(mlops).input(RAW, raw("red white")).run();
        PipelineResult r = pipeline("1", 3).on(mlops).input(RAW, raw("red white rose")).run();
        assertThat(r.executedSteps()).containsExactly("clean", "stats", "summary", "report");
    }

    @Test
    void sameContentDifferentWhitespace_reusesDownstreamOfUnchangedOutput() throws IOException {
        pipeline("1", 3).on(mlops).input(RAW, raw("red white")).run();
        PipelineResult r = pipeline("1", 3).on(mlops).input(RAW, raw("  RED WHITE \n")).run();
        // clean re-ran on the new file but produced the same text, so everything after it is a cache hit.
        assertThat(r.executedSteps()).containsExactly("clean");
        assertThat(r.cachedSteps()).containsExactly("stats", "summary", "report");
    }

    @Test
    void changedParameter_invalidatesTheStepAndDownstream() throws IOException {
        Path raw = raw("red white rose");
        pipeline("1", 3).on(mlops).input(RAW, raw).run();
        PipelineResult r = pipeline("1", 5).on(mlops).input(RAW, raw).run();
        assertThat(r.cachedSteps()).containsExactly("clean");
        assertThat(r.executedSteps()).containsExactly("stats", "summary", "report");
    }

    @Test
    void changedDeclaredVersion_invalidatesTheStep() throws IOException {
        Path raw = raw("red white rose");
        pipeline("1", 3).on(mlops).input(RAW, raw).run();
        PipelineResult r = pipeline("2", 3).on(mlops).input(RAW, raw).run();
        assertThat(r.executedSteps()).containsExactly("clean");
        assertThat(r.cachedSteps()).containsExactly("stats", "summary", "report");
    }

    /** Two bodies in different classes stand for a code change of a step that declares no version. */
    static final class BodyV1 implements StepBody {
        @Override
        public void execute(StepContext ctx) {
            ctx.output(CLEAN, "v1");
        }
    }

    static final class BodyV2 implements StepBody {
        @Override
        public void execute(StepContext ctx) {
            ctx.output(CLEAN, "v2");
        }
    }

    @Test
    void undeclaredVersion_usesTheClassFingerprint() {
        java.util.function.Function<StepBody, Pipeline> p = body -> Pipeline.builder("code")
                .step(Step.named("make").output(CLEAN).body(body)).build();
        PipelineResult a = p.apply(new BodyV1()).on(mlops).run();
        PipelineResult again = p.apply(new BodyV1()).on(mlops).run();
        PipelineResult b = p.apply(new BodyV2()).on(mlops).run();
        assertThat(again.cachedSteps()).containsExactly("make");
        assertThat(b.executedSteps()).containsExactly("make");
        assertThat(b.output(CLEAN)).isEqualTo("v2");
        assertThat(a.step("make").cacheKey()).isNotEqualTo(b.step("make").cacheKey());
        assertThat(mlops.lineage().execution(a.step("make").executionId()).orElseThrow().properties()
                .get("codeVersion")).startsWith("classes:").hasSize("classes:".length() + 64);
    }

    @Test
    void deletedCachedFile_isAMissAndTheStepReruns() throws IOException {
        Path raw = raw("red white rose");
        pipeline("1", 3).on(mlops).input(RAW, raw).run();
        Files.delete(dir.resolve("summary.txt"));

        PipelineResult r = pipeline("1", 3).on(mlops).input(RAW, raw).run();

        assertThat(r.executedSteps()).containsExactly("summary");
        assertThat(r.cachedSteps()).containsExactly("clean", "stats", "report");
        assertThat(dir.resolve("summary.txt")).exists();
    }

    @Test
    void changedCachedFile_isAMiss() throws IOException {
        Path raw = raw("red white rose");
        pipeline("1", 3).on(mlops).input(RAW, raw).run();
        Files.writeString(dir.resolve("summary.txt"), "tampered");
        PipelineResult r = pipeline("1", 3).on(mlops).input(RAW, raw).run();
        assertThat(r.executedSteps()).containsExactly("summary");
        assertThat(r.output(REPORT)).doesNotContain("tampered");
    }

    @Test
    void garbageCollectedBlob_isAMiss() throws IOException {
        Path raw = raw("red white rose");
        PipelineResult first = pipeline("1", 3).on(mlops).input(RAW, raw).run();
        Artifact stats = first.artifact(STATS).orElseThrow();
        RetentionReport report = mlops.lineage().collectGarbage(RetentionPolicy.olderThan(Duration.ZERO)
                .protecting(Set.of(first.artifact(CLEAN).orElseThrow().id())));
        assertThat(report.deleted()).extracting(Artifact::id).contains(stats.id());
        assertThat(mlops.lineage().artifact(stats.id()).orElseThrow().state()).isEqualTo(ArtifactState.DELETED);

        PipelineResult r = pipeline("1", 3).on(mlops).input(RAW, raw).run();
        assertThat(r.cachedSteps()).containsExactly("clean");
        assertThat(r.executedSteps()).contains("stats");
    }

    @Test
    void cacheDisabledPerRunOrPerStep_executes() throws IOException {
        Path raw = raw("red white rose");
        pipeline("1", 3).on(mlops).input(RAW, raw).run();
        PipelineResult off = pipeline("1", 3).on(mlops).input(RAW, raw).cache(false).run();
        assertThat(off.executedSteps()).hasSize(4);

        Pipeline noCacheStats = Pipeline.builder("cache2").step(Step.named("once").output(CLEAN).cache(false)
                .body(ctx -> {
                    count(ctx);
                    ctx.output(CLEAN, "x");
                })).build();
        noCacheStats.on(mlops).run();
        noCacheStats.on(mlops).run();
        assertThat(executed("once")).isEqualTo(2);
    }

    @Test
    void maxStaleness_expiresOldResults() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        Pipeline p = Pipeline.builder("stale").step(Step.named("fetch").output(CLEAN).maxStaleness(Duration.ofHours(1))
                .body(ctx -> {
                    count(ctx);
                    ctx.output(CLEAN, "prices");
                })).build();
        p.on(mlops).clock(clock).run();
        clock.advance(Duration.ofMinutes(59));
        assertThat(p.on(mlops).clock(clock).run().cachedSteps()).containsExactly("fetch");
        clock.advance(Duration.ofMinutes(2));
        assertThat(p.on(mlops).clock(clock).run().executedSteps()).containsExactly("fetch");
    }

    @Test
    void failure_keepsOutputsAndRerunResumes() throws IOException {
        Path raw = raw("red white rose");
        failReport.set(true);
        StepFailedException failed = org.assertj.core.api.Assertions.catchThrowableOfType(
                () -> pipeline("1", 3).on(mlops).input(RAW, raw).run(), StepFailedException.class);
        assertThat(failed.stepName()).isEqualTo("report");
        assertThat(failed.result().executedSteps()).containsExactly("clean", "stats", "summary");
        assertThat(failed.result().output(STATS).lines()).isEqualTo(1);

        failReport.set(false);
        PipelineResult resumed = pipeline("1", 3).on(mlops).input(RAW, raw).run();
        assertThat(resumed.cachedSteps()).containsExactly("clean", "stats", "summary");
        assertThat(resumed.executedSteps()).containsExactly("report");
        assertThat(executed("clean")).isEqualTo(1);
    }

    @Test
    void resume_withCachingOff_reusesOnlyTheEarlierRun() throws IOException {
        Path raw = raw("red white rose");
        failReport.set(true);
        StepFailedException failed = org.assertj.core.api.Assertions.catchThrowableOfType(
                () -> pipeline("1", 3).on(mlops).input(RAW, raw).cache(false).run(), StepFailedException.class);
        failReport.set(false);
        PipelineResult resumed = pipeline("1", 3).on(mlops).input(RAW, raw).cache(false)
                .resume(failed.result().pipelineRunId()).run();
        assertThat(resumed.cachedSteps()).containsExactly("clean", "stats", "summary");
        assertThat(resumed.executedSteps()).containsExactly("report");
        assertThat(mlops.runs().get(failed.result().pipelineRunId()).info().status()).isEqualTo(RunStatus.FAILED);
    }

    @Test
    void slice_readsLatestOutputsOfStepsLeftOut() throws IOException {
        Path raw = raw("red white rose");
        Pipeline full = pipeline("1", 3);
        assertThatThrownBy(() -> full.fromSteps("report").on(mlops).run())
                .hasMessageContaining("needs 'summary_file' from step 'summary', which is outside the slice");
        full.on(mlops).input(RAW, raw).run();

        PipelineResult onlyReport = full.fromSteps("report").on(mlops).cache(false).run();
        assertThat(onlyReport.steps()).extracting(StepResult::stepName).containsExactly("report");
        assertThat(onlyReport.output(REPORT)).isEqualTo("1 lines: {red=1, rose=1, white=1}");

        PipelineResult upToStats = full.toOutputs(STATS).on(mlops).input(RAW, raw).run();
        assertThat(upToStats.steps()).extracting(StepResult::stepName).containsExactly("clean", "stats");
    }

    /** A clock tests move by hand. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    static List<String> names(List<StepResult> steps) {
        return steps.stream().map(StepResult::stepName).toList();
    }
}
