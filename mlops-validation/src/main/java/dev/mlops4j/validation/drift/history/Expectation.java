package dev.mlops4j.validation.drift.history;

/**
 * What a strategy expected of one point of a series, and whether the point met it.
 *
 * @param lower the smallest value expected (may be {@code -Infinity}); NaN when there was no expectation yet (too
 *     little history)
 * @param upper the largest value expected (may be {@code +Infinity}); NaN when there was no expectation yet
 * @param anomalous true if the value lies outside {@code [lower, upper]}
 */
public record Expectation(double lower, double upper, boolean anomalous) {
    /** No expectation: too little history to judge. */
    public static final Expectation NONE = new Expectation(Double.NaN, Double.NaN, false);

    /**
     * @param lower smallest expected value
     * @param upper largest expected value
     * @param value the value
     * @return the expectation and whether the value lies outside it
     */
    public static Expectation of(double lower, double upper, double value) {
        return new Expectation(lower, upper, !(value >= lower && value <= upper));
    }

    /** @return true if the strategy had enough history to expect something */
    public boolean judged() {
        return !Double.isNaN(lower);
    }
}
