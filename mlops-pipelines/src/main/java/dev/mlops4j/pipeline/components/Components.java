package dev.mlops4j.pipeline.components;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.gate.Gate;
import dev.mlops4j.gate.GateFailedException;
import dev.mlops4j.gate.GateResult;
import dev.mlops4j.gate.MetricValues;
import dev.mlops4j.lineage.Artifact;
import dev.mlops4j.pipeline.Slot;
import dev.mlops4j.pipeline.Step;
import dev.mlops4j.pipeline.StepBuilder;
import dev.mlops4j.pipeline.StepContext;
import dev.mlops4j.registry.ModelVersion;
import dev.mlops4j.registry.Promotion;
import dev.mlops4j.registry.PromotionResult;
import dev.mlops4j.registry.Registration;
import dev.mlops4j.validation.data.CsvTable;
import dev.mlops4j.validation.drift.DriftDetector;
import dev.mlops4j.validation.drift.DriftReport;
import dev.mlops4j.validation.profile.Profile;
import dev.mlops4j.validation.report.ValidationReport;
import dev.mlops4j.validation.schema.Schema;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * Reusable steps for the built-in capabilities: load a CSV, split it, profile it, infer a schema, validate against
 * it, detect drift, gate on metrics, register and promote a model. (Training and evaluating Tribuo models are in
 * {@code dev.mlops4j.pipeline.tribuo}.) Each takes a {@link StepBuilder} carrying the name and whatever else the
 * caller wants (tags, retries, timeout) and adds inputs, outputs, parameters and the body:
 *
 * <pre>{@code
 * Pipeline.builder("wine").input(CSV)
 *     .step(Components.loadCsv(Step.named("load"), CSV, DATA))
 *     .step(Components.profile(Step.named("profile").tags("data"), DATA, PROFILE))
 *     .step(Components.inferSchema(Step.named("schema"), PROFILE, SCHEMA))
 *     .step(Components.validate(Step.named("validate"), DATA, SCHEMA, REPORT))
 *     ...
 * }</pre>
 * CSV data sets travel as their text ({@code Slot<String>}), so the loaded snapshot is content-addressed in the
 * artifact store and every later step's cache key follows its content. The code version of these steps is the
 * fingerprint of this class; their settings are parameters.
 */
public final class Components {
    private Components() {
    }

    /** @param name slot name @return a slot for CSV text, lineage type {@code Dataset} */
    public static Slot<String> csvSlot(String name) {
        return Slot.of(name, String.class).artifactType("Dataset");
    }

    /** @param name slot name @return a slot for profiles */
    public static Slot<Profile> profileSlot(String name) {
        return Slot.of(name, Profile.class, ValidationSerializers.profile()).artifactType("Profile");
    }

    /** @param name slot name @return a slot for schemas */
    public static Slot<Schema> schemaSlot(String name) {
        return Slot.of(name, Schema.class, ValidationSerializers.schema()).artifactType("Schema");
    }

    /** @param name slot name @return a slot for validation reports */
    public static Slot<ValidationReport> validationSlot(String name) {
        return Slot.of(name, ValidationReport.class, ValidationSerializers.validationReport())
                .artifactType("ValidationReport");
    }

    /** @param name slot name @return a slot for drift reports */
    public static Slot<DriftReport> driftSlot(String name) {
        return Slot.of(name, DriftReport.class, ValidationSerializers.driftReport()).artifactType("DriftReport");
    }

    /** @param name slot name @return a slot for metrics */
    public static Slot<Metrics> metricsSlot(String name) {
        return Slot.of(name, Metrics.class).artifactType("Metrics");
    }

    /** @param name slot name @return a slot for gate outcomes */
    public static Slot<GateOutcome> gateSlot(String name) {
        return Slot.of(name, GateOutcome.class).artifactType("GateResult");
    }

    /** @param name slot name @return a slot for trained-model references */
    public static Slot<TrainedModel> trainedModelSlot(String name) {
        return Slot.of(name, TrainedModel.class).artifactType("TrainedModel");
    }

    /** @param name slot name @return a slot for registered versions ({@code models:/} uris in lineage) */
    public static Slot<RegisteredVersion> versionSlot(String name) {
        return Slot.of(name, RegisteredVersion.class, RegisteredVersion.serializer()).artifactType("ModelVersion");
    }

    /** @param name slot name @return a slot for promotion records */
    public static Slot<PromotionRecord> promotionSlot(String name) {
        return Slot.of(name, PromotionRecord.class).artifactType("Promotion");
    }

