package dev.mlops4j.serving;

import dev.mlops4j.model.FeatureLayout;
import dev.mlops4j.model.FeatureVector;
import dev.mlops4j.model.LoadedModel;
import dev.mlops4j.model.ModelSignature;
import dev.mlops4j.model.Prediction;
import dev.mlops4j.registry.ModelVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Serves the model version that holds an alias, in-process, and follows the alias: when it moves, the handle loads
 * the new version completely, then switches to it atomically, without restart and without failing or delaying the
 * predictions in flight (they finish on the version they started with). From
 * {@code mlops.models().serve("wine", "production")}.
 *
 * <pre>{@code
 * try (ModelHandle wine = mlops.models().serve("wine", "production")) {
 *     Prediction p = wine.predict(Map.of("alcohol", 13.2, "proline", 1050.0, ...));
 *     System.out.println(wine.version().uri() + " says " + p.label());
 * }
 * }</pre>
 *
 * <p>Moves are noticed at once when made through the same {@code Mlops} instance (a registry listener), and by
 * polling the store at {@link ServingOptions#pollInterval()} when made by other processes. If loading the new
 * version fails, the old one keeps serving and the failure is counted and logged; the next poll tries again. If the
 * alias is removed, the last version keeps serving.
 *
 * <p>Every input is checked before the model sees it ({@link SignatureCheck}: unknown and missing features, NaN,
 * values outside the training range; plus any {@link InputCheckFactory checks plugged in}), and each kind of issue
 * is rejected, warned about or counted as {@link ServingOptions} says. Predictions may be sampled to a
 * {@link PredictionSink} asynchronously.
 *
 * <p>Inputs come as maps of named values or, prepared once and reusable, as {@link FeatureVector}s on the serving
 * model's {@link #layout()}; those reach the model and the checks without lookups by name, and
 * {@link #predictNative(FeatureVector, Class)} returns the framework's own prediction unconverted.
 *
 * <p>Thread-safe. Close it to stop following the alias and flush recorded predictions; the registry's
 * {@code Mlops} closes its open handles when it closes.
 */
public interface ModelHandle extends AutoCloseable {

    /** @return the registered model served */
    String modelName();

    /** @return the alias followed */
    String alias();

    /** @return the version serving now */
    ModelVersion version();

    /** @return the loaded model serving now */
    LoadedModel model();

    /** @return the signature of the model serving now */
    default ModelSignature signature() {
        return model().signature();
    }

    /**
     * Checks the input and predicts with the version serving now.
     *
     * @param features feature name to value
     * @return the prediction
     * @throws InputRejectedException if the input has an issue whose policy is {@link InputPolicy#REJECT}
     * @throws dev.mlops4j.StoreException if the handle is closed
     */
    Prediction predict(Map<String, ? extends Number> features);

    /**
     * Like {@link #predict(Map)}, also returning the version that predicted and the issues that were let through.
     *
     * @param features feature name to value
     * @return the prediction with its version and input issues
     * @throws InputRejectedException if the input has an issue whose policy is {@link InputPolicy#REJECT}
     */
    ServedPrediction predictDetailed(Map<String, ? extends Number> features);

    /**
     * The feature order of the version serving now, to prepare {@link FeatureVector}s with. After a swap to a version
     * with another layout, vectors on the old one still predict correctly (translated by name, more slowly); prepare
     * new ones from this method to stay on the fast path.
     *
     * @return the serving model's {@link LoadedModel#featureLayout()}
     */
    default FeatureLayout layout() {
        return model().featureLayout();
    }

    /**
     * Checks a prepared input and predicts it with the version serving now: the same checks, policies, counters and
     * recording as {@link #predict(Map)}, without looking features up by name when the vector is on the serving
     * model's {@link #layout()}.
     *
     * @param features the input
     * @return the prediction
     * @throws InputRejectedException if the input has an issue whose policy is {@link InputPolicy#REJECT}
     * @throws dev.mlops4j.StoreException if the handle is closed
     */
    Prediction predict(FeatureVector features);

    /**
     * Like {@link #predict(FeatureVector)}, also returning the version that predicted and the issues let through.
     *
     * @param features the input
     * @return the prediction with its version and input issues
     * @throws InputRejectedException if the input has an issue whose policy is {@link InputPolicy#REJECT}
     */
    ServedPrediction predictDetailed(FeatureVector features);

    /**
     * Like {@link #predict(FeatureVector)}, but returns the framework's own prediction unconverted (for the Tribuo
     * flavor an {@code org.tribuo.Prediction}): the path for callers that use the framework's types, with the
     * handle's checks, policies, counters and recording all applied.
     *
     * <pre>{@code
     * org.tribuo.Prediction<?> p = handle.predictNative(row, org.tribuo.Prediction.class);
     * }</pre>
     *
     * @param features the input
     * @param type the framework's prediction type
     * @param <R> that type
     * @return the framework's prediction
     * @throws InputRejectedException if the input has an issue whose policy is {@link InputPolicy#REJECT}
     * @throws dev.mlops4j.InvalidInputException if the serving model's flavor has no native predictions, or they are
     *     not of {@code type}
     */
    <R> R predictNative(FeatureVector features, Class<R> type);

    /**
     * @param features a prepared input
     * @return the issues found against the version serving now, without predicting or counting
     */
    List<InputIssue> check(FeatureVector features);

    /**
     * @param rows inputs
     * @return one prediction per row, in order
     * @throws InputRejectedException at the first rejected row
     */
    default List<Prediction> predictAll(List<? extends Map<String, ? extends Number>> rows) {
        List<Prediction> out = new ArrayList<>(rows.size());
        for (Map<String, ? extends Number> row : rows) {
            out.add(predict(row));
        }
        return out;
    }

    /**
     * Checks an input against the version serving now, without predicting or counting.
     *
     * @param features feature name to value
     * @return the issues found, empty if none
     */
    List<InputIssue> check(Map<String, ? extends Number> features);

    /**
     * Checks the alias now and, if it moved, loads and switches to the new holder before returning.
     *
     * @return the version serving after the check
     * @throws dev.mlops4j.MlopsException if the store cannot be read or the new version cannot be loaded (the old one
     *     keeps serving)
     */
    ModelVersion refresh();

    /** @return the counters since the handle was opened */
    ServingStats stats();

    /** Stops following the alias, flushes recorded predictions (up to the flush timeout) and closes. Idempotent. */
    @Override
    void close();
}
