package dev.mlops4j.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A model written out by {@link ModelFlavor#save(Object)}: its files and what the descriptor should say about it.
 * The byte arrays are not copied; do not change them.
 *
 * @param modelClass the model's class name
 * @param task the kind of prediction
 * @param files file name (relative to the model's directory) to content
 * @param properties flavor-specific facts for the descriptor, e.g. the framework version
 */
public record SavedModel(String modelClass, ModelTask task, Map<String, byte[]> files, Map<String, String> properties) {
    public SavedModel {
        Objects.requireNonNull(modelClass, "modelClass");
        Objects.requireNonNull(task, "task");
        files = Map.copyOf(new LinkedHashMap<>(files));
        properties = Map.copyOf(properties);
    }
}
