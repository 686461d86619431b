package dev.mlops4j.model;

import dev.mlops4j.InvalidInputException;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The small file, {@value #FILE_NAME}, that sits in a logged model's artifact directory and says how to load it:
 * which flavor wrote it, the model's class and task, its files, and flavor-specific facts. It is a Java
 * properties file (UTF-8, keys sorted, no timestamp, so the same model always gives the same bytes):
 *
 * <pre>
 * files=model.tribuo
 * flavor=tribuo
 * model.class=org.tribuo.classification.sgd.linear.LinearSGDModel
 * property.tribuo.version=4.3.2
 * task=CLASSIFICATION
 * </pre>
 *
 * @param flavor the {@link ModelFlavor#id() flavor id}
 * @param modelClass the model's class name
 * @param task the kind of prediction
 * @param files the model's files, relative to its directory
 * @param properties flavor-specific facts
 */
public record ModelDescriptor(String flavor, String modelClass, ModelTask task, List<String> files,
                              Map<String, String> properties) {
    /** The descriptor's file name inside a model's artifact directory. */
    public static final String FILE_NAME = "mlops-model.properties";

    private static final String PROPERTY_PREFIX = "property.";

    public ModelDescriptor {
        Objects.requireNonNull(flavor, "flavor");
        Objects.requireNonNull(modelClass, "modelClass");
        Objects.requireNonNull(task, "task");
        files = List.copyOf(files);
        properties = Map.copyOf(properties);
        for (String f : files) {
            if (f.contains(",")) {
                throw new InvalidInputException("model file name '" + f + "' must not contain ','");
            }
        }
    }

    /** @return the descriptor file's content */
    public byte[] toBytes() {
        Properties p = new Properties();
        p.setProperty("flavor", flavor);
        p.setProperty("model.class", modelClass);
        p.setProperty("task", task.name());
        p.setProperty("files", String.join(",", files));
        properties.forEach((k, v) -> p.setProperty(PROPERTY_PREFIX + k, v));
        StringWriter w = new StringWriter();
        try {
            p.store(w, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        // Properties.store writes a timestamp comment and hash order; drop the one and sort the other.
        String body = w.toString().lines().filter(l -> !l.startsWith("#")).sorted()
                .collect(Collectors.joining("\n", "", "\n"));
        return body.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * @param content a descriptor file's content
     * @return the descriptor
     * @throws ModelLoadException if it is not a valid descriptor
     */
    public static ModelDescriptor parse(byte[] content) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(new String(content, StandardCharsets.UTF_8)));
        } catch (IOException | IllegalArgumentException e) {
            throw new ModelLoadException("model descriptor " + FILE_NAME + " is not a valid properties file: "
                    + e.getMessage(), e);
        }
        String flavor = required(p, "flavor");
        String modelClass = required(p, "model.class");
        ModelTask task;
        try {
            task = ModelTask.valueOf(required(p, "task"));
        } catch (IllegalArgumentException e) {
            throw new ModelLoadException("model descriptor " + FILE_NAME + " has unknown task '" + p.getProperty("task")
                    + "'; expected one of " + Arrays.toString(ModelTask.values()), e);
        }
        String files = required(p, "files");
        Map<String, String> props = new TreeMap<>();
        for (String name : p.stringPropertyNames()) {
            if (name.startsWith(PROPERTY_PREFIX)) {
                props.put(name.substring(PROPERTY_PREFIX.length()), p.getProperty(name));
            }
        }
        List<String> fileList = files.isEmpty() ? List.of() : List.of(files.split(","));
        return new ModelDescriptor(flavor, modelClass, task, fileList, props);
    }

    private static String required(Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null) {
            throw new ModelLoadException("model descriptor " + FILE_NAME + " lacks the entry '" + key
                    + "'; it was not written by ModelArtifacts.log or is damaged");
        }
        return v;
    }
}
