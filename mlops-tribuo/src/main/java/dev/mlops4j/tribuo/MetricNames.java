package dev.mlops4j.tribuo;

import dev.mlops4j.gate.SliceKeys;

/**
 * The names of the metrics {@link TribuoTracking} logs, for use in gates ({@code Gate.metric(MetricNames.MACRO_F1)}).
 * An evaluation's {@link EvaluationOptions#metricPrefix() prefix} goes in front of each.
 *
 * <table>
 * <caption>Metrics</caption>
 * <tr><th>task</th><th>overall</th><th>per class / dimension</th><th>per slice</th></tr>
 * <tr><td>classification</td><td>accuracy, macro_f1, micro_f1, macro_precision, macro_recall, micro_precision,
 *     micro_recall, balanced_error_rate, macro_auc and weighted_auc (only for models with probabilities),
 *     example_count</td>
 *     <td>class/&lt;label&gt;/precision, /recall, /f1, /auc</td>
 *     <td>slice/&lt;column&gt;/&lt;value&gt;/ and each overall metric (accuracy, ..., example_count)</td></tr>
 * <tr><td>regression</td><td>rmse, mae, r2, explained_variance (averaged over dimensions), example_count</td>
 *     <td>dim/&lt;name&gt;/rmse, /mae, /r2, /explained_variance</td>
 *     <td>slice/&lt;column&gt;/&lt;value&gt;/ and each overall metric (rmse, ..., example_count)</td></tr>
 * <tr><td>training</td><td>training_time_ms</td><td></td><td></td></tr>
 * </table>
 *
 * <p>Values are exactly what Tribuo's evaluators compute, including NaN where Tribuo gives it: a slice in which a
 * class has no examples has an undefined one-vs-rest ROC AUC for that class, so its {@code macro_auc} and
 * {@code weighted_auc} are NaN (and a per-slice gate on them fails, saying the value is NaN, rather than passing
 * unchecked).
 *
 * <p>Labels, dimension names and slice values are escaped with {@link SliceKeys#escape(String)} so any string fits
 * a metric key.
 */
public final class MetricNames {
    /** Fraction of correct predictions (micro-averaged accuracy). */
    public static final String ACCURACY = "accuracy";
    /** Unweighted mean of the per-class F1 scores. */
    public static final String MACRO_F1 = "macro_f1";
    /** F1 over all predictions pooled. */
    public static final String MICRO_F1 = "micro_f1";
    /** Unweighted mean of the per-class precisions. */
    public static final String MACRO_PRECISION = "macro_precision";
    /** Unweighted mean of the per-class recalls. */
    public static final String MACRO_RECALL = "macro_recall";
    /** Precision over all predictions pooled. */
    public static final String MICRO_PRECISION = "micro_precision";
    /** Recall over all predictions pooled. */
    public static final String MICRO_RECALL = "micro_recall";
    /** One minus the macro-averaged recall. */
    public static final String BALANCED_ERROR_RATE = "balanced_error_rate";
    /** Unweighted mean of the one-vs-rest ROC AUCs; only for models that produce probabilities. */
    public static final String MACRO_AUC = "macro_auc";
    /** Support-weighted mean of the one-vs-rest ROC AUCs; only for models that produce probabilities. */
    public static final String WEIGHTED_AUC = "weighted_auc";
    /** Number of test examples evaluated. */
    public static final String EXAMPLE_COUNT = "example_count";
    /** Root mean squared error, averaged over output dimensions. */
    public static final String RMSE = "rmse";
    /** Mean absolute error, averaged over output dimensions. */
    public static final String MAE = "mae";
    /** Coefficient of determination, averaged over output dimensions. */
    public static final String R2 = "r2";
    /** Explained variance, averaged over output dimensions. */
    public static final String EXPLAINED_VARIANCE = "explained_variance";
    /** Wall-clock time of {@code Trainer.train}, in milliseconds. */
    public static final String TRAINING_TIME_MS = "training_time_ms";

    private MetricNames() {
    }

    /**
     * @param label a class label
     * @param metric {@code precision}, {@code recall}, {@code f1} or {@code auc}
     * @return the per-class metric name, e.g. {@code class/setosa/f1}
     */
    public static String perClass(String label, String metric) {
        return "class/" + SliceKeys.escape(label) + "/" + metric;
    }

    /**
     * @param dimension a regression output dimension's name
     * @param metric {@code rmse}, {@code mae}, {@code r2} or {@code explained_variance}
     * @return the per-dimension metric name, e.g. {@code dim/petal_width/rmse}
     */
    public static String perDimension(String dimension, String metric) {
        return "dim/" + SliceKeys.escape(dimension) + "/" + metric;
    }
}
