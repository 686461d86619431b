package dev.mlops4j.validation.schema;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.NotFoundException;
import dev.mlops4j.Runs;
import dev.mlops4j.model.LoadedModel;
import dev.mlops4j.registry.ModelUri;
import dev.mlops4j.registry.ModelVersion;
import dev.mlops4j.serving.InputCheck;
import dev.mlops4j.serving.InputCheckFactory;
import dev.mlops4j.serving.InputIssue;
import dev.mlops4j.serving.InputIssueKind;
import dev.mlops4j.validation.Severity;
import dev.mlops4j.validation.data.ColumnType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Checks each prediction's input against the data {@link Schema} a model version was registered with: the link
 * between mlops-validation's schemas and the registry's serving. A version's {@link ModelVersion#schemaRef()} is set
 * at registration from the run's {@value Schema#DEFAULT_ARTIFACT_PATH} artifact (what {@link Schema#logTo} writes),
 * or explicitly with {@code Registration.schemaRef(...)}; plug this check into the handle:
 *
 * <pre>{@code
 * ModelHandle wine = mlops.models().serve("wine", "production", ServingOptions.builder()
 *         .inputCheck(SchemaInputCheck.factory())
 *         .build());
 * }</pre>
 *
 * Each schema column that applies in the {@link Environment#SERVING} environment is judged one row at a time, and
 * each violation is reported as an {@link InputIssueKind#SCHEMA_VIOLATION} (whose policy, reject by default, the
 * {@code ServingOptions} decide):
 * <ul>
 *   <li>a value below the column's {@code min} or above its {@code max};</li>
 *   <li>NaN in a floating column that does not allow NaN, NaN or an infinity in an integer column, and a fractional
 *       value in an integer column;</li>
 *   <li>a column present although the schema excludes it from serving ({@code notInEnvironments(SERVING)}, e.g. the
 *       label: a request carrying it suggests leakage);</li>
 *   <li>a required column that is absent, if the model reads it or the schema names {@link Environment#SERVING} among
 *       its environments (a required label without environments is not demanded of serving requests);</li>
 *   <li>a name the schema does not know, unless the schema allows unexpected columns.</li>
 * </ul>
 * Row-level rules only: missing-value fractions, distinct counts and row counts describe data sets and are left to
 * batch validation ({@link dev.mlops4j.validation.report.Validator}). Categorical, boolean and date columns cannot
 * take numeric inputs meaningfully and are only checked for presence. By default only columns of
 * {@link Severity#ERROR} severity are checked ({@link #factory(Severity)} includes warnings).
 *
 * <p>Immutable and thread-safe; a clean input allocates nothing.
 */
public final class SchemaInputCheck implements InputCheck {
    private final String source;
    private final String[] names;
    private final double[] min;
    private final double[] max;
    private final boolean[] integer;
    private final boolean[] allowNaN;
    private final boolean[] numeric;
    private final String[] required;
    private final Set<String> excluded;
    private final Set<String> known;
    private final boolean unexpectedAllowed;

    private SchemaInputCheck(Schema schema, Set<String> modelFeatures, Severity minimum, String source) {
        this.source = source;
        List<ColumnSchema> checked = new ArrayList<>();
        List<String> requiredNames = new ArrayList<>();
        Set<String> excludedNames = new HashSet<>();
        Set<String> knownNames = new HashSet<>();
        for (ColumnSchema c : schema.columns()) {
            knownNames.add(c.name());
            if (c.severity().compareTo(minimum) > 0) {
                continue; // WARNING columns when only ERROR is checked
            }
            if (!c.appliesIn(Environment.SERVING)) {
                excludedNames.add(c.name());
                continue;
            }
            checked.add(c);
            if (c.required() && (modelFeatures.contains(c.name()) || c.inEnvironments().contains(Environment.SERVING))) {
                requiredNames.add(c.name());
            }
        }
        int n = checked.size();
        this.names = new String[n];
        this.min = new double[n];
        this.max = new double[n];
        this.integer = new boolean[n];
        this.allowNaN = new boolean[n];
        this.numeric = new boolean[n];
        for (int i = 0; i < n; i++) {
            ColumnSchema c = checked.get(i);
            names[i] = c.name();
            numeric[i] = c.type() == ColumnType.INTEGER || c.type() == ColumnType.FLOATING;
            integer[i] = c.type() == ColumnType.INTEGER;
            allowNaN[i] = c.type() == ColumnType.FLOATING && c.allowNaN();
            min[i] = c.min() == null ? Double.NEGATIVE_INFINITY : c.min();
            max[i] = c.max() == null ? Double.POSITIVE_INFINITY : c.max();
        }
        this.required = requiredNames.toArray(String[]::new);
        this.excluded = Set.copyOf(excludedNames);
        this.known = Set.copyOf(knownNames);
        this.unexpectedAllowed = schema.unexpectedColumnSeverity().isEmpty()
                || schema.unexpectedColumnSeverity().get().compareTo(minimum) > 0;
    }

    /**
     * @param schema the schema (copied: editing it afterwards does not change the check)
     * @param modelFeatures the features the served model reads (their absence is a violation for required columns)
     * @param minimum the least severity checked: {@link Severity#ERROR} for error columns only, WARNING for all
     * @return the check
     */
    public static SchemaInputCheck of(Schema schema, Set<String> modelFeatures, Severity minimum) {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(modelFeatures, "modelFeatures");
        Objects.requireNonNull(minimum, "minimum");
        return new SchemaInputCheck(schema.copy(), Set.copyOf(modelFeatures), minimum, "schema");
    }

    /**
     * The factory to plug into {@code ServingOptions.Builder.inputCheck}: reads each served version's schema from its
     * {@link ModelVersion#schemaRef()} when the version is loaded, and checks error-severity columns. A version
     * without a schema reference is served without a schema check.
     *
     * @return the factory
     */
    public static InputCheckFactory factory() {
        return factory(Severity.ERROR);
    }

    /**
     * @param minimum the least severity checked
     * @return a factory like {@link #factory()} checking columns of at least that severity
     */
    public static InputCheckFactory factory(Severity minimum) {
        Objects.requireNonNull(minimum, "minimum");
        return new InputCheckFactory() {
            @Override
            public InputCheck create(ModelVersion version, LoadedModel model, Runs runs) {
                if (version.schemaRef() == null) {
                    return features -> List.of();
                }
                Schema schema = read(runs, version);
                return new SchemaInputCheck(schema, Set.copyOf(model.signature().featureNames()), minimum,
                        "schema " + version.schemaRef() + " of " + version.uri());
            }

            @Override
            public String toString() {
                return "SchemaInputCheck.factory(" + minimum + ")";
            }
        };
    }

    /**
     * Reads the schema a version references.
     *
     * @param runs the runs of an open instance
     * @param version a version with a {@code runs:/<id>/<path>} schema reference
     * @return the schema
     * @throws InvalidInputException if the version has no schema reference, or one that is not a {@code runs:/} URI
     * @throws NotFoundException if the referenced artifact does not exist
     */
    public static Schema read(Runs runs, ModelVersion version) {
        Objects.requireNonNull(runs, "runs");
        String ref = Objects.requireNonNull(version, "version").schemaRef();
        if (ref == null) {
            throw new InvalidInputException(version.uri() + " was registered without a schema reference; register it"
                    + " from a run that logged one (Schema.logTo(run)) or with Registration.schemaRef(...)");
        }
        ModelUri uri = ModelUri.parse(ref);
        if (uri.kind() != ModelUri.Kind.RUN) {
            throw new InvalidInputException("the schema reference of " + version.uri() + " is " + ref
                    + "; a schema is read from a runs:/<run id>/<path> URI");
        }
        return Schema.fromJson(new String(runs.readArtifact(uri.runId(), uri.artifactPath()), StandardCharsets.UTF_8));
    }

    @Override
    public List<InputIssue> check(Map<String, ? extends Number> features) {
        List<InputIssue> issues = null;
        int present = 0;
        for (int i = 0; i < names.length; i++) {
            Number number = features.get(names[i]);
            if (number == null) {
                continue;
            }
            present++;
            if (!numeric[i]) {
                continue;
            }
            double v = number.doubleValue();
            if (v >= min[i] && v <= max[i] && (!integer[i] || v == Math.rint(v))) {
                continue; // the clean case: two comparisons
            }
            issues = add(issues, valueIssue(i, v));
        }
        for (String name : required) {
            if (features.get(name) == null) {
                issues = add(issues, new InputIssue(InputIssueKind.SCHEMA_VIOLATION, name, null, "column '" + name
                        + "' is required by the " + source + " but " + (features.containsKey(name) ? "null" : "absent")));
            }
        }
        // Every input name is a checked column unless the input holds more names than were found above; only then can
        // a name be excluded from serving or unknown to the schema.
        if (present < features.size()) {
            for (Map.Entry<String, ? extends Number> e : features.entrySet()) {
                String name = e.getKey();
                if (e.getValue() == null) {
                    continue; // an absent value: required columns were judged above
                }
                if (name == null) {
                    // Set.copyOf sets refuse null lookups; a null name is in no schema
                    issues = add(issues, new InputIssue(InputIssueKind.SCHEMA_VIOLATION, "null", value(e.getValue()),
                            "a feature name is null (" + source + ")"));
                } else if (excluded.contains(name)) {
                    issues = add(issues, new InputIssue(InputIssueKind.SCHEMA_VIOLATION, name, value(e.getValue()),
                            "column '" + name + "' must not appear in SERVING inputs (" + source + ")"));
                } else if (!unexpectedAllowed && !known.contains(name)) {
                    issues = add(issues, new InputIssue(InputIssueKind.SCHEMA_VIOLATION, String.valueOf(name),
                            value(e.getValue()), "column '" + name + "' is not in the " + source));
                }
            }
        }
        return issues == null ? List.of() : issues;
    }

    private InputIssue valueIssue(int i, double v) {
        String what;
        if (Double.isNaN(v)) {
            if (allowNaN[i]) {
                return null;
            }
            what = "is NaN, which the column does not allow";
        } else if (integer[i] && Double.isFinite(v) && v != Math.rint(v)) {
            what = "= " + v + " is not a whole number, as the INTEGER column requires";
        } else if (Double.isInfinite(v) && integer[i]) {
            what = "= " + v + " is not a whole number, as the INTEGER column requires";
        } else {
            what = "= " + v + " is outside the schema's range [" + (min[i] == Double.NEGATIVE_INFINITY ? "-inf" : min[i])
                    + ", " + (max[i] == Double.POSITIVE_INFINITY ? "+inf" : max[i]) + "]";
        }
        return new InputIssue(InputIssueKind.SCHEMA_VIOLATION, names[i], v, "column '" + names[i] + "' " + what
                + " (" + source + ")");
    }

    private static List<InputIssue> add(List<InputIssue> issues, InputIssue issue) {
        if (issue == null) {
            return issues;
        }
        List<InputIssue> list = issues == null ? new ArrayList<>(4) : issues;
        list.add(issue);
        return list;
    }

    private static Double value(Number n) {
        return n == null ? null : n.doubleValue();
    }

    /** @return the columns whose values are checked, in schema order */
    public List<String> checkedColumns() {
        return List.of(names);
    }

    @Override
    public String toString() {
        return "SchemaInputCheck[" + source + ", " + names.length + " columns]";
    }
}
