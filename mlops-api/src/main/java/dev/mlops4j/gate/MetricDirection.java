package dev.mlops4j.gate;

import java.util.Locale;
import java.util.Set;

/**
 * Whether a larger value of a metric means a better model. Change conditions
 * ({@link MetricConditionBuilder#notWorseThan(MetricValues)}) need it to know which way is "worse".
 *
 * <p>{@link #of(String)} guesses it from the metric's name; set it explicitly with
 * {@link MetricConditionBuilder#higherIsBetter()} or {@link MetricConditionBuilder#lowerIsBetter()} when the
 * name does not say. The gate's result table shows the direction used.
 */
public enum MetricDirection {
    /** Larger values are better (accuracy, F1, AUC, R²). */
    HIGHER_IS_BETTER,
    /** Smaller values are better (losses, error rates, RMSE, MAE, latencies). */
    LOWER_IS_BETTER;

    // Tokens of a metric name that mark it as lower-is-better. Matched against the lower-cased name split on
    // the separators metric keys allow, so "test.rmse", "slice/region/north/log_loss" and "balanced_error_rate"
    // are recognised but "accuracy" or "precision" are not.
    private static final Set<String> LOWER_TOKENS = Set.of("loss", "logloss", "error", "err", "rmse", "mse", "mae",
            "mape", "latency", "duration", "time", "ms", "seconds");

    /**
     * Guesses the direction from a metric name: {@link #LOWER_IS_BETTER} when a part of the name (split on
     * {@code . _ - / : } and space) is one of {@code loss, logloss, error, err, rmse, mse, mae, mape, latency,
     * duration, time, ms, seconds}, or ends with {@code loss} or {@code error}; otherwise {@link #HIGHER_IS_BETTER}.
     *
     * @param metric a metric key
     * @return the guessed direction
     */
    public static MetricDirection of(String metric) {
        for (String token : metric.toLowerCase(Locale.ROOT).split("[._\\-/: ]+")) {
            if (LOWER_TOKENS.contains(token) || token.endsWith("loss") || token.endsWith("error")) {
                return LOWER_IS_BETTER;
            }
        }
        return HIGHER_IS_BETTER;
    }

    /** @return {@code "higher is better"} or {@code "lower is better"} */
    public String describe() {
        return this == HIGHER_IS_BETTER ? "higher is better" : "lower is better";
    }
}
