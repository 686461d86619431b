package dev.mlops4j.tribuo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.oracle.labs.mlrg.olcut.provenance.ObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.PrimitiveProvenance;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import com.oracle.labs.mlrg.olcut.util.Pair;
import dev.mlops4j.Run;
import dev.mlops4j.Runs;
import dev.mlops4j.gate.GateResult;
import dev.mlops4j.gate.SliceKeys;
import dev.mlops4j.model.ModelArtifacts;
import dev.mlops4j.model.ModelDescriptor;
import dev.mlops4j.tracking.ArtifactInfo;
import dev.mlops4j.tracking.Limits;
import dev.mlops4j.tracking.LogBatch;
import dev.mlops4j.tribuo.internal.EvaluationMetrics;
import dev.mlops4j.tribuo.internal.Json;
import dev.mlops4j.tribuo.internal.ProvenanceTrees;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.Output;
import org.tribuo.Prediction;
import org.tribuo.Trainer;
import org.tribuo.Tribuo;
import org.tribuo.classification.Label;
import org.tribuo.classification.evaluation.LabelEvaluation;
import org.tribuo.classification.evaluation.LabelEvaluator;
import org.tribuo.evaluation.Evaluation;
import org.tribuo.provenance.DataProvenance;
import org.tribuo.provenance.DatasetProvenance;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.evaluation.RegressionEvaluation;
import org.tribuo.regression.evaluation.RegressionEvaluator;

/**
 * Tracked training and evaluation of Tribuo models: one call each, recording on a run what governance needs.
 *
 * <pre>{@code
 * try (Run run = mlops.experiment("wine").startRun("logreg")) {
 *     TrackedModel<Label> trained = TribuoTracking.train(run, new LogisticRegressionTrainer(), train);
 *     EvaluationReport<LabelEvaluation> eval = TribuoTracking.evaluateClassifier(run, trained.model(), test,
 *             EvaluationOptions.builder().slice(Slicer.byFeature("region")).build());
 *     GateResult gate = Gate.metric("accuracy").atLeast(0.9)
 *             .and(Gate.metric("accuracy").perSlice("region").atLeast(0.8)).evaluate(run.record());
 *     TribuoTracking.recordGate(run, gate);
 * }
 * }</pre>
 *
 * <p>{@link #train} logs, before training: params {@code trainer} (class) and every hyperparameter flattened from
 * the trainer's provenance ({@link Hyperparameters}); params {@code dataset.sha256}, {@code dataset.examples},
 * {@code dataset.features}, {@code dataset.outputs} ({@link DatasetFingerprint}), {@code dataset.class},
 * {@code dataset.source} and the source's top-level provenance values as {@code dataset.source.*}; the whole
 * data set provenance as {@code dataset/provenance.json}; tags {@code tribuo.version}, {@code java.version},
 * {@code java.vendor}. It trains with the run id in Tribuo's run provenance ({@value #RUN_ID_PROVENANCE}), then
 * logs the metric {@code training_time_ms} and the model in Tribuo's protobuf format via the
 * {@link TribuoModelFlavor} ({@code model/model.tribuo} plus its descriptor). Params are immutable, so train one
 * model per run, or give each a {@link TrainingOptions#paramPrefix() prefix}.
 *
 * <p>The evaluate methods log the {@link MetricNames metrics} Tribuo's evaluators compute (per-slice metrics for
 * each {@link Slicer}), the artifacts {@code evaluation/metrics.json} and {@code evaluation/report.txt} (and
 * {@code evaluation/confusion_matrix.csv} for classifiers) and the tag {@code evaluation.dataset.sha256} (the test
 * data's fingerprint), and say in the tag {@code metrics.unavailable} which metrics the model cannot give (AUC for
 * models without probabilities, such as CART) instead of failing.
 */
public final class TribuoTracking {
    /** Key of the run id in the trained model's run provenance ({@code model.getProvenance().getInstanceProvenance()}). */
    public static final String RUN_ID_PROVENANCE = "mlops.run_id";
    /** Key of the experiment id in the trained model's run provenance. */
    public static final String EXPERIMENT_ID_PROVENANCE = "mlops.experiment_id";
    /** Tag naming metrics the evaluated model cannot produce, and why. */
    public static final String UNAVAILABLE_TAG = "metrics.unavailable";

    private static final Logger LOG = LoggerFactory.getLogger(TribuoTracking.class);
    private static final TribuoModelFlavor FLAVOR = new TribuoModelFlavor();

    private TribuoTracking() {
    }

