package dev.mlops4j.pipeline.components;

import dev.mlops4j.gate.GateResult;
import java.util.List;

/**
 * A gate's verdict as a data set: whether it passed, a one-line summary, the failed conditions and the full table.
 *
 * @param gate the gate's name
 * @param passed whether no condition failed
 * @param summary e.g. {@code "PASSED: 2 passed, 0 failed, 0 skipped"}
 * @param failures the failed conditions, one line each
 * @param table the aligned table of every condition
 * @param candidate what was judged: the source of the metrics ({@link Metrics#source()}), which is the evaluation run's
 *     id when an evaluation step produced them; {@link Components#register} links the version to that run
 */
public record GateOutcome(String gate, boolean passed, String summary, List<String> failures, String table,
                          String candidate) {
    /** Copies the failures. */
    public GateOutcome {
        failures = List.copyOf(failures);
    }

    /** @param result a gate result @return its outcome */
    public static GateOutcome of(GateResult result) {
        return new GateOutcome(result.gate(), result.passed(), result.summary(),
                result.failures().stream().map(Object::toString).toList(), result.toString(), result.candidate());
    }

    /** @return the gate's condition table, as {@link GateResult} prints it (not a record dump with the table inside) */
    @Override
    public String toString() {
        return table.isEmpty() ? "gate '" + gate + "' " + (passed ? "passed" : "failed") + ": " + summary : table;
    }
}
