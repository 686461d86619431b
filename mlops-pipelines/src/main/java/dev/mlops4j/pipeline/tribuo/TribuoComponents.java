package dev.mlops4j.pipeline.tribuo;

import dev.mlops4j.pipeline.Serializer;
import dev.mlops4j.pipeline.Slot;
import dev.mlops4j.pipeline.Step;
import dev.mlops4j.pipeline.StepBuilder;
import dev.mlops4j.pipeline.components.Metrics;
import dev.mlops4j.pipeline.components.TrainedModel;
import dev.mlops4j.tribuo.EvaluationReport;
import dev.mlops4j.tribuo.TrackedModel;
import dev.mlops4j.tribuo.TribuoModelLoader;
import dev.mlops4j.tribuo.TribuoTracking;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.evaluation.LabelEvaluation;
import org.tribuo.data.csv.CSVLoader;

/**
 * Steps that train and evaluate Tribuo classifiers on CSV data sets (as {@code Components.loadCsv} and
 * {@code Components.split} produce them), tracked with {@link TribuoTracking}. Kept apart from the engine so that
 * {@code dev.mlops4j.pipeline} needs no Tribuo; add {@code mlops-tribuo} to use it.
 *
 * <pre>{@code
 * static final Slot<Model> MODEL = TribuoComponents.modelSlot("model");
 * .step(TribuoComponents.trainClassifier(Step.named("train"), TRAIN, "cultivar", LogisticRegressionTrainer::new,
 *         MODEL, MODEL_REF))
 * .step(TribuoComponents.evaluateClassifier(Step.named("evaluate"), MODEL, TEST, "cultivar", METRICS))
 * }</pre>
 */
public final class TribuoComponents {
    private TribuoComponents() {
    }

    /**
     * @param name slot name
     * @return a slot for Tribuo models, stored as Tribuo's protobuf and read back through the allow-listed loader
     */
    @SuppressWarnings("rawtypes")
    public static Slot<Model> modelSlot(String name) {
        return Slot.of(name, Model.class, modelSerializer()).artifactType("Model");
    }

    /** @return models as Tribuo protobuf ({@code Model.serialize()}), never Java serialization */
    @SuppressWarnings("rawtypes")
    public static Serializer<Model> modelSerializer() {
        return new Serializer<>() {
            @Override
            public String id() {
                return "tribuo-model-proto";
            }

            @Override
            public byte[] serialize(Model value) {
                return value.serialize().toByteArray();
            }

            @Override
            public Model deserialize(byte[] bytes) {
                return TribuoModelLoader.withDefaults().load(bytes, "a pipeline data set");
            }
        };
    }

    /**
     * Trains a classifier on CSV text with the trainer's provenance, data fingerprint and model recorded on the step's
     * run. The trainer's description (its hyperparameters, from {@code toString()}) is a parameter, so changing them
     * invalidates the cache.
     *
     * @param step the step's name and settings
     * @param train CSV text of the training rows
     * @param response the label column
     * @param trainer makes the trainer
     * @param model the trained model
     * @param saved where the model was saved in the step's run, for registration
     * @return the step
     */
    @SuppressWarnings("rawtypes")
    public static Step trainClassifier(StepBuilder step, Slot<String> train, String response,
                                       Supplier<? extends Trainer<Label>> trainer, Slot<Model> model,
                                       Slot<TrainedModel> saved) {
        return step.input(train).output(model, saved).param("response", response)
                .param("trainerConfig", trainer.get().toString()).body(ctx -> {
                    MutableDataset<Label> data = dataset(ctx.input(train), ctx.param("response", String.class));
                    TrackedModel<Label> tracked = TribuoTracking.train(ctx.run(), trainer.get(), data);
                    ctx.output(model, tracked.model());
                    ctx.output(saved, new TrainedModel(tracked.runId(), tracked.artifactPath(),
                            tracked.model().getClass().getName(), tracked.dataset().sha256()));
                });
    }

    /**
     * Evaluates a classifier on CSV text, logging Tribuo's metrics on the step's run. The metrics' source is that run's
     * id, so {@code Components.register} after a gate on them names this run as the version's evaluation, and a
     * registry promotion gate reads these hold-out metrics.
     *
     * @param step the step's name and settings
     * @param model the model
     * @param test CSV text of the test rows
     * @param response the label column
     * @param metrics the metrics (accuracy, macro F1, ... as {@link dev.mlops4j.tribuo.MetricNames} names them)
     * @return the step
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    public static Step evaluateClassifier(StepBuilder step, Slot<Model> model, Slot<String> test, String response,
                                          Slot<Metrics> metrics) {
        return step.input(model, test).output(metrics).param("response", response).body(ctx -> {
            MutableDataset<Label> data = dataset(ctx.input(test), ctx.param("response", String.class));
            EvaluationReport<LabelEvaluation> report = TribuoTracking.evaluateClassifier(ctx.run(),
                    (Model<Label>) ctx.input(model), data);
            ctx.output(metrics, new Metrics(ctx.run().id(), report.metrics()));
        });
    }

    /** Tribuo's CSV loader reads files, so the text goes through a temporary file that is deleted at once. */
    static MutableDataset<Label> dataset(String csv, String response) throws IOException {
        Path tmp = Files.createTempFile("mlops-pipeline-", ".csv");
        try {
            Files.writeString(tmp, csv, StandardCharsets.UTF_8);
            return new MutableDataset<>(new CSVLoader<>(new LabelFactory()).loadDataSource(tmp, response));
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
