package dev.mlops4j.tribuo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops4j.Mlops;
import dev.mlops4j.Run;
import dev.mlops4j.gate.ConditionResult;
import dev.mlops4j.gate.ConditionStatus;
import dev.mlops4j.gate.Gate;
import dev.mlops4j.gate.GateFailedException;
import dev.mlops4j.gate.GateRecorder;
import dev.mlops4j.gate.GateResult;
import dev.mlops4j.gate.MetricValues;
import dev.mlops4j.gate.SliceKeys;
import dev.mlops4j.registry.ModelRegistry;
import dev.mlops4j.registry.ModelVersion;
import dev.mlops4j.registry.RecordedGate;
import dev.mlops4j.tracking.RunRecord;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.dtree.impurity.Entropy;
import org.tribuo.classification.evaluation.LabelEvaluation;
import org.tribuo.classification.evaluation.LabelEvaluator;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.optimisers.AdaGrad;

/**
 * Tracked classification on the shared iris data, and gates evaluated against registered model versions (the
 * registry's own champion/challenger check), recorded on the versions.
 */
class IrisGateOnModelVersionTest {
    private static final Slicer PETALS = Slicer.of("petal_size",
            ex -> ex.lookup("petal_length").getValue() >= 4.75 ? "long" : "short");

    private static Mlops mlops;
    private static TestData.Split<Label> iris;

    @BeforeAll
    static void open() {
        mlops = Mlops.inMemory();
        iris = TestData.iris();
    }

    @AfterAll
    static void close() {
        mlops.close();
    }

    /** A model trained, evaluated (sliced by petal size) and its run finished. */
    private record Trained(RunRecord run, Model<Label> model, EvaluationReport<LabelEvaluation> report) {
    }

    private static Trained train(String name, org.tribuo.Trainer<Label> trainer) {
        try (Run run = mlops.experiment("iris").startRun(name)) {
            Model<Label> model = TribuoTracking.train(run, trainer, iris.train()).model();
            EvaluationReport<LabelEvaluation> report = TribuoTracking.evaluateClassifier(run, model, iris.test(),
                    EvaluationOptions.builder().slice(PETALS).build());
            return new Trained(run.record(), model, report);
        }
    }

    @Test
    void trackedRun_iris_hyperparametersMetricsAndRoundTripMatchTribuo() {
        CARTClassificationTrainer cartTrainer = new CARTClassificationTrainer(3, 2.0f, 0.0f, 1.0f, false,
                new Entropy(), 7L);
        Trained cart = train("cart-entropy", cartTrainer);
        Trained logistic = train("logistic", new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(1.0, 0.1), 20,
                1000, 1, TestData.SEED));

