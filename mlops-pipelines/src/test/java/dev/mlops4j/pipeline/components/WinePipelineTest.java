package dev.mlops4j.pipeline.components;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.mlops4j.Mlops;
import dev.mlops4j.gate.Gate;
import dev.mlops4j.gate.GateFailedException;
import dev.mlops4j.gate.MetricValues;
import dev.mlops4j.lineage.Artifact;
import dev.mlops4j.lineage.LineageGraph;
import dev.mlops4j.pipeline.Pipeline;
import dev.mlops4j.pipeline.PipelineResult;
import dev.mlops4j.pipeline.Slot;
import dev.mlops4j.pipeline.Step;
import dev.mlops4j.pipeline.StepFailedException;
import dev.mlops4j.pipeline.tribuo.TribuoComponents;
import dev.mlops4j.lineage.ExecutionState;
import dev.mlops4j.registry.ModelVersion;
import dev.mlops4j.registry.PromotionOutcome;
import dev.mlops4j.validation.drift.DriftReport;
import dev.mlops4j.validation.profile.Profile;
import dev.mlops4j.validation.report.ValidationReport;
import dev.mlops4j.validation.schema.Schema;
import dev.mlops4j.validation.schema.SchemaInputCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.Model;
import org.tribuo.classification.dtree.CARTClassificationTrainer;

/** The real pipeline over the shared wine data: load, split, profile, schema, validate, drift, train, evaluate, gate. */
class WinePipelineTest {
    static final Slot<Path> CSV = Slot.of("wine_csv", Path.class).artifactType("Dataset");
    static final Slot<String> DATA = Components.csvSlot("data");
    static final Slot<String> TRAIN = Components.csvSlot("train_rows");
    static final Slot<String> TEST = Components.csvSlot("test_rows");
    static final Slot<Profile> PROFILE = Components.profileSlot("profile");
    static final Slot<Profile> TRAIN_PROFILE = Components.profileSlot("train_profile");
    static final Slot<Schema> SCHEMA = Components.schemaSlot("schema");
    static final Slot<ValidationReport> VALIDATION = Components.validationSlot("validation");
    static final Slot<DriftReport> DRIFT = Components.driftSlot("train_test_drift");
    @SuppressWarnings("rawtypes")
    static final Slot<Model> MODEL = TribuoComponents.modelSlot("model");
    static final Slot<TrainedModel> SAVED = Components.trainedModelSlot("saved_model");
    static final Slot<Metrics> METRICS = Components.metricsSlot("metrics");
    static final Slot<GateOutcome> GATE = Components.gateSlot("gate");
    static final Slot<RegisteredVersion> VERSION = Components.versionSlot("version");
    static final Slot<PromotionRecord> PROMOTION = Components.promotionSlot("promotion");

    @TempDir
    Path home;
    private Mlops mlops;

    @AfterEach
    void close() {
        if (mlops != null) {
            mlops.close();
        }
    }

