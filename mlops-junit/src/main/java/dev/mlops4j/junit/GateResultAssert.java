package dev.mlops4j.junit;

import dev.mlops4j.gate.ConditionResult;
import dev.mlops4j.gate.ConditionStatus;
import dev.mlops4j.gate.GateResult;
import java.util.List;
import org.assertj.core.api.AbstractAssert;

/** Assertions on an evaluated gate; from {@link GateAssertions#assertThat(GateResult)}. Failures show the table. */
public final class GateResultAssert extends AbstractAssert<GateResultAssert, GateResult> {

    GateResultAssert(GateResult actual) {
        super(actual, GateResultAssert.class);
    }

    /** @return this assertion, if no condition failed */
    public GateResultAssert hasPassed() {
        isNotNull();
        if (!actual.passed()) {
            failWithMessage("%nExpecting the gate to pass, but it failed:%n%s", actual);
        }
        return this;
    }

    /** @return this assertion, if a condition failed */
    public GateResultAssert hasFailed() {
        isNotNull();
        if (actual.passed()) {
            failWithMessage("%nExpecting the gate to fail, but it passed:%n%s", actual);
        }
        return this;
    }

    /**
     * @param metric a metric key, or a per-slice key as {@link dev.mlops4j.gate.SliceKeys} names it
     * @return this assertion, if a condition on that metric failed
     */
    public GateResultAssert hasFailedOn(String metric) {
        return hasStatus(metric, ConditionStatus.FAILED);
    }

    /**
     * @param metric a metric key
     * @return this assertion, if a condition on that metric passed
     */
    public GateResultAssert hasPassedOn(String metric) {
        return hasStatus(metric, ConditionStatus.PASSED);
    }

    /**
     * @param metric a metric key
     * @return this assertion, if a condition on that metric was skipped (e.g. no champion yet)
     */
    public GateResultAssert hasSkipped(String metric) {
        return hasStatus(metric, ConditionStatus.SKIPPED);
    }

    /** @return this assertion, if every condition was checked (none skipped for lack of a champion) */
    public GateResultAssert hasNoSkippedConditions() {
        isNotNull();
        if (!actual.skipped().isEmpty()) {
            failWithMessage("%nExpecting no skipped conditions, but %s were skipped:%n%s", actual.skipped().size(),
                    actual);
        }
        return this;
    }

    private GateResultAssert hasStatus(String metric, ConditionStatus status) {
        isNotNull();
        List<ConditionResult> matching = actual.conditions().stream().filter(c -> c.metric().equals(metric)).toList();
        if (matching.stream().noneMatch(c -> c.status() == status)) {
            failWithMessage("%nExpecting a %s condition on metric '%s', but %s:%n%s", status, metric,
                    matching.isEmpty() ? "the gate has no condition on it" : "its statuses are "
                            + matching.stream().map(ConditionResult::status).toList(), actual);
        }
        return this;
    }
}
