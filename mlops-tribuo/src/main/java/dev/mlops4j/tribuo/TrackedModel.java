package dev.mlops4j.tribuo;

import dev.mlops4j.model.ModelDescriptor;
import java.time.Duration;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.tribuo.Model;
import org.tribuo.Output;

/**
 * A model trained by {@link TribuoTracking#train} and what was recorded about it.
 *
 * @param model the trained model; its provenance carries the run id under {@link TribuoTracking#RUN_ID_PROVENANCE}
 * @param runId the run it was trained in
 * @param artifactPath the model's artifact directory in the run
 * @param descriptor the logged model descriptor
 * @param hyperparameters the flattened hyperparameters that were logged as params (without prefix)
 * @param dataset the training data's fingerprint
 * @param trainingTime how long {@code Trainer.train} took
 * @param <T> the output type
 */
public record TrackedModel<T extends Output<T>>(Model<T> model, String runId, String artifactPath,
                                                ModelDescriptor descriptor, SortedMap<String, String> hyperparameters,
                                                DatasetFingerprint dataset, Duration trainingTime) {
    public TrackedModel {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(artifactPath, "artifactPath");
        Objects.requireNonNull(descriptor, "descriptor");
        hyperparameters = Collections.unmodifiableSortedMap(new TreeMap<>(hyperparameters));
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(trainingTime, "trainingTime");
    }
}
