package dev.mlops4j.validation.check;

import dev.mlops4j.validation.DataValidationException;
import dev.mlops4j.validation.internal.TextTable;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of a {@link Verification}: one {@link CheckResult} per check and the overall status. Immutable.
 *
 * @param source what was verified
 * @param rowCount well-formed rows
 * @param malformedRows rows that could not be read (not evaluated)
 * @param checkResults per check, in the order they were added
 */
public record VerificationResult(String source, long rowCount, long malformedRows, List<CheckResult> checkResults) {
    public VerificationResult {
        Objects.requireNonNull(source, "source");
        checkResults = List.copyOf(checkResults);
    }

    /** @return ERROR if an error-level check failed, else WARNING if a warning-level one did, else SUCCESS */
    public CheckStatus status() {
        CheckStatus worst = CheckStatus.SUCCESS;
        for (CheckResult r : checkResults) {
            if (r.status().compareTo(worst) > 0) {
                worst = r.status();
            }
        }
        return worst;
    }

    /** @return true if every constraint of every check held */
    public boolean isSuccess() {
        return status() == CheckStatus.SUCCESS;
    }

    /**
     * @return this result, unless an error-level check failed
     * @throws DataValidationException listing each failed constraint of error-level checks
     */
    public VerificationResult throwIfFailed() {
        if (status() != CheckStatus.ERROR) {
            return this;
        }
        StringBuilder sb = new StringBuilder("constraint checks on ").append(source).append(" failed:");
        for (CheckResult r : checkResults) {
            if (r.status() == CheckStatus.ERROR) {
                for (ConstraintResult c : r.failures()) {
                    sb.append("\n  - ").append(r.check()).append(": ").append(c.constraint()).append(": ")
                            .append(c.message());
                    if (!c.unexpectedValues().isEmpty()) {
                        sb.append(" e.g. ").append(String.join(", ", c.unexpectedValues()));
                    }
                }
            }
        }
        sb.append("\nFix the data, or relax the check if the data is right.");
        throw new DataValidationException(sb.toString(), this);
    }

    /** @return a summary line and an aligned table with one line per constraint */
    @Override
    public String toString() {
        TextTable t = new TextTable("CHECK", "LEVEL", "CONSTRAINT", "STATUS", ">OBSERVED", ">UNEXPECTED", ">PERCENT",
                "UNEXPECTED VALUES / MESSAGE");
        for (CheckResult r : checkResults) {
            for (ConstraintResult c : r.constraints()) {
                String detail = c.detail(3);
                t.row(r.check(), r.level(), c.constraint(), c.status(),
                        c.observedValue() == null ? "" : TextTable.number(c.observedValue()),
                        c.unexpectedCount() == null ? "" : c.unexpectedCount(),
                        c.unexpectedPercent() == null ? "" : String.format(java.util.Locale.ROOT, "%.2f%%",
                                c.unexpectedPercent()), detail);
            }
        }
        return "Verification of " + source + ": " + status() + ", " + rowCount + " rows"
                + (malformedRows > 0 ? " + " + malformedRows + " malformed (skipped)" : "") + "\n" + t;
    }
}
