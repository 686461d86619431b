package dev.mlops4j.core.registry;

import dev.mlops4j.Mlops;
import dev.mlops4j.Run;
import dev.mlops4j.model.FeatureDomain;
import dev.mlops4j.model.ModelArtifacts;
import dev.mlops4j.tracking.LogBatch;
import java.util.Map;

/** Trains (writes) toy linear models in finished runs, the way a training job would. */
final class Fixtures {
    static final Map<String, FeatureDomain> DOMAINS = Map.of("a", new FeatureDomain(0, 10),
            "b", new FeatureDomain(-5, 5));

    private Fixtures() {
    }

    /**
     * @param mlops where
     * @param bias the model's bias: its prediction for a = b = 0, so tests can tell versions apart
     * @param accuracy the metric gates read
     * @return the id of a FINISHED run holding the model at "model"
     */
    static String trainedRun(Mlops mlops, double bias, double accuracy) {
        try (Run run = mlops.experiment("linear").startRun("bias " + bias)) {
            ModelArtifacts.log(run, "model", new LinearFlavor(),
                    new LinearFlavor.Linear(Map.of("a", 1.0, "b", 2.0), bias, DOMAINS));
            run.log(LogBatch.builder().metric("accuracy", accuracy, 0).param("dataset.sha256", "f00d" + (int) bias)
                    .build());
            return run.id();
        }
    }

    /** @return an input inside the training ranges */
    static Map<String, Double> input() {
        return Map.of("a", 1.0, "b", 1.0);
    }

    /** @return the prediction of a model with that bias for {@link #input()} */
    static double expected(double bias) {
        return bias + 1.0 + 2.0;
    }
}
