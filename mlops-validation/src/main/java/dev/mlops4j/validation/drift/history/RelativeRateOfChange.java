package dev.mlops4j.validation.drift.history;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.validation.internal.TextTable;
import java.util.ArrayList;
import java.util.List;

/**
 * A value is anomalous when its ratio to the previous value falls outside {@code [maxDecrease, maxIncrease]}
 * (Deequ's {@code RelativeRateOfChangeStrategy} of order 1), e.g. {@code (0.5, 2.0)}: the row count may halve or
 * double from one date to the next, not more. After a 0 only 0 is expected. The first value has no expectation.
 *
 * @param maxDecrease the smallest acceptable ratio, in [0, 1]
 * @param maxIncrease the largest acceptable ratio, at least 1
 */
public record RelativeRateOfChange(double maxDecrease, double maxIncrease) implements AnomalyStrategy {
    public RelativeRateOfChange {
        if (!(maxDecrease >= 0 && maxDecrease <= 1 && maxIncrease >= 1)) {
            throw new InvalidInputException("relative rate of change needs 0 <= maxDecrease <= 1 <= maxIncrease, were "
                    + maxDecrease + " and " + maxIncrease);
        }
    }

    @Override
    public List<Expectation> evaluate(double[] series) {
        List<Expectation> out = new ArrayList<>(series.length);
        for (int i = 0; i < series.length; i++) {
            if (i == 0) {
                out.add(Expectation.NONE);
                continue;
            }
            double a = series[i - 1] * maxDecrease;
            double b = series[i - 1] * maxIncrease;
            out.add(Expectation.of(Math.min(a, b), Math.max(a, b), series[i]));
        }
        return out;
    }

    @Override
    public String describe() {
        return "ratio to the previous value within [" + TextTable.number(maxDecrease) + ", "
                + TextTable.number(maxIncrease) + "]";
    }
}
