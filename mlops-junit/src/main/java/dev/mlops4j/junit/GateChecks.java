package dev.mlops4j.junit;

import dev.mlops4j.gate.Gate;
import dev.mlops4j.gate.GateResult;
import dev.mlops4j.gate.MetricValues;
import dev.mlops4j.tracking.RunRecord;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * The gates one test checked, collected by {@link QualityGateExtension}, which injects an instance into the test
 * method and, after the test, publishes every result and fails the test if any gate failed. Unlike an assertion,
 * {@link #check(Gate, RunRecord)} does not stop the test at the first failing gate, so one CI run shows every gate a
 * model misses. Thread-safe; one instance per test.
 */
public final class GateChecks {
    private final List<GateResult> results = new CopyOnWriteArrayList<>();

    GateChecks() {
    }

    /**
     * @param gate the gate
     * @param run the run under test; its latest metrics are tested
     * @return the result (also kept for the end of the test)
     */
    public GateResult check(Gate gate, RunRecord run) {
        return check(gate, MetricValues.of(Objects.requireNonNull(run, "run")), null);
    }

    /**
     * @param gate the gate
     * @param run the run under test
     * @param champion the run to compare with, or {@code null} when there is none yet (change conditions are then
     *                 SKIPPED, and listed)
     * @return the result
     */
    public GateResult check(Gate gate, RunRecord run, RunRecord champion) {
        return check(gate, MetricValues.of(Objects.requireNonNull(run, "run")),
                champion == null ? null : MetricValues.of(champion));
    }

    /**
     * @param gate the gate
     * @param candidate the model's metric values, e.g. {@code MetricValues.of(mlops.runs(), version)}
     * @return the result
     */
    public GateResult check(Gate gate, MetricValues candidate) {
        return check(gate, candidate, null);
    }

    /**
     * @param gate the gate
     * @param candidate the model's metric values
     * @param champion the champion's values, or {@code null} when there is none yet
     * @return the result
     */
    public GateResult check(Gate gate, MetricValues candidate, MetricValues champion) {
        Objects.requireNonNull(gate, "gate");
        Objects.requireNonNull(candidate, "candidate");
        return add(gate.evaluate(candidate, champion));
    }

    /**
     * Adds a result evaluated elsewhere, e.g. the gate of a registry promotion, so it is reported and judged too.
     *
     * @param result a gate result
     * @return the same result
     */
    public GateResult add(GateResult result) {
        results.add(Objects.requireNonNull(result, "result"));
        return result;
    }

    /** @return every result so far, in the order checked */
    public List<GateResult> results() {
        return List.copyOf(results);
    }

    /** @return the results of gates that failed */
    public List<GateResult> failures() {
        return results.stream().filter(r -> !r.passed()).toList();
    }

    /** @return e.g. {@code GateChecks[3 checked, 1 failed: release]} */
    @Override
    public String toString() {
        List<GateResult> failed = failures();
        return "GateChecks[" + results.size() + " checked, " + failed.size() + " failed"
                + (failed.isEmpty() ? "" : ": " + failed.stream().map(GateResult::gate).collect(Collectors.joining(", ")))
                + "]";
    }
}
