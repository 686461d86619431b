package dev.mlops4j.gate;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of evaluating a {@link Gate}: one row per condition (per slice for per-slice conditions), each with
 * the observed value, the threshold, the champion's value and the status. The gate passed when no row FAILED;
 * SKIPPED rows do not count against it but are always listed. {@link #toString()} renders an aligned table for
 * logs and test failures; {@link #throwIfFailed()} turns a failure into a {@link GateFailedException}.
 *
 * @param gate the gate's name
 * @param candidate what was tested, e.g. {@code run 3f2a…}
 * @param champion what the candidate was compared with at evaluation time, {@code null} when there was no champion
 *                 (conditions bound to their own champion name it in their text)
 * @param conditions the rows, in the gate's order
 */
public record GateResult(String gate, String candidate, String champion, List<ConditionResult> conditions) {

    public GateResult {
        Objects.requireNonNull(gate, "gate");
        Objects.requireNonNull(candidate, "candidate");
        conditions = List.copyOf(conditions);
    }

    /** @return true if no condition FAILED */
    public boolean passed() {
        return conditions.stream().noneMatch(c -> c.status() == ConditionStatus.FAILED);
    }

    /** @return {@link ConditionStatus#PASSED} if the gate passed, else {@link ConditionStatus#FAILED} */
    public ConditionStatus status() {
        return passed() ? ConditionStatus.PASSED : ConditionStatus.FAILED;
    }

    /** @return the rows that FAILED */
    public List<ConditionResult> failures() {
        return withStatus(ConditionStatus.FAILED);
    }

    /** @return the rows that were SKIPPED */
    public List<ConditionResult> skipped() {
        return withStatus(ConditionStatus.SKIPPED);
    }

    /**
     * @param status a status
     * @return the rows with that status
     */
    public List<ConditionResult> withStatus(ConditionStatus status) {
        return conditions.stream().filter(c -> c.status() == status).toList();
    }

    /** @return e.g. {@code "FAILED: 3 passed, 1 failed, 1 skipped"} */
    public String summary() {
        return status() + ": " + withStatus(ConditionStatus.PASSED).size() + " passed, " + failures().size()
                + " failed, " + skipped().size() + " skipped";
    }

    /**
     * @return this result, if the gate passed
     * @throws GateFailedException if a condition failed; its message holds the table
     */
    public GateResult throwIfFailed() {
        if (!passed()) {
            throw new GateFailedException(this);
        }
        return this;
    }

    /** @return a heading with the summary, then an aligned table of every row */
    @Override
    public String toString() {
        return GateTable.render(this);
    }
}
