package dev.mlops4j.model;

import dev.mlops4j.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A minimal flavor for testing the SPI without a framework: a linear scorer stored as text, whose first line names
 * the model class (as real formats do).
 */
public final class TestLinearFlavor implements ModelFlavor {

    /** The toy model: weights per feature; the prediction is their dot product with the input. */
    public record LinearModel(Map<String, Double> weights) {
    }

    @Override
    public String id() {
        return "test-linear";
    }

    @Override
    public ModelFormat format() {
        return new ModelFormat("weights.txt", "text/plain", "class name, then one 'feature=weight' per line");
    }

    @Override
    public ClassAllowList defaultAllowList() {
        return ClassAllowList.of("dev.mlops4j.model.*");
    }

    @Override
    public boolean canSave(Object model) {
        return model instanceof LinearModel;
    }

    @Override
    public SavedModel save(Object model) {
        if (!(model instanceof LinearModel m)) {
            throw new InvalidInputException("not a LinearModel: " + model);
        }
        StringBuilder sb = new StringBuilder(LinearModel.class.getName()).append('\n');
        new TreeMap<>(m.weights()).forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
        return new SavedModel(LinearModel.class.getName(), ModelTask.REGRESSION,
                Map.of(format().fileName(), sb.toString().getBytes(StandardCharsets.UTF_8)), Map.of("rows", "" + m.weights().size()));
    }

    @Override
    public LoadedModel load(ModelFiles files, ClassAllowList allowList) {
        List<String> lines = new String(files.read(format().fileName()), StandardCharsets.UTF_8).lines().toList();
        String className = lines.get(0);
        if (!allowList.allows(className)) {
            throw new ModelClassNotAllowedException(className, allowList, format().fileName());
        }
        Map<String, Double> weights = new TreeMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] kv = line.split("=");
            weights.put(kv[0], Double.parseDouble(kv[1]));
        }
        LinearModel model = new LinearModel(weights);
        return new LoadedModel() {
            @Override
            public String flavor() {
                return id();
            }

            @Override
            public String modelClass() {
                return className;
            }

            @Override
            public ModelSignature signature() {
                return new ModelSignature(new ArrayList<>(weights.keySet()), ModelTask.REGRESSION, List.of("y"), false);
            }

            @Override
            public Prediction predict(Map<String, ? extends Number> features) {
                double y = 0;
                for (Map.Entry<String, ? extends Number> f : features.entrySet()) {
                    y += weights.getOrDefault(f.getKey(), 0.0) * f.getValue().doubleValue();
                }
                return new Prediction(null, Map.of("y", y), false);
            }

            @Override
            public <T> T unwrap(Class<T> type) {
                return type.cast(model);
            }
        };
    }
}
