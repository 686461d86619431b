package dev.mlops4j.tribuo;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.model.FeatureDomain;
import dev.mlops4j.model.FeatureLayout;
import dev.mlops4j.model.FeatureVector;
import dev.mlops4j.model.LoadedModel;
import dev.mlops4j.model.ModelSignature;
import dev.mlops4j.model.ModelTask;
import dev.mlops4j.model.Prediction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.tribuo.CategoricalInfo;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.Output;
import org.tribuo.RealInfo;
import org.tribuo.VariableInfo;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

/** A Tribuo model behind the framework-neutral {@link LoadedModel}; thread-safe as Tribuo models are. */
final class TribuoLoadedModel<T extends Output<T>> implements LoadedModel {
    private final Model<T> model;
    private final ModelSignature signature;
    private final Map<String, FeatureDomain> domains;
    private final boolean probabilistic;
    /** The model's feature names in Tribuo's order (String.compareTo), and each name's position in it. */
    private final String[] sortedNames;
    private final FeatureLayout layout;
    private final Map<String, Integer> rank;
    private final T unknown;

    @SuppressWarnings("unchecked")
    TribuoLoadedModel(Model<T> model) {
        this.model = Objects.requireNonNull(model, "model");
        ModelTask task = TribuoModelFlavor.task(model);
        TreeSet<String> outputs = new TreeSet<>();
        for (T o : model.getOutputIDInfo().getDomain()) {
            if (o instanceof Label l) {
                outputs.add(l.getLabel());
            } else if (o instanceof Regressor r) {
                outputs.add(String.join(",", r.getNames()));
            } else {
                outputs.add(o.getSerializableForm(false));
            }
        }
        this.signature = new ModelSignature(new ArrayList<>(new TreeSet<>(model.getFeatureIDMap().keySet())), task,
                new ArrayList<>(outputs), model.generatesProbabilities());
        this.domains = domains(model);
        this.probabilistic = model.generatesProbabilities();
        this.sortedNames = signature.featureNames().toArray(String[]::new);
        this.layout = FeatureLayout.of(signature.featureNames());
        Map<String, Integer> ranks = new HashMap<>(sortedNames.length * 2);
        for (int i = 0; i < sortedNames.length; i++) {
            ranks.put(sortedNames[i], i);
        }
        this.rank = ranks;
        // Examples need an output; predictions ignore it, so use the factories' "unknown" markers.
        this.unknown = switch (task) {
            case CLASSIFICATION -> (T) LabelFactory.UNKNOWN_LABEL;
            case REGRESSION -> (T) RegressionFactory.UNKNOWN_REGRESSOR;
            case OTHER -> null;
        };
    }

    @Override
    public String flavor() {
        return TribuoModelFlavor.ID;
    }

    @Override
    public String modelClass() {
        return model.getClass().getName();
    }

    @Override
    public ModelSignature signature() {
        return signature;
    }

    /**
     * @return the min and max of each feature's values in training, from the model's feature map; when a feature was
     *     absent from some training examples (Tribuo stores only non-zero values), zero is inside its range too
     */
    @Override
    public Map<String, FeatureDomain> featureDomains() {
        return domains;
    }

    private static Map<String, FeatureDomain> domains(Model<?> model) {
        int examples = model.getProvenance().getDatasetProvenance().getNumExamples();
        Map<String, FeatureDomain> out = new TreeMap<>();
        for (VariableInfo info : model.getFeatureIDMap()) {
            RealInfo real;
            if (info instanceof RealInfo r) {
                real = r;
            } else if (info instanceof CategoricalInfo c) {
                real = c.generateRealInfo();
            } else {
                continue;
            }
            double min = real.getMin();
            double max = real.getMax();
            if (!Double.isFinite(min) || !Double.isFinite(max) || min > max) {
                continue; // never observed: no range to check against
            }
            if (info.getCount() < examples) {
                // Absent in some examples means the model saw (implicit) zeros for it.
                min = Math.min(min, 0.0);
                max = Math.max(max, 0.0);
            }
            out.put(info.getName(), new FeatureDomain(min, max));
        }
        return Map.copyOf(out);
    }

