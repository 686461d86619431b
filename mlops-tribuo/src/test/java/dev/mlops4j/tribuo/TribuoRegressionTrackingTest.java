package dev.mlops4j.tribuo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops4j.Mlops;
import dev.mlops4j.Run;
import dev.mlops4j.gate.ConditionResult;
import dev.mlops4j.gate.ConditionStatus;
import dev.mlops4j.gate.Gate;
import dev.mlops4j.gate.GateResult;
import dev.mlops4j.gate.SliceKeys;
import dev.mlops4j.model.LoadedModel;
import dev.mlops4j.model.ModelArtifacts;
import dev.mlops4j.model.ModelTask;
import dev.mlops4j.tracking.ArtifactInfo;
import dev.mlops4j.tracking.RunRecord;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.protos.core.ModelProto;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.evaluation.RegressionEvaluation;
import org.tribuo.regression.evaluation.RegressionEvaluator;
import org.tribuo.regression.rtree.CARTRegressionTrainer;
import org.tribuo.regression.sgd.linear.LinearSGDTrainer;
import org.tribuo.regression.sgd.objectives.SquaredLoss;
import org.tribuo.transform.TransformTrainer;
import org.tribuo.transform.TransformationMap;
import org.tribuo.transform.TransformedModel;
import org.tribuo.transform.transformations.MeanStdDevTransformation;

/**
 * Tracked regression on real data: wine's alcohol content from its other measurements (one output dimension, a
 * standardized linear SGD model) and Seattle's daily maximum and minimum temperatures (two dimensions, CART).
 */
class TribuoRegressionTrackingTest {
    private static final int EPOCHS = 200;
    private static final double LEARNING_RATE = 1.0;
    private static final double EPSILON = 0.1;

    private static Mlops mlops;
    private static TestData.Split<Regressor> wine;
    private static TestData.Split<Regressor> seattle;

    @BeforeAll
    static void open() {
        mlops = Mlops.inMemory();
        wine = TestData.wineAlcohol();
        seattle = TestData.seattleTemperatures();
    }

    @AfterAll
    static void close() {
        mlops.close();
    }

    /** Linear SGD on standardized features: three levels of configurables (transform, trainer, optimiser). */
    private static TransformTrainer<Regressor> standardizedLinear() {
        LinearSGDTrainer inner = new LinearSGDTrainer(new SquaredLoss(), new AdaGrad(LEARNING_RATE, EPSILON), EPOCHS,
                1000, 1, TestData.SEED);
        return new TransformTrainer<>(inner, new TransformationMap(List.of(new MeanStdDevTransformation())), true, true);
    }

    private static Map<String, Double> features(Example<?> example) {
        Map<String, Double> features = new HashMap<>();
        example.forEach(f -> features.put(f.getName(), f.getValue()));
        return features;
    }

    private static <T extends org.tribuo.Output<T>> MutableDataset<T> subset(Dataset<T> data, Slicer slicer,
                                                                           String value) {
        MutableDataset<T> subset = new MutableDataset<>(data.getProvenance(), data.getOutputFactory());
        for (Example<T> ex : data) {
            if (slicer.sliceOf(ex).equals(value)) {
                subset.add(ex);
            }
        }
        return subset;
    }