        assertThat(cart.run().params()).containsEntry("maxDepth", "3").containsEntry("minChildWeight", "2.0")
                .containsEntry("minImpurityDecrease", "0.0").containsEntry("fractionFeaturesInSplit", "1.0")
                .containsEntry("useRandomSplitPoints", "false").containsEntry("impurity", Entropy.class.getName())
                .containsEntry("seed", "7").containsEntry("dataset.outputs", "3");
        assertThat(logistic.run().params()).containsEntry("epochs", "20")
                .containsEntry("optimiser.initialLearningRate", "1.0").containsEntry("optimiser.epsilon", "0.1");
        for (Trained t : List.of(cart, logistic)) {
            LabelEvaluation expected = new LabelEvaluator().evaluate(t.model(), iris.test());
            assertThat(t.run().metric("accuracy")).hasValue(expected.accuracy());
            assertThat(t.run().metric("macro_f1")).hasValue(expected.macroAveragedF1());
            assertThat(t.run().metric("micro_f1")).hasValue(expected.microAveragedF1());
            assertThat(t.run().metric("balanced_error_rate")).hasValue(expected.balancedErrorRate());
            for (Label label : expected.getConfusionMatrix().getDomain().getDomain()) {
                String l = label.getLabel();
                assertThat(t.run().metric("class/" + l + "/precision")).hasValue(expected.precision(label));
                assertThat(t.run().metric("class/" + l + "/recall")).hasValue(expected.recall(label));
                assertThat(t.run().metric("class/" + l + "/f1")).hasValue(expected.f1(label));
            }
            Model<Label> loaded = TribuoTracking.loadModel(mlops.runs(), t.run().runId(), Label.class);
            for (Example<Label> example : iris.test()) {
                Prediction<Label> a = t.model().predict(example);
                Prediction<Label> b = loaded.predict(example);
                assertThat(b.getOutput().getLabel()).isEqualTo(a.getOutput().getLabel());
                assertThat(b.distributionEquals(a, 0.0)).isTrue();
            }
        }
        LabelEvaluation logisticExpected = new LabelEvaluator().evaluate(logistic.model(), iris.test());
        assertThat(logistic.run().metric("macro_auc")).hasValue(logisticExpected.averageAUCROC(false));
        assertThat(cart.run().latestMetrics()).doesNotContainKey("macro_auc");
        assertThat(cart.report().unavailable()).containsKey("macro_auc");
        // Per-slice metrics equal Tribuo's evaluation of the slice's examples.
        for (String size : List.of("long", "short")) {
            MutableDataset<Label> slice = new MutableDataset<>(iris.test().getProvenance(),
                    iris.test().getOutputFactory());
            iris.test().forEach(ex -> {
                if (PETALS.sliceOf(ex).equals(size)) {
                    slice.add(ex);
                }
            });
            LabelEvaluation e = new LabelEvaluator().evaluate(cart.model(), slice);
            assertThat(cart.run().metric(SliceKeys.key("petal_size", size, "accuracy"))).hasValue(e.accuracy());
            assertThat(cart.run().metric(SliceKeys.key("petal_size", size, "balanced_error_rate")))
                    .hasValue(e.balancedErrorRate());
        }
        // No setosa has long petals: that slice's one-vs-rest AUC for setosa is undefined, so Tribuo's macro AUC is
        // NaN, logged as such; a per-slice AUC gate fails on it instead of passing it unchecked.
        String longAuc = SliceKeys.key("petal_size", "long", "macro_auc");
        assertThat(logistic.run().metric(longAuc).getAsDouble()).isNaN();
        assertThat(logistic.report().slices().get("petal_size").get("long").averageAUCROC(false)).isNaN();
        GateResult aucPerSlice = Gate.metric("macro_auc").perSlice("petal_size").atLeast(0.5)
                .evaluate(logistic.run());
        assertThat(aucPerSlice.failures()).extracting(ConditionResult::slice).contains("petal_size=long");
        assertThat(aucPerSlice.failures().get(0).reason()).isEqualTo("observed value is NaN");
    }

    @Test
    void gateOnModelVersions_challengerVersusRegisteredChampion_recordedOnTheVersion() {
        ModelRegistry registry = mlops.models();
        Trained good = train("logistic-v1", new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(1.0, 0.1), 20,
                1000, 1, TestData.SEED));
        Trained stump = train("stump-v2", new CARTClassificationTrainer(1));
        ModelVersion v1 = registry.register("iris-gates", good.run().runId());
        ModelVersion v2 = registry.register("iris-gates", stump.run().runId());
        Gate release = Gate.metric("accuracy").atLeast(0.6)
                .and(Gate.metric("macro_f1").notWorseThanChampion().by(0.02))
                .and(Gate.metric("accuracy").perSlice("petal_size").atLeast(0.5)).named("release");

        MetricValues candidate = MetricValues.of(mlops.runs(), v2);
        MetricValues champion = MetricValues.of(mlops.runs(), v1);
        assertThat(candidate.source()).isEqualTo("models:/iris-gates/2 (run " + stump.run().runId() + ")");
        assertThat(candidate.values()).isEqualTo(MetricValues.of(stump.run()).values());

        // The first version has no champion: the change condition is skipped, not passed.
        GateResult first = release.evaluate(champion, null);
        assertThat(first.passed()).isTrue();
        assertThat(first.skipped()).singleElement().extracting(ConditionResult::metric).isEqualTo("macro_f1");
        ModelVersion recordedV1 = GateRecorder.record(registry, v1, first);
        assertThat(recordedV1.gateResults()).containsEntry("release", new RecordedGate("release",
                ConditionStatus.PASSED, "PASSED: 3 passed, 0 failed, 1 skipped; no champion"));

        GateResult result = release.evaluate(candidate, champion);
        double stumpF1 = stump.run().metric("macro_f1").getAsDouble();
        double goodF1 = good.run().metric("macro_f1").getAsDouble();
        assertThat(stumpF1).isLessThan(goodF1 - 0.02);
        assertThat(result.passed()).isFalse();
        assertThat(result.champion()).isEqualTo(champion.source());
        ConditionResult change = result.conditions().stream().filter(c -> c.metric().equals("macro_f1"))
                .findFirst().orElseThrow();
        assertThat(change.status()).isEqualTo(ConditionStatus.FAILED);
        assertThat(change.champion()).isEqualTo(goodF1);
        assertThat(change.change()).isEqualTo(stumpF1 - goodF1);
        assertThatThrownBy(result::throwIfFailed).isInstanceOf(GateFailedException.class)
                .hasMessageContaining("failed for models:/iris-gates/2");

        ModelVersion recordedV2 = GateRecorder.record(registry, v2, result);
        assertThat(recordedV2.gateResults().get("release").status()).isEqualTo(ConditionStatus.FAILED);
        assertThat(registry.version("iris-gates", 2).gateResults().get("release").summary())
                .isEqualTo(GateRecorder.summary(result)).contains("champion models:/iris-gates/1");
        // Recording again replaces the earlier outcome of the same gate.
        GateResult rerun = release.evaluate(candidate, candidate);
        assertThat(GateRecorder.record(registry, v2, rerun).gateResults().get("release").summary())
                .isEqualTo(GateRecorder.summary(rerun));
        assertThat(registry.version("iris-gates", 1).gateResults()).containsOnlyKeys("release");
        assertThat(Map.copyOf(registry.version("iris-gates", 1).gateResults()))
                .isEqualTo(recordedV1.gateResults());
    }
}
