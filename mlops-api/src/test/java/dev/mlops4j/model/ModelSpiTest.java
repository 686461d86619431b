package dev.mlops4j.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.NotFoundException;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModelSpiTest {

    @ParameterizedTest
    @CsvSource({
        "org.tribuo.*, org.tribuo.Model, true",
        "org.tribuo.*, org.tribuo.classification.sgd.linear.LinearSGDModel, true",
        "org.tribuo.*, org.tribuoevil.Model, false",
        "org.tribuo.*, org.tribuo, false",
        "org.tribuo.Model, org.tribuo.Model, true",
        "org.tribuo.Model, org.tribuo.ModelX, false",
        "org.tribuo.Model, '', false"})
    void allows_exactNamesAndPackagePatterns(String pattern, String className, boolean expected) {
        assertThat(ClassAllowList.of(pattern).allows(className)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"*", "org.*.Model", "org tribuo", "org.tribuo.", "''"})
    void classAllowList_invalidPattern_throwsInvalidInput(String pattern) {
        assertThatThrownBy(() -> ClassAllowList.of(pattern)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'" + pattern + "'");
    }

    @Test
    void classAllowList_plus_addsPatterns() {
        ClassAllowList list = ClassAllowList.of("a.B").plus("c.*");

        assertThat(list.patterns()).containsExactly("a.B", "c.*");
        assertThat(list.allows("c.d.E")).isTrue();
    }

    @Test
    void descriptor_toBytesAndParse_roundTripDeterministically() {
        ModelDescriptor d = new ModelDescriptor("tribuo", "org.tribuo.X", ModelTask.CLASSIFICATION,
                List.of("model.tribuo"), Map.of("tribuo.version", "4.3.2", "note", "multi\nline = ünïcode"));

        byte[] bytes = d.toBytes();

        assertThat(ModelDescriptor.parse(bytes)).isEqualTo(d);
        assertThat(d.toBytes()).isEqualTo(bytes);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).doesNotContain("#").startsWith("files=model.tribuo\n");
    }

    @Test
    void descriptor_parseIncomplete_throwsModelLoadNamingEntry() {
        assertThatThrownBy(() -> ModelDescriptor.parse("flavor=x\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ModelLoadException.class).hasMessageContaining("'model.class'");
        assertThatThrownBy(() -> ModelDescriptor.parse(
                "flavor=x\nmodel.class=a\ntask=NOPE\nfiles=\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ModelLoadException.class).hasMessageContaining("NOPE");
    }

    @Test
    void discover_findsRegisteredFlavor() {
        ModelFlavors flavors = ModelFlavors.discover();

        assertThat(flavors.ids()).contains("test-linear");
        assertThat(flavors.get("test-linear")).isInstanceOf(TestLinearFlavor.class);
        assertThat(flavors.forModel(new TestLinearFlavor.LinearModel(Map.of()))).isPresent();
        assertThat(flavors.toString()).contains("test-linear (dev.mlops4j.model.TestLinearFlavor)");
    }

    @Test
    void discover_brokenProvider_isReportedAndDoesNotHideOthers(@TempDir Path dir) throws IOException {
        Path services = Files.createDirectories(dir.resolve("META-INF/services"));
        Files.writeString(services.resolve(ModelFlavor.class.getName()), "dev.mlops4j.model.DoesNotExist\n");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()},
                getClass().getClassLoader())) {
            ModelFlavors flavors = ModelFlavors.discover(loader);

            assertThat(flavors.ids()).contains("test-linear");
            assertThat(flavors.problems()).anySatisfy(p -> assertThat(p).contains("DoesNotExist"));
            assertThat(flavors.toString()).contains("problems").contains("DoesNotExist");
        }
    }

    @Test
    void of_duplicateId_firstWinsAndProblemReported() {
        TestLinearFlavor first = new TestLinearFlavor();
        ModelFlavors flavors = ModelFlavors.of(first, new TestLinearFlavor());

        assertThat(flavors.all()).containsExactly(first);
        assertThat(flavors.problems()).singleElement().asString().contains("already taken");
    }

    @Test
    void get_unknownFlavor_throwsNotFoundListingWhatWasFound() {
        assertThatThrownBy(() -> ModelFlavors.of(new TestLinearFlavor()).get("onnx"))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("'onnx'").hasMessageContaining("test-linear");
    }

    @Test
    void load_savedFiles_predictsThroughFlavor() {
        TestLinearFlavor flavor = new TestLinearFlavor();
        SavedModel saved = flavor.save(new TestLinearFlavor.LinearModel(Map.of("a", 2.0, "b", -1.0)));
        ModelDescriptor d = new ModelDescriptor(flavor.id(), saved.modelClass(), saved.task(),
                List.copyOf(saved.files().keySet()), saved.properties());

        LoadedModel m = ModelArtifacts.load(d, ModelFiles.of(saved.files()), ModelFlavors.of(flavor), null);

        assertThat(m.predict(Map.of("a", 3, "b", 1.5)).value()).isEqualTo(4.5);
        assertThat(m.signature().featureNames()).containsExactly("a", "b");
        assertThat(m.unwrap(TestLinearFlavor.LinearModel.class).weights()).containsEntry("a", 2.0);
    }

    @Test
    void savedModel_toString_showsFileSizesNotByteArrays() {
        SavedModel saved = new SavedModel("com.example.M", ModelTask.REGRESSION,
                Map.of("model.bin", new byte[] {1, 2, 3}, "extra.txt", new byte[0]), Map.of("v", "1"));

        assertThat(saved).hasToString("SavedModel[com.example.M, REGRESSION, files {extra.txt=0 bytes,"
                + " model.bin=3 bytes}, properties {v=1}]");
    }

    @Test
    void load_descriptorClassNotAllowed_refusedBeforeFlavorLoads() {
        ModelDescriptor d = new ModelDescriptor("test-linear", "evil.Payload", ModelTask.OTHER, List.of("weights.txt"),
                Map.of());
        ModelFiles files = name -> {
            throw new AssertionError("the model file must not be read");
        };

        assertThatThrownBy(() -> ModelArtifacts.load(d, files, ModelFlavors.of(new TestLinearFlavor()), null))
                .isInstanceOf(ModelClassNotAllowedException.class)
                .hasMessageContaining("evil.Payload").hasMessageContaining("dev.mlops4j.model.*")
                .satisfies(e -> assertThat(((ModelClassNotAllowedException) e).className()).isEqualTo("evil.Payload"));
    }

    @Test
    void ofDirectory_readsFilesAndRejectsEscapes(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("weights.txt"), "x");
        ModelFiles files = ModelFiles.ofDirectory(dir);

        assertThat(files.read("weights.txt")).containsExactly('x');
        assertThatThrownBy(() -> files.read("missing.txt")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> files.read("../etc/passwd")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void prediction_valueOfMultiValued_throwsInvalidInput() {
        Prediction p = new Prediction("a", Map.of("a", 0.7, "b", 0.3), true);

        assertThat(p.value("a")).hasValue(0.7);
        assertThatThrownBy(p::value).isInstanceOf(InvalidInputException.class);
    }
}
