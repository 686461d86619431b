package dev.mlops4j.model;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.NotFoundException;
import dev.mlops4j.Run;
import dev.mlops4j.Runs;
import dev.mlops4j.tracking.Limits;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Logs models as run artifacts and loads them back, through whichever {@link ModelFlavor} handles them.
 *
 * <p>Layout of a model logged at artifact path {@code model}: the flavor's files ({@code model/model.tribuo}) and
 * the descriptor {@code model/}{@value ModelDescriptor#FILE_NAME} naming the flavor. Loading reads the descriptor,
 * finds the flavor, and lets it load the files with an allow-list (the flavor's default unless one is given).
 *
 * <pre>{@code
 * ModelArtifacts.log(run, "model", tribuoModel);
 * LoadedModel m = ModelArtifacts.load(mlops.runs(), runId, "model");
 * Prediction p = m.predict(Map.of("alcohol", 13.2, "proline", 1050));
 * }</pre>
 */
public final class ModelArtifacts {
    /** The artifact path models are logged under by default. */
    public static final String DEFAULT_PATH = "model";

    private ModelArtifacts() {
    }

    /**
     * Logs a model with the first discovered flavor that can save it.
     *
     * @param run a RUNNING run
     * @param artifactPath the model's artifact directory, e.g. {@value #DEFAULT_PATH}
     * @param model a framework model
     * @return the descriptor that was logged
     * @throws InvalidInputException if no flavor on the class path can save this object
     */
    public static ModelDescriptor log(Run run, String artifactPath, Object model) {
        Objects.requireNonNull(model, "model");
        ModelFlavors flavors = ModelFlavors.discover();
        ModelFlavor flavor = flavors.forModel(model).orElseThrow(() -> new InvalidInputException(
                "no model flavor can save a " + model.getClass().getName() + "; " + flavors));
        return log(run, artifactPath, flavor, model);
    }

    /**
     * Logs a model with the given flavor: its files, then the descriptor (so a reader that finds the descriptor
     * finds the files).
     *
     * @param run a RUNNING run
     * @param artifactPath the model's artifact directory
     * @param flavor the flavor to save it with
     * @param model a framework model
     * @return the descriptor that was logged
     */
    public static ModelDescriptor log(Run run, String artifactPath, ModelFlavor flavor, Object model) {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(flavor, "flavor");
        String dir = Limits.checkArtifactPath(artifactPath);
        SavedModel saved = flavor.save(model);
        List<String> files = new ArrayList<>();
        for (Map.Entry<String, byte[]> f : new TreeMap<>(saved.files()).entrySet()) {
            run.logArtifact(dir + "/" + Limits.checkArtifactPath(f.getKey()), f.getValue());
            files.add(f.getKey());
        }
        ModelDescriptor descriptor = new ModelDescriptor(flavor.id(), saved.modelClass(), saved.task(), files,
                saved.properties());
        run.logArtifact(dir + "/" + ModelDescriptor.FILE_NAME, descriptor.toBytes());
        return descriptor;
    }

    /**
     * @param runs where to read
     * @param runId the run
     * @param artifactPath the model's artifact directory
     * @return the model's descriptor
     * @throws NotFoundException if no model was logged there
     */
    public static ModelDescriptor descriptor(Runs runs, String runId, String artifactPath) {
        String dir = Limits.checkArtifactPath(artifactPath);
        byte[] content;
        try {
            content = runs.readArtifact(runId, dir + "/" + ModelDescriptor.FILE_NAME);
        } catch (NotFoundException e) {
            throw new NotFoundException("run " + runId + " has no model at '" + dir + "' (no " + dir + "/"
                    + ModelDescriptor.FILE_NAME + "); log one with ModelArtifacts.log", e);
        }
        return ModelDescriptor.parse(content);
    }

    /**
     * Loads a logged model with its flavor's default allow-list.
     *
     * @param runs where to read
     * @param runId the run
     * @param artifactPath the model's artifact directory
     * @return the loaded model
     */
    public static LoadedModel load(Runs runs, String runId, String artifactPath) {
        return load(runs, runId, artifactPath, null);
    }

    /**
     * Loads a logged model.
     *
     * @param runs where to read
     * @param runId the run
     * @param artifactPath the model's artifact directory
     * @param allowList the classes the model file may name, or {@code null} for the flavor's default
     * @return the loaded model
     * @throws ModelClassNotAllowedException if the model names a class the allow-list refuses
     */
    public static LoadedModel load(Runs runs, String runId, String artifactPath, ClassAllowList allowList) {
        ModelDescriptor d = descriptor(runs, runId, artifactPath);
        return load(d, ModelFiles.ofRun(runs, runId, artifactPath), ModelFlavors.discover(), allowList);
    }

    /**
     * Loads a model from its descriptor and files, wherever they are stored.
     *
     * @param descriptor the model's descriptor
     * @param files the model's directory
     * @param flavors the flavors to choose from
     * @param allowList the classes the model file may name, or {@code null} for the flavor's default
     * @return the loaded model
     */
    public static LoadedModel load(ModelDescriptor descriptor, ModelFiles files, ModelFlavors flavors,
                                   ClassAllowList allowList) {
        ModelFlavor flavor = flavors.get(descriptor.flavor());
        ClassAllowList effective = allowList != null ? allowList : flavor.defaultAllowList();
        // The descriptor is not trusted more than the model file: a disallowed class is refused here already,
        // and the flavor checks the file's own class names again.
        if (!effective.allows(descriptor.modelClass())) {
            throw new ModelClassNotAllowedException(descriptor.modelClass(), effective,
                    "model descriptor of flavor '" + descriptor.flavor() + "'");
        }
        return flavor.load(files, effective);
    }
}
