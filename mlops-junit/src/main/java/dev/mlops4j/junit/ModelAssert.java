package dev.mlops4j.junit;

import dev.mlops4j.gate.Gate;
import dev.mlops4j.gate.GateResult;
import dev.mlops4j.gate.MetricValues;
import dev.mlops4j.tracking.RunRecord;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a model's metrics against gates; from {@link GateAssertions#assertThatModel(RunRecord)}. Each check
 * evaluates the gate and keeps the result ({@link #result()}) for further assertions.
 */
public final class ModelAssert extends AbstractAssert<ModelAssert, MetricValues> {
    private GateResult result;

    ModelAssert(MetricValues actual) {
        super(actual, ModelAssert.class);
    }

    /**
     * @param gate the gate
     * @return this assertion
     * @throws AssertionError with the result table if a condition failed
     */
    public ModelAssert passes(Gate gate) {
        return passes(gate, (MetricValues) null);
    }

    /**
     * @param gate the gate
     * @param champion the run to compare with, or {@code null} when there is none yet
     * @return this assertion
     */
    public ModelAssert passes(Gate gate, RunRecord champion) {
        return passes(gate, champion == null ? null : MetricValues.of(champion));
    }

    /**
     * @param gate the gate
     * @param champion the champion's values, or {@code null} when there is none yet
     * @return this assertion
     */
    public ModelAssert passes(Gate gate, MetricValues champion) {
        evaluate(gate, champion);
        if (!result.passed()) {
            failWithMessage("%nExpecting the model to pass its quality gate, but it failed:%n%s", result);
        }
        return this;
    }

    /**
     * For tests of the gate itself: the model must fail it.
     *
     * @param gate the gate
     * @return this assertion
     */
    public ModelAssert fails(Gate gate) {
        return fails(gate, (MetricValues) null);
    }

    /**
     * For tests of the gate itself: the model must fail it against the champion.
     *
     * @param gate the gate
     * @param champion the run to compare with, or {@code null} when there is none yet
     * @return this assertion
     */
    public ModelAssert fails(Gate gate, RunRecord champion) {
        return fails(gate, champion == null ? null : MetricValues.of(champion));
    }

    /**
     * For tests of the gate itself: the model must fail it against the champion.
     *
     * @param gate the gate
     * @param champion the champion's values, or {@code null} when there is none yet
     * @return this assertion
     */
    public ModelAssert fails(Gate gate, MetricValues champion) {
        evaluate(gate, champion);
        if (result.passed()) {
            failWithMessage("%nExpecting the model to fail the gate, but it passed:%n%s", result);
        }
        return this;
    }

    /** @return an assertion on the result of the last gate checked */
    public GateResultAssert result() {
        if (result == null) {
            failWithMessage("no gate was checked yet; call passes(...) or fails(...) before result()");
        }
        return new GateResultAssert(result);
    }

    /** @return the result of the last gate checked, {@code null} before any */
    public GateResult gateResult() {
        return result;
    }

    private void evaluate(Gate gate, MetricValues champion) {
        isNotNull();
        Objects.requireNonNull(gate, "gate");
        result = gate.evaluate(actual, champion);
    }
}
