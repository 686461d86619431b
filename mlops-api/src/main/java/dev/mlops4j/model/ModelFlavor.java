package dev.mlops4j.model;

/**
 * A machine-learning framework's way of storing, loading and calling models, so that mlops4j can log, register
 * and serve models without depending on the framework. Modules implement it (mlops-tribuo for Tribuo; ONNX Runtime,
 * XGBoost4J or DJL can follow) and register the implementation with {@link java.util.ServiceLoader} in
 * {@code META-INF/services/dev.mlops4j.model.ModelFlavor}; {@link ModelFlavors#discover()} finds them.
 *
 * <p>A logged model is a directory of artifacts: the flavor's files ({@link #format()}) plus the
 * {@link ModelDescriptor} naming the flavor. {@link ModelArtifacts} writes and reads that layout.
 *
 * <p>Implementations must be thread-safe and have a public no-argument constructor.
 */
public interface ModelFlavor {

    /** @return a short stable id written into descriptors, e.g. {@code "tribuo"} */
    String id();

    /** @return the files this flavor reads and writes */
    ModelFormat format();

    /**
     * @return the classes a model file of this flavor may name when the caller gives no allow-list of its own
     *     (for Tribuo: Tribuo's own classes)
     */
    ClassAllowList defaultAllowList();

    /**
     * @param model a framework object
     * @return true if {@link #save(Object)} accepts it
     */
    boolean canSave(Object model);

    /**
     * Writes a model in this flavor's format.
     *
     * @param model a model {@link #canSave(Object) accepted} by this flavor
     * @return its files and descriptor facts
     * @throws dev.mlops4j.InvalidInputException if the object is not a model of this flavor
     */
    SavedModel save(Object model);

    /**
     * Loads a model, checking every class name the model file contains against the allow-list before
     * deserializing anything.
     *
     * @param files the model's directory
     * @param allowList the classes the file may name
     * @return the loaded model
     * @throws ModelClassNotAllowedException if the file names a class the allow-list does not allow
     * @throws ModelLoadException if the file is not a valid model of this flavor
     */
    LoadedModel load(ModelFiles files, ClassAllowList allowList);
}
