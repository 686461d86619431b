package dev.mlops4j.tribuo;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.tracking.Limits;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Settings of {@link TribuoTracking#evaluateClassifier} and {@link TribuoTracking#evaluateRegressor}. Immutable;
 * start from {@link #defaults()} or {@link #builder()}.
 *
 * @param metricPrefix prefix of every metric written (default none), e.g. {@code "test."}; per-slice metrics put it
 *                     in the metric part ({@code slice/region/north/test.accuracy})
 * @param slicers how to slice the test examples; one set of per-slice metrics per slicer
 * @param artifactDirectory where the confusion matrix, metrics JSON and report go (default
 *                          {@value #DEFAULT_ARTIFACT_DIRECTORY})
 * @param step the step of the metrics written (default 0)
 */
public record EvaluationOptions(String metricPrefix, List<Slicer> slicers, String artifactDirectory, long step) {
    /** Default artifact directory of evaluation results. */
    public static final String DEFAULT_ARTIFACT_DIRECTORY = "evaluation";

    public EvaluationOptions {
        Objects.requireNonNull(metricPrefix, "metricPrefix");
        slicers = List.copyOf(slicers);
        Set<String> columns = new HashSet<>();
        for (Slicer s : slicers) {
            if (!columns.add(s.column())) {
                throw new InvalidInputException("two slicers share the column '" + s.column() + "'; give each its"
                        + " own column name");
            }
        }
        artifactDirectory = Limits.checkArtifactPath(artifactDirectory);
    }

    /** @return the defaults: no prefix, no slices */
    public static EvaluationOptions defaults() {
        return builder().build();
    }

    /** @return a builder starting from the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link EvaluationOptions}; not thread-safe. */
    public static final class Builder {
        private String metricPrefix = "";
        private final List<Slicer> slicers = new ArrayList<>();
        private String artifactDirectory = DEFAULT_ARTIFACT_DIRECTORY;
        private long step;

        private Builder() {
        }

        /** @param prefix prefix of the metrics written, e.g. {@code "test."} @return this builder */
        public Builder metricPrefix(String prefix) {
            this.metricPrefix = prefix;
            return this;
        }

        /** @param slicer a slicing of the test examples to compute per-slice metrics for @return this builder */
        public Builder slice(Slicer slicer) {
            slicers.add(Objects.requireNonNull(slicer, "slicer"));
            return this;
        }

        /** @param directory artifact directory of the results @return this builder */
        public Builder artifactDirectory(String directory) {
            this.artifactDirectory = directory;
            return this;
        }

        /** @param step the step of the metrics written @return this builder */
        public Builder step(long step) {
            this.step = step;
            return this;
        }

        /** @return the options */
        public EvaluationOptions build() {
            return new EvaluationOptions(metricPrefix, slicers, artifactDirectory, step);
        }
    }
}
