package dev.mlops4j.validation.check;

import dev.mlops4j.validation.Severity;
import dev.mlops4j.validation.internal.TextTable;
import java.util.List;

/**
 * The outcome of one {@link Check}.
 *
 * @param check the check's name
 * @param level its level
 * @param status SUCCESS if every constraint held, else the level as a status
 * @param constraints the outcome of each constraint, in the order they were added
 */
public record CheckResult(String check, Severity level, CheckStatus status, List<ConstraintResult> constraints) {
    public CheckResult {
        constraints = List.copyOf(constraints);
    }

    /** @return true if every constraint held */
    public boolean isSuccess() {
        return status == CheckStatus.SUCCESS;
    }

    /** @return the constraints that failed */
    public List<ConstraintResult> failures() {
        return constraints.stream().filter(c -> !c.isSuccess()).toList();
    }

    /** @return a summary line and an aligned table with one line per constraint, for JShell and logs */
    @Override
    public String toString() {
        TextTable t = new TextTable("CONSTRAINT", "STATUS", ">OBSERVED", ">UNEXPECTED", ">PERCENT",
                "UNEXPECTED VALUES / MESSAGE");
        for (ConstraintResult c : constraints) {
            t.row(c.constraint(), c.status(), c.observedValue() == null ? "" : TextTable.number(c.observedValue()),
                    c.unexpectedCount() == null ? "" : c.unexpectedCount(),
                    c.unexpectedPercent() == null ? "" : String.format(java.util.Locale.ROOT, "%.2f%%",
                            c.unexpectedPercent()), c.detail(3));
        }
        long failed = constraints.stream().filter(c -> !c.isSuccess()).count();
        return "Check " + check + " (" + level + "): " + status + ", " + failed + " of " + constraints.size()
                + " constraints failed\n" + t;
    }
}
