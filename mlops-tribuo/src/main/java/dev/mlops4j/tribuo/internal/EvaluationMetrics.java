package dev.mlops4j.tribuo.internal;

import dev.mlops4j.tribuo.MetricNames;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.classification.Label;
import org.tribuo.classification.evaluation.ConfusionMatrix;
import org.tribuo.classification.evaluation.LabelEvaluation;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.evaluation.RegressionEvaluation;

/** Turns Tribuo evaluations into the metric maps and files mlops-tribuo logs (names in {@link MetricNames}). */
public final class EvaluationMetrics {
    private EvaluationMetrics() {
    }

    /**
     * @param e a classification evaluation
     * @param probabilities whether the model produces probabilities (AUC needs them)
     * @param perClass whether to include per-class precision, recall, F1 and AUC
     * @return metric name (unprefixed) to value, exactly as Tribuo computed them
     */
    public static Map<String, Double> classification(LabelEvaluation e, boolean probabilities, boolean perClass) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put(MetricNames.ACCURACY, e.accuracy());
        m.put(MetricNames.MACRO_F1, e.macroAveragedF1());
        m.put(MetricNames.MICRO_F1, e.microAveragedF1());
        m.put(MetricNames.MACRO_PRECISION, e.macroAveragedPrecision());
        m.put(MetricNames.MACRO_RECALL, e.macroAveragedRecall());
        m.put(MetricNames.MICRO_PRECISION, e.microAveragedPrecision());
        m.put(MetricNames.MICRO_RECALL, e.microAveragedRecall());
        m.put(MetricNames.BALANCED_ERROR_RATE, e.balancedErrorRate());
        if (probabilities) {
            m.put(MetricNames.MACRO_AUC, e.averageAUCROC(false));
            m.put(MetricNames.WEIGHTED_AUC, e.averageAUCROC(true));
        }
        m.put(MetricNames.EXAMPLE_COUNT, (double) e.getPredictions().size());
        if (perClass) {
            for (Label label : labels(e.getConfusionMatrix())) {
                String name = label.getLabel();
                m.put(MetricNames.perClass(name, "precision"), e.precision(label));
                m.put(MetricNames.perClass(name, "recall"), e.recall(label));
                m.put(MetricNames.perClass(name, "f1"), e.f1(label));
                if (probabilities) {
                    m.put(MetricNames.perClass(name, "auc"), e.AUCROC(label));
                }
            }
        }
        return m;
    }

    /**
     * @param e a regression evaluation
     * @param perDimension whether to include per-dimension values
     * @return metric name (unprefixed) to value, exactly as Tribuo computed them
     */
    public static Map<String, Double> regression(RegressionEvaluation e, boolean perDimension) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put(MetricNames.RMSE, e.averageRMSE());
        m.put(MetricNames.MAE, e.averageMAE());
        m.put(MetricNames.R2, e.averageR2());
        m.put(MetricNames.EXPLAINED_VARIANCE, e.averagedExplainedVariance());
        m.put(MetricNames.EXAMPLE_COUNT, (double) e.getPredictions().size());
        if (perDimension) {
            List<Regressor> dims = new ArrayList<>(e.rmse().keySet());
            dims.sort(Comparator.comparing(d -> d.getNames()[0]));
            for (Regressor d : dims) {
                String name = d.getNames()[0];
                m.put(MetricNames.perDimension(name, MetricNames.RMSE), e.rmse(d));
                m.put(MetricNames.perDimension(name, MetricNames.MAE), e.mae(d));
                m.put(MetricNames.perDimension(name, MetricNames.R2), e.r2(d));
                m.put(MetricNames.perDimension(name, MetricNames.EXPLAINED_VARIANCE), e.explainedVariance(d));
            }
        }
        return m;
    }

    /**
     * @param cm a confusion matrix
     * @return CSV text: header {@code actual\predicted,<labels...>}, then one row per actual label with counts
     */
    public static String confusionMatrixCsv(ConfusionMatrix<Label> cm) {
        List<Label> labels = labels(cm);
        StringBuilder sb = new StringBuilder("actual\\predicted");
        for (Label l : labels) {
            sb.append(',').append(csv(l.getLabel()));
        }
        sb.append('\n');
        for (Label actual : labels) {
            sb.append(csv(actual.getLabel()));
            for (Label predicted : labels) {
                sb.append(',').append(count(cm.confusion(predicted, actual)));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static List<Label> labels(ConfusionMatrix<Label> cm) {
        List<Label> labels = new ArrayList<>(cm.getDomain().getDomain());
        labels.sort(Comparator.comparing(Label::getLabel));
        return labels;
    }

    private static String count(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    // RFC 4180: quote cells with separators, quotes or line breaks; double the quotes inside.
    private static String csv(String cell) {
        if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
            return '"' + cell.replace("\"", "\"\"") + '"';
        }
        return cell;
    }
}
