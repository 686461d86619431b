package dev.mlops4j.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops4j.Mlops;
import dev.mlops4j.NotFoundException;
import dev.mlops4j.Run;
import dev.mlops4j.gate.Gate;
import dev.mlops4j.pipeline.Pipeline;
import dev.mlops4j.pipeline.Slot;
import dev.mlops4j.pipeline.Step;
import dev.mlops4j.pipeline.components.Components;
import dev.mlops4j.pipeline.components.GateOutcome;
import dev.mlops4j.pipeline.components.Metrics;
import dev.mlops4j.pipeline.components.RegisteredVersion;
import dev.mlops4j.pipeline.components.TrainedModel;
import dev.mlops4j.pipeline.tribuo.TribuoComponents;
import java.nio.file.Path;
import dev.mlops4j.registry.AuditAction;
import dev.mlops4j.registry.ModelRegistry;
import dev.mlops4j.registry.ModelVersion;
import dev.mlops4j.report.internal.Formats;
import dev.mlops4j.tribuo.TribuoTracking;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tribuo.Trainer;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.data.csv.CSVLoader;
import org.tribuo.evaluation.TrainTestSplitter;
import org.tribuo.math.optimisers.AdaGrad;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Model cards of two real Tribuo models trained on wine, gated, registered, one promoted to production. */
class ModelCardReportTest {
    private static final Instant WHEN = Instant.parse("2026-12-01T10:00:00Z");
    private static final Gate QUALITY = Gate.metric("accuracy").atLeast(0.80).named("quality");
    private static Mlops mlops;
    private static ModelVersion logreg;
    private static ModelVersion cart;

