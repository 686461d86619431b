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