    /**
     * Trains with the default {@link TrainingOptions}.
     *
     * @param run a RUNNING run
     * @param trainer the trainer
     * @param data the training data
     * @param <T> the output type
     * @return the model and what was recorded
     */
    public static <T extends Output<T>> TrackedModel<T> train(Run run, Trainer<T> trainer, Dataset<T> data) {
        return train(run, trainer, data, TrainingOptions.defaults());
    }

    /**
     * Trains a model inside the run, recording hyperparameters, data provenance and fingerprint, versions, training
     * time and the model (see the class documentation).
     *
     * @param run a RUNNING run
     * @param trainer the trainer
     * @param data the training data
     * @param options where to log and with which prefix
     * @param <T> the output type
     * @return the model and what was recorded
     * @throws dev.mlops4j.ConflictException if the run already has params of the same names with other values
     */
    public static <T extends Output<T>> TrackedModel<T> train(Run run, Trainer<T> trainer, Dataset<T> data,
                                                              TrainingOptions options) {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(trainer, "trainer");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(options, "options");
        String p = options.paramPrefix();
        SortedMap<String, String> hyperparameters = Hyperparameters.of(trainer);
        DatasetFingerprint fingerprint = DatasetFingerprint.of(data);

        Map<String, String> params = new TreeMap<>();
        params.put(p + "trainer", trainer.getClass().getName());
        hyperparameters.forEach((k, v) -> params.put(p + safeKey(k), limit(v)));
        params.put(p + "dataset.sha256", fingerprint.sha256());
        params.put(p + "dataset.examples", Integer.toString(fingerprint.exampleCount()));
        params.put(p + "dataset.features", Integer.toString(fingerprint.featureCount()));
        params.put(p + "dataset.outputs", Integer.toString(fingerprint.outputCount()));
        DatasetProvenance provenance = data.getProvenance();
        params.put(p + "dataset.class", provenance.getClassName());
        DataProvenance source = provenance.getSourceProvenance();
        params.put(p + "dataset.source", source.getClassName());
        for (Pair<String, Provenance> e : source) {
            if (e.getB() instanceof PrimitiveProvenance<?> value && !ObjectProvenance.CLASS_NAME.equals(e.getA())) {
                params.put(p + "dataset.source." + safeKey(e.getA()), limit(String.valueOf(value.getValue())));
            }
        }
        logParams(run, params);
        run.log(LogBatch.builder()
                .tag("tribuo.version", Tribuo.VERSION)
                .tag("java.version", System.getProperty("java.version", "unknown"))
                .tag("java.vendor", System.getProperty("java.vendor", "unknown"))
                .build());
        run.logArtifact(options.datasetArtifactPath() + "/provenance.json", Json.bytes(ProvenanceTrees.toJson(provenance)));

        Map<String, Provenance> runProvenance = new LinkedHashMap<>();
        runProvenance.put(RUN_ID_PROVENANCE, new StringProvenance(RUN_ID_PROVENANCE, run.id()));
        runProvenance.put(EXPERIMENT_ID_PROVENANCE, new StringProvenance(EXPERIMENT_ID_PROVENANCE, run.experimentId()));
        long start = System.nanoTime();
        Model<T> model = trainer.train(data, runProvenance);
        Duration trainingTime = Duration.ofNanos(System.nanoTime() - start);
        run.logMetric(p + MetricNames.TRAINING_TIME_MS, trainingTime.toNanos() / 1e6);

        ModelDescriptor descriptor = ModelArtifacts.log(run, options.artifactPath(), FLAVOR, model);
        LOG.debug("run {}: trained {} with {} on {} examples in {} ms", run.id(), model.getClass().getSimpleName(),
                trainer.getClass().getSimpleName(), fingerprint.exampleCount(), trainingTime.toMillis());
        return new TrackedModel<>(model, run.id(), options.artifactPath(), descriptor, hyperparameters, fingerprint,
                trainingTime);
    }

    /**
     * Evaluates a classifier with the default {@link EvaluationOptions}.
     *
     * @param run a RUNNING run
     * @param model the model
     * @param test the test data
     * @return Tribuo's evaluation and what was logged
     */
    public static EvaluationReport<LabelEvaluation> evaluateClassifier(Run run, Model<Label> model, Dataset<Label> test) {
        return evaluateClassifier(run, model, test, EvaluationOptions.defaults());
    }

