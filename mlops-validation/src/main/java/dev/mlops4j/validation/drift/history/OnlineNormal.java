package dev.mlops4j.validation.drift.history;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.validation.internal.TextTable;
import java.util.ArrayList;
import java.util.List;

/**
 * A value is anomalous outside {@code [mean - lowerFactor sd, mean + upperFactor sd]} of the values before it, with
 * {@code sd} the sample standard deviation (n - 1), after Deequ's {@code OnlineNormalStrategy}. Two differences,
 * both on purpose: the band comes from the earlier values only (Deequ includes the value being judged, so a spike
 * widens its own band), and instead of ignoring a share of the series' start, a value is judged once
 * {@code minHistory} earlier values are known. With {@code ignoreAnomalies}, anomalous values do not enter later
 * bands, so one bad day does not make the next bad day look normal. A history that never varied ({@code sd = 0})
 * expects exactly its mean: any change is anomalous.
 *
 * @param lowerFactor standard deviations below the mean still acceptable ({@code Double.POSITIVE_INFINITY}: no lower
 *     bound)
 * @param upperFactor standard deviations above the mean still acceptable
 * @param minHistory earlier values needed before judging, at least 2
 * @param ignoreAnomalies whether anomalous values are left out of later bands
 */
public record OnlineNormal(double lowerFactor, double upperFactor, int minHistory, boolean ignoreAnomalies)
        implements AnomalyStrategy {
    /** Earlier values needed by {@link #of(double)}: a week of daily values. */
    public static final int DEFAULT_MIN_HISTORY = 7;

    public OnlineNormal {
        if (!(lowerFactor >= 0 && upperFactor >= 0)) {
            throw new InvalidInputException("online normal factors must be >= 0, were " + lowerFactor + " and "
                    + upperFactor);
        }
        if (minHistory < 2) {
            throw new InvalidInputException("online normal needs minHistory >= 2 (a standard deviation), was "
                    + minHistory);
        }
    }

    /**
     * @param k standard deviations on either side
     * @return a symmetric band of {@code k} sd after {@value #DEFAULT_MIN_HISTORY} values, ignoring anomalies
     */
    public static OnlineNormal of(double k) {
        return new OnlineNormal(k, k, DEFAULT_MIN_HISTORY, true);
    }

    /**
     * @param k standard deviations above the mean
     * @return an upper band only (e.g. for missing fractions, where a drop is welcome)
     */
    public static OnlineNormal above(double k) {
        return new OnlineNormal(Double.POSITIVE_INFINITY, k, DEFAULT_MIN_HISTORY, true);
    }

    /**
     * @param n earlier values needed before judging
     * @return this strategy with that minimum history
     */
    public OnlineNormal withMinHistory(int n) {
        return new OnlineNormal(lowerFactor, upperFactor, n, ignoreAnomalies);
    }

    @Override
    public List<Expectation> evaluate(double[] series) {
        List<Expectation> out = new ArrayList<>(series.length);
        // Welford's running mean and sum of squared deviations over the kept values
        long n = 0;
        double mean = 0;
        double m2 = 0;
        for (double x : series) {
            Expectation e = Expectation.NONE;
            if (n >= minHistory) {
                double sd = Math.sqrt(m2 / (n - 1));
                double lower = lowerFactor == Double.POSITIVE_INFINITY ? Double.NEGATIVE_INFINITY
                        : mean - lowerFactor * sd;
                double upper = upperFactor == Double.POSITIVE_INFINITY ? Double.POSITIVE_INFINITY
                        : mean + upperFactor * sd;
                e = Expectation.of(lower, upper, x);
            }
            out.add(e);
            if (!(e.anomalous() && ignoreAnomalies) && !Double.isNaN(x)) {
                n++;
                double delta = x - mean;
                mean += delta / n;
                m2 += delta * (x - mean);
            }
        }
        return out;
    }

    @Override
    public String describe() {
        String lo = lowerFactor == Double.POSITIVE_INFINITY ? "" : "mean - " + TextTable.number(lowerFactor) + " sd";
        String hi = upperFactor == Double.POSITIVE_INFINITY ? "" : "mean + " + TextTable.number(upperFactor) + " sd";
        return "within [" + (lo.isEmpty() ? "-inf" : lo) + ", " + (hi.isEmpty() ? "+inf" : hi)
                + "] of the earlier values (after " + minHistory + (ignoreAnomalies ? ", anomalies left out)" : ")");
    }
}
