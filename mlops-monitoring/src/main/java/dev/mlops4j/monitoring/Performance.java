package dev.mlops4j.monitoring;

import java.util.OptionalDouble;

/**
 * Live performance of one window, from labels joined to its predictions. Classification counts correct labels;
 * regression sums squared and absolute errors of a one-dimensional prediction.
 *
 * @param labelled predictions with a label joined
 * @param classified labelled predictions that had a predicted class (classification)
 * @param correct of those, how many matched the label
 * @param regressed labelled predictions with a numeric actual value (regression)
 * @param sumSquaredError sum of (predicted - actual)^2 over those
 * @param sumAbsoluteError sum of |predicted - actual| over those
 */
public record Performance(long labelled, long classified, long correct, long regressed, double sumSquaredError,
                          double sumAbsoluteError) {

    /** No labels yet. */
    public static final Performance NONE = new Performance(0, 0, 0, 0, 0, 0);

    /** @return correct / classified, empty without classified labels */
    public OptionalDouble accuracy() {
        return classified == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) correct / classified);
    }

    /** @return root mean squared error, empty without numeric labels */
    public OptionalDouble rmse() {
        return regressed == 0 ? OptionalDouble.empty() : OptionalDouble.of(Math.sqrt(sumSquaredError / regressed));
    }

    /** @return mean absolute error, empty without numeric labels */
    public OptionalDouble mae() {
        return regressed == 0 ? OptionalDouble.empty() : OptionalDouble.of(sumAbsoluteError / regressed);
    }

    Performance withClassified(boolean isCorrect) {
        return new Performance(labelled + 1, classified + 1, correct + (isCorrect ? 1 : 0), regressed, sumSquaredError,
                sumAbsoluteError);
    }

    Performance withRegressed(double error) {
        return new Performance(labelled + 1, classified, correct, regressed + 1, sumSquaredError + error * error,
                sumAbsoluteError + Math.abs(error));
    }
}
