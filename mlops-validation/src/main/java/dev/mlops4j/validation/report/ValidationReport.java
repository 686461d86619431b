package dev.mlops4j.validation.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops4j.InvalidInputException;
import dev.mlops4j.Run;
import dev.mlops4j.Runs;
import dev.mlops4j.tracking.ArtifactInfo;
import dev.mlops4j.validation.DataValidationException;
import dev.mlops4j.validation.Severity;
import dev.mlops4j.validation.internal.Json;
import dev.mlops4j.validation.internal.TextTable;
import dev.mlops4j.validation.profile.Profile;
import dev.mlops4j.validation.schema.Environment;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The result of validating data against a schema: the anomalies found, with severity, counts, fractions and
 * sample values. Immutable.
 *
 * <pre>{@code
 * ValidationReport report = Validator.against(schema).validate(CsvTable.of(Path.of("batch.csv")));
 * System.out.println(report);        // an aligned table of anomalies
 * report.throwIfInvalid();           // DataValidationException listing the errors
 * report.logTo(run);                 // JSON artifact on a tracked run
 * }</pre>
 */
public final class ValidationReport {
    /** The {@code "format"} of the JSON form. */
    public static final String FORMAT = "mlops4j-validation-report";
    /** The JSON format version this library writes. */
    public static final int FORMAT_VERSION = 1;
    /** Where {@link #logTo(Run)} puts the report in a run's artifacts. */
    public static final String DEFAULT_ARTIFACT_PATH = "validation/report.json";

    private final String source;
    private final Environment environment;
    private final long rowCount;
    private final long malformedRows;
    private final List<Anomaly> anomalies;
    private final Profile profile;

    /**
     * @param source what was validated
     * @param environment the environment, or {@code null}
     * @param rowCount well-formed rows
     * @param malformedRows rows that could not be read
     * @param anomalies the findings
     * @param profile the profile computed in the same pass, or {@code null}
     */
    public ValidationReport(String source, Environment environment, long rowCount, long malformedRows,
            List<Anomaly> anomalies, Profile profile) {
        this.source = Objects.requireNonNull(source, "source");
        this.environment = environment;
        this.rowCount = rowCount;
        this.malformedRows = malformedRows;
        this.anomalies = List.copyOf(anomalies);
        this.profile = profile;
    }

    /** @return what was validated, e.g. a file name */
    public String source() {
        return source;
    }

    /** @return the environment validated in, if one was given */
    public Optional<Environment> environment() {
        return Optional.ofNullable(environment);
    }

    /** @return well-formed rows */
    public long rowCount() {
        return rowCount;
    }

    /** @return rows that could not be read */
    public long malformedRows() {
        return malformedRows;
    }

    /** @return every anomaly: data-set findings first, then by column */
    public List<Anomaly> anomalies() {
        return anomalies;
    }

    /** @return anomalies of severity ERROR */
    public List<Anomaly> errors() {
        return anomalies.stream().filter(a -> a.severity() == Severity.ERROR).collect(Collectors.toUnmodifiableList());
    }

    /** @return anomalies of severity WARNING */
    public List<Anomaly> warnings() {
        return anomalies.stream().filter(a -> a.severity() == Severity.WARNING)
                .collect(Collectors.toUnmodifiableList());
    }

    /**
     * @param column a column name
     * @return the anomalies of that column
     */
    public List<Anomaly> anomaliesOf(String column) {
        return anomalies.stream().filter(a -> column.equals(a.column())).collect(Collectors.toUnmodifiableList());
    }

    /**
     * @param column a column name, or {@code null} for data-set findings
     * @param kind a kind
     * @return that anomaly, if reported
     */
    public Optional<Anomaly> find(String column, AnomalyKind kind) {
        return anomalies.stream().filter(a -> Objects.equals(column, a.column()) && a.kind() == kind).findFirst();
    }

    /**
     * @return the profile of the validated data, computed in the same pass (without quantile sketches unless the
     *     validator was asked {@link Validator#withQuantiles(boolean) withQuantiles(true)}); empty for a report
     *     read from JSON
     */
    public Optional<Profile> profile() {
        return Optional.ofNullable(profile);
    }

    /** @return true if there is no anomaly of severity ERROR */
    public boolean isValid() {
        return anomalies.stream().noneMatch(a -> a.severity() == Severity.ERROR);
    }

    /**
     * @return this report, if valid
     * @throws DataValidationException if there are errors; the message lists each with its fix
     */
    public ValidationReport throwIfInvalid() {
        if (isValid()) {
            return this;
        }
        List<Anomaly> errors = errors();
        StringBuilder sb = new StringBuilder("data validation of ").append(source)
                .append(environment == null ? "" : " (" + environment + ")").append(" failed with ")
                .append(errors.size()).append(errors.size() == 1 ? " error" : " errors").append(':');
        for (Anomaly a : errors) {
            sb.append("\n  - ").append(a.column() == null ? "data set" : "column '" + a.column() + "'").append(": ")
                    .append(a.kind()).append(": ").append(a.description());
        }
        sb.append("\nFix the data, or if the change is expected, update the schema as suggested above.");
        throw new DataValidationException(sb.toString(), this);
    }

    // ---- JSON ----------------------------------------------------------------------------------------

