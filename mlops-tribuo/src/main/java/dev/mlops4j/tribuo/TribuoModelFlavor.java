package dev.mlops4j.tribuo;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.model.ClassAllowList;
import dev.mlops4j.model.LoadedModel;
import dev.mlops4j.model.ModelFiles;
import dev.mlops4j.model.ModelFlavor;
import dev.mlops4j.model.ModelFormat;
import dev.mlops4j.model.ModelTask;
import dev.mlops4j.model.SavedModel;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tribuo.Model;
import org.tribuo.Output;
import org.tribuo.classification.Label;
import org.tribuo.regression.Regressor;

/**
 * The model flavor for Tribuo: models are stored as Tribuo's protobuf {@code ModelProto} (never Java
 * serialization) in {@value #FILE_NAME}, and loaded through {@link TribuoModelLoader} with the allow-list.
 * Registered with {@link java.util.ServiceLoader}, so {@link dev.mlops4j.model.ModelArtifacts} and the registry find
 * it by its id {@value #ID}.
 */
public final class TribuoModelFlavor implements ModelFlavor {
    /** The flavor id written into model descriptors. */
    public static final String ID = "tribuo";
    /** The model file's name inside a model's artifact directory. */
    public static final String FILE_NAME = "model.tribuo";
    /** The artifact layout. */
    public static final ModelFormat FORMAT = new ModelFormat(FILE_NAME, "application/x-protobuf",
            "Tribuo ModelProto (protobuf, as Model.serialize() writes it); never Java serialization");

    /** Creates the flavor; it is stateless. */
    public TribuoModelFlavor() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public ModelFormat format() {
        return FORMAT;
    }

    @Override
    public ClassAllowList defaultAllowList() {
        return TribuoModelLoader.DEFAULT_MODEL_CLASSES;
    }

    @Override
    public boolean canSave(Object model) {
        return model instanceof Model<?>;
    }

    @Override
    public SavedModel save(Object model) {
        if (!(model instanceof Model<?> m)) {
            throw new InvalidInputException("the Tribuo flavor saves org.tribuo.Model instances, not "
                    + (model == null ? "null" : model.getClass().getName()));
        }
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("tribuo.version", m.getProvenance().getTribuoVersion());
        properties.put("output.class", outputClass(m));
        properties.put("features", Integer.toString(m.getFeatureIDMap().size()));
        properties.put("probabilities", Boolean.toString(m.generatesProbabilities()));
        return new SavedModel(m.getClass().getName(), task(m), Map.of(FILE_NAME, m.serialize().toByteArray()),
                properties);
    }

    @Override
    public LoadedModel load(ModelFiles files, ClassAllowList allowList) {
        Model<?> model = TribuoModelLoader.allowing(allowList).load(files.read(FILE_NAME), "Tribuo model file "
                + FILE_NAME);
        return new TribuoLoadedModel<>(model);
    }

    static ModelTask task(Model<?> model) {
        if (model.validate(Label.class)) {
            return ModelTask.CLASSIFICATION;
        }
        if (model.validate(Regressor.class)) {
            return ModelTask.REGRESSION;
        }
        return ModelTask.OTHER;
    }

    private static String outputClass(Model<?> model) {
        for (Output<?> o : model.getOutputIDInfo().getDomain()) {
            // A regression domain holds Regressor.DimensionTuple instances; name the output type users know.
            return o instanceof Regressor ? Regressor.class.getName() : o.getClass().getName();
        }
        return "unknown";
    }
}
