package dev.mlops4j.validation.drift;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops4j.InvalidInputException;
import dev.mlops4j.NotFoundException;
import dev.mlops4j.Run;
import dev.mlops4j.Runs;
import dev.mlops4j.tracking.ArtifactInfo;
import dev.mlops4j.validation.data.ColumnType;
import dev.mlops4j.validation.drift.internal.MetricNames;
import dev.mlops4j.validation.internal.Json;
import dev.mlops4j.validation.internal.TextTable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The comparison of a current data set with a reference: one {@link ColumnDrift} per column and a verdict on the
 * data set. Immutable.
 *
 * <p>Data-set verdict ({@link #status()}): {@link DriftStatus#DRIFT} when at least one column drifted and the share
 * of drifted columns among the judged ones reaches {@link #driftShareThreshold()};
 * {@link DriftStatus#WARNING} when some column drifted or warns without reaching it; {@link DriftStatus#NO_DRIFT}
 * otherwise; {@link DriftStatus#NOT_ENOUGH_DATA} (or {@link DriftStatus#NOT_COMPARABLE}) when no column could be
 * judged. Monitors do not count towards the share; see {@link #alerts()}.
 *
 * <pre>{@code
 * DriftReport report = DriftDetector.defaults().compare(trainingProfile, todaysTable);
 * System.out.println(report);        // aligned table, then what every number is
 * report.logTo(run);                 // JSON artifact plus drift.* metrics
 * }</pre>
 */
public final class DriftReport {
    /** The {@code "format"} of the JSON form. */
    public static final String FORMAT = "mlops4j-drift-report";
    /** The JSON format version this library writes. */
    public static final int FORMAT_VERSION = 1;
    /** Where {@link #logTo(Run)} puts the report in a run's artifacts. */
    public static final String DEFAULT_ARTIFACT_PATH = "validation/drift.json";
    /** Prefix of the metrics {@link #logTo(Run)} logs. */
    public static final String METRIC_PREFIX = "drift.";

    private final String referenceSource;
    private final long referenceRows;
    private final String currentSource;
    private final long currentRows;
    private final DriftPreset preset;
    private final MultipleTesting multipleTesting;
    private final double driftShareThreshold;
    private final List<ColumnDrift> columns;

    /**
     * @param referenceSource what the reference is, e.g. a file name
     * @param referenceRows rows of the reference
     * @param currentSource what the current data is
     * @param currentRows rows of the current data
     * @param preset the preset the defaults came from
     * @param multipleTesting the correction applied to the deciding tests
     * @param driftShareThreshold the share of judged columns that makes the data set drift
     * @param columns the column comparisons
     */
    public DriftReport(String referenceSource, long referenceRows, String currentSource, long currentRows,
            DriftPreset preset, MultipleTesting multipleTesting, double driftShareThreshold,
            List<ColumnDrift> columns) {
        this.referenceSource = Objects.requireNonNull(referenceSource, "referenceSource");
        this.referenceRows = referenceRows;
        this.currentSource = Objects.requireNonNull(currentSource, "currentSource");
        this.currentRows = currentRows;
        this.preset = Objects.requireNonNull(preset, "preset");
        this.multipleTesting = Objects.requireNonNull(multipleTesting, "multipleTesting");
        this.driftShareThreshold = driftShareThreshold;
        this.columns = List.copyOf(columns);
    }

    /** @return what the reference is */
    public String referenceSource() {
        return referenceSource;
    }

    /** @return rows of the reference */
    public long referenceRows() {
        return referenceRows;
    }

    /** @return what the current data is */
    public String currentSource() {
        return currentSource;
    }

    /** @return rows of the current data */
    public long currentRows() {
        return currentRows;
    }

    /** @return the preset the defaults came from */
    public DriftPreset preset() {
        return preset;
    }

    /** @return the correction applied to the deciding tests' p-values */
    public MultipleTesting multipleTesting() {
        return multipleTesting;
    }

    /** @return the share of judged columns that makes the data set drift */
    public double driftShareThreshold() {
        return driftShareThreshold;
    }

    /** @return the comparisons, reference columns first in their order, then columns only in the current data */
    public List<ColumnDrift> columns() {
        return columns;
    }

    /**
     * @param name a column name
     * @return its comparison, if it was compared
     */
    public Optional<ColumnDrift> find(String name) {
        return columns.stream().filter(c -> c.column().equals(name)).findFirst();
    }

    /**
     * @param name a column name
     * @return its comparison
     * @throws NotFoundException if the column was not compared
     */
    public ColumnDrift column(String name) {
        return find(name).orElseThrow(() -> new NotFoundException("the drift report has no column '" + name
                + "'; its columns are " + columns.stream().map(ColumnDrift::column).collect(Collectors.toList())));
    }

    /** @return the number of columns judged (NO_DRIFT, WARNING or DRIFT) */
    public int judgedColumns() {
        return (int) columns.stream().filter(c -> c.status().isJudged()).count();
    }

    /** @return the names of the drifted columns */
    public List<String> driftedColumns() {
        return columns.stream().filter(ColumnDrift::isDrift).map(ColumnDrift::column).collect(Collectors.toList());
    }

    /** @return drifted columns over judged columns, 0 when none was judged */
    public double driftShare() {
        int judged = judgedColumns();
        return judged == 0 ? 0 : (double) driftedColumns().size() / judged;
    }

    /** @return the verdict on the data set (see the class description) */
    public DriftStatus status() {
        int judged = judgedColumns();
        if (judged == 0) {
            return columns.stream().anyMatch(c -> c.status() == DriftStatus.NOT_ENOUGH_DATA)
                    ? DriftStatus.NOT_ENOUGH_DATA : DriftStatus.NOT_COMPARABLE;
        }
        int drifted = driftedColumns().size();
        if (drifted > 0 && driftShare() >= driftShareThreshold) {
            return DriftStatus.DRIFT;
        }
        boolean any = columns.stream().anyMatch(c -> c.status() == DriftStatus.DRIFT
                || c.status() == DriftStatus.WARNING);
        return any ? DriftStatus.WARNING : DriftStatus.NO_DRIFT;
    }

    /** @return true if the data set drifted ({@link #status()} is DRIFT) */
    public boolean isDrift() {
        return status() == DriftStatus.DRIFT;
    }

    /**
     * Stops a pipeline on drift, as {@link dev.mlops4j.validation.report.ValidationReport#throwIfInvalid()} does on
     * invalid data. WARNING, NOT_ENOUGH_DATA and NOT_COMPARABLE do not throw: they are not evidence of drift.
     *
     * @return this report, unless the data set drifted
     * @throws DriftDetectedException if {@link #status()} is DRIFT; the message lists each drifted column with its
     *     measurement and thresholds
     */
    public DriftReport throwIfDrift() {
        if (!isDrift()) {
            return this;
        }
        StringBuilder sb = new StringBuilder("drift of ").append(currentSource).append(" against ")
                .append(referenceSource).append(": ").append(summary());
        for (ColumnDrift c : columns) {
            if (c.isDrift()) {
                Measurement m = c.measurement().orElseThrow();
                sb.append("\n  - column '").append(c.column()).append("': ").append(m.method().shortName())
                        .append(" = ").append(Measurement.format(m.value()));
                if (m.method().isTest()) {
                    sb.append(", p = ").append(Measurement.format(m.adjustedPValue()));
                }
                sb.append(" (drift at ").append(m.thresholds().describe(m.method().isTest())).append(')');
            }
        }
        sb.append("\nInvestigate the drifted columns (report.column(name) says what each number is); if the change is"
                + " expected, retrain or take the current data as the new reference, or adjust the thresholds with"
                + " DriftDetector.builder().thresholds(...).");
        throw new DriftDetectedException(sb.toString(), this);
    }

    /** @return the columns whose drift status or some monitor is WARNING or DRIFT */
    public List<ColumnDrift> alerts() {
        return columns.stream().filter(c -> c.worstStatus() == DriftStatus.WARNING
                || c.worstStatus() == DriftStatus.DRIFT).collect(Collectors.toList());
    }

    // ---- metrics and logging -------------------------------------------------------------------------

    /**
     * The report as metrics, for dashboards and the data-quality history: {@code drift.share},
     * {@code drift.columns_drifted}, {@code drift.columns_judged}, {@code drift.status} (0 no drift, 1 warning, 2
     * drift); per judged column {@code drift.<column>.<method>} (the measured value),
     * {@code drift.<column>.<method>.p_value} for tests, {@code drift.<column>.status}; per judged monitor
     * {@code drift.<column>.<monitor>}. Characters of column names that metric keys do not allow become {@code _}.
     *
     * @return metric key to value, in report order
     */
    public Map<String, Double> metrics() {
        return metrics(METRIC_PREFIX);
    }

    /**
     * @param prefix prefix of every key, e.g. {@code "drift."}
     * @return the metrics of {@link #metrics()} under that prefix
     */
    public Map<String, Double> metrics(String prefix) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put(prefix + "share", driftShare());
        m.put(prefix + "columns_drifted", (double) driftedColumns().size());
        m.put(prefix + "columns_judged", (double) judgedColumns());
        if (status().isJudged()) {
            m.put(prefix + "status", (double) status().ordinal());
        }
        for (ColumnDrift c : columns) {
            String col = prefix + metricName(c.column()) + ".";
            for (Measurement x : c.measurements()) {
                m.put(col + x.method().key(), x.value());
                if (x.method().isTest()) {
                    m.put(col + x.method().key() + ".p_value", x.pValue());
                }
            }
            if (c.status().isJudged()) {
                m.put(col + "status", (double) c.status().ordinal());
            }
            for (MonitorResult r : c.monitors()) {
                if (r.status().isJudged()) {
                    m.put(col + r.monitor().key(), r.value());
                }
            }
        }
        return m;
    }

    /**
     * @param name a column or segment name
     * @return it with the characters metric keys do not allow replaced by {@code _}
     */
    static String metricName(String name) {
        return MetricNames.sanitize(name);
    }

    /**
     * Logs this report as a JSON artifact at {@value #DEFAULT_ARTIFACT_PATH} and its {@link #metrics()} at step 0.
     *
     * @param run an open run
     * @return the artifact recorded
     */
    public ArtifactInfo logTo(Run run) {
        return logTo(run, DEFAULT_ARTIFACT_PATH);
    }

    /**
     * @param run an open run
     * @param artifactPath where in the run's artifacts
     * @return the artifact recorded
     */
    public ArtifactInfo logTo(Run run, String artifactPath) {
        ArtifactInfo info = run.logArtifact(artifactPath, toJson().getBytes(StandardCharsets.UTF_8));
        logMetrics(run, metrics(), 0);
        return info;
    }

    /**
     * Logs metrics in batches within the tracking API's per-batch limit.
     *
     * @param run an open run
     * @param metrics key to value
     * @param step the step
     */
    static void logMetrics(Run run, Map<String, Double> metrics, long step) {
        MetricNames.log(run, metrics, step);
    }

    /**
     * @param runs the runs of an open instance
     * @param runId the run
     * @return the report logged at {@value #DEFAULT_ARTIFACT_PATH}
     * @throws NotFoundException if there is no such run or artifact
     */
    public static DriftReport readFrom(Runs runs, String runId) {
        return readFrom(runs, runId, DEFAULT_ARTIFACT_PATH);
    }

    /**
     * @param runs the runs of an open instance
     * @param runId the run
     * @param artifactPath where the report was logged
     * @return the report
     */
    public static DriftReport readFrom(Runs runs, String runId, String artifactPath) {
        return fromJson(new String(runs.readArtifact(runId, artifactPath), StandardCharsets.UTF_8));
    }

    // ---- JSON ----------------------------------------------------------------------------------------

    /** @return the versioned JSON form, every measurement with its definition */
    public String toJson() {
        ObjectNode root = Json.document(FORMAT, FORMAT_VERSION);
        writeJson(root);
        return Json.write(root);
    }

    /** @param root receives the report's fields (shared with the segment and window reports) */
    void writeJson(ObjectNode root) {
        root.putObject("reference").put("source", referenceSource).put("rows", referenceRows);
        root.putObject("current").put("source", currentSource).put("rows", currentRows);
        root.put("preset", preset.name());
        root.put("multipleTesting", multipleTesting.name());
        Json.putDouble(root, "driftShareThreshold", driftShareThreshold);
        root.put("status", status().name());
        root.put("judgedColumns", judgedColumns());
        root.put("driftedColumns", driftedColumns().size());
        Json.putDouble(root, "driftShare", driftShare());
        ArrayNode cols = root.putArray("columns");
        for (ColumnDrift c : columns) {
            ObjectNode o = cols.addObject();
            o.put("column", c.column());
            if (c.referenceType() != null) {
                o.put("referenceType", c.referenceType().name());
            }
            if (c.currentType() != null) {
                o.put("currentType", c.currentType().name());
            }
            o.put("referenceValues", c.referenceValues());
            o.put("currentValues", c.currentValues());
            o.put("status", c.status().name());
            o.put("reason", c.reason());
            ArrayNode ms = o.putArray("measurements");
            for (Measurement m : c.measurements()) {
                ObjectNode x = ms.addObject();
                x.put("method", m.method().key());
                Json.putDouble(x, "value", m.value());
                Json.putDouble(x, "pValue", m.pValue());
                Json.putDouble(x, "adjustedPValue", m.adjustedPValue());
                x.put("pValueKind", m.pValueKind().name());
                writeThresholds(x, m.thresholds());
                x.put("status", m.status().name());
                x.put("definition", m.definition());
                x.put("basis", m.basis());
                x.put("detail", m.detail());
            }
            ArrayNode mon = o.putArray("monitors");
            for (MonitorResult r : c.monitors()) {
                ObjectNode x = mon.addObject();
                x.put("monitor", r.monitor().key());
                Json.putDouble(x, "reference", r.reference());
                Json.putDouble(x, "current", r.current());
                Json.putDouble(x, "value", r.value());
                writeThresholds(x, r.thresholds());
                x.put("status", r.status().name());
                x.put("exact", r.exact());
            }
        }
    }

    private static void writeThresholds(ObjectNode x, Thresholds t) {
        ObjectNode n = x.putObject("thresholds");
        Json.putDouble(n, "warning", t.warning());
        Json.putDouble(n, "drift", t.drift());
    }

    /**
     * @param json text written by {@link #toJson()}
     * @return the report
     * @throws InvalidInputException if the text is not a drift report of a supported version
     */
    public static DriftReport fromJson(String json) {
        return readJson(Json.read(json, FORMAT, FORMAT_VERSION, "drift report"));
    }

    /**
     * @param root an object written by {@link #writeJson(ObjectNode)}
     * @return the report
     */
    static DriftReport readJson(JsonNode root) {
        try {
            List<ColumnDrift> columns = new ArrayList<>();
            for (JsonNode o : root.path("columns")) {
                List<Measurement> ms = new ArrayList<>();
                for (JsonNode x : o.path("measurements")) {
                    ms.add(new Measurement(DriftMethod.ofKey(Json.textField(x, "method")), Json.doubleField(x, "value"),
                            Json.doubleField(x, "pValue"), Json.doubleField(x, "adjustedPValue"),
                            PValueKind.valueOf(Json.textField(x, "pValueKind")), readThresholds(x),
                            DriftStatus.valueOf(Json.textField(x, "status")), Json.textField(x, "definition"),
                            Json.textField(x, "basis"), x.path("detail").asText("")));
                }
                List<MonitorResult> mon = new ArrayList<>();
                for (JsonNode x : o.path("monitors")) {
                    mon.add(new MonitorResult(Monitor.ofKey(Json.textField(x, "monitor")),
                            Json.doubleField(x, "reference"), Json.doubleField(x, "current"),
                            Json.doubleField(x, "value"), readThresholds(x),
                            DriftStatus.valueOf(Json.textField(x, "status")), x.path("exact").asBoolean()));
                }
                columns.add(new ColumnDrift(Json.textField(o, "column"), type(o, "referenceType"),
                        type(o, "currentType"), Json.longField(o, "referenceValues"),
                        Json.longField(o, "currentValues"),
                        DriftStatus.valueOf(Json.textField(o, "status")), ms, mon, o.path("reason").asText("")));
            }
            JsonNode ref = root.path("reference");
            JsonNode cur = root.path("current");
            return new DriftReport(Json.textField(ref, "source"), Json.longField(ref, "rows"),
                    Json.textField(cur, "source"), Json.longField(cur, "rows"),
                    DriftPreset.valueOf(Json.textField(root, "preset")),
                    MultipleTesting.valueOf(Json.textField(root, "multipleTesting")),
                    Json.doubleField(root, "driftShareThreshold"), columns);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("unknown name in drift report JSON: " + e.getMessage(), e);
        }
    }

    private static ColumnType type(JsonNode o, String field) {
        return o.hasNonNull(field) ? ColumnType.valueOf(o.get(field).asText()) : null;
    }

    private static Thresholds readThresholds(JsonNode x) {
        JsonNode t = x.path("thresholds");
        return new Thresholds(Json.doubleField(t, "warning"), Json.doubleField(t, "drift"));
    }

    // ---- text ----------------------------------------------------------------------------------------

    /** @return the one-line verdict, e.g. {@code "DRIFT: 3 of 5 judged columns drifted (60.00%, ...)"} */
    public String summary() {
        int judged = judgedColumns();
        int drifted = driftedColumns().size();
        return status() + ": " + drifted + " of " + judged + " judged column" + (judged == 1 ? "" : "s")
                + " drifted (" + TextTable.percent(driftShare()) + "; the data set drifts at >= "
                + TextTable.percent(driftShareThreshold) + (driftShareThreshold == 0 ? ", any drifted column" : "")
                + ")" + (multipleTesting == MultipleTesting.NONE ? "" : ", p-values corrected by " + multipleTesting);
    }

    /**
     * @return the verdict, an aligned table of columns (method, value, p-value, thresholds, status), a table of the
     *     monitors, and for every column what exactly its numbers are
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Drift of ").append(currentSource).append(" (").append(currentRows)
                .append(" rows) against ").append(referenceSource).append(" (").append(referenceRows)
                .append(" rows), preset ").append(preset).append('\n').append(summary()).append('\n');
        boolean corrected = multipleTesting != MultipleTesting.NONE;
        TextTable t = corrected
                ? new TextTable("COLUMN", "TYPE", "STATUS", "METHOD", ">VALUE", ">P-VALUE", ">ADJ. P", "THRESHOLDS",
                        ">REF N", ">CUR N")
                : new TextTable("COLUMN", "TYPE", "STATUS", "METHOD", ">VALUE", ">P-VALUE", "THRESHOLDS", ">REF N",
                        ">CUR N");
        for (ColumnDrift c : columns) {
            Optional<Measurement> m = c.measurement();
            String type = c.referenceType() == null ? String.valueOf(c.currentType())
                    : c.currentType() == null || c.currentType() == c.referenceType() ? c.referenceType().name()
                    : c.referenceType() + "/" + c.currentType();
            List<Object> row = new ArrayList<>(List.of(c.column(), type, c.status(),
                    m.map(x -> x.method().shortName()).orElse("-"),
                    m.map(x -> Measurement.format(x.value())).orElse(""),
                    m.filter(x -> x.method().isTest()).map(x -> Measurement.format(x.pValue())).orElse("")));
            if (corrected) {
                row.add(m.filter(x -> x.method().isTest()).map(x -> Measurement.format(x.adjustedPValue())).orElse(""));
            }
            row.add(m.map(x -> x.thresholds().describe(x.method().isTest())).orElse(""));
            row.add(c.referenceValues());
            row.add(c.currentValues());
            t.row(row.toArray());
        }
        sb.append(t);
        TextTable mt = new TextTable("COLUMN", "MONITOR", ">REFERENCE", ">CURRENT", ">VALUE", "THRESHOLDS", "STATUS");
        for (ColumnDrift c : columns) {
            for (MonitorResult r : c.monitors()) {
                mt.row(c.column(), r.monitor().key(),
                        Double.isNaN(r.reference()) ? "" : TextTable.percent(r.reference()),
                        Double.isNaN(r.current()) ? "" : TextTable.percent(r.current()),
                        Double.isNaN(r.value()) ? "" : TextTable.percent(r.value()),
                        ">=" + TextTable.percent(r.thresholds().warning()) + "/"
                                + TextTable.percent(r.thresholds().drift()),
                        r.status() + (r.exact() ? "" : " (estimate)"));
            }
        }
        if (mt.size() > 0) {
            sb.append("Monitors (shares in percent; see Monitor for definitions):\n").append(mt);
        }
        sb.append("What the numbers are:\n");
        for (ColumnDrift c : columns) {
            if (c.measurements().isEmpty()) {
                sb.append("  ").append(c.column()).append(": ").append(c.status().name().toLowerCase(Locale.ROOT)
                        .replace('_', ' ')).append(" - ").append(c.reason()).append('\n');
                continue;
            }
            for (Measurement m : c.measurements()) {
                sb.append("  ").append(c.column()).append(": ").append(m.method().shortName()).append(" = ")
                        .append(Measurement.format(m.value()));
                if (m.method().isTest()) {
                    sb.append(", p = ").append(Measurement.format(m.pValue())).append(" (")
                            .append(m.pValueKind().name().toLowerCase(Locale.ROOT)).append(')');
                }
                sb.append(": ").append(m.definition()).append("; ").append(m.basis());
                if (!m.detail().isEmpty()) {
                    sb.append("; ").append(m.detail());
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    /** Reports are equal if all their fields are. */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof DriftReport)) {
            return false;
        }
        DriftReport r = (DriftReport) o;
        return referenceSource.equals(r.referenceSource) && referenceRows == r.referenceRows
                && currentSource.equals(r.currentSource) && currentRows == r.currentRows && preset == r.preset
                && multipleTesting == r.multipleTesting
                && Double.compare(driftShareThreshold, r.driftShareThreshold) == 0 && columns.equals(r.columns);
    }

    @Override
    public int hashCode() {
        return Objects.hash(referenceSource, referenceRows, currentSource, currentRows, preset, multipleTesting,
                driftShareThreshold, columns);
    }
}
