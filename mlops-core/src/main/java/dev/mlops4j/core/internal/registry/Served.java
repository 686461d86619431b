package dev.mlops4j.core.internal.registry;

import dev.mlops4j.model.FeatureLayout;
import dev.mlops4j.model.FeatureVector;
import dev.mlops4j.model.LoadedModel;
import dev.mlops4j.registry.ModelVersion;
import dev.mlops4j.serving.InputCheck;
import dev.mlops4j.serving.InputIssue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a handle serves at one moment: a version, its fully loaded model and its input checks, swapped as one
 * immutable unit so that a prediction never mixes the model of one version with the checks of another.
 */
final class Served {
    final ModelVersion version;
    final LoadedModel model;
    final String label;
    /** The model's layout, taken once: {@link LoadedModel#featureLayout()} need not be cheap. */
    final FeatureLayout layout;
    /** The model reads a {@link FeatureVector} by position (overrides {@link LoadedModel#predict(FeatureVector)}). */
    final boolean modelReadsVectors;
    private final InputCheck[] checks;
    /** Per check: it reads a {@link FeatureVector} by position (overrides {@link InputCheck#check(FeatureVector)}). */
    private final boolean[] readsVectors;

    Served(ModelVersion version, LoadedModel model, List<InputCheck> checks) {
        this.version = version;
        this.model = model;
        this.label = version.uri().toString();
        this.layout = model.featureLayout();
        this.modelReadsVectors = overrides(model, LoadedModel.class, "predict");
        this.checks = checks.toArray(InputCheck[]::new);
        this.readsVectors = new boolean[this.checks.length];
        for (int i = 0; i < this.checks.length; i++) {
            readsVectors[i] = overrides(this.checks[i], InputCheck.class, "check");
        }
    }

    /**
     * @return true if {@code o} has its own {@code name(FeatureVector)} rather than the default of {@code type}, which
     *     converts the vector to a map
     */
    private static boolean overrides(Object o, Class<?> type, String name) {
        try {
            return o.getClass().getMethod(name, FeatureVector.class).getDeclaringClass() != type;
        } catch (NoSuchMethodException e) {
            return false; // cannot happen: the interface declares it
        }
    }

    /** @return every issue the checks find, {@code List.of()} for a clean input */
    List<InputIssue> check(Map<String, ? extends Number> features) {
        return check(features, null);
    }

    /** @return every issue the checks find in a prepared input, {@code List.of()} for a clean one */
    List<InputIssue> check(FeatureVector features) {
        return check(null, features);
    }

    /**
     * Every issue the checks find in the input: a map, a prepared vector, or a map also built into {@code vector} (on
     * the model's layout). For the last, a check with its own vector check reads the vector by position, and the map
     * only when it finds an issue, so that the issues are exactly those it finds in the map; every other check reads
     * the map, with no conversion.
     *
     * @param map the input as a map, or null for a vector input
     * @param vector the input as a vector, or null for a map input that is not one
     * @return {@code List.of()} for a clean input
     */
    List<InputIssue> check(Map<String, ? extends Number> map, FeatureVector vector) {
        if (checks.length == 1) {
            return check(0, map, vector);
        }
        List<InputIssue> all = null;
        for (int i = 0; i < checks.length; i++) {
            List<InputIssue> found = check(i, map, vector);
            if (!found.isEmpty()) {
                if (all == null) {
                    all = new ArrayList<>(found.size() + 2);
                }
                all.addAll(found);
            }
        }
        return all == null ? List.of() : all;
    }

    private List<InputIssue> check(int i, Map<String, ? extends Number> map, FeatureVector vector) {
        InputCheck c = checks[i];
        if (map == null) {
            return c.check(vector);
        }
        if (vector == null || !readsVectors[i]) {
            return c.check(map);
        }
        List<InputIssue> found = c.check(vector);
        return found.isEmpty() ? found : c.check(map);
    }
}