    /**
     * Reads a CSV file into a content-addressed snapshot, checking that it parses and has a header and rows.
     *
     * @param step the step's name and settings
     * @param file the CSV file (a file input, fingerprinted by content)
     * @param data the snapshot's text
     * @return the step
     */
    public static Step loadCsv(StepBuilder step, Slot<Path> file, Slot<String> data) {
        return step.input(file).output(data).body(ctx -> {
            Path path = ctx.input(file);
            String text = Files.readString(path, StandardCharsets.UTF_8);
            Profile check = Profile.of(CsvTable.ofText(text));
            if (check.rowCount() == 0) {
                throw new InvalidInputException(path + " has a header but no rows; a data set needs at least one");
            }
            ctx.run().logParam("rows", check.rowCount()).logParam("columns", check.columnNames().size());
            ctx.output(data, text);
        });
    }

    /**
     * Splits CSV rows into train and test sets by a seeded shuffle (the header goes to both).
     *
     * @param step the step's name and settings
     * @param data CSV text
     * @param train the training rows
     * @param test the test rows
     * @param trainFraction share of rows for training, strictly between 0 and 1
     * @param seed shuffle seed
     * @return the step
     */
    public static Step split(StepBuilder step, Slot<String> data, Slot<String> train, Slot<String> test,
                             double trainFraction, long seed) {
        if (!(trainFraction > 0 && trainFraction < 1)) {
            throw new InvalidInputException("trainFraction must be strictly between 0 and 1, not " + trainFraction);
        }
        return step.input(data).output(train, test).param("trainFraction", trainFraction).param("seed", seed)
                .body(ctx -> {
                    List<String> lines = new ArrayList<>(ctx.input(data).lines().filter(l -> !l.isBlank()).toList());
                    if (lines.size() < 3) {
                        throw new InvalidInputException("cannot split " + (lines.size() - 1) + " rows into train and"
                                + " test sets; at least 2 are needed");
                    }
                    String header = lines.remove(0);
                    Collections.shuffle(lines, new Random(ctx.param("seed", Long.class)));
                    int cut = (int) Math.round(lines.size() * ctx.param("trainFraction", Double.class));
                    cut = Math.max(1, Math.min(lines.size() - 1, cut));
                    ctx.output(train, csv(header, lines.subList(0, cut)));
                    ctx.output(test, csv(header, lines.subList(cut, lines.size())));
                });
    }

    private static String csv(String header, List<String> rows) {
        StringBuilder sb = new StringBuilder(header).append('\n');
        rows.forEach(r -> sb.append(r).append('\n'));
        return sb.toString();
    }

    /**
     * Computes a statistics profile and logs it on the step's run.
     *
     * @param step the step's name and settings
     * @param data CSV text
     * @param profile the profile
     * @return the step
     */
    public static Step profile(StepBuilder step, Slot<String> data, Slot<Profile> profile) {
        return step.input(data).output(profile).body(ctx -> {
            Profile p = Profile.of(CsvTable.ofText(ctx.input(data)));
            p.logTo(ctx.run());
            ctx.output(profile, p);
        });
    }

    /**
     * Infers a schema from a profile (to be reviewed and pinned by a person, as TFDV recommends).
     *
     * @param step the step's name and settings
     * @param profile the profile
     * @param schema the inferred schema
     * @return the step
     */
    public static Step inferSchema(StepBuilder step, Slot<Profile> profile, Slot<Schema> schema) {
        return step.input(profile).output(schema).body(ctx -> ctx.output(schema, Schema.infer(ctx.input(profile))));
    }

    /**
     * Validates data against a schema, logs the report, and fails the step on errors (so nothing downstream trains
     * on bad data); warnings pass.
     *
     * @param step the step's name and settings
     * @param data CSV text
     * @param schema the schema
     * @param report the report
     * @return the step
     */
    public static Step validate(StepBuilder step, Slot<String> data, Slot<Schema> schema, Slot<ValidationReport> report) {
        return step.input(data, schema).output(report).body(ctx -> {
            ValidationReport r = dev.mlops4j.validation.report.Validator.against(ctx.input(schema))
                    .validate(CsvTable.ofText(ctx.input(data)));
            r.logTo(ctx.run());
            ctx.run().logMetric("validation.errors", r.errors().size())
                    .logMetric("validation.warnings", r.warnings().size());
            r.throwIfInvalid();
            ctx.output(report, r);
        });
    }