    /** @return the versioned JSON form (without the profile; log that separately) */
    public String toJson() {
        ObjectNode root = Json.document(FORMAT, FORMAT_VERSION);
        root.put("source", source);
        if (environment != null) {
            root.put("environment", environment.name());
        }
        root.put("valid", isValid());
        root.put("rowCount", rowCount);
        root.put("malformedRows", malformedRows);
        ArrayNode list = root.putArray("anomalies");
        for (Anomaly a : anomalies) {
            ObjectNode o = list.addObject();
            if (a.column() != null) {
                o.put("column", a.column());
            }
            o.put("kind", a.kind().name());
            o.put("severity", a.severity().name());
            o.put("description", a.description());
            o.put("count", a.count());
            o.put("fraction", a.fraction());
            ArrayNode samples = o.putArray("samples");
            for (Anomaly.Sample s : a.samples()) {
                samples.addObject().put("value", s.value()).put("line", s.line());
            }
        }
        return Json.write(root);
    }

    /**
     * @param json text written by {@link #toJson()}
     * @return the report (without profile)
     * @throws InvalidInputException if the text is not a report of a supported version
     */
    public static ValidationReport fromJson(String json) {
        ObjectNode root = Json.read(json, FORMAT, FORMAT_VERSION, "validation report");
        List<Anomaly> anomalies = new ArrayList<>();
        for (JsonNode o : root.path("anomalies")) {
            List<Anomaly.Sample> samples = new ArrayList<>();
            for (JsonNode s : o.path("samples")) {
                samples.add(new Anomaly.Sample(s.path("value").asText(), s.path("line").asLong()));
            }
            AnomalyKind kind;
            Severity severity;
            try {
                kind = AnomalyKind.valueOf(Json.textField(o, "kind"));
                severity = Severity.valueOf(Json.textField(o, "severity"));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("unknown anomaly kind or severity in " + o, e);
            }
            anomalies.add(new Anomaly(o.hasNonNull("column") ? o.get("column").asText() : null, kind, severity,
                    Json.textField(o, "description"), Json.longField(o, "count"), Json.doubleField(o, "fraction"),
                    samples));
        }
        Environment env = root.hasNonNull("environment") ? Environment.of(root.get("environment").asText()) : null;
        return new ValidationReport(root.path("source").asText(""), env, Json.longField(root, "rowCount"),
                Json.longField(root, "malformedRows"), anomalies, null);
    }

    /**
     * Logs this report as a JSON artifact at {@value #DEFAULT_ARTIFACT_PATH}.
     *
     * @param run an open run
     * @return what was recorded
     */
    public ArtifactInfo logTo(Run run) {
        return logTo(run, DEFAULT_ARTIFACT_PATH);
    }

    /**
     * @param run an open run
     * @param artifactPath where in the run's artifacts
     * @return what was recorded
     */
    public ArtifactInfo logTo(Run run, String artifactPath) {
        return run.logArtifact(artifactPath, toJson().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param runs the runs of an open instance
     * @param runId the run
     * @return the report logged at {@value #DEFAULT_ARTIFACT_PATH}
     * @throws dev.mlops4j.NotFoundException if there is no such run or artifact
     */
    public static ValidationReport readFrom(Runs runs, String runId) {
        return readFrom(runs, runId, DEFAULT_ARTIFACT_PATH);
    }

    /**
     * @param runs the runs of an open instance
     * @param runId the run
     * @param artifactPath where the report was logged
     * @return the report
     */
    public static ValidationReport readFrom(Runs runs, String runId, String artifactPath) {
        return fromJson(new String(runs.readArtifact(runId, artifactPath), StandardCharsets.UTF_8));
    }

    /** Reports are equal if everything but the attached profile is equal. */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ValidationReport)) {
            return false;
        }
        ValidationReport r = (ValidationReport) o;
        return source.equals(r.source) && Objects.equals(environment, r.environment) && rowCount == r.rowCount
                && malformedRows == r.malformedRows && anomalies.equals(r.anomalies);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, environment, rowCount, malformedRows, anomalies);
    }

    /** @return a summary line and an aligned table of anomalies, for JShell and logs */
    @Override
    public String toString() {
        int e = errors().size();
        int w = warnings().size();
        String head = "Validation of " + source + (environment == null ? "" : " (" + environment + ")") + ": "
                + (isValid() ? "VALID" : "INVALID") + ", " + rowCount + " rows"
                + (malformedRows > 0 ? " + " + malformedRows + " malformed" : "") + ", " + e
                + (e == 1 ? " error, " : " errors, ") + w + (w == 1 ? " warning" : " warnings");
        if (anomalies.isEmpty()) {
            return head + "\n";
        }
        TextTable t = new TextTable("SEVERITY", "COLUMN", "ANOMALY", ">COUNT", ">FRACTION", "SAMPLES");
        for (Anomaly a : anomalies) {
            String samples = a.samples().stream().limit(3).map(Anomaly.Sample::toString)
                    .collect(Collectors.joining(", "));
            t.row(a.severity(), a.column() == null ? "*" : a.column(), a.kind(), a.count(),
                    TextTable.percent(a.fraction()), samples);
        }
        StringBuilder sb = new StringBuilder(head).append('\n').append(t);
        for (Anomaly a : anomalies) {
            sb.append("  ").append(a.column() == null ? "*" : a.column()).append(": ").append(a.description())
                    .append('\n');
        }
        return sb.toString();
    }
}
