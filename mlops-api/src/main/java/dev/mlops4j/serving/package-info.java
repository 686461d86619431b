/**
 * In-process serving of registered models.
 *
 * <p>A {@link dev.mlops4j.serving.ModelHandle}, from {@code mlops.models().serve("wine", "production")}, predicts
 * with the version that holds an alias and switches to the new holder when the alias moves, without restart and
 * without failing predictions in flight. Inputs are checked before the model sees them: the
 * {@link dev.mlops4j.serving.SignatureCheck} uses the model's own feature names and training ranges, and further
 * {@link dev.mlops4j.serving.InputCheck checks} plug in through an {@link dev.mlops4j.serving.InputCheckFactory}, such
 * as mlops-validation's {@code SchemaInputCheck.factory()}, which checks inputs against the data schema a version was
 * registered with ({@link dev.mlops4j.registry.ModelVersion#schemaRef()}); each {@link dev.mlops4j.serving.InputIssueKind kind} of issue is
 * rejected, warned about or counted ({@link dev.mlops4j.serving.InputPolicy}). Predictions can be sampled to a
 * {@link dev.mlops4j.serving.PredictionSink} asynchronously, for monitoring, as records or, for a sink that accepts
 * them, as {@link dev.mlops4j.serving.PredictionColumns} (primitive columns, no record per prediction). Behaviour is configured with
 * {@link dev.mlops4j.serving.ServingOptions}; counters are in {@link dev.mlops4j.serving.ServingStats}.
 *
 * <p>Inputs are maps of named values, or {@link dev.mlops4j.model.FeatureVector}s prepared on the serving model's
 * {@link dev.mlops4j.model.FeatureLayout} ({@code handle.layout()}), which skip every lookup by name; with
 * {@code predictNative} the framework's own prediction comes back unconverted.
 */
package dev.mlops4j.serving;
