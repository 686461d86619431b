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
    private final InputCheck[] checks;

    Served(ModelVersion version, LoadedModel model, List<InputCheck> checks) {
        this.version = version;
        this.model = model;
        this.label = version.uri().toString();
        this.layout = model.featureLayout();
        this.checks = checks.toArray(InputCheck[]::new);
    }

    /** @return every issue the checks find, {@code List.of()} for a clean input */
    List<InputIssue> check(Map<String, ? extends Number> features) {
        if (checks.length == 0) {
            return List.of();
        }
        if (checks.length == 1) {
            return checks[0].check(features);
        }
        List<InputIssue> all = null;
        for (InputCheck c : checks) {
            List<InputIssue> found = c.check(features);
            if (!found.isEmpty()) {
                if (all == null) {
                    all = new ArrayList<>(found.size() + 2);
                }
                all.addAll(found);
            }
        }
        return all == null ? List.of() : all;
    }

    /** @return every issue the checks find in a prepared input, {@code List.of()} for a clean one */
    List<InputIssue> check(FeatureVector features) {
        if (checks.length == 0) {
            return List.of();
        }
        if (checks.length == 1) {
            return checks[0].check(features);
        }
        List<InputIssue> all = null;
        for (InputCheck c : checks) {
            List<InputIssue> found = c.check(features);
            if (!found.isEmpty()) {
                if (all == null) {
                    all = new ArrayList<>(found.size() + 2);
                }
                all.addAll(found);
            }
        }
        return all == null ? List.of() : all;
    }
}
