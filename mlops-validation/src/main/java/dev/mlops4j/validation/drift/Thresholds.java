package dev.mlops4j.validation.drift;

import dev.mlops4j.InvalidInputException;

/**
 * When a measurement is a warning and when it is drift.
 *
 * <p>For a distance ({@link DriftMethod#isTest()} false) and for monitors the value is compared: WARNING at
 * {@code value >= warning}, DRIFT at {@code value >= drift}, so {@code warning <= drift}. For a test the p-value
 * is compared: WARNING at {@code p < warning}, DRIFT at {@code p < drift}, so {@code warning >= drift}. Equal
 * thresholds mean no warning band.
 *
 * @param warning the warning threshold
 * @param drift the drift threshold
 */
public record Thresholds(double warning, double drift) {
    public Thresholds {
        if (Double.isNaN(warning) || Double.isNaN(drift)) {
            throw new InvalidInputException("thresholds must be numbers, were " + warning + " and " + drift);
        }
    }

    /**
     * @param warning warning threshold
     * @param drift drift threshold
     * @return the thresholds
     */
    public static Thresholds of(double warning, double drift) {
        return new Thresholds(warning, drift);
    }

    /**
     * @param drift the one threshold
     * @return thresholds without a warning band
     */
    public static Thresholds single(double drift) {
        return new Thresholds(drift, drift);
    }

    /**
     * Checks that the thresholds suit a kind of measurement.
     *
     * @param test true for p-value thresholds, false for distances and monitors
     * @param what what they are for, for the message
     * @return these thresholds
     * @throws InvalidInputException if they are in the wrong order or a p-value threshold is outside (0, 1]
     */
    public Thresholds checkFor(boolean test, String what) {
        if (test) {
            if (!(drift > 0 && warning <= 1 && warning >= drift)) {
                throw new InvalidInputException("p-value thresholds for " + what + " must satisfy 0 < drift <= warning"
                        + " <= 1 (drift when p < drift), were warning " + warning + ", drift " + drift);
            }
        } else if (warning > drift) {
            throw new InvalidInputException("thresholds for " + what + " must satisfy warning <= drift (drift when"
                    + " value >= drift), were warning " + warning + ", drift " + drift);
        }
        return this;
    }

    /**
     * @param test true to judge a p-value
     * @param x the p-value (tests) or the value (distances, monitors)
     * @return the status; NaN is NO_DRIFT for distances and for p-values (nothing to judge)
     */
    public DriftStatus judge(boolean test, double x) {
        if (Double.isNaN(x)) {
            return DriftStatus.NO_DRIFT;
        }
        if (test) {
            return x < drift ? DriftStatus.DRIFT : x < warning ? DriftStatus.WARNING : DriftStatus.NO_DRIFT;
        }
        return x >= drift ? DriftStatus.DRIFT : x >= warning ? DriftStatus.WARNING : DriftStatus.NO_DRIFT;
    }

    /**
     * @param test true for p-value thresholds
     * @return e.g. {@code "p<0.1/0.05"} or {@code ">=0.1/0.25"}
     */
    public String describe(boolean test) {
        String w = Measurement.format(warning);
        String d = Measurement.format(drift);
        String both = warning == drift ? d : w + "/" + d;
        return (test ? "p<" : ">=") + both;
    }
}
