package dev.mlops4j.validation.check;

import dev.mlops4j.validation.Severity;
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
}
