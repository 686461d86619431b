package dev.mlops4j.validation.drift;

import dev.mlops4j.validation.internal.TextTable;
import java.util.Objects;

/**
 * One drift statistic of one column, labelled with exactly what it is.
 *
 * @param method the method
 * @param value the statistic: the distance for distances; for tests the test statistic (KS {@code D}, chi-squared,
 *     z), whose p-value is {@code pValue}
 * @param pValue the p-value of a test, NaN for distances
 * @param adjustedPValue the p-value after the report's {@link MultipleTesting} correction (equal to {@code pValue}
 *     without correction), NaN for distances; tests are judged on it
 * @param pValueKind how the p-value was computed ({@link PValueKind#NONE} for distances)
 * @param thresholds the thresholds it was judged with
 * @param status the verdict
 * @param definition what exactly was computed, e.g.
 *     {@code "PSI = sum (c-r) ln(c/r), 10 bins at reference quantiles k/10, right-closed; empty share 1.0E-4"}
 * @param basis what it was computed from: {@code "exact values"}, or the sketches and their errors
 * @param detail a fact of this computation, e.g. the degrees of freedom or the category with the largest difference;
 *     may be empty
 */
public record Measurement(DriftMethod method, double value, double pValue, double adjustedPValue,
        PValueKind pValueKind, Thresholds thresholds, DriftStatus status, String definition, String basis,
        String detail) {

    public Measurement {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(pValueKind, "pValueKind");
        Objects.requireNonNull(thresholds, "thresholds");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(basis, "basis");
        detail = detail == null ? "" : detail;
    }

    /** @return the number the thresholds apply to: the adjusted p-value for tests, the value for distances */
    public double judged() {
        return method.isTest() ? adjustedPValue : value;
    }

    /**
     * @param adjusted the corrected p-value
     * @param newStatus the verdict on it
     * @return this measurement with the adjusted p-value and status
     */
    public Measurement withAdjustedPValue(double adjusted, DriftStatus newStatus) {
        return new Measurement(method, value, pValue, adjusted, pValueKind, thresholds, newStatus, definition, basis,
                detail);
    }

    /** @return one line: method, value, p-value (if any), status and definition */
    @Override
    public String toString() {
        return method.shortName() + " = " + format(value) + (method.isTest() ? ", p = " + format(pValue)
                + " (" + pValueKind.name().toLowerCase(java.util.Locale.ROOT) + ")" : "") + " -> " + status + " ["
                + definition + "; " + basis + (detail.isEmpty() ? "" : "; " + detail) + "]";
    }

    /**
     * @param v a number
     * @return compact text with up to 6 significant digits ({@code NaN} and infinities spelled out)
     */
    static String format(double v) {
        return TextTable.number(v);
    }
}
