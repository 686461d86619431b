package dev.mlops4j.serving;

import dev.mlops4j.model.FeatureVector;
import java.util.List;
import java.util.Map;

/**
 * Checks a prediction's input before the model sees it. Built in: {@link SignatureCheck} (feature names, NaN and
 * training ranges from the model itself); others, such as a data schema check, are plugged in with an
 * {@link InputCheckFactory}. Implementations must be thread-safe and fast: they run on every prediction.
 */
@FunctionalInterface
public interface InputCheck {

    /**
     * @param features the input, feature name to value (values may be null)
     * @return the issues found; {@code List.of()} when there are none (so that a clean input allocates nothing)
     */
    List<InputIssue> check(Map<String, ? extends Number> features);

    /**
     * Checks a prepared input. The default checks {@link FeatureVector#toMap()}, so every check handles vectors;
     * checks on the hot path (such as {@link SignatureCheck}) override it to read the values by position.
     *
     * @param features the input
     * @return the issues found; {@code List.of()} when there are none
     */
    default List<InputIssue> check(FeatureVector features) {
        return check(features.toMap());
    }
}
