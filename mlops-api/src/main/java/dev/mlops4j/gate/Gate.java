package dev.mlops4j.gate;

import dev.mlops4j.tracking.RunRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A quality gate: conditions on a model's metrics that must all hold before it may ship. Gates are immutable
 * values, built fluently and combined with {@link #and(Gate)}:
 *
 * <pre>{@code
 * Gate gate = Gate.metric("accuracy").atLeast(0.90)
 *         .and(Gate.metric("macro_f1").notWorseThan(champion).by(0.01))        // absolute
 *         .and(Gate.metric("rmse").notWorseThanChampion().byRelative(0.05))    // relative, lower is better
 *         .and(Gate.metric("accuracy").perSlice("region").atLeast(0.80))       // every region
 *         .named("release");
 * GateResult result = gate.evaluate(run.record());
 * System.out.println(result);    // one row per condition (and per slice): observed, threshold, champion, status
 * result.throwIfFailed();        // GateFailedException only when asked
 * }</pre>
 *
 * <p>Semantics follow TFX's Evaluator: value thresholds have inclusive bounds ({@link ValueThreshold}); change
 * thresholds compare with a champion in a direction, absolutely or relatively ({@link ChangeThreshold}). A gate
 * passes when no condition FAILED. A change condition without a champion (the first model) is SKIPPED and listed
 * as such, never silently passed; a missing metric or a NaN value FAILS with a reason. A per-slice condition
 * checks the metric in every slice found for its column (logged under {@link SliceKeys} names) and fails when
 * there is none, so a model that is good on average but bad for one group does not ship.
 */
public sealed interface Gate permits CompositeGate, ChangeConditionBuilder {

    /** The name of a gate that was not {@link #named(String) named}. */
    String DEFAULT_NAME = "gate";

    /**
     * Starts a condition on a metric.
     *
     * @param metric the metric key, e.g. {@code accuracy}
     * @return a builder for the condition
     */
    static MetricConditionBuilder metric(String metric) {
        return new MetricConditionBuilder(metric, null, null);
    }

    /**
     * @param first a gate
     * @param more further gates
     * @return a gate with all their conditions, named like {@code first}
     */
    static Gate allOf(Gate first, Gate... more) {
        Gate result = Objects.requireNonNull(first, "first");
        for (Gate g : more) {
            result = result.and(g);
        }
        return result;
    }

    /** @return the gate's name, used when its result is recorded ({@value #DEFAULT_NAME} unless named) */
    String name();

    /** @return the conditions, in the order they were added */
    List<Condition> conditions();

    /**
     * @param other another gate
     * @return a gate requiring this gate's conditions and then the other's, with this gate's name
     */
    default Gate and(Gate other) {
        Objects.requireNonNull(other, "other");
        List<Condition> all = new ArrayList<>(conditions());
        all.addAll(other.conditions());
        return new CompositeGate(name(), all);
    }

    /**
     * @param name a name for recording results: letters, digits, {@code _ - .}
     * @return a copy of this gate with that name
     */
    default Gate named(String name) {
        return new CompositeGate(name, conditions());
    }

    /**
     * Evaluates the gate.
     *
     * @param candidate the metric values of the model under test
     * @param champion the values of the model to beat (used by change conditions not bound to a champion of their
     *                 own), or {@code null} when there is none yet
     * @return the result, listing every condition
     */
    default GateResult evaluate(MetricValues candidate, MetricValues champion) {
        return GateEvaluator.evaluate(this, candidate, champion);
    }

    /**
     * @param candidate the metric values of the model under test
     * @return the result; change conditions without a bound champion are SKIPPED
     */
    default GateResult evaluate(MetricValues candidate) {
        return evaluate(candidate, null);
    }

    /**
     * @param candidate a run whose latest metrics are tested
     * @return the result; change conditions without a bound champion are SKIPPED
     */
    default GateResult evaluate(RunRecord candidate) {
        return evaluate(MetricValues.of(candidate), null);
    }

    /**
     * @param candidate a run whose latest metrics are tested
     * @param champion the run to beat, or {@code null} when there is none yet
     * @return the result
     */
    default GateResult evaluate(RunRecord candidate, RunRecord champion) {
        return evaluate(MetricValues.of(candidate), champion == null ? null : MetricValues.of(champion));
    }

    /**
     * @param candidate metric key to value
     * @return the result; change conditions without a bound champion are SKIPPED
     */
    default GateResult evaluate(Map<String, ? extends Number> candidate) {
        return evaluate(MetricValues.of("metrics", candidate), null);
    }
}
