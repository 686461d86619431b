package dev.mlops4j.tribuo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.model.ClassAllowList;
import dev.mlops4j.model.FeatureDomain;
import dev.mlops4j.model.FeatureLayout;
import dev.mlops4j.model.FeatureVector;
import dev.mlops4j.model.LoadedModel;
import dev.mlops4j.model.ModelClassNotAllowedException;
import dev.mlops4j.model.ModelFiles;
import dev.mlops4j.model.ModelTask;
import dev.mlops4j.model.SavedModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.rtree.CARTRegressionTrainer;

class TribuoModelFlavorTest {
    private final TribuoModelFlavor flavor = new TribuoModelFlavor();

    @Test
    void saveLoad_regressionModel_predictsLikeTribuo() {
        TestData.Split<Regressor> iris = TestData.irisPetalWidth();
        Model<Regressor> model = new CARTRegressionTrainer(3).train(iris.train());

        SavedModel saved = flavor.save(model);
        LoadedModel loaded = flavor.load(ModelFiles.of(saved.files()), flavor.defaultAllowList());

        assertThat(saved.task()).isEqualTo(ModelTask.REGRESSION);
        assertThat(saved.files()).containsOnlyKeys("model.tribuo");
        assertThat(saved.properties()).containsEntry("tribuo.version", "4.3.2")
                .containsEntry("output.class", Regressor.class.getName());
        assertThat(loaded.signature().task()).isEqualTo(ModelTask.REGRESSION);
        assertThat(loaded.signature().outputs()).containsExactly("petal_width");
        assertThat(loaded.signature().featureNames()).contains("petal_length", "species@setosa");
        for (Example<Regressor> ex : iris.test()) {
            Map<String, Double> features = new HashMap<>();
            ex.forEach(f -> features.put(f.getName(), f.getValue()));
            assertThat(loaded.predict(features).value()).isEqualTo(model.predict(ex).getOutput().getValues()[0]);
            assertThat(loaded.predict(features).label()).isNull();
        }
    }

