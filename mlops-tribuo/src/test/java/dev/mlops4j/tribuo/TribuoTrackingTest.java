package dev.mlops4j.tribuo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import dev.mlops4j.IllegalRunStateException;
import dev.mlops4j.Mlops;
import dev.mlops4j.Run;
import dev.mlops4j.gate.ConditionResult;
import dev.mlops4j.gate.ConditionStatus;
import dev.mlops4j.gate.Gate;
import dev.mlops4j.gate.GateFailedException;
import dev.mlops4j.gate.GateRecorder;
import dev.mlops4j.gate.GateResult;
import dev.mlops4j.gate.SliceKeys;
import dev.mlops4j.model.LoadedModel;
import dev.mlops4j.model.ModelArtifacts;
import dev.mlops4j.model.ModelDescriptor;
import dev.mlops4j.model.ModelFlavors;
import dev.mlops4j.model.ModelTask;
import dev.mlops4j.tracking.ArtifactInfo;
import dev.mlops4j.tracking.RunRecord;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.Tribuo;
import org.tribuo.classification.Label;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.evaluation.LabelEvaluation;
import org.tribuo.classification.evaluation.LabelEvaluator;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.evaluation.RegressionEvaluation;
import org.tribuo.regression.evaluation.RegressionEvaluator;
import org.tribuo.regression.rtree.CARTRegressionTrainer;

/** Tracked training, evaluation, model round trips and gates on the shared wine and iris data, in real runs. */
class TribuoTrackingTest {
    private static Mlops mlops;
    private static TestData.Split<Label> wine;

    @BeforeAll
    static void open() {
        mlops = Mlops.inMemory();
        wine = TestData.wine();
    }

    @AfterAll
    static void close() {
        mlops.close();
    }