    @Test
    void train_wineAlcoholStandardizedLinearSgd_logsNestedHyperparametersMatchingTheTrainersSettings() {
        TransformTrainer<Regressor> trainer = standardizedLinear();
        TrackedModel<Regressor> trained;
        RunRecord record;
        try (Run run = mlops.experiment("wine-alcohol").startRun("linear")) {
            trained = TribuoTracking.train(run, trainer, wine.train());
            record = run.record();
        }

        assertThat(record.params())
                .containsEntry("trainer", TransformTrainer.class.getName())
                .containsEntry("densify", "true")
                .containsEntry("includeImplicitZeroFeatures", "true")
                .containsEntry("innerTrainer", LinearSGDTrainer.class.getName())
                .containsEntry("innerTrainer.epochs", Integer.toString(EPOCHS))
                .containsEntry("innerTrainer.minibatchSize", "1")
                .containsEntry("innerTrainer.seed", Long.toString(TestData.SEED))
                .containsEntry("innerTrainer.objective", SquaredLoss.class.getName())
                .containsEntry("innerTrainer.optimiser", AdaGrad.class.getName())
                .containsEntry("innerTrainer.optimiser.initialLearningRate", Double.toString(LEARNING_RATE))
                .containsEntry("innerTrainer.optimiser.epsilon", Double.toString(EPSILON))
                .containsEntry("transformations", TransformationMap.class.getName())
                .containsEntry("transformations.globalTransformations.0", MeanStdDevTransformation.class.getName())
                .containsEntry("transformations.globalTransformations.0.targetMean", "0.0")
                .containsEntry("transformations.globalTransformations.0.targetStdDev", "1.0")
                .containsEntry("dataset.sha256", DatasetFingerprint.of(wine.train()).sha256())
                .containsEntry("dataset.examples", Integer.toString(wine.train().size()))
                .containsEntry("dataset.features", Integer.toString(TestData.WINE_MEASUREMENTS.size()))
                .containsEntry("dataset.outputs", "1");
        SortedMap<String, String> fromTrainer = Hyperparameters.of(trainer);
        assertThat(trained.hyperparameters()).isEqualTo(fromTrainer).isEqualTo(Hyperparameters.of(trained.model()));
        fromTrainer.forEach((k, v) -> assertThat(record.params()).containsEntry(k, v));
        assertThat(trained.model()).isInstanceOf(TransformedModel.class);
        assertThat(trained.descriptor().task()).isEqualTo(ModelTask.REGRESSION);
        assertThat(trained.toString()).startsWith("TrackedModel[TransformedModel REGRESSION, run " + record.runId())
                .contains("on " + wine.train().size() + " examples").contains("innerTrainer.epochs=200");
    }

    @Test
    void evaluateRegressor_wineAlcohol_metricsEqualTribuoOverallPerDimensionAndPerCultivar() {
        Slicer cultivar = Slicer.byMetadata("cultivar");
        Model<Regressor> model;
        EvaluationReport<RegressionEvaluation> report;
        RunRecord record;
        List<ArtifactInfo> artifacts;
        try (Run run = mlops.experiment("wine-alcohol").startRun("linear-eval")) {
            model = TribuoTracking.train(run, standardizedLinear(), wine.train()).model();
            report = TribuoTracking.evaluateRegressor(run, model, wine.test(),
                    EvaluationOptions.builder().slice(cultivar).build());
            record = run.record();
            artifacts = mlops.runs().artifacts(run.id());
        }
        RegressionEvaluation expected = new RegressionEvaluator().evaluate(model, wine.test());
        Regressor alcohol = expected.rmse().keySet().iterator().next();

        assertThat(alcohol.getNames()).containsExactly("alcohol");
        assertThat(expected.averageR2()).as("a model that learned something").isGreaterThan(0.2);
        assertThat(record.metric("rmse")).hasValue(expected.averageRMSE());
        assertThat(record.metric("mae")).hasValue(expected.averageMAE());
        assertThat(record.metric("r2")).hasValue(expected.averageR2());
        assertThat(record.metric("explained_variance")).hasValue(expected.averagedExplainedVariance());
        assertThat(record.metric("example_count")).hasValue((double) wine.test().size());
        assertThat(record.metric("dim/alcohol/rmse")).hasValue(expected.rmse(alcohol));
        assertThat(record.metric("dim/alcohol/mae")).hasValue(expected.mae(alcohol));
        assertThat(record.metric("dim/alcohol/r2")).hasValue(expected.r2(alcohol));
        assertThat(record.metric("dim/alcohol/explained_variance")).hasValue(expected.explainedVariance(alcohol));
        assertThat(report.slices().get("cultivar")).containsOnlyKeys("class_0", "class_1", "class_2");
        for (String value : List.of("class_0", "class_1", "class_2")) {
            MutableDataset<Regressor> slice = subset(wine.test(), cultivar, value);
            RegressionEvaluation e = new RegressionEvaluator().evaluate(model, slice);
            assertThat(record.metric(SliceKeys.key("cultivar", value, "rmse"))).hasValue(e.averageRMSE());
            assertThat(record.metric(SliceKeys.key("cultivar", value, "mae"))).hasValue(e.averageMAE());
            assertThat(record.metric(SliceKeys.key("cultivar", value, "r2"))).hasValue(e.averageR2());
            assertThat(record.metric(SliceKeys.key("cultivar", value, "example_count")))
                    .hasValue((double) slice.size());
        }
        assertThat(report.unavailable()).isEmpty();
        assertThat(record.tags()).containsEntry("evaluation.dataset.sha256", DatasetFingerprint.of(wine.test()).sha256())
                .doesNotContainKey(TribuoTracking.UNAVAILABLE_TAG);
        assertThat(artifacts).extracting(ArtifactInfo::path).contains("evaluation/metrics.json",
                "evaluation/report.txt").doesNotContain("evaluation/confusion_matrix.csv");
        assertThat(report.toString()).startsWith("EvaluationReport: ").contains("rmse=").contains("r2=")
                .contains("slices of cultivar: class_0, class_1, class_2").doesNotContain("dim/alcohol");
    }