    /**
     * Compares current data with a reference profile using the default detector, logs the report, and fails the step
     * when drift is detected if {@code failOnDrift}.
     *
     * @param step the step's name and settings
     * @param reference the reference profile
     * @param current CSV text of the current data
     * @param report the drift report
     * @param failOnDrift whether detected drift fails the step
     * @return the step
     */
    public static Step drift(StepBuilder step, Slot<Profile> reference, Slot<String> current, Slot<DriftReport> report,
                             boolean failOnDrift) {
        return step.input(reference, current).output(report).param("failOnDrift", failOnDrift).body(ctx -> {
            DriftReport r = DriftDetector.defaults().compare(ctx.input(reference), CsvTable.ofText(ctx.input(current)));
            ctx.run().logArtifact("drift/report.json", r.toJson().getBytes(StandardCharsets.UTF_8));
            if (ctx.param("failOnDrift", Boolean.class) && r.isDrift()) {
                throw new InvalidInputException("drift detected by step '" + ctx.stepName() + "': " + r.status());
            }
            ctx.output(report, r);
        });
    }

    /**
     * Evaluates a gate on metrics; a rejected candidate fails the step (and with it everything downstream, such as
     * registration). The gate's conditions are parameters, so changing the gate invalidates the cache.
     *
     * @param step the step's name and settings
     * @param metrics the candidate's metrics
     * @param gate the gate
     * @param outcome the outcome
     * @return the step
     */
    public static Step gate(StepBuilder step, Slot<Metrics> metrics, Gate gate, Slot<GateOutcome> outcome) {
        return gateParams(step, gate).input(metrics).output(outcome).body(ctx -> {
            Metrics m = ctx.input(metrics);
            GateResult result = gate.evaluate(MetricValues.of(m.source(), m.values()));
            ctx.run().logArtifact("gate/" + gate.name() + ".txt", result.toString()
                    .getBytes(StandardCharsets.UTF_8));
            ctx.run().setTag("gate." + gate.name(), result.status().name());
            if (!result.passed()) {
                throw new GateFailedException(result);
            }
            ctx.output(outcome, GateOutcome.of(result));
        });
    }

    /** The gate's name and conditions are parameters, so changing the gate invalidates the cache. */
    private static StepBuilder gateParams(StepBuilder step, Gate gate) {
        return step.param("gate", gate.name())
                .param("conditions", gate.conditions().stream().map(Object::toString).toList());
    }

    /**
     * Registers a trained model as a new version once its gate passed. The version points at the training run (where
     * the model's files are); if the metrics the gate judged came from another run (the evaluate step's, as
     * {@code TribuoComponents.evaluateClassifier} produces them), that run is named as the version's evaluation
     * ({@link dev.mlops4j.registry.Registration#evaluatedBy}), so a promotion gate reads the hold-out metrics the
     * pipeline's gate passed, whoever promotes the version later.
     *
     * @param step the step's name and settings
     * @param modelName registered model name
     * @param model where the model was saved
     * @param gate the gate outcome it must have passed
     * @param version the registered version
     * @return the step
     */
    public static Step register(StepBuilder step, String modelName, Slot<TrainedModel> model, Slot<GateOutcome> gate,
                                Slot<RegisteredVersion> version) {
        return registration(step.input(model, gate), modelName, model, gate, null, version);
    }

    /**
     * Registers a trained model as {@link #register(StepBuilder, String, Slot, Slot, Slot)} does, with the schema its
     * inputs must follow: the version's {@link ModelVersion#schemaRef()} is the {@code runs:/} URI of the schema
     * artifact, so a serving handle can check inputs against it
     * ({@code ServingOptions.inputCheck(SchemaInputCheck.factory())}) and the model card shows it.
     *
     * @param step the step's name and settings
     * @param modelName registered model name
     * @param model where the model was saved
     * @param gate the gate outcome it must have passed
     * @param schema the schema of the model's inputs, e.g. the output of {@link #inferSchema}; it must be stored
     *               (not {@link Slot#transientOf}), since the version refers to it by URI
     * @param version the registered version
     * @return the step
     */
    public static Step register(StepBuilder step, String modelName, Slot<TrainedModel> model, Slot<GateOutcome> gate,
                                Slot<Schema> schema, Slot<RegisteredVersion> version) {
        Objects.requireNonNull(schema, "schema");
        return registration(step.input(model, gate, schema), modelName, model, gate, schema, version);
    }