    @BeforeAll
    static void trainRegisterPromote() {
        mlops = Mlops.builder().metadataStore(new dev.mlops4j.core.memory.InMemoryMetadataStore())
                .artifactStore(new dev.mlops4j.core.artifacts.InMemoryArtifactStore()).user("alice").build();
        TrainTestSplitter<Label> split;
        try {
            split = new TrainTestSplitter<>(new CSVLoader<>(new LabelFactory())
                    .loadDataSource(DataFiles.path("wine.csv"), "cultivar"), 0.7, 42L);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        MutableDataset<Label> train = new MutableDataset<>(split.getTrain());
        MutableDataset<Label> test = new MutableDataset<>(split.getTest());
        ModelRegistry registry = mlops.models();
        logreg = registry.register("wine", train("logreg", new LinearSGDTrainer(new LogMulticlass(),
                new AdaGrad(0.5, 0.01), 10, 1000, 1, 42L), train, test));
        cart = registry.register("wine", train("cart", new CARTClassificationTrainer(2), train, test));
        registry.promote("wine", logreg.version()).to("production").requiring(QUALITY)
                .because("best accuracy on the held-out 30%");
    }

    private static String train(String name, Trainer<Label> trainer, MutableDataset<Label> train,
                                MutableDataset<Label> test) {
        try (Run run = mlops.experiment("wine-cards").startRun(name)) {
            var trained = TribuoTracking.train(run, trainer, train);
            TribuoTracking.evaluateClassifier(run, trained.model(), test);
            TribuoTracking.recordGate(run, QUALITY.evaluate(run.record()));
            return run.id();
        }
    }

    /** @return the card of the challenger (the CART tree), with the production model beside it */
    static ModelCardReport challengerCard() {
        return Reports.modelCard(mlops, "wine", cart.version());
    }

    @AfterAll
    static void close() {
        mlops.close();
    }

    @Test
    void modelCard_productionVersion_showsProvenanceMetricsGatesAndTheAliasMove() {
        ModelCardReport card = ModelCardReport.builder(mlops, "wine", logreg.version()).generatedAt(WHEN).build();
        Document doc = Xml.parse(card.toHtml());

        assertThat(card.aliases()).containsExactly("production");
        assertThat(Xml.cells(Xml.row(doc, "version", "model URI")).get(1)).isEqualTo("models:/wine/" + logreg.version());
        assertThat(Xml.cells(Xml.row(doc, "version", "aliases held")).get(1)).isEqualTo("@production");
        assertThat(Xml.cells(Xml.row(doc, "version", "model class")).get(1)).isEqualTo(logreg.modelClass());
        assertThat(Xml.cells(Xml.row(doc, "version", "source")).get(1)).isEqualTo("runs:/" + logreg.runId() + "/model");
        assertThat(Xml.cells(Xml.row(doc, "version", "experiment")).get(1)).isEqualTo("wine-cards");
        assertThat(Xml.cells(Xml.row(doc, "version", "data fingerprint")).get(1)).isEqualTo(
                logreg.dataFingerprintOpt().orElse("not recorded"));
        double accuracy = mlops.runs().get(logreg.runId()).latestMetrics().get("accuracy").value();
        assertThat(Xml.cells(Xml.row(doc, "metrics", "accuracy")).get(1)).isEqualTo(Formats.number(accuracy));
        assertThat(Xml.all(Xml.byId(doc, "metrics"), "svg")).hasSize(card.chartCount()).isNotEmpty();
        assertThat(Xml.cells(Xml.row(doc, "gates", "quality")).get(1)).isEqualTo("PASSED");
        assertThat(Xml.text(Xml.all(Xml.byId(doc, "gates"), "pre").get(0))).contains("accuracy", ">= 0.8");
        assertThat(Xml.cells(Xml.row(doc, "params", "epochs")).get(1)).isEqualTo("10");
        List<String> audit = Xml.all(Xml.byId(doc, "audit"), "tr").stream().skip(1)
                .map(r -> Xml.cells(r).get(3)).toList();
        assertThat(audit).containsSubsequence(AuditAction.VERSION_REGISTERED.name(), AuditAction.ALIAS_MOVED.name());
        assertThat(Xml.text(Xml.byId(doc, "audit"))).contains("best accuracy on the held-out 30%", "@production");
        assertThat(card.toString()).contains("models:/wine/" + logreg.version(), "@production", "1 gates");
    }

    @Test
    void modelCard_challenger_showsTheProductionHolderBesideIt() {
        ModelCardReport card = Reports.modelCard(mlops, "wine", cart.version());
        Document doc = Xml.parse(card.toHtml());

        assertThat(card.aliases()).isEmpty();
        assertThat(Xml.cells(Xml.row(doc, "version", "aliases held")).get(1)).isEqualTo("none");
        List<String> header = Xml.all(Xml.all(Xml.byId(doc, "metrics"), "thead").get(0), "th").stream()
                .map(Xml::text).toList();
        assertThat(header).containsExactly("metric", "v" + cart.version() + " (this version)",
                "v" + logreg.version() + " @production");
        double mine = mlops.runs().get(cart.runId()).latestMetrics().get("accuracy").value();
        double theirs = mlops.runs().get(logreg.runId()).latestMetrics().get("accuracy").value();
        List<String> accuracy = Xml.cells(Xml.row(doc, "metrics", "accuracy"));
        assertThat(accuracy.get(2)).startsWith(Formats.number(theirs));
        if (mine != theirs) {
            assertThat(accuracy.get(2)).endsWith(Formats.signed(theirs - mine));
        }
        assertThat(Xml.text(Xml.all(Xml.byId(doc, "metrics"), "figure").get(0))).contains("@production");
    }

    @Test
    void modelCard_versionRegisteredOutsideAPipeline_saysNoLineageAndNamesItsSource() {
        Document doc = Xml.parse(Reports.modelCard(mlops, "wine", cart.version()).toHtml());

        assertThat(Xml.text(Xml.byId(doc, "lineage"))).contains("No lineage is recorded")
                .contains("runs:/" + cart.runId() + "/model");
    }

    @Test
    void modelCard_versionRegisteredByAPipeline_showsTheDataAndStepsUpstream() {
        Slot<Path> csv = Slot.of("wine_csv", Path.class).artifactType("Dataset");
        Slot<String> data = Components.csvSlot("data");
        Slot<String> trainRows = Components.csvSlot("train_rows");
        Slot<String> testRows = Components.csvSlot("test_rows");
        @SuppressWarnings("rawtypes")
        Slot<org.tribuo.Model> model = TribuoComponents.modelSlot("model");
        Slot<TrainedModel> saved = Components.trainedModelSlot("saved_model");
        Slot<Metrics> metrics = Components.metricsSlot("metrics");
        Slot<GateOutcome> gate = Components.gateSlot("gate");
        Slot<RegisteredVersion> version = Components.versionSlot("version");
        Pipeline pipeline = Pipeline.builder("wine-card").input(csv)
                .step(Components.loadCsv(Step.named("load"), csv, data))
                .step(Components.split(Step.named("split"), data, trainRows, testRows, 0.7, 42L))
                .step(TribuoComponents.trainClassifier(Step.named("train"), trainRows, "cultivar",
                        () -> new CARTClassificationTrainer(3), model, saved))
                .step(TribuoComponents.evaluateClassifier(Step.named("evaluate"), model, testRows, "cultivar",
                        metrics))
                .step(Components.gate(Step.named("gate"), metrics, Gate.metric("accuracy").atLeast(0.5), gate))
                .step(Components.register(Step.named("register"), "wine-pipeline", saved, gate, version))
                .build();
        try (Mlops own = Mlops.inMemory()) {
            Path wine = DataFiles.path("wine.csv");
            RegisteredVersion registered = pipeline.on(own).input(csv, wine).run().output(version);

            Document doc = Xml.parse(Reports.modelCard(own, "wine-pipeline", registered.version()).toHtml());

            String tree = Xml.text(Xml.all(Xml.byId(doc, "lineage"), "pre").get(0));
            assertThat(tree).isEqualTo(own.lineage().upstreamOfModel("wine-pipeline", registered.version()).toText()
                    .replaceAll("\\s+", " ").strip());
            assertThat(tree).contains("models:/wine-pipeline/" + registered.version(), "train", "load",
                    wine.toUri().toString());
        }
    }

    @Test
    void modelCard_byAliasUri_isTheHoldersCard() {
        assertThat(Reports.modelCard(mlops, "models:/wine@production").version()).isEqualTo(
                mlops.models().version("wine", logreg.version()));
    }

    @Test
    void modelCard_unknownVersion_isNotFound() {
        assertThatThrownBy(() -> Reports.modelCard(mlops, "wine", 99)).isInstanceOf(NotFoundException.class);
    }
}
