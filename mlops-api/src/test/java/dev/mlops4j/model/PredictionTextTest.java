package dev.mlops4j.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a notebook shows for a prediction: the label and its scores best first, not the record's unordered dump. */
class PredictionTextTest {

    @Test
    void toString_classification_labelThenScoresBestFirst() {
        Prediction p = new Prediction("class_2", Map.of("class_0", 0.02, "class_1", 0.01, "class_2", 0.97), true);

        assertThat(p.toString())
                .isEqualTo("Prediction class_2 (probabilities: class_2=0.97, class_0=0.02, class_1=0.01)");
        assertThat(new Prediction("spam", Map.of("spam", 2.5, "ham", -1.0), false).toString())
                .isEqualTo("Prediction spam (scores: spam=2.5, ham=-1)");
    }

    @Test
    void toString_regressionAndManyClasses() {
        assertThat(new Prediction(null, Map.of("y", 42.125, "x", 1.0), false).toString())
                .isEqualTo("Prediction x=1, y=42.125");
        Map<String, Double> scores = new HashMap<>();
        for (int i = 0; i < 10; i++) {
            scores.put("c" + i, i / 100.0);
        }
        assertThat(new Prediction("c9", scores, true).toString())
                .startsWith("Prediction c9 (probabilities: c9=0.09, c8=0.08,").endsWith("c2=0.02, ... 2 more)");
    }
}