    private static Step registration(StepBuilder step, String modelName, Slot<TrainedModel> model,
                                     Slot<GateOutcome> gate, Slot<Schema> schema, Slot<RegisteredVersion> version) {
        return step.output(version).param("model", modelName).body(ctx -> {
            if (!ctx.input(gate).passed()) {
                throw new InvalidInputException("the model did not pass gate '" + ctx.input(gate).gate() + "': "
                        + ctx.input(gate).summary());
            }
            TrainedModel m = ctx.input(model);
            Registration registration = ctx.mlops().models().newVersion(ctx.param("model", String.class))
                    .fromRun(m.runId(), m.artifactPath()).dataFingerprint(m.dataFingerprint())
                    .tag("pipeline.step_run", ctx.run().id());
            if (schema != null) {
                registration.schemaRef(schemaUri(ctx, schema));
            }
            String evaluation = ctx.input(gate).candidate();
            if (evaluation != null && !evaluation.equals(m.runId()) && ctx.mlops().runs().find(evaluation).isPresent()) {
                registration.evaluatedBy(evaluation);
            }
            ModelVersion v = registration.register();
            ctx.run().setTag("registered", v.modelName() + "/" + v.version());
            ctx.output(version, new RegisteredVersion(v.modelName(), v.version()));
        });
    }

    /** The schema artifact's {@code runs:/} URI: where serving's schema check and the model card read it from. */
    private static String schemaUri(StepContext ctx, Slot<Schema> schema) {
        String uri = ctx.inputArtifact(schema).map(Artifact::uri).orElseThrow(() ->
                new InvalidInputException("schema slot '" + schema.name() + "' is transient, so a registered version"
                        + " cannot refer to it; give the slot a serializer (Components.schemaSlot(name) has one)"));
        if (!uri.startsWith("runs:/")) {
            throw new InvalidInputException("schema slot '" + schema.name() + "' is stored at " + uri + "; a version's"
                    + " schema reference must be a runs:/ URI (use Components.schemaSlot(name))");
        }
        return uri;
    }

    /**
     * Moves an alias to a registered version through the registry's promotion (approval policy and audit apply).
     * Not cached by default: the alias may have moved since.
     *
     * @param step the step's name and settings
     * @param version the version to promote
     * @param alias the alias, e.g. {@code "production"}
     * @param record what happened
     * @return the step
     */
    public static Step promote(StepBuilder step, Slot<RegisteredVersion> version, String alias,
                               Slot<PromotionRecord> record) {
        return promotion(step, version, alias, null, record);
    }

    /**
     * Moves an alias to a registered version if it passes a release gate, evaluated by the registry against the
     * version holding the alias (the champion): {@code Gate.metric("accuracy").notWorseThanChampion()} compares the
     * two. Both sides are read as {@link dev.mlops4j.gate.MetricValues#of(dev.mlops4j.Runs, ModelVersion)}: the
     * training run's metrics overlaid by the evaluation run's, which {@link #register} links. A rejection is an
     * outcome, not a failure: the step completes with {@link PromotionRecord#promoted()} false and the registry's
     * account of the decision logged on its run ({@code promotion/decision.txt}). Not cached by default.
     *
     * @param step the step's name and settings
     * @param version the version to promote
     * @param alias the alias, e.g. {@code "production"}
     * @param release the gate the version must pass against the champion
     * @param record what happened
     * @return the step
     */
    public static Step promote(StepBuilder step, Slot<RegisteredVersion> version, String alias, Gate release,
                               Slot<PromotionRecord> record) {
        return promotion(gateParams(step, Objects.requireNonNull(release, "release")), version, alias, release, record);
    }

    private static Step promotion(StepBuilder step, Slot<RegisteredVersion> version, String alias, Gate release,
                                  Slot<PromotionRecord> record) {
        return step.input(version).output(record).param("alias", alias).cache(false).body(ctx -> {
            RegisteredVersion v = ctx.input(version);
            Promotion promotion = ctx.mlops().models().promote(v.name(), v.version())
                    .to(ctx.param("alias", String.class));
            PromotionResult r = (release == null ? promotion : promotion.requiring(release))
                    .because("pipeline run " + ctx.run().info().parentRunId());
            ctx.run().setTag("promotion", r.outcome().name());
            ctx.run().logArtifact("promotion/decision.txt", r.message().getBytes(StandardCharsets.UTF_8));
            ctx.output(record, new PromotionRecord(v.name(), alias, v.version(), r.outcome().name(), r.promoted()));
        });
    }
}
