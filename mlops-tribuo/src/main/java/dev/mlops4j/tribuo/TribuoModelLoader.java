package dev.mlops4j.tribuo;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.mlops4j.NotFoundException;
import dev.mlops4j.Runs;
import dev.mlops4j.model.ClassAllowList;
import dev.mlops4j.model.ModelArtifacts;
import dev.mlops4j.model.ModelClassNotAllowedException;
import dev.mlops4j.model.ModelLoadException;
import dev.mlops4j.tracking.Limits;
import dev.mlops4j.tribuo.internal.ClassNameScanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.tribuo.Model;
import org.tribuo.Output;
import org.tribuo.protos.ProtoUtil;
import org.tribuo.protos.core.ModelProto;

/**
 * Loads Tribuo models from their protobuf files, refusing classes that are not allowed before anything is
 * deserialized.
 *
 * <p>Tribuo's own {@code Model.deserialize*} resolves the class named in the file with {@code Class.forName}
 * (running its static initializer) before checking that it is a Tribuo model. This loader instead:
 * <ol>
 *   <li>parses the bytes as a {@code ModelProto} (plain data, nothing is instantiated);</li>
 *   <li>checks the model's class name against the allow-list;</li>
 *   <li>finds every other class name the file contains (nested messages, provenance) and refuses any that resolves
 *       to a class allowed neither by the allow-list nor as a {@link #SUPPORTING_CLASSES supporting class};</li>
 *   <li>only then lets Tribuo deserialize the model.</li>
 * </ol>
 * A refusal is a {@link ModelClassNotAllowedException}; a file that is not a Tribuo model is a
 * {@link ModelLoadException}.
 *
 * <pre>{@code
 * Model<Label> m = TribuoModelLoader.withDefaults().load(mlops.runs(), runId, "model", Label.class);
 * Model<?> only = TribuoModelLoader.allowing(ClassAllowList.of("org.tribuo.classification.sgd.linear.LinearSGDModel"))
 *         .load(Path.of("wine.tribuo"));
 * }</pre>
 */
public final class TribuoModelLoader {
    /** Model classes allowed by default: Tribuo's own. */
    public static final ClassAllowList DEFAULT_MODEL_CLASSES = ClassAllowList.of("org.tribuo.*");
    /**
     * Classes a model file may name besides its model classes: Tribuo's types (feature and output domains,
     * parameters, trainers, data sources), OLCUT's provenance classes, which every model's provenance names, and
     * mlops4j's own classes (e.g. its Tribuo data sources, whose provenance a model records). Classes of your own
     * data sources or trainers must be added to the allow-list.
     */
    public static final ClassAllowList SUPPORTING_CLASSES =
            ClassAllowList.of("org.tribuo.*", "com.oracle.labs.mlrg.olcut.provenance.*", "dev.mlops4j.*");

    private final ClassAllowList allowList;

    private TribuoModelLoader(ClassAllowList allowList) {
        this.allowList = Objects.requireNonNull(allowList, "allowList");
    }

    /** @return a loader allowing Tribuo's own model classes ({@link #DEFAULT_MODEL_CLASSES}) */
    public static TribuoModelLoader withDefaults() {
        return new TribuoModelLoader(DEFAULT_MODEL_CLASSES);
    }

    /**
     * @param allowList the model classes to allow (and any further classes the file may name)
     * @return a loader using it
     */
    public static TribuoModelLoader allowing(ClassAllowList allowList) {
        return new TribuoModelLoader(allowList);
    }

    /** @return the allow-list for model classes */
    public ClassAllowList allowList() {
        return allowList;
    }