    @Test
    void modelArtifact_wineAlcohol_isTribuoProtobufAndPredictsIdenticallyAfterRoundTrip() throws Exception {
        Model<Regressor> original;
        String runId;
        try (Run run = mlops.experiment("wine-alcohol").startRun("linear-roundtrip")) {
            original = TribuoTracking.train(run, standardizedLinear(), wine.train()).model();
            runId = run.id();
        }
        byte[] file = mlops.runs().readArtifact(runId, "model/" + TribuoModelFlavor.FILE_NAME);

        // Protobuf, never Java serialization (whose streams start with the magic 0xACED).
        assertThat(ModelProto.parseFrom(file).getClassName()).isEqualTo(TransformedModel.class.getName());
        assertThat(file.length > 1 && (file[0] & 0xFF) == 0xAC && (file[1] & 0xFF) == 0xED).isFalse();
        Model<Regressor> loaded = TribuoTracking.loadModel(mlops.runs(), runId, Regressor.class);
        LoadedModel viaFlavor = ModelArtifacts.load(mlops.runs(), runId, "model");
        assertThat(loaded.getProvenance()).isEqualTo(original.getProvenance());
        assertThat(viaFlavor.signature().outputs()).containsExactly("alcohol");
        for (Example<Regressor> example : wine.test()) {
            double expected = original.predict(example).getOutput().getValues()[0];
            assertThat(loaded.predict(example).getOutput().getValues()[0]).isEqualTo(expected);
            assertThat(viaFlavor.predict(features(example)).value()).isEqualTo(expected);
        }
    }

    @Test
    void evaluateRegressor_seattleTwoTemperatures_perDimensionMetricsEqualTribuoAndModelRoundTrips() {
        Model<Regressor> model;
        RunRecord record;
        try (Run run = mlops.experiment("seattle-temperatures").startRun("cart")) {
            model = TribuoTracking.train(run, new CARTRegressionTrainer(6), seattle.train()).model();
            TribuoTracking.evaluateRegressor(run, model, seattle.test(),
                    EvaluationOptions.builder().metricPrefix("test.").slice(Slicer.byMetadata("weather")).build());
            record = run.record();
        }
        RegressionEvaluation expected = new RegressionEvaluator().evaluate(model, seattle.test());
        Map<String, Regressor> dims = new TreeMap<>();
        expected.rmse().keySet().forEach(d -> dims.put(d.getNames()[0], d));

        assertThat(dims).containsOnlyKeys("temp_max", "temp_min");
        assertThat(record.params()).containsEntry("dataset.outputs", "2").containsEntry("maxDepth", "6");
        assertThat(record.metric("test.rmse")).hasValue(expected.averageRMSE());
        assertThat(record.metric("test.mae")).hasValue(expected.averageMAE());
        assertThat(record.metric("test.r2")).hasValue(expected.averageR2());
        dims.forEach((name, d) -> {
            assertThat(record.metric("test.dim/" + name + "/rmse")).hasValue(expected.rmse(d));
            assertThat(record.metric("test.dim/" + name + "/mae")).hasValue(expected.mae(d));
            assertThat(record.metric("test.dim/" + name + "/r2")).hasValue(expected.r2(d));
            assertThat(expected.r2(d)).as("R² of " + name).isGreaterThan(0.5);
        });
        // The average really is over the two dimensions, which differ.
        assertThat(expected.rmse(dims.get("temp_max"))).isNotEqualTo(expected.rmse(dims.get("temp_min")));
        assertThat(expected.averageRMSE()).isCloseTo((expected.rmse(dims.get("temp_max"))
                + expected.rmse(dims.get("temp_min"))) / 2, org.assertj.core.data.Offset.offset(1e-12));
        double perWeather = 0;
        for (String key : record.latestMetrics().keySet()) {
            if (SliceKeys.parse(key).filter(k -> k.metric().equals("test.example_count")).isPresent()) {
                perWeather += record.metric(key).getAsDouble();
            }
        }
        assertThat(perWeather).isEqualTo(seattle.test().size());

        Model<Regressor> loaded = TribuoTracking.loadModel(mlops.runs(), record.runId(), Regressor.class);
        for (Example<Regressor> example : seattle.test()) {
            Prediction<Regressor> a = model.predict(example);
            Prediction<Regressor> b = loaded.predict(example);
            assertThat(b.getOutput().getNames()).containsExactly(a.getOutput().getNames());
            assertThat(b.getOutput().getValues()).containsExactly(a.getOutput().getValues());
        }
    }

