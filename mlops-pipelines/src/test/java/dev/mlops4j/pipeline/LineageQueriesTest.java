package dev.mlops4j.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops4j.Mlops;
import dev.mlops4j.Run;
import dev.mlops4j.NotFoundException;
import dev.mlops4j.lineage.Artifact;
import dev.mlops4j.lineage.ArtifactState;
import dev.mlops4j.lineage.Execution;
import dev.mlops4j.lineage.LineageGraph;
import dev.mlops4j.lineage.RetentionPolicy;
import dev.mlops4j.lineage.RetentionReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineageQueriesTest {
    static final Slot<Path> RAW = Slot.of("raw", Path.class).artifactType("Dataset");
    static final Slot<String> CLEAN = Slot.of("clean", String.class).artifactType("Dataset");
    static final Slot<Path> CHART = Slot.of("chart", Path.class).artifactType("Report");
    static final Slot<String> MODEL = Slot.of("model", String.class).artifactType("Model");

    @TempDir
    Path dir;
    /** Runs ahead of the pipelines' clock, so retention with age zero sees every artifact as old. */
    private final Mlops mlops = Mlops.builder().inMemory()
            .clock(java.time.Clock.offset(java.time.Clock.systemUTC(), Duration.ofMinutes(1))).build();

    @AfterEach
    void close() {
        mlops.close();
    }

    private Pipeline pipeline() {
        return Pipeline.builder("lineage").input(RAW)
                .step(Step.named("clean").input(RAW).output(CLEAN).version("1")
                        .body(ctx -> ctx.output(CLEAN, Files.readString(ctx.input(RAW)).trim())))
                .step(Step.named("chart").input(CLEAN).output(CHART).version("1").body(ctx -> {
                    Path chart = dir.resolve("chart-" + ctx.input(CLEAN).length() + ".svg");
                    Files.writeString(chart, "<svg>" + ctx.input(CLEAN) + "</svg>");
                    ctx.output(CHART, chart);
                }))
                .step(Step.named("train").input(CLEAN).output(MODEL).param("depth", 3).version("1")
                        .body(ctx -> ctx.output(MODEL, "model of \"" + ctx.input(CLEAN) + "\"")))
                .build();
    }

    private Path raw(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    @Test
    void upstream_ofModel_isATypedGraphAndAReadableTree() throws IOException {
        PipelineResult r = pipeline().on(mlops).input(RAW, raw("wine.csv", "a,b\n1,2")).run();
        Artifact model = r.artifact(MODEL).orElseThrow();

        LineageGraph g = mlops.lineage().upstream(model.id());

        assertThat(g.direction()).isEqualTo(LineageGraph.Direction.UPSTREAM);
        assertThat(g.artifactsOfType("Dataset")).extracting(Artifact::uri)
                .containsExactlyInAnyOrder(dir.resolve("wine.csv").toUri().toString(), "runs:/"
                        + r.step("clean").stepRunId() + "/outputs/clean");
        assertThat(g.executions().values()).extracting(Execution::type)
                .containsExactlyInAnyOrder("train", "clean", "pipeline-inputs");
        assertThat(g.artifactsOfType("Report")).isEmpty(); // the chart is a sibling, not upstream
        String text = g.toText();
        assertThat(text.lines().toList()).hasSize(6);
        assertThat(text.lines().toList().get(0)).startsWith("Model runs:/" + r.step("train").stepRunId()
                + "/outputs/model [sha256 ");
        assertThat(text).contains("└─ <- train [COMPLETE, run " + r.step("train").stepRunId() + "] as 'model'")
                .contains("   └─ clean: Dataset runs:/").contains("      └─ <- clean [COMPLETE")
                .contains("         └─ raw: Dataset " + dir.resolve("wine.csv").toUri())
                .contains("<- pipeline-inputs [COMPLETE");
    }

    @Test
    void downstream_ofAFile_findsEveryRunThatUsedIt() throws IOException {
        Path file = raw("wine.csv", "a,b\n1,2");
        pipeline().on(mlops).input(RAW, file).run();
        pipeline().on(mlops).input(RAW, file).cache(false).run();

        var artifacts = mlops.lineage().artifactsByUri(file.toUri().toString());
        assertThat(artifacts).hasSize(1); // one unchanged file is one artifact
        LineageGraph g = mlops.lineage().downstream(artifacts.get(0).id());

        assertThat(g.executionsOfType("train")).hasSize(2);
        assertThat(g.artifactsOfType("Model")).hasSize(2);
        assertThat(g.artifactsOfType("Report")).hasSize(2);
        assertThat(g.toText()).contains("-> clean [COMPLETE").contains("-> train [COMPLETE").contains("model: Model");
    }

    @Test
    void toDot_isAGraphvizDigraphWithEscapedLabels() throws IOException {
        PipelineResult r = pipeline().on(mlops).input(RAW, raw("wine.csv", "x")).run();
        LineageGraph g = mlops.lineage().upstream(r.artifact(MODEL).orElseThrow().id());
        String dot = g.toDot();
        assertThat(dot).startsWith("digraph lineage {\n").endsWith("}\n");
        assertThat(dot.lines().filter(l -> l.contains("shape=box"))).hasSize(g.artifacts().size());
        assertThat(dot.lines().filter(l -> l.contains("shape=ellipse"))).hasSize(g.executions().size());
        assertThat(dot.lines().filter(l -> l.contains(" -> "))).hasSize(g.events().size());
        assertThat(dot).contains("\"e_" + r.step("train").executionId() + "\" -> \"a_"
                + r.artifact(MODEL).orElseThrow().id() + "\" [label=\"model\"]");
        assertThat(dot).contains("label=\"train\\nCOMPLETE\"").contains("penwidth=2");
    }

    @Test
    void unknownArtifact_isNotFound() {
        assertThatThrownBy(() -> mlops.lineage().upstream(Artifact.newId())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> mlops.lineage().upstreamOfModel("nope", 1)).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("models:/nope/1");
    }

    @Test
    void collectGarbage_dryRunChangesNothing() throws IOException {
        PipelineResult r = pipeline().on(mlops).input(RAW, raw("wine.csv", "x")).run();
        RetentionReport report = mlops.lineage().collectGarbage(RetentionPolicy.olderThan(Duration.ZERO).dryRun(true));
        assertThat(report.dryRun()).isTrue();
        assertThat(report.deleted()).hasSize(4);
        assertThat(mlops.lineage().isIntact(r.artifact(MODEL).orElseThrow())).isTrue();
        assertThat(pipeline().on(mlops).input(RAW, dir.resolve("wine.csv")).run().cachedSteps()).hasSize(3);
    }

    @Test
    void collectGarbage_keepsUpstreamOfProtectedAndLineageWhole() throws IOException {
        PipelineResult r = pipeline().on(mlops).input(RAW, raw("wine.csv", "x")).run();
        Artifact model = r.artifact(MODEL).orElseThrow();
        Artifact chart = r.artifact(CHART).orElseThrow();

        RetentionReport report = mlops.lineage().collectGarbage(RetentionPolicy.olderThan(Duration.ZERO)
                .protecting(Set.of(model.id())).deletingFiles(true));

        assertThat(report.deleted()).extracting(Artifact::id).containsExactly(chart.id());
        assertThat(report.kept()).hasSize(3); // model, clean data, raw file
        assertThat(report.filesDeleted()).isEqualTo(1);
        assertThat(Path.of(java.net.URI.create(chart.uri()))).doesNotExist();
        assertThat(dir.resolve("wine.csv")).exists();
        Artifact after = mlops.lineage().artifact(chart.id()).orElseThrow();
        assertThat(after.state()).isEqualTo(ArtifactState.DELETED);
        // The record and its events stay: downstream of the raw file still shows the chart, marked deleted.
        LineageGraph down = mlops.lineage().downstream(r.artifact(RAW).orElseThrow().id());
        assertThat(down.artifacts()).containsKey(chart.id());
        assertThat(down.toText()).contains("DELETED");
        assertThat(down.toDot()).contains("style=dashed");

        PipelineResult again = pipeline().on(mlops).input(RAW, dir.resolve("wine.csv")).run();
        assertThat(again.executedSteps()).containsExactly("chart");
    }

    @Test
    void collectGarbage_deletesBlobsAndKeepsFilesUnlessAsked() throws IOException {
        PipelineResult r = pipeline().on(mlops).input(RAW, raw("wine.csv", "x")).run();
        Artifact clean = r.artifact(CLEAN).orElseThrow();
        RetentionReport report = mlops.lineage().collectGarbage(RetentionPolicy.olderThan(Duration.ZERO));
        assertThat(report.blobsDeleted()).isEqualTo(2); // clean and model
        assertThat(report.filesDeleted()).isZero();
        assertThat(dir.resolve("wine.csv")).exists();
        assertThat(mlops.lineage().isIntact(clean)).isFalse();
        assertThatThrownBy(() -> mlops.lineage().open(mlops.lineage().artifact(clean.id()).orElseThrow()))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("deleted by retention");
        assertThat(mlops.lineage().collectGarbage(RetentionPolicy.olderThan(Duration.ZERO)).deleted()).isEmpty();
    }

    @Test
    void collectGarbage_contentAlsoLoggedByARun_keepsTheBlobAndSaysWhy() throws IOException {
        PipelineResult r = pipeline().on(mlops).input(RAW, raw("wine.csv", "x")).run();
        Artifact clean = r.artifact(CLEAN).orElseThrow();
        Artifact model = r.artifact(MODEL).orElseThrow();
        byte[] bytes;
        try (var in = mlops.lineage().open(clean)) {
            bytes = in.readAllBytes();
        }
        String runId;
        try (Run run = mlops.experiment("elsewhere").startRun("copy")) {
            run.logArtifact("copies/clean.json", bytes); // the same content, named by a run outside lineage
            runId = run.id();
        }

        RetentionReport dry = mlops.lineage().collectGarbage(RetentionPolicy.olderThan(Duration.ZERO).dryRun(true));
        RetentionReport report = mlops.lineage().collectGarbage(RetentionPolicy.olderThan(Duration.ZERO));

        assertThat(dry.deleted()).extracting(Artifact::id).contains(clean.id(), model.id());
        assertThat(dry.keptContents()).singleElement().satisfies(k -> {
            assertThat(k.fingerprint()).isEqualTo(clean.fingerprint());
            assertThat(k.artifactIds()).containsExactly(clean.id());
            assertThat(k.reason()).isEqualTo("run " + runId + " names it as artifact 'copies/clean.json'");
        });
        assertThat(report.keptContents()).isEqualTo(dry.keptContents());
        assertThat(report.blobsDeleted()).isEqualTo(1); // the model's content; the clean data's stays
        assertThat(mlops.lineage().artifact(clean.id()).orElseThrow().state()).isEqualTo(ArtifactState.DELETED);
        assertThat(mlops.runs().readArtifact(runId, "copies/clean.json")).isEqualTo(bytes);
        assertThat(mlops.lineage().isIntact(model)).isFalse();
    }

    @Test
    void collectGarbage_contentOfAnotherLiveArtifact_keepsTheBlobAndSaysWhy() throws IOException {
        PipelineResult old = pipeline().on(mlops).input(RAW, raw("wine.csv", "x")).run();
        Artifact oldClean = old.artifact(CLEAN).orElseThrow();
        PipelineResult recent = pipeline().on(mlops).input(RAW, raw("wine.csv", "x")).cache(false).run();
        Artifact recentClean = recent.artifact(CLEAN).orElseThrow();

        RetentionReport report = mlops.lineage().collectGarbage(RetentionPolicy.olderThan(Duration.ZERO)
                .protecting(Set.of(recentClean.id())));

        assertThat(report.deleted()).extracting(Artifact::id).contains(oldClean.id());
        assertThat(report.keptContents()).singleElement().satisfies(k -> {
            assertThat(k.artifactIds()).containsExactly(oldClean.id());
            assertThat(k.reason()).startsWith("LIVE lineage artifact " + recentClean.id());
        });
        assertThat(mlops.lineage().isIntact(recentClean)).isTrue();
    }

    @Test
    void collectGarbage_olderThan_keepsRecentArtifacts() throws IOException {
        pipeline().on(mlops).input(RAW, raw("wine.csv", "x")).run();
        assertThat(mlops.lineage().collectGarbage(RetentionPolicy.olderThan(Duration.ofDays(1))).deleted()).isEmpty();
    }
}
