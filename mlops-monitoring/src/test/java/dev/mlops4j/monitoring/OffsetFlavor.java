package dev.mlops4j.monitoring;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.model.ClassAllowList;
import dev.mlops4j.model.LoadedModel;
import dev.mlops4j.model.ModelClassNotAllowedException;
import dev.mlops4j.model.ModelFiles;
import dev.mlops4j.model.ModelFlavor;
import dev.mlops4j.model.ModelFormat;
import dev.mlops4j.model.ModelSignature;
import dev.mlops4j.model.ModelTask;
import dev.mlops4j.model.Prediction;
import dev.mlops4j.model.SavedModel;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A real, tiny regression flavor for serving tests without a machine-learning framework: today's maximum temperature
 * predicted as the minimum plus an offset learnt as the mean difference on training days. Stored as text.
 */
final class OffsetFlavor implements ModelFlavor {
    static final List<String> FEATURES = List.of("precipitation", "temp_max", "temp_min", "wind");

    /** @param offset mean of temp_max - temp_min on the training days */
    record Offset(double offset) {
        static Offset fit(List<Weather> days) {
            return new Offset(days.stream().mapToDouble(d -> d.tempMax() - d.tempMin()).average().orElseThrow());
        }

        double predict(double tempMin) {
            return tempMin + offset;
        }
    }

    @Override
    public String id() {
        return "monitoring-test-offset";
    }

    @Override
    public ModelFormat format() {
        return new ModelFormat("offset.txt", "text/plain", "class name, then the offset");
    }

    @Override
    public ClassAllowList defaultAllowList() {
        return ClassAllowList.of("dev.mlops4j.monitoring.*");
    }

    @Override
    public boolean canSave(Object model) {
        return model instanceof Offset;
    }

    @Override
    public SavedModel save(Object model) {
        if (!(model instanceof Offset o)) {
            throw new InvalidInputException("not an Offset model: " + model);
        }
        String text = Offset.class.getName() + "\n" + o.offset() + "\n";
        return new SavedModel(Offset.class.getName(), ModelTask.REGRESSION,
                Map.of(format().fileName(), text.getBytes(StandardCharsets.UTF_8)), Map.of());
    }

    @Override
    public LoadedModel load(ModelFiles files, ClassAllowList allowList) {
        List<String> lines = new String(files.read(format().fileName()), StandardCharsets.UTF_8).lines().toList();
        if (!allowList.allows(lines.get(0))) {
            throw new ModelClassNotAllowedException(lines.get(0), allowList, format().fileName());
        }
        Offset model = new Offset(Double.parseDouble(lines.get(1)));
        ModelSignature signature = new ModelSignature(FEATURES, ModelTask.REGRESSION, List.of("temp_max"), false);
        return new LoadedModel() {
            @Override
            public String flavor() {
                return id();
            }

            @Override
            public String modelClass() {
                return Offset.class.getName();
            }

            @Override
            public ModelSignature signature() {
                return signature;
            }

            @Override
            public Prediction predict(Map<String, ? extends Number> features) {
                return new Prediction(null, Map.of("temp_max", model.predict(features.get("temp_min").doubleValue())),
                        false);
            }

            @Override
            public <T> T unwrap(Class<T> type) {
                return type.cast(model);
            }
        };
    }
}
