package dev.mlops4j.tribuo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops4j.Mlops;
import dev.mlops4j.Run;
import dev.mlops4j.model.FeatureVector;
import dev.mlops4j.model.Prediction;
import dev.mlops4j.registry.ModelRegistry;
import dev.mlops4j.serving.InputPolicy;
import dev.mlops4j.serving.ModelHandle;
import dev.mlops4j.serving.PredictionRecord;
import dev.mlops4j.serving.ServingOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.classification.Label;
import org.tribuo.classification.dtree.CARTClassificationTrainer;

/**
 * Recording a real Tribuo model's predictions: from maps, prepared vectors and Tribuo's own predictions, each record
 * holds the input as given and the framework-neutral prediction the handle would return for it.
 */
class ServedRecordingTest {

    @Test
    void record_mapVectorAndNativePredictions_recordInputsAndNeutralPredictions() {
        TestData.Split<Label> wine = TestData.wine();
        List<PredictionRecord> records = Collections.synchronizedList(new ArrayList<>());
        List<Map<String, Double>> inputs = new ArrayList<>();
        List<Prediction> expected = new ArrayList<>();
        try (Mlops mlops = Mlops.inMemory()) {
            ModelRegistry registry = mlops.models();
            String runId;
            try (Run run = mlops.experiment("wine").startRun("cart")) {
                TribuoTracking.train(run, new CARTClassificationTrainer(6), wine.train());
                runId = run.id();
            }
            registry.promote("wine", registry.register("wine", runId).version()).to("production").because("test");
            ModelHandle handle = registry.serve("wine", "production", ServingOptions.builder()
                    .pollInterval(Duration.ZERO).inputPolicy(InputPolicy.COUNT).recordTo(records::addAll)
                    .sampleRate(1.0).build());
            for (int i = 0; i < wine.test().size(); i++) {
                Map<String, Double> features = features(wine.test().getExample(i));
                FeatureVector vector = handle.layout().vector(features);
                Prediction neutral = handle.predict(vector);
                inputs.add(features);
                expected.add(neutral);
                switch (i % 3) {
                    case 0 -> handle.predict(features);
                    case 1 -> handle.predict(vector);
                    default -> handle.predictNative(vector, org.tribuo.Prediction.class);
                }
            }
            handle.close();
        }

        // Two records per row: the vector prediction that gave the expectation, then the one of the row's way.
        assertThat(records).hasSize(2 * inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            for (PredictionRecord r : records.subList(2 * i, 2 * i + 2)) {
                assertThat(r.features()).as("row %d", i).isEqualTo(inputs.get(i));
                assertThat(r.prediction()).as("row %d", i).isEqualTo(expected.get(i));
                assertThat(r.modelName()).isEqualTo("wine");
                assertThat(r.alias()).isEqualTo("production");
            }
        }
    }

    private static Map<String, Double> features(Example<Label> example) {
        Map<String, Double> f = new HashMap<>();
        example.forEach(feature -> f.put(feature.getName(), feature.getValue()));
        return f;
    }
}
