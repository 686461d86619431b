package dev.mlops4j.core.registry;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.model.ClassAllowList;
import dev.mlops4j.model.FeatureDomain;
import dev.mlops4j.model.FeatureVector;
import dev.mlops4j.model.LoadedModel;
import dev.mlops4j.model.ModelClassNotAllowedException;
import dev.mlops4j.model.ModelFiles;
import dev.mlops4j.model.ModelFlavor;
import dev.mlops4j.model.ModelFormat;
import dev.mlops4j.model.ModelLoadException;
import dev.mlops4j.model.ModelSignature;
import dev.mlops4j.model.ModelTask;
import dev.mlops4j.model.Prediction;
import dev.mlops4j.model.SavedModel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real, tiny model flavor for engine tests without a machine-learning framework: a linear scorer
 * {@code y = bias + sum(w_i * x_i)} stored as text, with training ranges per feature. Registered with ServiceLoader
 * in the test resources. A model whose bias is NaN fails to load, to test what happens when a new version cannot be
 * loaded.
 */
public final class LinearFlavor implements ModelFlavor {
    /** Counts loads, to check caching. */
    static final AtomicInteger LOADS = new AtomicInteger();
    /** Counts predictions made from a {@link FeatureVector}, to check which route a handle takes. */
    static final AtomicInteger VECTOR_PREDICTIONS = new AtomicInteger();

    /**
     * The toy model.
     *
     * @param weights per feature
     * @param bias the intercept
     * @param domains training range per feature
     */
    public record Linear(Map<String, Double> weights, double bias, Map<String, FeatureDomain> domains) {
        public Linear {
            weights = Map.copyOf(weights);
            domains = Map.copyOf(domains);
        }

        double predict(Map<String, ? extends Number> x) {
            double y = bias;
            for (Map.Entry<String, Double> w : weights.entrySet()) {
                Number v = x.get(w.getKey());
                y += w.getValue() * (v == null ? 0.0 : v.doubleValue());
            }
            return y;
        }
    }

    @Override
    public String id() {
        return "core-test-linear";
    }

    @Override
    public ModelFormat format() {
        return new ModelFormat("linear.txt", "text/plain", "class, bias, then feature=weight,min,max lines");
    }

    @Override
    public ClassAllowList defaultAllowList() {
        return ClassAllowList.of("dev.mlops4j.core.registry.*");
    }

    @Override
    public boolean canSave(Object model) {
        return model instanceof Linear;
    }

    @Override
    public SavedModel save(Object model) {
        if (!(model instanceof Linear m)) {
            throw new InvalidInputException("not a Linear model: " + model);
        }
        StringBuilder sb = new StringBuilder(Linear.class.getName()).append('\n').append(m.bias()).append('\n');
        new TreeMap<>(m.weights()).forEach((k, w) -> {
            FeatureDomain d = m.domains().get(k);
            sb.append(k).append('=').append(w).append(',').append(d == null ? "" : d.min() + "," + d.max()).append('\n');
        });
        return new SavedModel(Linear.class.getName(), ModelTask.REGRESSION,
                Map.of(format().fileName(), sb.toString().getBytes(StandardCharsets.UTF_8)), Map.of());
    }

    @Override
    public LoadedModel load(ModelFiles files, ClassAllowList allowList) {
        List<String> lines = new String(files.read(format().fileName()), StandardCharsets.UTF_8).lines().toList();
        if (!allowList.allows(lines.get(0))) {
            throw new ModelClassNotAllowedException(lines.get(0), allowList, format().fileName());
        }
        double bias = Double.parseDouble(lines.get(1));
        if (Double.isNaN(bias)) {
            throw new ModelLoadException("this test model is unloadable on purpose (bias NaN)");
        }
        Map<String, Double> weights = new TreeMap<>();
        Map<String, FeatureDomain> domains = new TreeMap<>();
        for (String line : lines.subList(2, lines.size())) {
            String name = line.substring(0, line.indexOf('='));
            String[] parts = line.substring(line.indexOf('=') + 1).split(",", -1);
            weights.put(name, Double.parseDouble(parts[0]));
            if (!parts[1].isEmpty()) {
                domains.put(name, new FeatureDomain(Double.parseDouble(parts[1]), Double.parseDouble(parts[2])));
            }
        }
        LOADS.incrementAndGet();
        return new Loaded(new Linear(weights, bias, domains));
    }

    private static final class Loaded implements LoadedModel {
        private final Linear model;
        private final ModelSignature signature;

        Loaded(Linear model) {
            this.model = model;
            this.signature = new ModelSignature(new ArrayList<>(new TreeMap<>(model.weights()).keySet()),
                    ModelTask.REGRESSION, List.of("y"), false);
        }

        @Override
        public String flavor() {
            return "core-test-linear";
        }

        @Override
        public String modelClass() {
            return Linear.class.getName();
        }

        @Override
        public ModelSignature signature() {
            return signature;
        }

        @Override
        public Map<String, FeatureDomain> featureDomains() {
            return model.domains();
        }

        @Override
        public Prediction predict(Map<String, ? extends Number> features) {
            Objects.requireNonNull(features, "features");
            return new Prediction(null, Map.of("y", model.predict(features)), false);
        }

        /** Reads the vector by position, as a framework flavor does: the same value as from the equal map. */
        @Override
        public Prediction predict(FeatureVector features) {
            VECTOR_PREDICTIONS.incrementAndGet();
            double y = model.bias();
            for (int i = 0; i < features.size(); i++) {
                Double w = model.weights().get(features.name(i));
                if (w != null && features.isPresent(i)) {
                    y += w * features.value(i);
                }
            }
            for (Map.Entry<String, Double> u : features.unknownFeatures().entrySet()) {
                Double w = model.weights().get(u.getKey());
                y += w == null ? 0.0 : w * u.getValue();
            }
            return new Prediction(null, Map.of("y", y), false);
        }

        @Override
        public <T> T unwrap(Class<T> type) {
            return type.cast(model);
        }
    }
}
