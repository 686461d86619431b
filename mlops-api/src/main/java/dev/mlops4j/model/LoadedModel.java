package dev.mlops4j.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A model loaded by a {@link ModelFlavor}, callable with plain feature maps. Implementations are thread-safe when
 * the underlying framework's model is (Tribuo's are).
 */
public interface LoadedModel {

    /** @return the id of the flavor that loaded it */
    String flavor();

    /** @return the model's class name */
    String modelClass();

    /** @return the features it knows and the outputs it predicts */
    ModelSignature signature();

    /**
     * The training ranges of the model's features, where the framework records them, for input checks
     * ({@code dev.mlops4j.serving.SignatureCheck}). Flavors that know nothing of ranges return an empty map (the
     * default).
     *
     * @return feature name to the range seen in training; features without a known range are absent
     */
    default Map<String, FeatureDomain> featureDomains() {
        return Map.of();
    }

    /**
     * Predicts one example.
     *
     * @param features feature name to value; absent features (and features mapped to {@code null}) are treated as the
     *                 framework treats them (zero for sparse frameworks such as Tribuo), names the model does not know
     *                 are ignored
     * @return the prediction
     * @throws dev.mlops4j.InvalidInputException if the model cannot predict from these features (for example none
     *     of them is known to it)
     */
    Prediction predict(Map<String, ? extends Number> features);

    /**
     * The order the model reads its features in, for {@link FeatureVector}s that reach it without lookups by name.
     * Flavors should return the same instance on every call (the default builds one from the signature each time).
     *
     * @return the layout of {@link ModelSignature#featureNames()}
     */
    default FeatureLayout featureLayout() {
        return FeatureLayout.of(signature().featureNames());
    }

    /**
     * Predicts a prepared input. Same semantics as {@link #predict(Map)} (absent positions are absent features,
     * unknown features are ignored); flavors make it faster for vectors on their own {@link #featureLayout()}. The
     * default translates the vector to a map.
     *
     * @param features the input
     * @return the prediction
     */
    default Prediction predict(FeatureVector features) {
        return predict(features.toMap());
    }

    /**
     * Predicts a prepared input and returns the framework's own prediction object (for Tribuo, an
     * {@code org.tribuo.Prediction}), without converting it to a {@link Prediction}: for callers that work with the
     * framework's types anyway, and the like-for-like path against the bare framework.
     *
     * @param features the input
     * @return the framework's prediction
     * @throws dev.mlops4j.InvalidInputException if the flavor offers no framework prediction (the default)
     */
    default Object predictNative(FeatureVector features) {
        throw new dev.mlops4j.InvalidInputException("the " + flavor() + " flavor returns no framework-native"
                + " predictions; use predict(FeatureVector)");
    }

    /**
     * Converts what {@link #predictNative(FeatureVector)} returned into the framework-neutral form (used when such a
     * prediction is recorded for monitoring).
     *
     * @param nativePrediction a result of {@link #predictNative(FeatureVector)} of this model
     * @return the same prediction as {@link #predict(FeatureVector)} would return
     * @throws dev.mlops4j.InvalidInputException if the flavor offers no framework prediction (the default)
     */
    default Prediction toPrediction(Object nativePrediction) {
        throw new dev.mlops4j.InvalidInputException("the " + flavor() + " flavor returns no framework-native"
                + " predictions to convert");
    }

    /**
     * @param rows examples as feature maps
     * @return one prediction per row, in order
     */
    default List<Prediction> predictAll(List<? extends Map<String, ? extends Number>> rows) {
        List<Prediction> out = new ArrayList<>(rows.size());
        for (Map<String, ? extends Number> row : rows) {
            out.add(predict(row));
        }
        return out;
    }

    /**
     * @param type the framework's model type, e.g. {@code org.tribuo.Model}
     * @param <T> that type
     * @return the framework's model object
     * @throws dev.mlops4j.InvalidInputException if the model is not of that type
     */
    <T> T unwrap(Class<T> type);
}