    /**
     * Evaluates a classifier with Tribuo's {@link LabelEvaluator} and logs accuracy, macro and micro F1, precision
     * and recall, balanced error rate, AUC (for models with probabilities), per-class precision, recall, F1 and AUC,
     * per-slice metrics, and the confusion matrix ({@code confusion_matrix.csv}).
     *
     * @param run a RUNNING run
     * @param model the model
     * @param test the test data
     * @param options prefix, slicers, artifact directory, step
     * @return Tribuo's evaluation and what was logged
     */
    public static EvaluationReport<LabelEvaluation> evaluateClassifier(Run run, Model<Label> model, Dataset<Label> test,
                                                                       EvaluationOptions options) {
        LabelEvaluator evaluator = new LabelEvaluator();
        boolean probabilities = model.generatesProbabilities();
        SortedMap<String, String> unavailable = new TreeMap<>();
        if (!probabilities) {
            String reason = "unavailable: " + model.getClass().getName()
                    + " does not produce probabilities (Model.generatesProbabilities() is false), which AUC needs";
            String p = options.metricPrefix();
            unavailable.put(p + MetricNames.MACRO_AUC, reason);
            unavailable.put(p + MetricNames.WEIGHTED_AUC, reason);
            unavailable.put(p + "class/*/auc", reason);
        }
        return evaluate(run, model, test, options, unavailable,
                predictions -> evaluator.evaluate(model, predictions, test.getProvenance()),
                (e, overall) -> EvaluationMetrics.classification(e, probabilities, overall),
                (dir, e) -> run.logArtifact(dir + "/confusion_matrix.csv",
                        EvaluationMetrics.confusionMatrixCsv(e.getConfusionMatrix()).getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Evaluates a regressor with the default {@link EvaluationOptions}.
     *
     * @param run a RUNNING run
     * @param model the model
     * @param test the test data
     * @return Tribuo's evaluation and what was logged
     */
    public static EvaluationReport<RegressionEvaluation> evaluateRegressor(Run run, Model<Regressor> model,
                                                                           Dataset<Regressor> test) {
        return evaluateRegressor(run, model, test, EvaluationOptions.defaults());
    }

    /**
     * Evaluates a regressor with Tribuo's {@link RegressionEvaluator} and logs RMSE, MAE, R² and explained variance
     * (averaged, and per output dimension) and per-slice metrics.
     *
     * @param run a RUNNING run
     * @param model the model
     * @param test the test data
     * @param options prefix, slicers, artifact directory, step
     * @return Tribuo's evaluation and what was logged
     */
    public static EvaluationReport<RegressionEvaluation> evaluateRegressor(Run run, Model<Regressor> model,
                                                                           Dataset<Regressor> test,
                                                                           EvaluationOptions options) {
        RegressionEvaluator evaluator = new RegressionEvaluator();
        return evaluate(run, model, test, options, new TreeMap<>(),
                predictions -> evaluator.evaluate(model, predictions, test.getProvenance()),
                EvaluationMetrics::regression, (dir, e) -> { });
    }

    /**
     * Records a gate result on a RUNNING run: tags, metrics and the table ({@link dev.mlops4j.gate.GateRecorder})
     * plus the JSON ({@link GateResultJson}).
     *
     * @param run the run
     * @param result the result
     * @return the JSON artifact
     */
    public static ArtifactInfo recordGate(Run run, GateResult result) {
        return GateResultJson.record(run, result);
    }

    /**
     * Loads the model {@link #train} logged, with the default allow-list ({@link TribuoModelLoader}).
     *
     * @param runs where to read
     * @param runId the run
     * @param outputType the output type, e.g. {@code Label.class}
     * @param <T> that type
     * @return the model
     */
    public static <T extends Output<T>> Model<T> loadModel(Runs runs, String runId, Class<T> outputType) {
        return TribuoModelLoader.withDefaults().load(runs, runId, TrainingOptions.DEFAULT_ARTIFACT_PATH, outputType);
    }

    @FunctionalInterface
    private interface MetricFunction<E> {
        Map<String, Double> metrics(E evaluation, boolean overall);
    }

    @FunctionalInterface
    private interface ExtraArtifacts<E> {
        void log(String directory, E evaluation);
    }

    private static <T extends Output<T>, E extends Evaluation<T>> EvaluationReport<E> evaluate(
            Run run, Model<T> model, Dataset<T> test, EvaluationOptions options, SortedMap<String, String> unavailable,
            Function<List<Prediction<T>>, E> evaluator, MetricFunction<E> metricFunction, ExtraArtifacts<E> extra) {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(options, "options");
        String p = options.metricPrefix();
        // Predict once; the overall and per-slice evaluations reuse the same predictions.
        List<Prediction<T>> predictions = model.predict(test);
        E overall = evaluator.apply(predictions);
        Map<String, Double> metrics = new LinkedHashMap<>();
        metricFunction.metrics(overall, true).forEach((k, v) -> metrics.put(p + k, v));

        Map<String, SortedMap<String, E>> slices = new LinkedHashMap<>();
        ObjectNode sliceJson = Json.MAPPER.createObjectNode();
        for (Slicer slicer : options.slicers()) {
            SortedMap<String, List<Prediction<T>>> groups = new TreeMap<>();
            for (Prediction<T> prediction : predictions) {
                groups.computeIfAbsent(slicer.sliceOf(prediction.getExample()), k -> new ArrayList<>()).add(prediction);
            }
            SortedMap<String, E> evaluations = new TreeMap<>();
            ObjectNode columnJson = sliceJson.putObject(slicer.column());
            for (Map.Entry<String, List<Prediction<T>>> group : groups.entrySet()) {
                E e = evaluator.apply(group.getValue());
                evaluations.put(group.getKey(), e);
                ObjectNode valueJson = columnJson.putObject(group.getKey());
                metricFunction.metrics(e, false).forEach((k, v) -> {
                    metrics.put(SliceKeys.key(slicer.column(), group.getKey(), p + k), v);
                    valueJson.put(k, v);
                });
            }
            slices.put(slicer.column(), evaluations);
        }

        logMetrics(run, metrics, options.step());
        String testFingerprint = DatasetFingerprint.of(test).sha256();
        LogBatch.Builder tags = LogBatch.builder().tag(p + "evaluation.dataset.sha256", testFingerprint);
        if (!unavailable.isEmpty()) {
            tags.tag(p + UNAVAILABLE_TAG, limitTag(String.join(", ", unavailable.keySet()) + ": "
                    + unavailable.values().iterator().next()));
        }
        run.log(tags.build());

        String dir = options.artifactDirectory();
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("model", model.getClass().getName());
        json.put("test_dataset_sha256", testFingerprint);
        json.set("metrics", Json.MAPPER.valueToTree(new TreeMap<>(metrics)));
        json.set("unavailable", Json.MAPPER.valueToTree(unavailable));
        json.set("slices", sliceJson);
        run.logArtifact(dir + "/metrics.json", Json.bytes(json));
        run.logArtifact(dir + "/report.txt", (overall.toString() + "\n").getBytes(StandardCharsets.UTF_8));
        extra.log(dir, overall);
        return new EvaluationReport<>(overall, new TreeMap<>(metrics), unavailable, slices);
    }

    private static void logParams(Run run, Map<String, String> params) {
        List<Map.Entry<String, String>> entries = new ArrayList<>(params.entrySet());
        for (int i = 0; i < entries.size(); i += Limits.MAX_PARAMS_TAGS_PER_BATCH) {
            LogBatch.Builder batch = LogBatch.builder();
            for (Map.Entry<String, String> e : entries.subList(i, Math.min(entries.size(),
                    i + Limits.MAX_PARAMS_TAGS_PER_BATCH))) {
                batch.param(e.getKey(), e.getValue());
            }
            run.log(batch.build());
        }
    }

    private static void logMetrics(Run run, Map<String, Double> metrics, long step) {
        List<Map.Entry<String, Double>> entries = new ArrayList<>(metrics.entrySet());
        for (int i = 0; i < entries.size(); i += Limits.MAX_METRICS_PER_BATCH) {
            LogBatch.Builder batch = LogBatch.builder();
            for (Map.Entry<String, Double> e : entries.subList(i, Math.min(entries.size(),
                    i + Limits.MAX_METRICS_PER_BATCH))) {
                batch.metric(e.getKey(), e.getValue(), step);
            }
            run.log(batch.build());
        }
    }

    // Provenance keys are Java field names, but map entries may hold any text; keep keys within what stores allow.
    private static String safeKey(String key) {
        return key.replaceAll("[^A-Za-z0-9_\\-./: ]", "_");
    }

    private static String limit(String value) {
        return value.length() <= Limits.MAX_PARAM_VALUE_LENGTH ? value
                : value.substring(0, Limits.MAX_PARAM_VALUE_LENGTH - 3) + "...";
    }

    private static String limitTag(String value) {
        return value.length() <= Limits.MAX_TAG_VALUE_LENGTH ? value
                : value.substring(0, Limits.MAX_TAG_VALUE_LENGTH - 3) + "...";
    }
}
