package dev.mlops4j.tribuo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.untrusted.EvilFea2;
import com.example.untrusted.EvilFeat;
import com.example.untrusted.EvilModel;
import com.example.untrusted.EvilModelTwo;
import com.example.untrusted.InitRecorder;
import dev.mlops4j.model.ClassAllowList;
import dev.mlops4j.model.ModelClassNotAllowedException;
import dev.mlops4j.model.ModelLoadException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import org.tribuo.protos.core.ModelProto;
import org.tribuo.regression.Regressor;

class TribuoModelLoaderTest {
    private static TestData.Split<Label> iris;
    private static Model<Label> logistic;
    private static Model<Label> cart;

    @BeforeAll
    static void train() {
        iris = TestData.iris();
        logistic = new LogisticRegressionTrainer().train(iris.train());
        cart = new CARTClassificationTrainer(4).train(iris.train());
    }

    @Test
    void load_tribuoProtobuf_roundTripsAndPredictsIdentically() {
        for (Model<Label> model : List.of(logistic, cart)) {
            byte[] bytes = model.serialize().toByteArray();

            Model<Label> loaded = TribuoModelLoader.withDefaults().load(bytes, "test", Label.class);

            assertThat(loaded.getClass()).isEqualTo(model.getClass());
            for (Example<Label> example : iris.test()) {
                Prediction<Label> expected = model.predict(example);
                Prediction<Label> actual = loaded.predict(example);
                assertThat(actual.getOutput().getLabel()).isEqualTo(expected.getOutput().getLabel());
                assertThat(actual.distributionEquals(expected, 0.0)).isTrue();
            }
        }
    }

    @Test
    void load_disallowedModelClass_refusedBeforeClassIsResolved() {
        byte[] bytes = ModelProto.newBuilder(logistic.serialize()).setClassName(EvilModel.class.getName())
                .build().toByteArray();

        assertThatThrownBy(() -> TribuoModelLoader.withDefaults().load(bytes, "crafted file"))
                .isInstanceOf(ModelClassNotAllowedException.class)
                .hasMessageContaining("crafted file").hasMessageContaining(EvilModel.class.getName())
                .hasMessageContaining("org.tribuo.*")
                .satisfies(e -> assertThat(((ModelClassNotAllowedException) e).className())
                        .isEqualTo(EvilModel.class.getName()));
        assertThat(InitRecorder.INITIALIZED).doesNotContain("EvilModel");
    }

    @Test
    void tribuoDeserialize_sameCraftedFile_wouldInitializeTheClass() {
        // Why the allow-list check must come first: Tribuo resolves (and initializes) the class before it checks it.
        ModelProto proto = ModelProto.newBuilder(logistic.serialize()).setClassName(EvilModelTwo.class.getName())
                .build();

        assertThatThrownBy(() -> Model.deserialize(proto)).isInstanceOf(IllegalStateException.class);
        assertThat(InitRecorder.INITIALIZED).contains("EvilModelTwo");
    }

    @Test
    void load_disallowedClassNestedInsideModel_refused() {
        byte[] bytes = replaceSameLength(logistic.serialize().toByteArray(), "org.tribuo.ImmutableFeatureMap",
                EvilFeat.class.getName());

        assertThatThrownBy(() -> TribuoModelLoader.withDefaults().load(bytes, "tampered file"))
                .isInstanceOf(ModelClassNotAllowedException.class)
                .hasMessageContaining(EvilFeat.class.getName());
        assertThat(InitRecorder.INITIALIZED).doesNotContain("EvilFeat");
    }

    @Test
    void tribuoDeserialize_sameTamperedFile_wouldInitializeTheNestedClass() {
        byte[] bytes = replaceSameLength(logistic.serialize().toByteArray(), "org.tribuo.ImmutableFeatureMap",
                EvilFea2.class.getName());

        assertThatThrownBy(() -> Model.deserialize(ModelProto.parseFrom(bytes))).isInstanceOf(RuntimeException.class);
        assertThat(InitRecorder.INITIALIZED).contains("EvilFea2");
    }

    @Test
    void load_restrictiveAllowList_refusesOtherTribuoModel() {
        TribuoModelLoader onlyLinear = TribuoModelLoader.allowing(
                ClassAllowList.of("org.tribuo.classification.sgd.linear.LinearSGDModel"));

        assertThat(onlyLinear.load(logistic.serialize().toByteArray(), "linear")).isNotNull();
        assertThatThrownBy(() -> onlyLinear.load(cart.serialize().toByteArray(), "tree"))
                .isInstanceOf(ModelClassNotAllowedException.class)
                .hasMessageContaining("org.tribuo.common.tree.TreeModel");
    }

    @Test
    void load_notAModel_throwsModelLoadException() {
        assertThatThrownBy(() -> TribuoModelLoader.withDefaults().load(
                "definitely not protobuf".getBytes(StandardCharsets.UTF_8), "junk"))
                .isInstanceOf(ModelLoadException.class).hasMessageContaining("junk");
        assertThatThrownBy(() -> TribuoModelLoader.withDefaults().load(new byte[0], "empty"))
                .isInstanceOf(ModelLoadException.class).hasMessageContaining("names no model class");
    }

    @Test
    void load_wrongOutputType_throwsModelLoadException() {
        assertThatThrownBy(() -> TribuoModelLoader.withDefaults().load(logistic.serialize().toByteArray(), "m",
                Regressor.class))
                .isInstanceOf(ModelLoadException.class).hasMessageContaining(Regressor.class.getName());
    }

    @Test
    void load_file_readsTribuoFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("iris.tribuo");
        logistic.serializeToFile(file);

        assertThat(TribuoModelLoader.withDefaults().load(file).getProvenance()).isEqualTo(logistic.getProvenance());
        assertThatThrownBy(() -> TribuoModelLoader.withDefaults().load(dir.resolve("missing")))
                .isInstanceOf(ModelLoadException.class);
        assertThat(Files.size(file)).isPositive();
    }

    private static byte[] replaceSameLength(byte[] haystack, String from, String to) {
        byte[] a = from.getBytes(StandardCharsets.UTF_8);
        byte[] b = to.getBytes(StandardCharsets.UTF_8);
        assertThat(b).hasSameSizeAs(a);
        byte[] out = haystack.clone();
        int replaced = 0;
        for (int i = 0; i + a.length <= out.length; i++) {
            boolean match = true;
            for (int j = 0; j < a.length && match; j++) {
                match = out[i + j] == a[j];
            }
            if (match) {
                System.arraycopy(b, 0, out, i, b.length);
                replaced++;
            }
        }
        assertThat(replaced).isPositive();
        return out;
    }
}