    /**
     * Builds the example Tribuo predicts from: the input's features the model knows, in the model's (sorted) order,
     * so that the example needs no sorting. Features the model does not know are left out, as Tribuo would ignore
     * them; null values are left out as absent. Dense inputs walk the model's names; sparse inputs (fewer than half
     * the model's features) walk their own entries and order them by rank.
     */
    private Example<T> example(Map<String, ? extends Number> features) {
        int size = features.size();
        String[] names = new String[Math.min(size, sortedNames.length)];
        double[] values = new double[names.length];
        int n = 0;
        if (2L * size >= sortedNames.length) {
            for (String name : sortedNames) {
                Number value = features.get(name);
                if (value != null) {
                    names[n] = name;
                    values[n] = value.doubleValue();
                    n++;
                }
            }
        } else {
            long[] order = new long[size];
            double[] found = new double[size];
            for (Map.Entry<String, ? extends Number> f : features.entrySet()) {
                Number value = f.getValue();
                Integer r = f.getKey() == null ? null : rank.get(f.getKey());
                if (value != null && r != null) {
                    order[n] = ((long) r << 32) | n; // sorts by rank, remembering where the value is
                    found[n] = value.doubleValue();
                    n++;
                }
            }
            Arrays.sort(order, 0, n);
            for (int i = 0; i < n; i++) {
                names[i] = sortedNames[(int) (order[i] >>> 32)];
                values[i] = found[(int) order[i]];
            }
        }
        if (n < names.length) {
            names = Arrays.copyOf(names, n);
            values = Arrays.copyOf(values, n);
        }
        return sortedExample(names, values);
    }

    /**
     * A plain {@link ArrayExample} of features already in Tribuo's order, built without the sort its
     * {@code (output, names, values)} constructor runs (an argsort over boxed indices, the largest cost of building
     * an example): a {@link SortedExample} skips it and ArrayExample's copy constructor copies its arrays as they
     * are. The copy (two arrays) is what keeps the example a plain ArrayExample: Tribuo's prediction code then sees
     * the one Example class it saw in training, and on a CART tree a subclass there cost 20-30 ns per prediction
     * (ServingBenchmark: bare Tribuo on the kept SortedExample 585 vs 563 ns of CPU time on an equal
     * ArrayExample).
     */
    private ArrayExample<T> sortedExample(String[] names, double[] values) {
        return new ArrayExample<>(new SortedExample<>(unknown, names, values));
    }

    /**
     * An {@link ArrayExample} whose features arrive sorted by name, so the sort its constructor runs is skipped; only
     * ever copied into a plain ArrayExample ({@link #sortedExample}). The order invariant of ArrayExample holds.
     */
    private static final class SortedExample<T extends Output<T>> extends ArrayExample<T> {
        private static final long serialVersionUID = 1L;

        SortedExample(T output, String[] names, double[] values) {
            super(output, names, values);
        }

        @Override
        protected void sort() {
            // Already sorted by construction; see TribuoLoadedModel#example.
        }
    }

    /** @return the model's feature names in Tribuo's order, the same instance on every call */
    @Override
    public FeatureLayout featureLayout() {
        return layout;
    }

    /**
     * The example of a prepared input: on the model's own layout, the values are already in Tribuo's order and go
     * straight into the example (absent positions left out); a vector on another layout is translated by name.
     */
    @SuppressWarnings("unchecked")
    private Example<T> example(FeatureVector features) {
        FeatureLayout l = features.layout();
        if (l != layout && !l.equals(layout)) {
            return example(features.toMap());
        }
        // Built once per vector and model: Tribuo's predict only reads its example, so threads may share it.
        return features.nativeInput(this, Example.class, this::buildExample);
    }

    private Example<T> buildExample(FeatureVector features) {
        double[] values = new double[sortedNames.length];
        features.copyValues(values);
        String[] names = sortedNames; // ArrayExample copies both arrays, so sharing ours is safe
        int n = sortedNames.length;
        if (!features.isComplete()) {
            n = 0;
            names = new String[sortedNames.length];
            for (int i = 0; i < sortedNames.length; i++) {
                if (features.isPresent(i)) {
                    names[n] = sortedNames[i];
                    values[n] = values[i];
                    n++;
                }
            }
            names = Arrays.copyOf(names, n);
            values = Arrays.copyOf(values, n);
        }
        return sortedExample(names, values);
    }

    @Override
    public Prediction predict(FeatureVector features) {
        return convert(predictTribuo(features), probabilistic);
    }

