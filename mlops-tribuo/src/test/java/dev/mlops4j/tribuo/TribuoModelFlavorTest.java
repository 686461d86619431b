package dev.mlops4j.tribuo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.model.ClassAllowList;
import dev.mlops4j.model.LoadedModel;
import dev.mlops4j.model.ModelClassNotAllowedException;
import dev.mlops4j.model.ModelFiles;
import dev.mlops4j.model.ModelTask;
import dev.mlops4j.model.SavedModel;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.Model;
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
