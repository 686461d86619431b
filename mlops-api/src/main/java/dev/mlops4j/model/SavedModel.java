package dev.mlops4j.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.TreeMap;

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

    /** @return the class, task, each file with its size, and the properties (byte arrays are not printed) */
    @Override
    public String toString() {
        StringJoiner sizes = new StringJoiner(", ", "{", "}");
        new TreeMap<>(files).forEach((name, bytes) -> sizes.add(name + "=" + bytes.length + " bytes"));
        return "SavedModel[" + modelClass + ", " + task + ", files " + sizes + ", properties " + new TreeMap<>(properties)
                + "]";
    }
}
