/**
 * Tribuo integration: tracked training and evaluation of Tribuo models on mlops4j runs, allow-listed loading of
 * Tribuo model files, and the Tribuo {@link dev.mlops4j.model.ModelFlavor model flavor}.
 *
 * <p>{@link dev.mlops4j.tribuo.TribuoTracking} is the entry point: {@code train} records hyperparameters
 * ({@link dev.mlops4j.tribuo.Hyperparameters}), data provenance and a content
 * {@link dev.mlops4j.tribuo.DatasetFingerprint fingerprint}, versions, training time and the model in Tribuo's
 * protobuf format; {@code evaluateClassifier} and {@code evaluateRegressor} log the metrics Tribuo's evaluators
 * compute ({@link dev.mlops4j.tribuo.MetricNames}), per {@link dev.mlops4j.tribuo.Slicer slice} too, so that
 * {@link dev.mlops4j.gate.Gate gates} can check them; {@code recordGate} records a gate's result with a JSON copy
 * ({@link dev.mlops4j.tribuo.GateResultJson}).
 *
 * <p>{@link dev.mlops4j.tribuo.TribuoModelLoader} never lets Tribuo resolve a class from a model file before the
 * file's class names have been checked against a {@link dev.mlops4j.model.ClassAllowList}.
 * {@link dev.mlops4j.tribuo.TribuoModelFlavor} exposes Tribuo models through the framework-neutral
 * {@link dev.mlops4j.model.LoadedModel}.
 */
package dev.mlops4j.tribuo;
