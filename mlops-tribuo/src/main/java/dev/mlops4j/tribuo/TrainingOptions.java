package dev.mlops4j.tribuo;

import dev.mlops4j.tracking.Limits;
import java.util.Objects;

/**
 * Settings of {@link TribuoTracking#train}. Immutable; start from {@link #defaults()} or {@link #builder()}.
 *
 * @param artifactPath the model's artifact directory (default {@value #DEFAULT_ARTIFACT_PATH})
 * @param datasetArtifactPath where the data set's provenance JSON is logged (default
 *                            {@value #DEFAULT_DATASET_ARTIFACT_PATH})
 * @param paramPrefix prefix of every param written (default none); set it to train several models in one run
 */
public record TrainingOptions(String artifactPath, String datasetArtifactPath, String paramPrefix) {
    /** Default artifact directory of the model. */
    public static final String DEFAULT_ARTIFACT_PATH = "model";
    /** Default artifact directory of the data set's provenance. */
    public static final String DEFAULT_DATASET_ARTIFACT_PATH = "dataset";

    public TrainingOptions {
        artifactPath = Limits.checkArtifactPath(artifactPath);
        datasetArtifactPath = Limits.checkArtifactPath(datasetArtifactPath);
        Objects.requireNonNull(paramPrefix, "paramPrefix");
    }

    /** @return the defaults */
    public static TrainingOptions defaults() {
        return builder().build();
    }

    /** @return a builder starting from the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link TrainingOptions}; not thread-safe. */
    public static final class Builder {
        private String artifactPath = DEFAULT_ARTIFACT_PATH;
        private String datasetArtifactPath = DEFAULT_DATASET_ARTIFACT_PATH;
        private String paramPrefix = "";

        private Builder() {
        }

        /** @param path the model's artifact directory @return this builder */
        public Builder artifactPath(String path) {
            this.artifactPath = path;
            return this;
        }

        /** @param path the data set provenance's artifact directory @return this builder */
        public Builder datasetArtifactPath(String path) {
            this.datasetArtifactPath = path;
            return this;
        }

        /** @param prefix prefix of the params written, e.g. {@code "cart."} @return this builder */
        public Builder paramPrefix(String prefix) {
            this.paramPrefix = prefix;
            return this;
        }

        /** @return the options */
        public TrainingOptions build() {
            return new TrainingOptions(artifactPath, datasetArtifactPath, paramPrefix);
        }
    }
}
