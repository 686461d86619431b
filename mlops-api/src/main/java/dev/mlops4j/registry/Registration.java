package dev.mlops4j.registry;

/**
 * A model version being registered, from {@link ModelRegistry#newVersion(String)}. Only the source is required:
 *
 * <pre>{@code
 * ModelVersion v = registry.newVersion("wine").fromRun(runId)     // its model at "model"
 *         .description("logistic regression, AdaGrad")
 *         .tag("team", "quality")
 *         .register();
 * }</pre>
 *
 * <p>Unless given, the data fingerprint is taken from the run's param {@value #DATASET_FINGERPRINT_PARAM} (which
 * mlops-tribuo's tracked training logs), the schema reference from the run's artifact
 * {@value #DEFAULT_SCHEMA_ARTIFACT} if it exists (where mlops-validation logs schemas), and the gate outcomes the
 * run recorded ({@code gate.<name>.status} and {@code .summary} tags) are copied to the version's tags.
 *
 * <p>A model is often evaluated on hold-out data in a run of its own (a pipeline's evaluate step, after the train
 * step's run ended). {@link #evaluatedBy(String)} names that run: the version then counts its metrics as its own, so a
 * promotion gate ({@link Promotion#requiring}) judges the candidate and the champion by their evaluations.
 */
public interface Registration {
    /** The run param read as the training data's fingerprint when none is given. */
    String DATASET_FINGERPRINT_PARAM = "dataset.sha256";
    /** The run artifact referenced as the version's data schema when present and none is given. */
    String DEFAULT_SCHEMA_ARTIFACT = "validation/schema.json";
    /** The version tag naming the run given to {@link #evaluatedBy(String)} (a system tag: users cannot change it). */
    String EVALUATION_RUN_TAG = "mlops.evaluation.run_id";

    /**
     * @param runId the finished run whose model (at {@code model}) to register
     * @return this registration
     */
    Registration fromRun(String runId);

    /**
     * @param runId the finished run
     * @param artifactPath the model's artifact directory in it
     * @return this registration
     */
    Registration fromRun(String runId, String artifactPath);

    /**
     * @param source a {@code runs:/<id>/<path>} URI
     * @return this registration
     * @throws dev.mlops4j.InvalidInputException if it is not a {@code runs:/} URI
     */
    Registration from(ModelUri source);

    /**
     * Names the run that evaluated the model apart from its training run. Promotion gates then read the version's
     * metrics from both runs, the evaluation's winning where both have a metric of the same name (a hold-out accuracy
     * is what a gate means, not the training one). Recorded as the tag {@value #EVALUATION_RUN_TAG}.
     *
     * @param runId a FINISHED run holding the evaluation metrics
     * @return this registration
     */
    Registration evaluatedBy(String runId);

    /** @param description free text @return this registration */
    Registration description(String description);

    /** @param key tag key (not under {@code mlops.}) @param value tag value @return this registration */
    Registration tag(String key, String value);

    /** @param fingerprint the training data's content fingerprint @return this registration */
    Registration dataFingerprint(String fingerprint);

    /** @param schemaRef where the input schema is, e.g. a {@code runs:/} URI @return this registration */
    Registration schemaRef(String schemaRef);

    /**
     * Registers the version, creating the model if it does not exist; the store assigns the next number.
     *
     * @return the new version
     * @throws dev.mlops4j.NotFoundException if the run, or a model in it at the artifact path, or the evaluation run
     *     does not exist
     * @throws dev.mlops4j.IllegalRunStateException if the run is not FINISHED (a running run could still replace the
     *     model's files; a failed or killed one is not a model to ship), or the evaluation run is not FINISHED
     */
    ModelVersion register();
}
