package dev.mlops4j.validation.drift;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops4j.NotFoundException;
import dev.mlops4j.Run;
import dev.mlops4j.Runs;
import dev.mlops4j.tracking.ArtifactInfo;
import dev.mlops4j.validation.internal.Json;
import dev.mlops4j.validation.internal.TextTable;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Drift within each value (segment) of a grouping column, plus the comparison over all rows. Each segment's report
 * is a full {@link DriftReport} (the grouping column itself is left out). Immutable.
 */
public final class SegmentedDriftReport {
    /** The {@code "format"} of the JSON form. */
    public static final String FORMAT = "mlops4j-segmented-drift-report";
    /** The JSON format version this library writes. */
    public static final int FORMAT_VERSION = 1;
    /** Where {@link #logTo(Run)} puts the report in a run's artifacts. */
    public static final String DEFAULT_ARTIFACT_PATH = "validation/drift-segments.json";
    /** The segment of rows whose grouping cell is missing. */
    public static final String MISSING_SEGMENT = "(missing)";

    private final String segmentColumn;
    private final DriftReport overall;
    private final Map<String, DriftReport> segments;

    /**
     * @param segmentColumn the grouping column
     * @param overall the comparison over all rows
     * @param segments segment name to its comparison, in order
     */
    public SegmentedDriftReport(String segmentColumn, DriftReport overall, Map<String, DriftReport> segments) {
        this.segmentColumn = Objects.requireNonNull(segmentColumn, "segmentColumn");
        this.overall = Objects.requireNonNull(overall, "overall");
        this.segments = Collections.unmodifiableMap(new LinkedHashMap<>(segments));
    }

    /** @return the grouping column */
    public String segmentColumn() {
        return segmentColumn;
    }

    /** @return the comparison over all rows (the segments together) */
    public DriftReport overall() {
        return overall;
    }

    /** @return segment name to its report, reference segments first in order of appearance */
    public Map<String, DriftReport> segments() {
        return segments;
    }

    /**
     * @param name a segment (the grouping column's value as text)
     * @return its report
     * @throws NotFoundException if there is no such segment
     */
    public DriftReport segment(String name) {
        DriftReport r = segments.get(name);
        if (r == null) {
            throw new NotFoundException("no segment '" + name + "' of column '" + segmentColumn + "'; the segments are "
                    + segments.keySet());
        }
        return r;
    }

    /** @return the segments whose data set verdict is DRIFT */
    public List<String> driftedSegments() {
        return segments.entrySet().stream().filter(e -> e.getValue().isDrift()).map(Map.Entry::getKey)
                .collect(Collectors.toList());
    }

    /**
     * Stops a pipeline when the data drifted over all rows or within any segment (a shift confined to one region can
     * be invisible over all rows).
     *
     * @return this report, unless something drifted
     * @throws DriftDetectedException listing the drifted segments with their drifted columns
     */
    public SegmentedDriftReport throwIfDrift() {
        List<String> drifted = driftedSegments();
        if (!overall.isDrift() && drifted.isEmpty()) {
            return this;
        }
        StringBuilder sb = new StringBuilder("drift by segment of '").append(segmentColumn).append("': ")
                .append(drifted.size()).append(" of ").append(segments.size()).append(" segments drifted");
        if (overall.isDrift()) {
            sb.append(", and all rows together drifted (").append(overall.driftedColumns()).append(')');
        }
        for (String s : drifted) {
            sb.append("\n  - segment '").append(s).append("': ").append(segments.get(s).driftedColumns());
        }
        sb.append("\nInvestigate with report.segment(name); if the change is expected, retrain or take the current"
                + " data as the new reference, or adjust the thresholds.");
        throw new DriftDetectedException(sb.toString(), this);
    }

    /**
     * @return the overall report's metrics, then per segment its metrics under {@code drift.segment.<segment>.}
     */
    public Map<String, Double> metrics() {
        Map<String, Double> m = new LinkedHashMap<>(overall.metrics());
        segments.forEach((k, v) -> m.putAll(v.metrics(DriftReport.METRIC_PREFIX + "segment."
                + DriftReport.metricName(k) + ".")));
        return m;
    }

    /**
     * Logs this report as a JSON artifact at {@value #DEFAULT_ARTIFACT_PATH} and its {@link #metrics()} at step 0.
     *
     * @param run an open run
     * @return the artifact recorded
     */
    public ArtifactInfo logTo(Run run) {
        ArtifactInfo info = run.logArtifact(DEFAULT_ARTIFACT_PATH, toJson().getBytes(StandardCharsets.UTF_8));
        DriftReport.logMetrics(run, metrics(), 0);
        return info;
    }

    /**
     * @param runs the runs of an open instance
     * @param runId the run
     * @return the report logged at {@value #DEFAULT_ARTIFACT_PATH}
     */
    public static SegmentedDriftReport readFrom(Runs runs, String runId) {
        return fromJson(new String(runs.readArtifact(runId, DEFAULT_ARTIFACT_PATH), StandardCharsets.UTF_8));
    }

    /** @return the versioned JSON form: the overall report and one report per segment */
    public String toJson() {
        ObjectNode root = Json.document(FORMAT, FORMAT_VERSION);
        root.put("segmentColumn", segmentColumn);
        overall.writeJson(root.putObject("overall"));
        ArrayNode list = root.putArray("segments");
        segments.forEach((k, v) -> {
            ObjectNode o = list.addObject();
            o.put("segment", k);
            v.writeJson(o.putObject("report"));
        });
        return Json.write(root);
    }

    /**
     * @param json text written by {@link #toJson()}
     * @return the report
     * @throws dev.mlops4j.InvalidInputException if the text is not such a report of a supported version
     */
    public static SegmentedDriftReport fromJson(String json) {
        ObjectNode root = Json.read(json, FORMAT, FORMAT_VERSION, "segmented drift report");
        Map<String, DriftReport> segments = new LinkedHashMap<>();
        for (JsonNode o : root.path("segments")) {
            segments.put(Json.textField(o, "segment"), DriftReport.readJson(o.path("report")));
        }
        return new SegmentedDriftReport(Json.textField(root, "segmentColumn"),
                DriftReport.readJson(root.path("overall")), segments);
    }

    /** @return one line per segment (rows, verdict, drifted columns), then the overall report */
    @Override
    public String toString() {
        TextTable t = new TextTable("SEGMENT", ">REF ROWS", ">CUR ROWS", "STATUS", ">DRIFT SHARE", "DRIFTED COLUMNS",
                "WARNINGS");
        segments.forEach((k, v) -> t.row(k, v.referenceRows(), v.currentRows(), v.status(),
                v.status().isJudged() ? TextTable.percent(v.driftShare()) : "", String.join(", ", v.driftedColumns()),
                v.columns().stream().filter(c -> c.status() == DriftStatus.WARNING).map(ColumnDrift::column)
                        .collect(Collectors.joining(", "))));
        return "Drift by segment of '" + segmentColumn + "': " + driftedSegments().size() + " of " + segments.size()
                + " segments drifted\n" + t + "Over all rows:\n" + overall;
    }

    /** Reports are equal if the column, the overall report and every segment's report are. */
    @Override
    public boolean equals(Object o) {
        return o instanceof SegmentedDriftReport && segmentColumn.equals(((SegmentedDriftReport) o).segmentColumn)
                && overall.equals(((SegmentedDriftReport) o).overall)
                && segments.equals(((SegmentedDriftReport) o).segments);
    }

    @Override
    public int hashCode() {
        return Objects.hash(segmentColumn, overall, segments);
    }
}
