package dev.mlops4j.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.serving.InputIssue;
import dev.mlops4j.serving.SignatureCheck;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Prepared inputs: layouts, vectors, and the signature check reading them by position. */
class FeatureVectorTest {
    private static final FeatureLayout LAYOUT = FeatureLayout.of(List.of("alcohol", "hue", "proline"));

    @Test
    void nativeInput_sameKey_isBuiltOnceAndSharedOtherKeysBuildTheirOwn() {
        FeatureVector v = FeatureLayout.of(List.of("a", "b")).vector(1.0, 2.0);
        Object modelA = new Object();
        Object modelB = new Object();
        java.util.concurrent.atomic.AtomicInteger builds = new java.util.concurrent.atomic.AtomicInteger();
        java.util.function.Function<FeatureVector, double[]> build = x -> {
            builds.incrementAndGet();
            return new double[] {x.value(0), x.value(1)};
        };

        double[] first = v.nativeInput(modelA, double[].class, build);
        double[] again = v.nativeInput(modelA, double[].class, build);
        double[] other = v.nativeInput(modelB, double[].class, build);

        assertThat(again).isSameAs(first).containsExactly(1.0, 2.0);
        assertThat(other).isNotSameAs(first).containsExactly(1.0, 2.0);
        assertThat(builds).hasValue(2);
        // Another type for the same key is built anew rather than cast wrongly.
        assertThat(v.nativeInput(modelB, String.class, x -> "ab")).isEqualTo("ab");
        assertThatThrownBy(() -> v.nativeInput(null, String.class, x -> "x")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> v.nativeInput(modelA, String.class, x -> null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("the built input");
    }

    @Test
    void of_duplicateName_throwsNamingIt() {
        assertThatThrownBy(() -> FeatureLayout.of(List.of("a", "b", "a")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'a' appears twice");
    }

    @Test
    void vector_wrongNumberOfValues_throwsSayingHowManyAreNeeded() {
        assertThatThrownBy(() -> LAYOUT.vector(1.0, 2.0)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("needs 3 values").hasMessageContaining("[alcohol, hue, proline]");
    }

    @Test
    void vector_fromValues_isCompleteAndCopiesTheArray() {
        double[] values = {13.0, 0.9, 1000};
        FeatureVector v = LAYOUT.vector(values);
        values[0] = -1;

        assertThat(v.isComplete()).isTrue();
        assertThat(v.value(0)).isEqualTo(13.0);
        assertThat(v.toMap()).isEqualTo(Map.of("alcohol", 13.0, "hue", 0.9, "proline", 1000.0));
    }

    @Test
    void vector_fromMap_keepsAbsentAndUnknownApart() {
        Map<String, Number> input = new HashMap<>();
        input.put("alcohol", 13);
        input.put("hue", null);
        input.put("colour", 3.5);

        FeatureVector v = LAYOUT.vector(input);

        assertThat(v.isComplete()).isFalse();
        assertThat(v.isPresent(0)).isTrue();
        assertThat(v.isPresent(1)).isFalse();
        assertThat(v.isPresent(2)).isFalse();
        assertThat(v.unknownFeatures()).isEqualTo(Map.of("colour", 3.5));
        assertThat(v.toMap()).isEqualTo(Map.of("alcohol", 13.0, "colour", 3.5));
        assertThat(v).isEqualTo(LAYOUT.vector(Map.of("alcohol", 13.0, "colour", 3.5)))
                .hasSameHashCodeAs(LAYOUT.vector(Map.of("alcohol", 13.0, "colour", 3.5)));
        assertThat(v).isNotEqualTo(LAYOUT.vector(Map.of("alcohol", 13.0)));
        assertThat(v.toString()).contains("alcohol=13.0", "absent: [hue, proline]");
    }

    @Test
    void vector_nullFeatureName_throwsInvalidInput() {
        Map<String, Double> input = new HashMap<>(Map.of("alcohol", 13.0));
        input.put(null, 1.0);

        assertThatThrownBy(() -> LAYOUT.vector(input)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("feature name in the input is null");
    }

    @Test
    void equals_layouts_comparedByNamesInOrder() {
        assertThat(FeatureLayout.of(List.of("alcohol", "hue", "proline"))).isEqualTo(LAYOUT).hasSameHashCodeAs(LAYOUT);
        assertThat(FeatureLayout.of(List.of("hue", "alcohol", "proline"))).isNotEqualTo(LAYOUT);
        assertThat(LAYOUT.indexOf("proline")).isEqualTo(2);
        assertThat(LAYOUT.indexOf("colour")).isEqualTo(-1);
    }

    @Provide
    Arbitrary<Map<String, Double>> inputs() {
        Arbitrary<Double> value = Arbitraries.oneOf(Arbitraries.doubles().between(-10, 2000),
                Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 11.0, 14.8));
        Arbitrary<String> name = Arbitraries.of("alcohol", "hue", "proline", "colour", "ash");
        return Arbitraries.maps(name, value).ofMaxSize(5);
    }

    @Property(tries = 300)
    void check_vectorOrMap_findsTheSameIssues(@ForAll("inputs") Map<String, Double> input) {
        SignatureCheck check = SignatureCheck.of(LAYOUT.names(),
                Map.of("alcohol", new FeatureDomain(11.0, 14.8), "proline", new FeatureDomain(278, 1680)), 0.0);
        FeatureVector onOwnLayout = LAYOUT.vector(input);
        FeatureVector onOtherLayout = FeatureLayout.of(List.of("proline", "alcohol", "ash")).vector(input);

        assertThat(new HashSet<InputIssue>(check.check(onOwnLayout))).isEqualTo(new HashSet<>(check.check(input)));
        assertThat(new HashSet<InputIssue>(check.check(onOtherLayout))).isEqualTo(new HashSet<>(check.check(input)));
    }
}
