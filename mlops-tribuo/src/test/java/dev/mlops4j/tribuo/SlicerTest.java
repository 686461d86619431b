package dev.mlops4j.tribuo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops4j.InvalidInputException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tribuo.classification.Label;
import org.tribuo.impl.ArrayExample;
import org.tribuo.regression.Regressor;

class SlicerTest {

    @Test
    void byFeature_numericCategoricalAndAbsent() {
        ArrayExample<Label> ex = new ArrayExample<>(new Label("a"), new String[] {"magnesium", "ratio", "region@north"},
                new double[] {127, 0.25, 1});

        assertThat(Slicer.byFeature("magnesium").sliceOf(ex)).isEqualTo("127");
        assertThat(Slicer.byFeature("ratio").sliceOf(ex)).isEqualTo("0.25");
        assertThat(Slicer.byFeature("region").sliceOf(ex)).isEqualTo("north");
        assertThat(Slicer.byFeature("season").sliceOf(ex)).isEqualTo(Slicer.MISSING);
        assertThat(Slicer.byFeature("region").column()).isEqualTo("region");
    }

    @Test
    void byFeature_irisSpeciesColumn_readsCategoricalValue() {
        TestData.Split<Regressor> iris = TestData.irisPetalWidth();

        assertThat(iris.test().getData()).extracting(ex -> Slicer.byFeature("species").sliceOf(ex))
                .containsOnly("setosa", "versicolor", "virginica");
    }

    @Test
    void byMetadata_andCustomFunction() {
        ArrayExample<Label> ex = new ArrayExample<>(new Label("a"), Map.of("store", 17));

        assertThat(Slicer.byMetadata("store").sliceOf(ex)).isEqualTo("17");
        assertThat(Slicer.byMetadata("region").sliceOf(ex)).isEqualTo(Slicer.MISSING);
        assertThat(Slicer.of("label", e -> e.getOutput().toString()).sliceOf(ex)).startsWith("a");
        assertThatThrownBy(() -> Slicer.of("", e -> "x")).isInstanceOf(InvalidInputException.class);
    }
}