    /**
     * @param bytes a Tribuo model file's content ({@code ModelProto})
     * @param where what is being loaded, for messages (a path, an artifact)
     * @return the model
     * @throws ModelClassNotAllowedException if the file names a class that is not allowed
     * @throws ModelLoadException if it is not a Tribuo model file or Tribuo cannot deserialize it
     */
    public Model<?> load(byte[] bytes, String where) {
        Objects.requireNonNull(bytes, "bytes");
        ModelProto proto;
        try {
            proto = ModelProto.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new ModelLoadException(where + " is not a Tribuo protobuf model file: " + e.getMessage(), e);
        }
        String modelClass = proto.getClassName();
        if (modelClass.isEmpty()) {
            throw new ModelLoadException(where + " is not a Tribuo protobuf model file: it names no model class");
        }
        if (!allowList.allows(modelClass)) {
            throw new ModelClassNotAllowedException(modelClass, allowList, where);
        }
        for (String name : ClassNameScanner.scan(bytes)) {
            if (!allowList.allows(name) && !SUPPORTING_CLASSES.allows(name) && resolves(name)) {
                throw new ModelClassNotAllowedException(name, allowList.plus(
                        SUPPORTING_CLASSES.patterns().toArray(String[]::new)), where);
            }
        }
        try {
            return Model.deserialize(proto);
        } catch (RuntimeException e) {
            throw new ModelLoadException("Tribuo could not deserialize " + where + " (model class " + modelClass
                    + "): " + e.getMessage(), e);
        }
    }

    /**
     * @param bytes a Tribuo model file's content
     * @param where what is being loaded, for messages
     * @param outputType the output type the model must predict, e.g. {@code Label.class}
     * @param <T> that type
     * @return the model
     * @throws ModelLoadException if the model predicts another output type
     */
    public <T extends Output<T>> Model<T> load(byte[] bytes, String where, Class<T> outputType) {
        Model<?> model = load(bytes, where);
        if (!model.validate(outputType)) {
            throw new ModelLoadException(where + " holds a " + model.getClass().getName() + " that does not predict "
                    + outputType.getName() + "; load it with the matching output type");
        }
        return model.castModel(outputType);
    }

    /**
     * @param file a Tribuo model file
     * @return the model
     */
    public Model<?> load(Path file) {
        try {
            return load(Files.readAllBytes(file), "model file " + file);
        } catch (IOException e) {
            throw new ModelLoadException("cannot read model file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Loads a model logged with {@link TribuoTracking#train} or {@link ModelArtifacts#log}.
     *
     * @param runs where to read
     * @param runId the run
     * @param artifactPath the model's artifact directory, e.g. {@code model}
     * @return the model
     * @throws NotFoundException if the run has no Tribuo model there
     */
    public Model<?> load(Runs runs, String runId, String artifactPath) {
        String path = Limits.checkArtifactPath(artifactPath) + "/" + TribuoModelFlavor.FORMAT.fileName();
        byte[] bytes;
        try {
            bytes = runs.readArtifact(runId, path);
        } catch (NotFoundException e) {
            throw new NotFoundException("run " + runId + " has no Tribuo model at '" + path + "'; models logged by"
                    + " TribuoTracking.train are under '" + TrainingOptions.DEFAULT_ARTIFACT_PATH + "'", e);
        }
        return load(bytes, "artifact " + path + " of run " + runId);
    }

    /**
     * @param runs where to read
     * @param runId the run
     * @param artifactPath the model's artifact directory
     * @param outputType the output type the model must predict
     * @param <T> that type
     * @return the model
     */
    public <T extends Output<T>> Model<T> load(Runs runs, String runId, String artifactPath, Class<T> outputType) {
        Model<?> model = load(runs, runId, artifactPath);
        if (!model.validate(outputType)) {
            throw new ModelLoadException("the model of run " + runId + " at '" + artifactPath + "' does not predict "
                    + outputType.getName());
        }
        return model.castModel(outputType);
    }

    // Only names that resolve can be instantiated; resolving without initializing runs no code of the class.
    private static boolean resolves(String name) {
        for (ClassLoader loader : new ClassLoader[] {ProtoUtil.class.getClassLoader(),
                Thread.currentThread().getContextClassLoader()}) {
            if (loader == null) {
                continue;
            }
            try {
                Class.forName(name, false, loader);
                return true;
            } catch (ClassNotFoundException | LinkageError e) {
                // not resolvable through this loader
            }
        }
        return false;
    }
}