    /** @return Tribuo's own {@link org.tribuo.Prediction} */
    @Override
    public Object predictNative(FeatureVector features) {
        return predictTribuo(features);
    }

    @Override
    public Prediction toPrediction(Object nativePrediction) {
        if (!(nativePrediction instanceof org.tribuo.Prediction<?> p)) {
            throw new InvalidInputException("expected an org.tribuo.Prediction of this model, got "
                    + (nativePrediction == null ? "null" : nativePrediction.getClass().getName()));
        }
        return convertAny(p, probabilistic);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Prediction convertAny(org.tribuo.Prediction p, boolean probabilistic) {
        return convert(p, probabilistic);
    }

    private org.tribuo.Prediction<T> predictTribuo(FeatureVector features) {
        Objects.requireNonNull(features, "features");
        requireSupportedOutput();
        Example<T> example = example(features);
        try {
            return model.predict(example);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("the model cannot predict from " + features + ": " + e.getMessage()
                    + ". It knows " + signature.featureNames().size() + " features, e.g. "
                    + signature.featureNames().subList(0, Math.min(5, signature.featureNames().size())), e);
        }
    }

    private void requireSupportedOutput() {
        if (unknown == null) {
            throw new InvalidInputException("predicting from feature maps supports Tribuo classification and regression"
                    + " models; " + model.getClass().getName() + " predicts another output type. Call"
                    + " unwrap(org.tribuo.Model.class) and predict with Tribuo directly");
        }
    }

    @Override
    public Prediction predict(Map<String, ? extends Number> features) {
        Objects.requireNonNull(features, "features");
        requireSupportedOutput();
        Example<T> example = example(features);
        org.tribuo.Prediction<T> p;
        try {
            p = model.predict(example);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("the model cannot predict from features " + features.keySet() + ": "
                    + e.getMessage() + ". It knows " + signature.featureNames().size() + " features, e.g. "
                    + signature.featureNames().subList(0, Math.min(5, signature.featureNames().size())), e);
        }
        return convert(p, probabilistic);
    }

    // Tribuo's CART leaves mark their class distributions as probabilities while the model reports
    // generatesProbabilities() == false; we claim probabilities only when the model does.
    static <T extends Output<T>> Prediction convert(org.tribuo.Prediction<T> p, boolean modelProbabilities) {
        boolean probabilities = modelProbabilities && p.hasProbabilities();
        T out = p.getOutput();
        // Built straight into an immutable map, which Prediction keeps as it is (Map.copyOf does not copy those):
        // this runs on every prediction, and an intermediate map would cost more than Tribuo's own scoring.
        if (out instanceof Label label) {
            Map<String, T> scores = p.getOutputScores();
            if (scores.isEmpty()) {
                return new Prediction(label.getLabel(), Map.of(label.getLabel(), label.getScore()), probabilities);
            }
            @SuppressWarnings("unchecked")
            Map.Entry<String, Double>[] entries = new Map.Entry[scores.size()];
            int i = 0;
            for (Map.Entry<String, T> e : scores.entrySet()) {
                entries[i++] = Map.entry(e.getKey(), ((Label) e.getValue()).getScore());
            }
            return new Prediction(label.getLabel(), Map.ofEntries(entries), probabilities);
        }
        if (out instanceof Regressor r) {
            String[] names = r.getNames();
            double[] v = r.getValues();
            @SuppressWarnings("unchecked")
            Map.Entry<String, Double>[] entries = new Map.Entry[names.length];
            for (int i = 0; i < names.length; i++) {
                entries[i] = Map.entry(names[i], v[i]);
            }
            return new Prediction(null, Map.ofEntries(entries), false);
        }
        return new Prediction(out.getSerializableForm(false), Map.of(), probabilities);
    }

    @Override
    public <U> U unwrap(Class<U> type) {
        if (!type.isInstance(model)) {
            throw new InvalidInputException("the loaded model is a " + model.getClass().getName() + ", not a "
                    + type.getName());
        }
        return type.cast(model);
    }

    @Override
    public String toString() {
        return "Tribuo " + model.getClass().getSimpleName() + " (" + signature.task() + ", "
                + signature.featureNames().size() + " features, outputs " + signature.outputs() + ")";
    }
}