    private static LinearSGDTrainer logisticTrainer() {
        return new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.5, 0.01), 7, 1000, 2, TestData.SEED);
    }

    @Test
    void train_wine_logsHyperparametersMatchingTheTrainersSettings() {
        LinearSGDTrainer trainer = logisticTrainer();
        TrackedModel<Label> trained;
        RunRecord record;
        try (Run run = mlops.experiment("wine-train").startRun("logreg")) {
            trained = TribuoTracking.train(run, trainer, wine.train());
            record = run.record();
        }

        Map<String, String> params = record.params();
        assertThat(params).containsEntry("trainer", LinearSGDTrainer.class.getName())
                .containsEntry("epochs", "7")
                .containsEntry("loggingInterval", "1000")
                .containsEntry("minibatchSize", "2")
                .containsEntry("seed", "42")
                .containsEntry("shuffle", "true")
                .containsEntry("objective", LogMulticlass.class.getName())
                .containsEntry("optimiser", AdaGrad.class.getName())
                .containsEntry("optimiser.initialLearningRate", "0.5")
                .containsEntry("optimiser.epsilon", "0.01")
                .containsEntry("optimiser.initialValue", "0.0");
        // Every hyperparameter, and only those, as the trainer itself and the trained model's provenance report them.
        SortedMap<String, String> fromTrainer = Hyperparameters.of(trainer);
        assertThat(trained.hyperparameters()).isEqualTo(fromTrainer).isEqualTo(Hyperparameters.of(trained.model()));
        fromTrainer.forEach((k, v) -> assertThat(params).containsEntry(k, v));
    }

    @Test
    void train_wine_logsDatasetVersionsTimeAndRunIdInProvenance() throws Exception {
        TrackedModel<Label> trained;
        RunRecord record;
        List<ArtifactInfo> artifacts;
        try (Run run = mlops.experiment("wine-train").startRun("provenance")) {
            trained = TribuoTracking.train(run, new CARTClassificationTrainer(5), wine.train());
            record = run.record();
            artifacts = mlops.runs().artifacts(run.id());
        }

        DatasetFingerprint fingerprint = DatasetFingerprint.of(wine.train());
        assertThat(record.params())
                .containsEntry("dataset.sha256", fingerprint.sha256())
                .containsEntry("dataset.examples", Integer.toString(wine.train().size()))
                .containsEntry("dataset.features", "13")
                .containsEntry("dataset.outputs", "3")
                .containsEntry("dataset.class", wine.train().getProvenance().getClassName())
                .containsEntry("dataset.source", wine.train().getProvenance().getSourceProvenance().getClassName())
                .containsEntry("maxDepth", "5");
        assertThat(record.tags()).containsEntry("tribuo.version", Tribuo.VERSION)
                .containsEntry("java.version", System.getProperty("java.version"));
        assertThat(record.metric(MetricNames.TRAINING_TIME_MS))
                .hasValue(trained.trainingTime().toNanos() / 1e6);
        Provenance runId = trained.model().getProvenance().getInstanceProvenance().getMap()
                .get(TribuoTracking.RUN_ID_PROVENANCE);
        assertThat(runId).isInstanceOfSatisfying(StringProvenance.class,
                p -> assertThat(p.getValue()).isEqualTo(record.runId()));
        assertThat(artifacts).extracting(ArtifactInfo::path).contains("model/model.tribuo",
                "model/" + ModelDescriptor.FILE_NAME, "dataset/provenance.json");
        JsonNode provenance = new ObjectMapper().readTree(mlops.runs().readArtifact(record.runId(),
                "dataset/provenance.json"));
        assertThat(provenance.get("class-name").asText()).isEqualTo(wine.train().getProvenance().getClassName());
        assertThat(provenance.get("num-examples").asText()).isEqualTo(Integer.toString(wine.train().size()));
        assertThat(trained.descriptor()).isEqualTo(ModelArtifacts.descriptor(mlops.runs(), record.runId(), "model"));
        assertThat(trained.descriptor().task()).isEqualTo(ModelTask.CLASSIFICATION);
    }

    @Test
    void evaluateClassifier_wine_metricsEqualTribuosOwnEvaluationExactly() {
        LabelEvaluation expected;
        EvaluationReport<LabelEvaluation> report;
        RunRecord record;
        String confusion;
        try (Run run = mlops.experiment("wine-eval").startRun("logreg")) {
            Model<Label> model = TribuoTracking.train(run, logisticTrainer(), wine.train()).model();
            report = TribuoTracking.evaluateClassifier(run, model, wine.test());
            record = run.record();
            confusion = new String(mlops.runs().readArtifact(run.id(), "evaluation/confusion_matrix.csv"),
                    StandardCharsets.UTF_8);
            expected = new LabelEvaluator().evaluate(model, wine.test());
        }

        Map<String, Double> logged = record.latestMetrics().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().value()));
        assertThat(logged)
                .containsEntry("accuracy", expected.accuracy())
                .containsEntry("macro_f1", expected.macroAveragedF1())
                .containsEntry("micro_f1", expected.microAveragedF1())
                .containsEntry("macro_precision", expected.macroAveragedPrecision())
                .containsEntry("macro_recall", expected.macroAveragedRecall())
                .containsEntry("balanced_error_rate", expected.balancedErrorRate())
                .containsEntry("macro_auc", expected.averageAUCROC(false))
                .containsEntry("weighted_auc", expected.averageAUCROC(true))
                .containsEntry("example_count", (double) wine.test().size());
        for (Label label : expected.getConfusionMatrix().getDomain().getDomain()) {
            String l = label.getLabel();
            assertThat(logged).containsEntry("class/" + l + "/precision", expected.precision(label))
                    .containsEntry("class/" + l + "/recall", expected.recall(label))
                    .containsEntry("class/" + l + "/f1", expected.f1(label))
                    .containsEntry("class/" + l + "/auc", expected.AUCROC(label));
        }
        Map<String, Double> evaluationMetrics = new HashMap<>(logged);
        evaluationMetrics.remove(MetricNames.TRAINING_TIME_MS);
        assertThat(report.metrics()).isEqualTo(evaluationMetrics);
        assertThat(report.unavailable()).isEmpty();
        assertThat(record.tags()).doesNotContainKey(TribuoTracking.UNAVAILABLE_TAG);

        List<String> rows = confusion.lines().toList();
        assertThat(rows.get(0)).isEqualTo("actual\\predicted,class_0,class_1,class_2");
        for (int a = 0; a < 3; a++) {
            String[] cells = rows.get(a + 1).split(",");
            for (int p = 0; p < 3; p++) {
                double count = expected.confusion(new Label("class_" + p), new Label("class_" + a));
                assertThat(Double.parseDouble(cells[p + 1])).isEqualTo(count);
            }
        }
    }

    @Test
    void evaluateClassifier_cartWithoutProbabilities_reportsAucUnavailableInsteadOfFailing() {
        RunRecord record;
        EvaluationReport<LabelEvaluation> report;
        LabelEvaluation expected;
        Model<Label> model;
        try (Run run = mlops.experiment("wine-eval").startRun("cart")) {
            model = TribuoTracking.train(run, new CARTClassificationTrainer(3), wine.train()).model();
            report = TribuoTracking.evaluateClassifier(run, model, wine.test());
            record = run.record();
            expected = new LabelEvaluator().evaluate(model, wine.test());
        }

        assertThat(model.generatesProbabilities()).isFalse();
        assertThat(record.metric("accuracy")).hasValue(expected.accuracy());
        assertThat(record.latestMetrics()).doesNotContainKeys("macro_auc", "weighted_auc", "class/class_0/auc");
        assertThat(record.tag(TribuoTracking.UNAVAILABLE_TAG)).hasValueSatisfying(t -> assertThat(t)
                .contains("macro_auc").contains("class/*/auc").contains("does not produce probabilities"));
        assertThat(report.unavailable()).containsKeys("macro_auc", "weighted_auc");
        assertThatThrownBy(() -> report.metric("macro_auc")).hasMessageContaining("does not produce probabilities");
    }

    @Test
    void modelArtifact_readBackFromFinishedRun_predictsIdenticallyOnEveryTestExample() {
        String runId;
        Model<Label> original;
        try (Run run = mlops.experiment("wine-roundtrip").startRun("logreg")) {
            original = TribuoTracking.train(run, logisticTrainer(), wine.train()).model();
            runId = run.id();
        }

        Model<Label> loaded = TribuoTracking.loadModel(mlops.runs(), runId, Label.class);
        LoadedModel viaFlavor = ModelArtifacts.load(mlops.runs(), runId, "model");

        assertThat(loaded.getProvenance()).isEqualTo(original.getProvenance());
        assertThat(viaFlavor.flavor()).isEqualTo(TribuoModelFlavor.ID);
        assertThat(viaFlavor.signature().featureNames()).hasSize(13).contains("alcohol", "proline");
        assertThat(viaFlavor.signature().outputs()).containsExactly("class_0", "class_1", "class_2");
        for (Example<Label> example : wine.test()) {
            Prediction<Label> expected = original.predict(example);
            Prediction<Label> actual = loaded.predict(example);
            assertThat(actual.getOutput().getLabel()).isEqualTo(expected.getOutput().getLabel());
            assertThat(actual.distributionEquals(expected, 0.0)).isTrue();

            Map<String, Double> features = new HashMap<>();
            for (Feature f : example) {
                features.put(f.getName(), f.getValue());
            }
            dev.mlops4j.model.Prediction neutral = viaFlavor.predict(features);
            assertThat(neutral.label()).isEqualTo(expected.getOutput().getLabel());
            expected.getOutputScores().forEach((label, score) ->
                    assertThat(neutral.values()).containsEntry(label, score.getScore()));
            assertThat(neutral.probabilities()).isTrue();
        }
        assertThat(ModelFlavors.discover().ids()).contains(TribuoModelFlavor.ID);
    }

    @Test
    void modelArtifactsLog_discoversTribuoFlavorForTribuoModel() {
        Model<Label> model = new CARTClassificationTrainer(2).train(wine.train());
        String runId;
        try (Run run = mlops.experiment("wine-roundtrip").startRun("generic-log")) {
            ModelDescriptor d = ModelArtifacts.log(run, "models/cart", model);
            assertThat(d.flavor()).isEqualTo("tribuo");
            assertThat(d.files()).containsExactly("model.tribuo");
            runId = run.id();
        }

        LoadedModel loaded = ModelArtifacts.load(mlops.runs(), runId, "models/cart");
        Example<Label> first = wine.test().getExample(0);
        Map<String, Double> features = new HashMap<>();
        first.forEach(f -> features.put(f.getName(), f.getValue()));
        assertThat(loaded.predict(features).label()).isEqualTo(model.predict(first).getOutput().getLabel());
        assertThat(loaded.predict(features).probabilities()).isFalse();
        assertThat(loaded.unwrap(Model.class)).isInstanceOf(org.tribuo.common.tree.TreeModel.class);
    }

    @Test
    void gate_firstModelWithoutChampion_passesWithChangeConditionSkippedAndIsRecorded() {
        Gate gate = Gate.metric("accuracy").atLeast(0.90)
                .and(Gate.metric("macro_f1").notWorseThanChampion().by(0.01)).named("release");
        GateResult result;
        RunRecord record;
        String runId;
        try (Run run = mlops.experiment("wine-gates").startRun("first")) {
            Model<Label> model = TribuoTracking.train(run, logisticTrainer(), wine.train()).model();
            TribuoTracking.evaluateClassifier(run, model, wine.test());
            result = gate.evaluate(run.record());
            TribuoTracking.recordGate(run, result);
            record = run.record();
            runId = run.id();
        }

        assertThat(record.metric("accuracy").getAsDouble()).isGreaterThanOrEqualTo(0.90);
        assertThat(result.passed()).isTrue();
        assertThat(result.conditions()).extracting(ConditionResult::status)
                .containsExactly(ConditionStatus.PASSED, ConditionStatus.SKIPPED);
        assertThat(record.tags()).containsEntry("gate.release.status", "PASSED")
                .containsEntry("gate.release.summary", "PASSED: 1 passed, 0 failed, 1 skipped; no champion");
        assertThat(record.metric("gate.release.passed")).hasValue(1.0);
        assertThat(GateRecorder.recordedStatus(record, "release")).hasValue(ConditionStatus.PASSED);
        assertThat(new String(mlops.runs().readArtifact(runId, "gates/release.txt"), StandardCharsets.UTF_8))
                .isEqualTo(result.toString());
        assertThat(GateResultJson.fromJson(mlops.runs().readArtifact(runId, "gates/release.json"))).isEqualTo(result);
        assertThat(mlops.runs().search("wine-gates").filter("tags.`gate.release.status` = 'PASSED'").list())
                .extracting(RunRecord::runId).containsExactly(runId);
    }

    @Test
    void gate_weakChallengerAgainstChampion_failsValueAndChangeConditions() {
        RunRecord champion;
        RunRecord challenger;
        try (Run run = mlops.experiment("wine-gates").startRun("champion")) {
            TribuoTracking.evaluateClassifier(run, TribuoTracking.train(run, logisticTrainer(), wine.train()).model(),
                    wine.test());
            champion = run.record();
        }
        try (Run run = mlops.experiment("wine-gates").startRun("stump")) {
            TribuoTracking.evaluateClassifier(run,
                    TribuoTracking.train(run, new CARTClassificationTrainer(1), wine.train()).model(), wine.test());
            challenger = run.record();
        }
        Gate gate = Gate.metric("accuracy").atLeast(0.90)
                .and(Gate.metric("macro_f1").notWorseThan(champion).by(0.01));

        GateResult result = gate.evaluate(challenger);

        double championF1 = champion.metric("macro_f1").getAsDouble();
        double challengerF1 = challenger.metric("macro_f1").getAsDouble();
        assertThat(challengerF1).isLessThan(championF1 - 0.01);
        assertThat(result.passed()).isFalse();
        assertThat(result.conditions()).extracting(ConditionResult::status)
                .containsExactly(ConditionStatus.FAILED, ConditionStatus.FAILED);
        ConditionResult change = result.conditions().get(1);
        assertThat(change.champion()).isEqualTo(championF1);
        assertThat(change.observed()).isEqualTo(challengerF1);
        assertThat(change.change()).isEqualTo(challengerF1 - championF1);
        assertThatThrownBy(result::throwIfFailed).isInstanceOf(GateFailedException.class)
                .hasMessageContaining("macro_f1 not worse than run " + champion.runId());
        // The champion passes the same gate against itself.
        assertThat(gate.evaluate(champion).passed()).isTrue();
    }

    @Test
    void gate_perSliceOnWine_goodOnAverageButBadForOneSliceFails() {
        Slicer alcohol = Slicer.of("alcohol_level",
                ex -> ex.lookup("alcohol").getValue() >= 13.0 ? "high" : "low");
        Slicer color = Slicer.of("color", ex -> ex.lookup("color_intensity").getValue() >= 5.0 ? "dark" : "light");
        EvaluationReport<LabelEvaluation> report;
        RunRecord record;
        Model<Label> model;
        try (Run run = mlops.experiment("wine-slices").startRun("cart")) {
            model = TribuoTracking.train(run, new CARTClassificationTrainer(2), wine.train()).model();
            report = TribuoTracking.evaluateClassifier(run, model, wine.test(),
                    EvaluationOptions.builder().slice(alcohol).slice(color).build());
            record = run.record();
        }

        // Per-slice metrics equal Tribuo's evaluation of the sliced test data, computed independently.
        for (String level : List.of("high", "low")) {
            MutableDataset<Label> subset = new MutableDataset<>(wine.test().getProvenance(), wine.test().getOutputFactory());
            for (Example<Label> ex : wine.test()) {
                if (alcohol.sliceOf(ex).equals(level)) {
                    subset.add(ex);
                }
            }
            LabelEvaluation expected = new LabelEvaluator().evaluate(model, subset);
            assertThat(record.metric(SliceKeys.key("alcohol_level", level, "accuracy"))).hasValue(expected.accuracy());
            assertThat(record.metric(SliceKeys.key("alcohol_level", level, "macro_f1")))
                    .hasValue(expected.macroAveragedF1());
            assertThat(record.metric(SliceKeys.key("alcohol_level", level, "example_count")))
                    .hasValue((double) subset.size());
        }
        assertThat(report.slices().get("color")).containsOnlyKeys("dark", "light");

        double overall = record.metric("accuracy").getAsDouble();
        Map<String, Double> sliceAccuracy = new HashMap<>();
        for (String column : List.of("alcohol_level", "color")) {
            report.slices().get(column).forEach((value, e) -> sliceAccuracy.put(column + "=" + value, e.accuracy()));
        }
        double worst = sliceAccuracy.values().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        assertThat(worst).as("the data must hold a slice worse than average for this test").isLessThan(overall);
        double threshold = (worst + overall) / 2;   // good enough on average, not in the worst slice
        Gate gate = Gate.metric("accuracy").atLeast(threshold)
                .and(Gate.metric("accuracy").perSlice("alcohol_level").atLeast(threshold))
                .and(Gate.metric("accuracy").perSlice("color").atLeast(threshold));

        GateResult result = gate.evaluate(record);

        assertThat(result.passed()).isFalse();
        assertThat(result.conditions().get(0).status()).isEqualTo(ConditionStatus.PASSED);
        assertThat(result.conditions()).hasSize(5);
        assertThat(result.failures()).extracting(ConditionResult::slice).containsExactlyInAnyOrderElementsOf(
                sliceAccuracy.entrySet().stream().filter(e -> e.getValue() < threshold).map(Map.Entry::getKey).toList());
        assertThat(Gate.metric("accuracy").perSlice("alcohol_level").atLeast(worst)
                .and(Gate.metric("accuracy").perSlice("color").atLeast(worst)).evaluate(record).passed()).isTrue();
    }

    @Test
    void evaluateRegressor_irisPetalWidth_metricsEqualTribuoAndSlicesBySpecies() {
        TestData.Split<Regressor> iris = TestData.irisPetalWidth();
        RegressionEvaluation expected;
        RunRecord record;
        Model<Regressor> model;
        try (Run run = mlops.experiment("iris-regression").startRun("cart")) {
            model = TribuoTracking.train(run, new CARTRegressionTrainer(4), iris.train()).model();
            TribuoTracking.evaluateRegressor(run, model, iris.test(),
                    EvaluationOptions.builder().metricPrefix("test.").slice(Slicer.byFeature("species")).build());
            record = run.record();
            expected = new RegressionEvaluator().evaluate(model, iris.test());
        }

        Regressor dim = expected.rmse().keySet().iterator().next();
        assertThat(dim.getNames()).containsExactly("petal_width");
        assertThat(record.metric("test.rmse")).hasValue(expected.averageRMSE());
        assertThat(record.metric("test.mae")).hasValue(expected.averageMAE());
        assertThat(record.metric("test.r2")).hasValue(expected.averageR2());
        assertThat(record.metric("test.dim/petal_width/rmse")).hasValue(expected.rmse(dim));
        assertThat(record.metric("test.dim/petal_width/r2")).hasValue(expected.r2(dim));
        assertThat(record.metric(SliceKeys.key("species", "setosa", "test.rmse"))).isPresent();
        assertThat(record.metric(SliceKeys.key("species", "virginica", "test.example_count")).getAsDouble()
                + record.metric(SliceKeys.key("species", "versicolor", "test.example_count")).getAsDouble()
                + record.metric(SliceKeys.key("species", "setosa", "test.example_count")).getAsDouble())
                .isEqualTo(iris.test().size());

        GateResult gate = Gate.metric("test.rmse").atMost(1.0)
                .and(Gate.metric("test.rmse").perSlice("species").atMost(1.0)).evaluate(record);
        assertThat(gate.conditions()).hasSize(4).allSatisfy(c -> assertThat(c.threshold()).isEqualTo("<= 1"));
        assertThat(gate.passed()).isTrue();
    }

    @Test
    void recordGate_endedRun_throwsIllegalRunState() {
        Run run = mlops.experiment("wine-gates").startRun("ended");
        run.logMetric("accuracy", 0.95);
        run.finish();
        GateResult result = Gate.metric("accuracy").atLeast(0.9).evaluate(mlops.runs().get(run.id()));

        assertThat(result.passed()).isTrue();
        assertThatThrownBy(() -> TribuoTracking.recordGate(run, result)).isInstanceOf(IllegalRunStateException.class);
    }
}
