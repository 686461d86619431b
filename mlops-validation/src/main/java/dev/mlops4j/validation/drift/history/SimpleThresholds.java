package dev.mlops4j.validation.drift.history;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.validation.internal.TextTable;
import java.util.ArrayList;
import java.util.List;

/**
 * A value is anomalous outside fixed bounds {@code [lower, upper]} (Deequ's {@code SimpleThresholdStrategy}), e.g. a
 * missing fraction above 0.05 whatever the history.
 *
 * @param lower the smallest acceptable value ({@code Double.NEGATIVE_INFINITY} for none)
 * @param upper the largest acceptable value ({@code Double.POSITIVE_INFINITY} for none)
 */
public record SimpleThresholds(double lower, double upper) implements AnomalyStrategy {
    public SimpleThresholds {
        if (!(lower <= upper)) {
            throw new InvalidInputException("simple thresholds need lower <= upper, were " + lower + " and " + upper);
        }
    }

    /**
     * @param upper the largest acceptable value
     * @return bounds {@code (-inf, upper]}
     */
    public static SimpleThresholds atMost(double upper) {
        return new SimpleThresholds(Double.NEGATIVE_INFINITY, upper);
    }

    @Override
    public List<Expectation> evaluate(double[] series) {
        List<Expectation> out = new ArrayList<>(series.length);
        for (double x : series) {
            out.add(Expectation.of(lower, upper, x));
        }
        return out;
    }

    @Override
    public String describe() {
        return "within [" + TextTable.number(lower) + ", " + TextTable.number(upper) + "]";
    }
}