    @Test
    void predict_partialAndNoisyInputs_sameAsTribuoOnTheSameFeatures() {
        TestData.Split<Label> wine = TestData.wine();
        Model<Label> model = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.5, 0.01), 5, 1000, 1,
                TestData.SEED).train(wine.train());
        LoadedModel loaded = flavor.load(ModelFiles.of(flavor.save(model).files()), flavor.defaultAllowList());
        java.util.Random random = new java.util.Random(TestData.SEED);

        for (Example<Label> ex : wine.test()) {
            // A random subset of the features (both the dense and the sparse way of building the example), in a
            // random order, plus names the model does not know and a null value, which both count as absent.
            List<String> names = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            double keep = random.nextDouble();
            ex.forEach(f -> {
                if (random.nextDouble() < keep) {
                    names.add(f.getName());
                    values.add(f.getValue());
                }
            });
            if (names.isEmpty()) {
                continue;
            }
            Map<String, Double> input = new HashMap<>();
            for (int i = 0; i < names.size(); i++) {
                input.put(names.get(i), values.get(i));
            }
            input.put("not-a-feature", 42.0);
            input.put("also-unknown", null);
            Example<Label> same = new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, names.toArray(String[]::new),
                    values.stream().mapToDouble(Double::doubleValue).toArray());
            org.tribuo.Prediction<Label> expected = model.predict(same);

            dev.mlops4j.model.Prediction actual = loaded.predict(input);
            assertThat(actual.label()).isEqualTo(expected.getOutput().getLabel());
            expected.getOutputScores().forEach((label, score) ->
                    assertThat(actual.value(label)).hasValue(score.getScore()));
        }
    }

    @Test
    void predictVector_denseSparseAndForeignLayouts_sameAsTribuoAndNativeUnconverted() {
        TestData.Split<Label> wine = TestData.wine();
        Model<Label> model = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.5, 0.01), 5, 1000, 1,
                TestData.SEED).train(wine.train());
        LoadedModel loaded = flavor.load(ModelFiles.of(flavor.save(model).files()), flavor.defaultAllowList());
        FeatureLayout layout = loaded.featureLayout();
        assertThat(loaded.featureLayout()).isSameAs(layout);
        assertThat(layout.names()).isEqualTo(loaded.signature().featureNames());
        List<String> reversed = new ArrayList<>(layout.names());
        java.util.Collections.reverse(reversed);
        FeatureLayout foreign = FeatureLayout.of(reversed);
        java.util.Random random = new java.util.Random(TestData.SEED);

        for (Example<Label> ex : wine.test()) {
            Map<String, Double> all = new HashMap<>();
            ex.forEach(f -> all.put(f.getName(), f.getValue()));
            Map<String, Double> some = new HashMap<>();
            all.forEach((k, v) -> {
                if (random.nextBoolean()) {
                    some.put(k, v);
                }
            });
            for (Map<String, Double> input : List.of(all, some)) {
                if (input.isEmpty()) {
                    continue;
                }
                org.tribuo.Prediction<Label> expected = model.predict(new ArrayExample<>(LabelFactory.UNKNOWN_LABEL,
                        input.keySet().toArray(String[]::new),
                        input.values().stream().mapToDouble(Double::doubleValue).toArray()));
                for (FeatureVector vector : List.of(layout.vector(input), foreign.vector(input))) {
                    dev.mlops4j.model.Prediction neutral = loaded.predict(vector);
                    assertThat(neutral).isEqualTo(loaded.predict(input));
                    assertThat(neutral.label()).isEqualTo(expected.getOutput().getLabel());

                    Object tribuo = loaded.predictNative(vector);
                    assertThat(tribuo).isInstanceOfSatisfying(org.tribuo.Prediction.class, p -> {
                        assertThat(((Label) p.getOutput()).getLabel()).isEqualTo(expected.getOutput().getLabel());
                        assertThat(p.getOutputScores()).isEqualTo(expected.getOutputScores());
                    });
                    assertThat(loaded.toPrediction(tribuo)).isEqualTo(neutral);
                }
            }
        }
        assertThatThrownBy(() -> loaded.toPrediction("not a prediction")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void featureDomains_trainingData_minAndMaxPerFeatureWithZeroForSparseOnes() {
        TestData.Split<Regressor> iris = TestData.irisPetalWidth();
        Model<Regressor> model = new CARTRegressionTrainer(3).train(iris.train());
        LoadedModel loaded = flavor.load(ModelFiles.of(flavor.save(model).files()), flavor.defaultAllowList());

        Map<String, double[]> seen = new HashMap<>();
        for (Example<Regressor> ex : iris.train()) {
            ex.forEach(f -> seen.merge(f.getName(), new double[] {f.getValue(), f.getValue()},
                    (a, b) -> new double[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])}));
        }

        assertThat(loaded.featureDomains()).containsOnlyKeys(loaded.signature().featureNames());
        assertThat(loaded.featureDomains().get("petal_length"))
                .isEqualTo(new FeatureDomain(seen.get("petal_length")[0], seen.get("petal_length")[1]));
        // One-hot species features are present (1.0) in a third of the rows and implicitly 0 in the others.
        assertThat(seen.get("species@setosa")).containsExactly(1.0, 1.0);
        assertThat(loaded.featureDomains().get("species@setosa")).isEqualTo(new FeatureDomain(0.0, 1.0));
    }

    @Test
    void load_allowListWithoutTheModelClass_refused() {
        Model<Regressor> model = new CARTRegressionTrainer(2).train(TestData.irisPetalWidth().train());
        SavedModel saved = flavor.save(model);

        assertThatThrownBy(() -> flavor.load(ModelFiles.of(saved.files()), ClassAllowList.of("org.tribuo.classification.*")))
                .isInstanceOf(ModelClassNotAllowedException.class);
    }

    @Test
    void predict_onlyUnknownFeatures_throwsInvalidInputNamingThem() {
        Model<Regressor> model = new CARTRegressionTrainer(2).train(TestData.irisPetalWidth().train());
        LoadedModel loaded = flavor.load(ModelFiles.of(flavor.save(model).files()), flavor.defaultAllowList());

        assertThatThrownBy(() -> loaded.predict(Map.of("colour", 1.0)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("colour");
        assertThatThrownBy(() -> loaded.unwrap(String.class)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> flavor.save("not a model")).isInstanceOf(InvalidInputException.class);
        assertThat(flavor.canSave(model)).isTrue();
        assertThat(flavor.canSave("x")).isFalse();
    }
}
