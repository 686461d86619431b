package dev.mlops4j.validation.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops4j.InvalidInputException;
import dev.mlops4j.Run;
import dev.mlops4j.Runs;
import dev.mlops4j.tracking.ArtifactInfo;
import dev.mlops4j.validation.Severity;
import dev.mlops4j.validation.data.ColumnType;
import dev.mlops4j.validation.internal.Json;
import dev.mlops4j.validation.internal.TextTable;
import dev.mlops4j.validation.profile.Profile;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What valid data looks like: expected columns with their types, presence, missing-value limits, ranges,
 * categorical domains, distinct-count bounds and environments, as in TensorFlow Data Validation. A schema is
 * usually {@link #infer(Profile) inferred} from a profile of known-good data, reviewed and edited, stored as
 * JSON next to the pipeline, and used by a {@link dev.mlops4j.validation.report.Validator}.
 *
 * <pre>{@code
 * Schema schema = Schema.infer(Profile.of(trainingData));
 * schema.column("age").integer().range(18, 100).required();
 * schema.column("purpose").categorical().domain("car", "education", "business").maxMissingFraction(0.01);
 * schema.column("label").notInEnvironments(Environment.SERVING);
 * Files.writeString(Path.of("schema.json"), schema.toJson());
 * }</pre>
 *
 * <p>A schema is a mutable document (edit it through {@link #column(String)}); it is not thread-safe while being
 * edited. Validators take a {@link #copy()}, so editing a schema afterwards does not change them.
 */
public final class Schema {
    /** The {@code "format"} of the JSON form. */
    public static final String FORMAT = "mlops4j-schema";
    /** The JSON format version this library writes. */
    public static final int FORMAT_VERSION = 1;
    /** Where {@link #logTo(Run)} puts the schema in a run's artifacts. */
    public static final String DEFAULT_ARTIFACT_PATH = "validation/schema.json";

    private final Map<String, ColumnDefinition> columns = new LinkedHashMap<>();
    private final Set<Environment> environments = new LinkedHashSet<>();
    private Severity unexpectedColumnSeverity = Severity.ERROR;
    private long minRows = 1;
    private Long maxRows;

    private Schema() {
    }

    /** @return an empty schema: no columns, unexpected columns are errors, at least one row */
    public static Schema create() {
        return new Schema();
    }

    /**
     * Infers a schema with {@link SchemaInference#defaults()}.
     *
     * @param profile a profile of data known to be good
     * @return the inferred schema
     */
    public static Schema infer(Profile profile) {
        return SchemaInference.defaults().infer(profile);
    }

    /**
     * Returns the editor of a column, creating the column if absent. A new column starts as an optional
     * categorical column without constraints.
     *
     * @param name the column name
     * @return its editor
     */
    public ColumnEditor column(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("column name must not be null or blank");
        }
        return new ColumnEditor(this, columns.computeIfAbsent(name, ColumnDefinition::new));
    }

    /**
     * @param name a column name
     * @return the column, if the schema has it
     */
    public Optional<ColumnSchema> find(String name) {
        ColumnDefinition d = columns.get(name);
        return d == null ? Optional.empty() : Optional.of(d.snapshot());
    }

    /** @return the columns, in the order they were added */
    public List<ColumnSchema> columns() {
        return columns.values().stream().map(ColumnDefinition::snapshot).collect(Collectors.toUnmodifiableList());
    }

    /**
     * @param name a column name
     * @return this schema, without that column
     */
    public Schema removeColumn(String name) {
        columns.remove(name);
        return this;
    }

    /**
     * Declares the environments data is validated in (as TFDV's {@code default_environment}); validating in
     * an undeclared environment is then an error.
     *
     * @param declared the environments, e.g. TRAINING and SERVING
     * @return this schema
     */
    public Schema environments(Environment... declared) {
        environments.clear();
        environments.addAll(Arrays.asList(declared));
        return this;
    }

    /** @return the declared environments; empty if none were declared */
    public Set<Environment> environments() {
        return Set.copyOf(environments);
    }

    /**
     * @param severity severity of a data column the schema does not know (default ERROR, as TFDV's
     *     {@code SCHEMA_NEW_COLUMN})
     * @return this schema
     */
    public Schema unexpectedColumns(Severity severity) {
        this.unexpectedColumnSeverity = Objects.requireNonNull(severity, "severity");
        return this;
    }

    /** @return this schema; columns it does not know are not reported at all */
    public Schema allowUnexpectedColumns() {
        this.unexpectedColumnSeverity = null;
        return this;
    }

    /** @return the severity of unknown data columns, empty if they are allowed */
    public Optional<Severity> unexpectedColumnSeverity() {
        return Optional.ofNullable(unexpectedColumnSeverity);
    }

    /**
     * @param min fewest rows accepted (default 1; 0 accepts empty data sets)
     * @param max most rows accepted, or {@code null} for no limit
     * @return this schema
     */
    public Schema rowCount(long min, Long max) {
        if (min < 0 || max != null && max < min) {
            throw new InvalidInputException("row count bounds must satisfy 0 <= min <= max, were [" + min + ", "
                    + max + "]");
        }
        this.minRows = min;
        this.maxRows = max;
        return this;
    }

    /** @return fewest rows accepted */
    public long minRows() {
        return minRows;
    }

    /** @return most rows accepted, empty if unlimited */
    public Optional<Long> maxRows() {
        return Optional.ofNullable(maxRows);
    }

    /** @return an independent copy */
    public Schema copy() {
        return fromJson(toJson());
    }

    // ---- JSON ----------------------------------------------------------------------------------------

    /**
     * The versioned JSON form, meant to be read and edited by people: one object per column, fields that
     * are unset (no range, no domain, default environment and severity) left out.
     *
     * @return the JSON text
     */
    public String toJson() {
        ObjectNode root = Json.document(FORMAT, FORMAT_VERSION);
        ArrayNode envs = root.putArray("environments");
        environments.forEach(e -> envs.add(e.name()));
        root.put("unexpectedColumns", unexpectedColumnSeverity == null ? "ALLOW" : unexpectedColumnSeverity.name());
        root.put("minRows", minRows);
        if (maxRows != null) {
            root.put("maxRows", maxRows);
        }
        ArrayNode cols = root.putArray("columns");
        for (ColumnDefinition d : columns.values()) {
            ObjectNode c = cols.addObject();
            c.put("name", d.name);
            c.put("type", d.type.name());
            c.put("required", d.required);
            c.put("maxMissingFraction", d.maxMissingFraction);
            if (d.min != null) {
                putBound(c, "min", d.type, d.min);
            }
            if (d.max != null) {
                putBound(c, "max", d.type, d.max);
            }
            if (d.domain != null) {
                ArrayNode dom = c.putArray("domain");
                d.domain.forEach(dom::add);
            }
            if (d.minDistinct != null) {
                c.put("minDistinct", d.minDistinct);
                c.put("maxDistinct", d.maxDistinct);
            }
            if (!d.allowNaN) {
                c.put("allowNaN", false);
            }
            if (!d.inEnvironments.isEmpty()) {
                ArrayNode a = c.putArray("inEnvironments");
                d.inEnvironments.stream().map(Environment::name).sorted().forEach(a::add);
            }
            if (!d.notInEnvironments.isEmpty()) {
                ArrayNode a = c.putArray("notInEnvironments");
                d.notInEnvironments.stream().map(Environment::name).sorted().forEach(a::add);
            }
            if (d.severity != Severity.ERROR) {
                c.put("severity", d.severity.name());
            }
        }
        return Json.write(root);
    }

    private static void putBound(ObjectNode c, String field, ColumnType type, double v) {
        switch (type) {
            case DATE:
                c.put(field, LocalDate.ofEpochDay((long) v).toString());
                break;
            case TIMESTAMP:
                c.put(field, Instant.ofEpochMilli((long) v).toString());
                break;
            case INTEGER:
                if (v == Math.rint(v) && Math.abs(v) < 9.0e18) {
                    c.put(field, (long) v);
                } else {
                    Json.putDouble(c, field, v);
                }
                break;
            default:
                Json.putDouble(c, field, v);
                break;
        }
    }

    private static Double readBound(JsonNode c, String field, ColumnType type, String column) {
        JsonNode v = c.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        try {
            if (v.isTextual() && type == ColumnType.DATE) {
                return (double) LocalDate.parse(v.asText()).toEpochDay();
            }
            if (v.isTextual() && type == ColumnType.TIMESTAMP) {
                return (double) Instant.parse(v.asText()).toEpochMilli();
            }
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("'" + field + "' of column '" + column + "' is not an ISO-8601 "
                    + (type == ColumnType.DATE ? "date (yyyy-MM-dd)" : "instant (2024-01-31T12:00:00Z)") + ": "
                    + v.asText(), e);
        }
        return Json.toDouble(v);
    }

    /**
     * Reads a schema written by {@link #toJson()} (possibly edited by hand).
     *
     * @param json the JSON text
     * @return the schema
     * @throws InvalidInputException if the text is not a valid schema; the message names the field
     */
    public static Schema fromJson(String json) {
        ObjectNode root = Json.read(json, FORMAT, FORMAT_VERSION, "schema");
        Schema s = new Schema();
        for (JsonNode e : root.path("environments")) {
            s.environments.add(Environment.of(e.asText()));
        }
        String unexpected = root.path("unexpectedColumns").asText("ERROR");
        s.unexpectedColumnSeverity = "ALLOW".equals(unexpected) ? null : severity(unexpected, "unexpectedColumns");
        long min = root.has("minRows") ? Json.longField(root, "minRows") : 1;
        Long max = root.hasNonNull("maxRows") ? Json.longField(root, "maxRows") : null;
        s.rowCount(min, max);
        for (JsonNode c : root.path("columns")) {
            String name = Json.textField(c, "name");
            if (s.columns.containsKey(name)) {
                throw new InvalidInputException("the schema lists column '" + name + "' twice");
            }
            ColumnType type;
            try {
                type = ColumnType.valueOf(Json.textField(c, "type"));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("column '" + name + "' has unknown type '" + c.path("type").asText()
                        + "'; use one of " + Arrays.toString(ColumnType.values()), e);
            }
            ColumnEditor ed = s.column(name).type(type);
            if (c.path("required").asBoolean(false)) {
                ed.required();
            }
            ed.maxMissingFraction(c.has("maxMissingFraction") ? Json.doubleField(c, "maxMissingFraction")
                    : c.path("required").asBoolean(false) ? 0 : 1);
            Double lo = readBound(c, "min", type, name);
            Double hi = readBound(c, "max", type, name);
            if (lo != null) {
                ed.min(lo);
            }
            if (hi != null) {
                ed.max(hi);
            }
            if (c.has("domain") && !c.get("domain").isNull()) {
                List<String> dom = new ArrayList<>();
                c.get("domain").forEach(v -> dom.add(v.asText()));
                ed.domain(dom);
            }
            if (c.hasNonNull("minDistinct") || c.hasNonNull("maxDistinct")) {
                ed.distinctCount(c.hasNonNull("minDistinct") ? Json.longField(c, "minDistinct") : 0,
                        c.hasNonNull("maxDistinct") ? Json.longField(c, "maxDistinct") : Long.MAX_VALUE);
            }
            if (!c.path("allowNaN").asBoolean(true)) {
                ed.disallowNaN();
            }
            List<Environment> in = new ArrayList<>();
            c.path("inEnvironments").forEach(v -> in.add(Environment.of(v.asText())));
            if (!in.isEmpty()) {
                ed.inEnvironments(in.toArray(new Environment[0]));
            }
            List<Environment> notIn = new ArrayList<>();
            c.path("notInEnvironments").forEach(v -> notIn.add(Environment.of(v.asText())));
            if (!notIn.isEmpty()) {
                ed.notInEnvironments(notIn.toArray(new Environment[0]));
            }
            if (c.has("severity")) {
                ed.severity(severity(c.get("severity").asText(), "severity of column '" + name + "'"));
            }
        }
        return s;
    }

    private static Severity severity(String text, String what) {
        try {
            return Severity.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(what + " must be ERROR or WARNING" + (what.equals("unexpectedColumns")
                    ? " or ALLOW" : "") + ", was '" + text + "'", e);
        }
    }

    /**
     * Logs this schema as a JSON artifact at {@value #DEFAULT_ARTIFACT_PATH}.
     *
     * @param run an open run
     * @return what was recorded
     */
    public ArtifactInfo logTo(Run run) {
        return run.logArtifact(DEFAULT_ARTIFACT_PATH, toJson().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param runs the runs of an open instance
     * @param runId the run
     * @return the schema logged at {@value #DEFAULT_ARTIFACT_PATH}
     * @throws dev.mlops4j.NotFoundException if there is no such run or artifact
     */
    public static Schema readFrom(Runs runs, String runId) {
        return fromJson(new String(runs.readArtifact(runId, DEFAULT_ARTIFACT_PATH), StandardCharsets.UTF_8));
    }

    /** Two schemas are equal if they have the same settings and the same columns in the same order. */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Schema)) {
            return false;
        }
        Schema other = (Schema) o;
        return columns().equals(other.columns()) && environments.equals(other.environments)
                && Objects.equals(unexpectedColumnSeverity, other.unexpectedColumnSeverity)
                && minRows == other.minRows && Objects.equals(maxRows, other.maxRows);
    }

    @Override
    public int hashCode() {
        return Objects.hash(columns(), environments, unexpectedColumnSeverity, minRows, maxRows);
    }

    /** @return a table with one line per column, for JShell and logs */
    @Override
    public String toString() {
        TextTable t = new TextTable("COLUMN", "TYPE", "PRESENCE", ">MAX MISSING", "RANGE / DOMAIN", "ENVIRONMENTS",
                "SEVERITY");
        for (ColumnDefinition d : columns.values()) {
            ColumnSchema c = d.snapshot();
            String constraint = "";
            if (c.domain() != null) {
                constraint = c.domain().size() <= 8 ? String.join(", ", c.domain())
                        : String.join(", ", c.domain().subList(0, 8)) + ", ... (" + c.domain().size() + " values)";
            } else if (c.min() != null || c.max() != null) {
                constraint = "[" + (c.min() == null ? "-inf" : format(c.type(), c.min())) + ", "
                        + (c.max() == null ? "+inf" : format(c.type(), c.max())) + "]";
            }
            String envs = (c.inEnvironments().isEmpty() ? "" : "in " + sorted(c.inEnvironments()))
                    + (c.notInEnvironments().isEmpty() ? "" : "not in " + sorted(c.notInEnvironments()));
            t.row(c.name(), c.type(), c.required() ? "required" : "optional", TextTable.percent(c.maxMissingFraction()),
                    constraint, envs, c.severity());
        }
        return "Schema: " + columns.size() + " columns" + (environments.isEmpty() ? "" : ", environments "
                + environments) + ", unexpected columns: " + (unexpectedColumnSeverity == null ? "allowed"
                : unexpectedColumnSeverity) + "\n" + t;
    }

    private static String sorted(Set<Environment> envs) {
        return envs.stream().map(Environment::name).sorted(Comparator.naturalOrder()).collect(Collectors.joining(","));
    }

    static String format(ColumnType type, double v) {
        switch (type) {
            case DATE:
                return LocalDate.ofEpochDay((long) v).toString();
            case TIMESTAMP:
                return Instant.ofEpochMilli((long) v).toString();
            default:
                return TextTable.number(v);
        }
    }
}