    @Test
    void gate_seattleStumpAgainstDeepTreeChampion_lowerIsBetterRmseFailsAndSlicesAreChecked() {
        Slicer weather = Slicer.byMetadata("weather");
        EvaluationOptions options = EvaluationOptions.builder().slice(weather).build();
        RunRecord champion;
        RunRecord challenger;
        EvaluationReport<RegressionEvaluation> championReport;
        try (Run run = mlops.experiment("seattle-gates").startRun("depth-6")) {
            championReport = TribuoTracking.evaluateRegressor(run,
                    TribuoTracking.train(run, new CARTRegressionTrainer(6), seattle.train()).model(), seattle.test(),
                    options);
            champion = run.record();
        }
        try (Run run = mlops.experiment("seattle-gates").startRun("stump")) {
            TribuoTracking.evaluateRegressor(run,
                    TribuoTracking.train(run, new CARTRegressionTrainer(1), seattle.train()).model(), seattle.test(),
                    options);
            challenger = run.record();
        }
        Gate release = Gate.metric("rmse").notWorseThanChampion().byRelative(0.05)
                .and(Gate.metric("dim/temp_min/r2").atLeast(0.5)).named("release");

        // First model: no champion yet, the change condition is skipped and reported as such.
        GateResult first = release.evaluate(champion, null);
        assertThat(first.passed()).isTrue();
        assertThat(first.conditions()).extracting(ConditionResult::status)
                .containsExactly(ConditionStatus.SKIPPED, ConditionStatus.PASSED);

        GateResult result = release.evaluate(challenger, champion);
        double championRmse = champion.metric("rmse").getAsDouble();
        double challengerRmse = challenger.metric("rmse").getAsDouble();
        assertThat(challengerRmse).isGreaterThan(championRmse * 1.05);
        ConditionResult change = result.conditions().get(0);
        assertThat(change.status()).isEqualTo(ConditionStatus.FAILED);
        assertThat(change.threshold()).isEqualTo("rel. diff <= 5%");
        assertThat(change.change()).isEqualTo((challengerRmse - championRmse) / championRmse);
        assertThat(result.passed()).isFalse();
        // Swapped roles: the deep tree is not worse than the stump (lower RMSE is better).
        assertThat(release.evaluate(champion, challenger).conditions().get(0).status())
                .isEqualTo(ConditionStatus.PASSED);

        // Per slice: an RMSE limit between the best and the worst weather fails exactly the slices above it.
        Map<String, Double> sliceRmse = new TreeMap<>();
        championReport.slices().get("weather").forEach((value, e) -> sliceRmse.put(value, e.averageRMSE()));
        assertThat(sliceRmse).containsKeys("rain", "sun");
        double best = sliceRmse.values().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double worst = sliceRmse.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        double limit = (best + worst) / 2;
        GateResult sliced = Gate.metric("rmse").perSlice("weather").atMost(limit).evaluate(champion);
        assertThat(sliced.conditions()).hasSize(sliceRmse.size());
        assertThat(sliced.failures()).extracting(ConditionResult::slice).containsExactlyInAnyOrderElementsOf(
                sliceRmse.entrySet().stream().filter(e -> e.getValue() > limit).map(e -> "weather=" + e.getKey())
                        .toList());
        assertThat(Gate.metric("rmse").perSlice("weather").atMost(worst).evaluate(champion).passed()).isTrue();
    }
}
