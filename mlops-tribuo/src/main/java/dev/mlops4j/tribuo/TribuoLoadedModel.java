package dev.mlops4j.tribuo;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.model.LoadedModel;
import dev.mlops4j.model.ModelSignature;
import dev.mlops4j.model.ModelTask;
import dev.mlops4j.model.Prediction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.tribuo.Model;
import org.tribuo.Output;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

/** A Tribuo model behind the framework-neutral {@link LoadedModel}; thread-safe as Tribuo models are. */
final class TribuoLoadedModel<T extends Output<T>> implements LoadedModel {
    private final Model<T> model;
    private final ModelSignature signature;
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

    @Override
    public Prediction predict(Map<String, ? extends Number> features) {
        Objects.requireNonNull(features, "features");
        if (unknown == null) {
            throw new InvalidInputException("predicting from feature maps supports Tribuo classification and regression"
                    + " models; " + model.getClass().getName() + " predicts another output type. Call"
                    + " unwrap(org.tribuo.Model.class) and predict with Tribuo directly");
        }
        String[] names = new String[features.size()];
        double[] values = new double[features.size()];
        int i = 0;
        for (Map.Entry<String, ? extends Number> f : features.entrySet()) {
            names[i] = Objects.requireNonNull(f.getKey(), "feature name");
            values[i] = Objects.requireNonNull(f.getValue(), "value of feature " + f.getKey()).doubleValue();
            i++;
        }
        org.tribuo.Prediction<T> p;
        try {
            p = model.predict(new ArrayExample<>(unknown, names, values));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("the model cannot predict from features " + features.keySet() + ": "
                    + e.getMessage() + ". It knows " + signature.featureNames().size() + " features, e.g. "
                    + signature.featureNames().subList(0, Math.min(5, signature.featureNames().size())), e);
        }
        return convert(p, model.generatesProbabilities());
    }

    // Tribuo's CART leaves mark their class distributions as probabilities while the model reports
    // generatesProbabilities() == false; we claim probabilities only when the model does.
    static <T extends Output<T>> Prediction convert(org.tribuo.Prediction<T> p, boolean modelProbabilities) {
        boolean probabilities = modelProbabilities && p.hasProbabilities();
        T out = p.getOutput();
        Map<String, Double> values = new LinkedHashMap<>();
        if (out instanceof Label label) {
            for (Map.Entry<String, T> e : p.getOutputScores().entrySet()) {
                values.put(e.getKey(), ((Label) e.getValue()).getScore());
            }
            if (values.isEmpty()) {
                values.put(label.getLabel(), label.getScore());
            }
            return new Prediction(label.getLabel(), values, probabilities);
        }
        if (out instanceof Regressor r) {
            String[] names = r.getNames();
            double[] v = r.getValues();
            for (int i = 0; i < names.length; i++) {
                values.put(names[i], v[i]);
            }
            return new Prediction(null, values, false);
        }
        return new Prediction(out.getSerializableForm(false), values, probabilities);
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
