package dev.mlops4j.report;

import dev.mlops4j.Mlops;
import dev.mlops4j.tracking.ExperimentInfo;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Creates reports in one call.
 *
 * <pre>{@code
 * Path file = Reports.runComparison(mlops, baselineId, candidateId).writeTo(Path.of("compare.html"));
 * }</pre>
 */
public final class Reports {
    private Reports() {
    }

    /**
     * A comparison of runs: their attributes, params and latest metrics side by side with changed values highlighted
     * and changes against the first run, and each metric's history as a chart (one line per run, histories longer than
     * {@value RunComparisonReport#DEFAULT_MAX_POINTS} points down-sampled, keeping spikes).
     *
     * @param mlops the instance holding the runs
     * @param runIds one or more distinct run ids, the baseline first
     * @return the report, read from the store now
     * @throws dev.mlops4j.NotFoundException if a run does not exist
     * @throws dev.mlops4j.InvalidInputException if no id is given or an id repeats
     */
    public static RunComparisonReport runComparison(Mlops mlops, String... runIds) {
        return runComparison(mlops, Arrays.asList(Objects.requireNonNull(runIds, "runIds")));
    }

    /**
     * A model version's card: the version and where it came from, its metrics beside the alias holders', params,
     * gates, approvals and audit trail.
     *
     * @param mlops the instance whose registry holds the version
     * @param modelName the registered model
     * @param version the version number
     * @return the card, read from the store now
     * @throws dev.mlops4j.NotFoundException if the model or version does not exist
     */
    public static ModelCardReport modelCard(Mlops mlops, String modelName, int version) {
        return ModelCardReport.builder(mlops, modelName, version).build();
    }

    /**
     * A model version's card, the version given by a model URI such as {@code models:/wine@production}; see
     * {@link #modelCard(Mlops, String, int)}.
     *
     * @param mlops the instance whose registry holds the version
     * @param modelUri {@code models:/name/3} or {@code models:/name@alias}
     * @return the card, read from the store now
     */
    public static ModelCardReport modelCard(Mlops mlops, String modelUri) {
        dev.mlops4j.registry.ModelVersion v = Objects.requireNonNull(mlops, "mlops").models().resolve(modelUri);
        return modelCard(mlops, v.modelName(), v.version());
    }

    /**
     * A comparison of runs; see {@link #runComparison(Mlops, String...)}.
     *
     * @param mlops the instance holding the runs
     * @param runIds one or more distinct run ids, the baseline first
     * @return the report, read from the store now
     */
    public static RunComparisonReport runComparison(Mlops mlops, List<String> runIds) {
        Objects.requireNonNull(mlops, "mlops");
        RunComparisonReport.Builder builder = RunComparisonReport.builder(mlops.runs().compare(runIds))
                .histories(mlops.runs())
                .source(mlops.describeStore());
        for (ExperimentInfo e : mlops.experiments()) {
            builder.experimentName(e.id(), e.name());
        }
        return builder.build();
    }
}
