package dev.mlops4j.validation.report;

import dev.mlops4j.validation.Severity;
import java.util.List;
import java.util.Objects;

/**
 * One finding of a validation: what is wrong, where, how often, and a few examples.
 *
 * @param column the column, or {@code null} for findings about the whole data set
 * @param kind what kind of anomaly
 * @param severity ERROR fails the validation, WARNING does not
 * @param description a sentence a person can act on: what was expected, what was found, how to fix it
 * @param count the number of affected rows (for a missing or unexpected column: the rows of the data set)
 * @param fraction {@code count} over the rows of the data set, in [0, 1]
 * @param samples a few offending values with their line numbers, in order of appearance
 */
public record Anomaly(String column, AnomalyKind kind, Severity severity, String description, long count,
        double fraction, List<Sample> samples) {

    public Anomaly {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(description, "description");
        samples = List.copyOf(samples);
    }

    /** @return one line: severity, column, kind, count and fraction, description, first samples */
    @Override
    public String toString() {
        return severity + " " + (column == null ? "*" : column) + " " + kind + ": " + count + (count == 1 ? " row (" : " rows (")
                + String.format(java.util.Locale.ROOT, "%.2f%%", fraction * 100) + "): " + description
                + (samples.isEmpty() ? "" : " e.g. " + samples.stream().limit(3).map(Sample::toString)
                        .collect(java.util.stream.Collectors.joining(", ")));
    }

    /**
     * An offending value and where it was found.
     *
     * @param value the value as text ({@code "null"} for a missing value; the reason for a malformed row)
     * @param line the 1-based line number in a file (row index for in-memory data), 0 if unknown
     */
    public record Sample(String value, long line) {
        @Override
        public String toString() {
            return line > 0 ? value + " (line " + line + ")" : value;
        }
    }
}
