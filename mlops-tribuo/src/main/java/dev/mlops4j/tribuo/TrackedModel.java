package dev.mlops4j.tribuo;

import dev.mlops4j.model.ModelDescriptor;
import java.time.Duration;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.StringJoiner;
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
    private static final int SHOWN_HYPERPARAMETERS = 30;

    public TrackedModel {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(artifactPath, "artifactPath");
        Objects.requireNonNull(descriptor, "descriptor");
        hyperparameters = Collections.unmodifiableSortedMap(new TreeMap<>(hyperparameters));
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(trainingTime, "trainingTime");
    }

    /**
     * @return one line for JShell and logs (Tribuo's own {@code Model.toString()} prints the whole provenance), e.g.
     *     {@code TrackedModel[LinearSGDModel CLASSIFICATION, run 3f2a, artifact model, trained in 12.3 ms on 124
     *     examples (dataset sha256 9c1e04ab...), 11 hyperparameters: epochs=7, minibatchSize=2, ...]}
     */
    @Override
    public String toString() {
        StringJoiner params = new StringJoiner(", ");
        int n = 0;
        for (Map.Entry<String, String> e : hyperparameters.entrySet()) {
            if (n++ == SHOWN_HYPERPARAMETERS) {
                params.add("... (" + (hyperparameters.size() - SHOWN_HYPERPARAMETERS) + " more)");
                break;
            }
            params.add(e.getKey() + "=" + e.getValue());
        }
        return "TrackedModel[" + model.getClass().getSimpleName() + " " + descriptor.task() + ", run " + runId
                + ", artifact " + artifactPath + ", trained in " + String.format(Locale.ROOT, "%.1f",
                trainingTime.toNanos() / 1e6) + " ms on " + dataset.exampleCount() + " examples (dataset sha256 "
                + dataset.sha256().substring(0, 12) + "...), " + hyperparameters.size() + " hyperparameters"
                + (hyperparameters.isEmpty() ? "" : ": " + params) + "]";
    }
}
