package dev.mlops4j.validation.profile;

/**
 * One quantile of a column: the smallest value whose normalised rank is at least {@code rank}.
 *
 * @param rank the normalised rank in [0, 1] (0.5 is the median)
 * @param value the value (epoch day for dates, epoch milliseconds for timestamps)
 */
public record Quantile(double rank, double value) {

    /** @return e.g. {@code p50=12.5} */
    @Override
    public String toString() {
        return "p" + dev.mlops4j.validation.internal.TextTable.number(rank * 100) + "="
                + dev.mlops4j.validation.internal.TextTable.number(value);
    }
}