    static Path wineCsv() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            for (Path candidate : new Path[] {dir.resolve("shared/data/wine.csv"),
                    dir.resolve("mlops-examples/src/main/resources/data/wine.csv")}) {
                if (Files.isRegularFile(candidate)) {
                    return candidate;
                }
            }
        }
        throw new IllegalStateException("cannot find the shared wine.csv above " + Path.of("").toAbsolutePath());
    }

    static Pipeline wine(double minAccuracy) {
        return wine(minAccuracy, 5, null);
    }

    /**
     * @param minAccuracy the pipeline's gate before registration
     * @param depth the depth of the CART trees
     * @param release the registry's gate on promotion (against the champion), or null for none
     */
    static Pipeline wine(double minAccuracy, int depth, Gate release) {
        return wine(minAccuracy, depth, release, SCHEMA);
    }

    /** @param schema where the inferred schema goes (a transient slot makes registration fail) */
    static Pipeline wine(double minAccuracy, int depth, Gate release, Slot<Schema> schema) {
        return Pipeline.builder("wine").input(CSV)
                .step(Components.loadCsv(Step.named("load").tags("data"), CSV, DATA))
                .step(Components.profile(Step.named("profile").tags("data"), DATA, PROFILE))
                .step(Components.inferSchema(Step.named("schema").tags("data"), PROFILE, schema))
                .step(Components.validate(Step.named("validate").tags("data"), DATA, schema, VALIDATION))
                .step(Components.split(Step.named("split"), DATA, TRAIN, TEST, 0.7, 42L))
                .step(Components.profile(Step.named("train_profile"), TRAIN, TRAIN_PROFILE))
                .step(Components.drift(Step.named("drift"), TRAIN_PROFILE, TEST, DRIFT, false))
                // Training waits for validation: bad data never reaches the trainer.
                .step(TribuoComponents.trainClassifier(Step.named("train").input(VALIDATION).tags("model"), TRAIN,
                        "cultivar", () -> new CARTClassificationTrainer(depth), MODEL, SAVED))
                .step(TribuoComponents.evaluateClassifier(Step.named("evaluate").tags("model"), MODEL, TEST,
                        "cultivar", METRICS))
                .step(Components.gate(Step.named("gate").tags("model"), METRICS,
                        Gate.metric("accuracy").atLeast(minAccuracy), GATE))
                .step(Components.register(Step.named("register"), "wine", SAVED, GATE, schema, VERSION))
                .step(release == null ? Components.promote(Step.named("promote"), VERSION, "production", PROMOTION)
                        : Components.promote(Step.named("promote"), VERSION, "production", release, PROMOTION))
                .build();
    }

    private void assertWinePipeline(Mlops m) {
        this.mlops = m;
        PipelineResult first = wine(0.85).on(mlops).input(CSV, wineCsv()).run();

        assertThat(first.executedSteps()).hasSize(12);
        assertThat(first.output(VALIDATION).isValid()).isTrue();
        assertThat(first.output(PROFILE).rowCount()).isEqualTo(178);
        assertThat(first.output(TRAIN_PROFILE).rowCount() + Profile.of(dev.mlops4j.validation.data.CsvTable
                .ofText(first.output(TEST))).rowCount()).isEqualTo(178);
        assertThat(first.output(METRICS).values().get("accuracy")).isBetween(0.85, 1.0);
        assertThat(first.output(GATE).passed()).isTrue();
        assertThat(first.output(VERSION)).isEqualTo(new RegisteredVersion("wine", 1));
        assertThat(first.output(PROMOTION).promoted()).isTrue();
        ModelVersion production = mlops.models().findByAlias("wine", "production").orElseThrow();
        assertThat(production.version()).isEqualTo(1);
        assertThat(production.runId()).isEqualTo(first.step("train").stepRunId());
        // The version refers to the schema step's stored output, which serving's schema check reads back.
        assertThat(production.schemaRef()).startsWith("runs:/" + first.step("schema").stepRunId() + "/");
        assertThat(SchemaInputCheck.read(mlops.runs(), production).toJson()).isEqualTo(first.output(SCHEMA).toJson());
        assertThat(mlops.runs().children(first.pipelineRunId())).hasSize(12);

        // Which data and which steps produced the model now in production?
        LineageGraph up = mlops.lineage().upstreamOfModel("wine", production.version());
        assertThat(up.executions().values()).extracting(e -> e.type()).contains("register", "gate", "evaluate",
                "train", "validate", "split", "load");
        assertThat(up.artifactsOfType("Dataset")).extracting(Artifact::uri).contains(wineCsv().toUri().toString());
        assertThat(up.toText()).contains("ModelVersion models:/wine/1").contains("<- train [COMPLETE")
                .contains(wineCsv().toUri().toString());
        assertThat(up.toDot()).contains("models:/wine/1");
        // Which models were trained on this file?
        Artifact file = mlops.lineage().artifactsByUri(wineCsv().toUri().toString()).get(0);
        assertThat(mlops.lineage().downstream(file.id()).artifactsOfType("ModelVersion")).extracting(Artifact::uri)
                .containsExactly("models:/wine/1");

        // Unchanged: everything but the (deliberately uncached) promotion comes from the cache.
        PipelineResult again = wine(0.85).on(mlops).input(CSV, wineCsv()).run();
        assertThat(again.cachedSteps()).hasSize(11).doesNotContain("promote");
        assertThat(again.output(VERSION)).isEqualTo(new RegisteredVersion("wine", 1));
        assertThat(mlops.models().versions("wine")).hasSize(1);
        assertThat(again.output(METRICS)).isEqualTo(first.output(METRICS));
    }

    @Test
    void wine_inMemory_runsCachesAndRecordsLineage() {
        assertWinePipeline(Mlops.inMemory());
    }

    @Test
    void wine_onH2FileStore_runsCachesAndRecordsLineage() {
        assertWinePipeline(Mlops.open(home));
    }

    /**
     * The plain components, train -> evaluate -> gate -> register -> promote, with a release gate that reads the
     * registered versions' metrics: the hold-out accuracy evaluate logged, for the challenger and for the champion.
     */
    @Test
    void wine_releaseGate_readsTheEvaluationAndComparesWithTheChampion() {
        mlops = Mlops.inMemory();
        Gate release = Gate.metric("accuracy").atLeast(0.85)
                .and(Gate.metric("accuracy").notWorseThanChampion().by(0.0)).named("release");

        PipelineResult first = wine(0.85, 5, release).on(mlops).input(CSV, wineCsv()).run();
        ModelVersion v1 = mlops.models().version("wine", 1);
        double accuracy = first.output(METRICS).values().get("accuracy");
        assertThat(first.output(PROMOTION).promoted()).isTrue();
        assertThat(v1.runId()).isEqualTo(first.step("train").stepRunId());
        assertThat(v1.evaluationRunId()).contains(first.step("evaluate").stepRunId());
        assertThat(MetricValues.of(mlops.runs(), v1).values()).containsEntry("accuracy", accuracy);
        assertThat(mlops.runs().get(v1.runId()).latestMetrics()).doesNotContainKey("accuracy");

        // A stump is a worse challenger: registered, since it passes the pipeline's own bar, but not promoted.
        PipelineResult stump = wine(0.5, 1, release).on(mlops).input(CSV, wineCsv()).run();
        double stumpAccuracy = stump.output(METRICS).values().get("accuracy");
        assertThat(stumpAccuracy).isLessThan(accuracy);
        assertThat(stump.output(VERSION)).isEqualTo(new RegisteredVersion("wine", 2));
        assertThat(stump.output(PROMOTION).promoted()).isFalse();
        assertThat(stump.output(PROMOTION).outcome()).isEqualTo(PromotionOutcome.REJECTED_BY_GATE.name());
        assertThat(mlops.models().findByAlias("wine", "production").orElseThrow().version()).isEqualTo(1);
        assertThat(new String(mlops.runs().readArtifact(stump.step("promote").stepRunId(), "promotion/decision.txt"),
                java.nio.charset.StandardCharsets.UTF_8)).contains("gate 'release' failed for models:/wine/2")
                .contains("against v1");

        // Retrained without the cache, the same model is as good as the champion: it takes the alias.
        PipelineResult retrained = wine(0.85, 5, release).on(mlops).input(CSV, wineCsv()).cache(false).run();
        assertThat(retrained.output(VERSION).version()).isEqualTo(3);
        assertThat(retrained.output(PROMOTION).promoted()).isTrue();
        assertThat(mlops.models().findByAlias("wine", "production").orElseThrow().gateResults().get("release")
                .summary()).contains("champion models:/wine/1 @production (run " + v1.runId() + ", evaluated by run "
                + v1.evaluationRunId().orElseThrow() + ")");
    }

    @Test
    void wine_strictGate_failsBeforeRegistrationAndARelaxedRerunResumes() throws Exception {
        mlops = Mlops.inMemory();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            StepFailedException failed = catchThrowableOfType(() -> wine(0.9999).on(mlops).input(CSV, wineCsv())
                    .parallel(pool).run(), StepFailedException.class);
            assertThat(failed.stepName()).isEqualTo("gate");
            assertThat(failed.getCause()).isInstanceOf(GateFailedException.class);
            assertThat(failed.result().step("register").state()).isEqualTo(ExecutionState.CANCELED);
            assertThat(mlops.models().findModel("wine")).isEmpty();

            PipelineResult relaxed = wine(0.85).on(mlops).input(CSV, wineCsv()).parallel(pool).run();
            assertThat(relaxed.executedSteps()).containsExactly("gate", "register", "promote");
            assertThat(relaxed.cachedSteps()).hasSize(9);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void wine_slicedByTag_rerunsOnlyTheDataChecks() {
        mlops = Mlops.inMemory();
        wine(0.85).on(mlops).input(CSV, wineCsv()).run();
        PipelineResult data = wine(0.85).onlyTags("data").on(mlops).input(CSV, wineCsv()).cache(false).run();
        assertThat(data.executedSteps()).containsExactly("load", "profile", "schema", "validate");
        assertThat(Stream.of("train", "gate").noneMatch(s -> data.steps().stream()
                .anyMatch(r -> r.stepName().equals(s)))).isTrue();
    }

    @Test
    void register_withATransientSchemaSlot_failsSayingHowToStoreIt() {
        mlops = Mlops.inMemory();
        Slot<Schema> transientSchema = Slot.transientOf("schema", Schema.class);

        StepFailedException e = catchThrowableOfType(() -> wine(0.85, 5, null, transientSchema).on(mlops)
                .input(CSV, wineCsv()).run(), StepFailedException.class);

        assertThat(e.getCause()).hasMessageContaining("schema slot 'schema' is transient")
                .hasMessageContaining("Components.schemaSlot(name)");
        assertThat(mlops.models().findModel("wine")).isEmpty();
    }
}
