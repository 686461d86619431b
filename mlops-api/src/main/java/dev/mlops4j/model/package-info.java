/**
 * The model-flavor SPI: what a stored model is, and how to load it and predict with it, independent of the
 * machine-learning framework.
 *
 * <p>A {@link dev.mlops4j.model.ModelFlavor} (one per framework, discovered with {@link java.util.ServiceLoader}
 * through {@link dev.mlops4j.model.ModelFlavors}) saves a framework model as files in its
 * {@link dev.mlops4j.model.ModelFormat format} and loads them back as a {@link dev.mlops4j.model.LoadedModel},
 * which predicts from plain feature maps ({@link dev.mlops4j.model.Prediction}) and describes itself
 * ({@link dev.mlops4j.model.ModelSignature}). Loading always goes through a
 * {@link dev.mlops4j.model.ClassAllowList}: class names in a model file are checked before anything is
 * deserialized, and a refused class raises {@link dev.mlops4j.model.ModelClassNotAllowedException}.
 *
 * <p>{@link dev.mlops4j.model.ModelArtifacts} logs a model as a directory of run artifacts with a
 * {@link dev.mlops4j.model.ModelDescriptor} naming its flavor, and loads it back; {@link dev.mlops4j.model.ModelFiles}
 * abstracts where the files live (run artifacts, a directory, memory), so a registry can load the same layout.
 */
package dev.mlops4j.model;
