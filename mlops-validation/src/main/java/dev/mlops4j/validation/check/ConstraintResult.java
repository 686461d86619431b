package dev.mlops4j.validation.check;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of one constraint, in the shape Great Expectations reports it.
 *
 * @param constraint the constraint as Java code, e.g. {@code isUnique("id")}
 * @param status whether it held
 * @param observedValue the measured value: the row count, a fraction of rows (completeness, uniqueness,
 *     compliance), or a statistic (mean, min, ...); {@code null} if it could not be measured (no rows, unknown
 *     column)
 * @param unexpectedCount rows that violate a row-level constraint (missing values for completeness, duplicated
 *     values for uniqueness, values outside a set or range, rows failing an expression); {@code null} for
 *     aggregate constraints (size, statistics)
 * @param unexpectedPercent {@code unexpectedCount} as a percentage of the data set's rows; {@code null} when
 *     {@code unexpectedCount} is
 * @param unexpectedValues a few violating values with their line numbers, e.g. {@code -3.5 (line 12)}
 * @param message why it failed, empty on success
 */
public record ConstraintResult(String constraint, ConstraintStatus status, Double observedValue, Long unexpectedCount,
        Double unexpectedPercent, List<String> unexpectedValues, String message) {

    public ConstraintResult {
        Objects.requireNonNull(constraint, "constraint");
        Objects.requireNonNull(status, "status");
        unexpectedValues = List.copyOf(unexpectedValues);
        Objects.requireNonNull(message, "message");
    }

    /** @return true if the constraint held */
    public boolean isSuccess() {
        return status == ConstraintStatus.SUCCESS;
    }

    /**
     * @param maxValues how many unexpected values to show at most
     * @return the first unexpected values, or the message if there are none
     */
    String detail(int maxValues) {
        return unexpectedValues.isEmpty() ? message
                : String.join(", ", unexpectedValues.subList(0, Math.min(maxValues, unexpectedValues.size())));
    }

    /** @return one line: constraint, status, observed value, unexpected count and percent, and why it failed */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(constraint).append(": ").append(status);
        if (observedValue != null) {
            sb.append(", observed ").append(dev.mlops4j.validation.internal.TextTable.number(observedValue));
        }
        if (unexpectedCount != null) {
            sb.append(", ").append(unexpectedCount).append(" unexpected (")
                    .append(String.format(java.util.Locale.ROOT, "%.2f%%", unexpectedPercent)).append(')');
        }
        if (!message.isEmpty()) {
            sb.append(": ").append(message);
        }
        if (!unexpectedValues.isEmpty()) {
            sb.append(" e.g. ").append(detail(5));
        }
        return sb.toString();
    }
}
