package dev.mlops4j.junit;

import dev.mlops4j.Runs;
import dev.mlops4j.gate.Gate;
import dev.mlops4j.gate.GateResult;
import dev.mlops4j.gate.MetricValues;
import dev.mlops4j.registry.ModelVersion;
import dev.mlops4j.tracking.RunRecord;
import java.util.Map;

/**
 * Entry points of the gate assertions, for tests that should fail when a model misses its quality gate:
 *
 * <pre>{@code
 * import static dev.mlops4j.junit.GateAssertions.assertThatModel;
 *
 * @Test
 * void wineModel_meetsReleaseGate() {
 *     RunRecord run = trainAndEvaluate();                        // e.g. with mlops-tribuo
 *     assertThatModel(run).passes(Gate.metric("accuracy").atLeast(0.9)
 *             .and(Gate.metric("accuracy").perSlice("region").atLeast(0.8)));
 * }
 * }</pre>
 *
 * A failure is an {@link AssertionError} whose message is the gate's result table, so the CI log shows every
 * condition with its observed value, threshold and reason.
 */
public final class GateAssertions {
    private GateAssertions() {
    }

    /**
     * @param run a run whose latest metrics are tested
     * @return an assertion on the model behind the run
     */
    public static ModelAssert assertThatModel(RunRecord run) {
        return new ModelAssert(run == null ? null : MetricValues.of(run));
    }

    /**
     * @param metrics the model's metric values (e.g. a registry model version's)
     * @return an assertion on the model
     */
    public static ModelAssert assertThatModel(MetricValues metrics) {
        return new ModelAssert(metrics);
    }

    /**
     * @param runs where the version's run is read
     * @param version a registered model version; its run's latest metrics are tested
     * @return an assertion on the model version
     * @see MetricValues#of(Runs, ModelVersion)
     */
    public static ModelAssert assertThatModel(Runs runs, ModelVersion version) {
        return new ModelAssert(version == null ? null : MetricValues.of(runs, version));
    }

    /**
     * @param metrics metric key to value
     * @return an assertion on the model with these metrics
     */
    public static ModelAssert assertThatModel(Map<String, ? extends Number> metrics) {
        return new ModelAssert(metrics == null ? null : MetricValues.of("metrics", metrics));
    }

    /**
     * @param result an evaluated gate
     * @return an assertion on the result
     */
    public static GateResultAssert assertThat(GateResult result) {
        return new GateResultAssert(result);
    }

    /**
     * Fails unless the run passes the gate.
     *
     * @param gate the gate
     * @param run the run under test
     * @return the result, for further checks
     */
    public static GateResult assertPasses(Gate gate, RunRecord run) {
        return assertThatModel(run).passes(gate).gateResult();
    }

    /**
     * Fails unless the run passes the gate against the champion.
     *
     * @param gate the gate
     * @param run the run under test
     * @param champion the run to compare with, or {@code null} when there is none yet
     * @return the result, for further checks
     */
    public static GateResult assertPasses(Gate gate, RunRecord run, RunRecord champion) {
        return assertThatModel(run).passes(gate, champion).gateResult();
    }
}
