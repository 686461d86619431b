package dev.mlops4j.validation.drift;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops4j.InvalidInputException;
import dev.mlops4j.Run;
import dev.mlops4j.Runs;
import dev.mlops4j.tracking.ArtifactInfo;
import dev.mlops4j.validation.internal.Json;
import dev.mlops4j.validation.internal.TextTable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Windows of time-ordered data, each compared with the reference: per window a {@link DriftReport} judged with fixed
 * thresholds, and per column an {@link AlertBand} from the reference's own chunks as the alternative judgement.
 * Immutable.
 */
public final class WindowedDriftReport {
    /** The {@code "format"} of the JSON form. */
    public static final String FORMAT = "mlops4j-windowed-drift-report";
    /** The JSON format version this library writes. */
    public static final int FORMAT_VERSION = 1;
    /** Where {@link #logTo(Run)} puts the report in a run's artifacts. */
    public static final String DEFAULT_ARTIFACT_PATH = "validation/drift-windows.json";

    private final String windowing;
    private final String referenceSource;
    private final long referenceRows;
    private final int referenceChunks;
    private final List<AlertBand> bands;
    private final List<WindowDrift> windows;
    private final long outOfOrderRows;
    private final long rowsWithoutTime;

    /**
     * @param windowing how the windows were cut
     * @param referenceSource what the reference is
     * @param referenceRows rows of the reference
     * @param referenceChunks chunks the reference was cut into for the bands
     * @param bands one band per column
     * @param windows the windows in time order
     * @param outOfOrderRows current rows skipped because they belonged before the open window
     * @param rowsWithoutTime current rows skipped because their time cell was missing or invalid
     */
    public WindowedDriftReport(String windowing, String referenceSource, long referenceRows, int referenceChunks,
            List<AlertBand> bands, List<WindowDrift> windows, long outOfOrderRows, long rowsWithoutTime) {
        this.windowing = Objects.requireNonNull(windowing, "windowing");
        this.referenceSource = Objects.requireNonNull(referenceSource, "referenceSource");
        this.referenceRows = referenceRows;
        this.referenceChunks = referenceChunks;
        this.bands = List.copyOf(bands);
        this.windows = List.copyOf(windows);
        this.outOfOrderRows = outOfOrderRows;
        this.rowsWithoutTime = rowsWithoutTime;
    }

    /** @return how the windows were cut */
    public String windowing() {
        return windowing;
    }

    /** @return what the reference is */
    public String referenceSource() {
        return referenceSource;
    }

    /** @return rows of the reference */
    public long referenceRows() {
        return referenceRows;
    }

    /** @return chunks the reference was cut into for the bands */
    public int referenceChunks() {
        return referenceChunks;
    }

    /** @return the bands, one per column */
    public List<AlertBand> bands() {
        return bands;
    }

    /**
     * @param column a column
     * @return its band, if the column was compared
     */
    public Optional<AlertBand> band(String column) {
        return bands.stream().filter(b -> b.column().equals(column)).findFirst();
    }

    /** @return the windows, in time order */
    public List<WindowDrift> windows() {
        return windows;
    }

    /** @return current rows skipped because they came after a later window had started */
    public long outOfOrderRows() {
        return outOfOrderRows;
    }

    /** @return current rows skipped because their time was missing or invalid */
    public long rowsWithoutTime() {
        return rowsWithoutTime;
    }

    /**
     * @param column a column
     * @return the labels of the windows whose fixed-threshold verdict on the column is DRIFT
     */
    public List<String> driftingWindows(String column) {
        List<String> out = new ArrayList<>();
        for (WindowDrift w : windows) {
            if (w.report().find(column).map(ColumnDrift::isDrift).orElse(false)) {
                out.add(w.label());
            }
        }
        return out;
    }

    /**
     * @param column a column
     * @return the labels of the windows whose value for the column lies outside its alert band
     */
    public List<String> bandAlerts(String column) {
        List<String> out = new ArrayList<>();
        for (WindowDrift w : windows) {
            if (w.outsideBand().contains(column)) {
                out.add(w.label());
            }
        }
        return out;
    }

    /**
     * Logs this report as a JSON artifact at {@value #DEFAULT_ARTIFACT_PATH}; each window's
     * {@link DriftReport#metrics()} at step = the window's position (0, 1, ...), with
     * {@code drift.<column>.outside_band} (1 or 0) for columns with a band; the bands as
     * {@code drift.<column>.band_lower} and {@code band_upper} at step 0.
     *
     * @param run an open run
     * @return the artifact recorded
     */
    public ArtifactInfo logTo(Run run) {
        ArtifactInfo info = run.logArtifact(DEFAULT_ARTIFACT_PATH, toJson().getBytes(StandardCharsets.UTF_8));
        Map<String, Double> bandMetrics = new LinkedHashMap<>();
        for (AlertBand b : bands) {
            if (b.available()) {
                String c = DriftReport.METRIC_PREFIX + DriftReport.metricName(b.column()) + ".";
                bandMetrics.put(c + "band_lower", b.lower());
                bandMetrics.put(c + "band_upper", b.upper());
            }
        }
        DriftReport.logMetrics(run, bandMetrics, 0);
        for (int i = 0; i < windows.size(); i++) {
            WindowDrift w = windows.get(i);
            Map<String, Double> m = new LinkedHashMap<>(w.report().metrics());
            for (AlertBand b : bands) {
                if (b.available()) {
                    m.put(DriftReport.METRIC_PREFIX + DriftReport.metricName(b.column()) + ".outside_band",
                            w.outsideBand().contains(b.column()) ? 1.0 : 0.0);
                }
            }
            DriftReport.logMetrics(run, m, i);
        }
        return info;
    }

    /**
     * @param runs the runs of an open instance
     * @param runId the run
     * @return the report logged at {@value #DEFAULT_ARTIFACT_PATH}
     */
    public static WindowedDriftReport readFrom(Runs runs, String runId) {
        return fromJson(new String(runs.readArtifact(runId, DEFAULT_ARTIFACT_PATH), StandardCharsets.UTF_8));
    }

    /** @return the versioned JSON form */
    public String toJson() {
        ObjectNode root = Json.document(FORMAT, FORMAT_VERSION);
        root.put("windowing", windowing);
        root.putObject("reference").put("source", referenceSource).put("rows", referenceRows)
                .put("chunks", referenceChunks);
        root.put("outOfOrderRows", outOfOrderRows);
        root.put("rowsWithoutTime", rowsWithoutTime);
        ArrayNode bs = root.putArray("bands");
        for (AlertBand b : bands) {
            ObjectNode o = bs.addObject();
            o.put("column", b.column());
            if (b.method() != null) {
                o.put("method", b.method().key());
            }
            o.put("chunks", b.chunks());
            Json.putDouble(o, "mean", b.mean());
            Json.putDouble(o, "stddev", b.stddev());
            Json.putDouble(o, "width", b.width());
            Json.putDouble(o, "lower", b.lower());
            Json.putDouble(o, "upper", b.upper());
        }
        ArrayNode ws = root.putArray("windows");
        for (WindowDrift w : windows) {
            ObjectNode o = ws.addObject();
            o.put("label", w.label());
            o.put("rows", w.rows());
            ArrayNode out = o.putArray("outsideBand");
            w.outsideBand().forEach(out::add);
            w.report().writeJson(o.putObject("report"));
        }
        return Json.write(root);
    }

    /**
     * @param json text written by {@link #toJson()}
     * @return the report
     * @throws InvalidInputException if the text is not such a report of a supported version
     */
    public static WindowedDriftReport fromJson(String json) {
        ObjectNode root = Json.read(json, FORMAT, FORMAT_VERSION, "windowed drift report");
        List<AlertBand> bands = new ArrayList<>();
        for (JsonNode o : root.path("bands")) {
            bands.add(new AlertBand(Json.textField(o, "column"),
                    o.hasNonNull("method") ? DriftMethod.ofKey(o.get("method").asText()) : null,
                    (int) Json.longField(o, "chunks"), Json.doubleField(o, "mean"), Json.doubleField(o, "stddev"),
                    Json.doubleField(o, "width"), Json.doubleField(o, "lower"), Json.doubleField(o, "upper")));
        }
        List<WindowDrift> windows = new ArrayList<>();
        for (JsonNode o : root.path("windows")) {
            List<String> outside = new ArrayList<>();
            o.path("outsideBand").forEach(n -> outside.add(n.asText()));
            windows.add(new WindowDrift(Json.textField(o, "label"), Json.longField(o, "rows"),
                    DriftReport.readJson(o.path("report")), outside));
        }
        JsonNode ref = root.path("reference");
        return new WindowedDriftReport(Json.textField(root, "windowing"), Json.textField(ref, "source"),
                Json.longField(ref, "rows"), (int) Json.longField(ref, "chunks"), bands, windows,
                Json.longField(root, "outOfOrderRows"), Json.longField(root, "rowsWithoutTime"));
    }

    /**
     * @return the bands, then one line per window and column: value, fixed-threshold verdict, and whether it is
     *     outside the band ({@code OUTSIDE})
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Drift over ").append(windows.size()).append(' ').append(windowing)
                .append(" against ").append(referenceSource).append(" (").append(referenceRows).append(" rows, ")
                .append(referenceChunks).append(" reference chunks)");
        if (outOfOrderRows > 0 || rowsWithoutTime > 0) {
            sb.append("; skipped ").append(outOfOrderRows).append(" rows out of time order and ")
                    .append(rowsWithoutTime).append(" without a time");
        }
        sb.append('\n');
        TextTable bt = new TextTable("COLUMN", "METHOD", ">CHUNKS", ">MEAN", ">SD", ">LOWER", ">UPPER");
        for (AlertBand b : bands) {
            bt.row(b.column(), b.method() == null ? "-" : b.method().shortName(), b.chunks(),
                    b.available() ? Measurement.format(b.mean()) : "",
                    b.available() ? Measurement.format(b.stddev()) : "",
                    b.available() ? Measurement.format(b.lower()) : "(no band)",
                    b.available() ? Measurement.format(b.upper()) : "");
        }
        sb.append("Alert bands (reference chunks' mean +/- ").append(bands.isEmpty() ? "k" :
                Measurement.format(bands.get(0).width())).append(" sd of each chunk's value against the whole"
                        + " reference):\n").append(bt);
        TextTable t = new TextTable("WINDOW", ">ROWS", "COLUMN", "METHOD", ">VALUE", ">P-VALUE", "STATUS", "BAND");
        for (WindowDrift w : windows) {
            for (ColumnDrift c : w.report().columns()) {
                Optional<Measurement> m = c.measurement();
                Optional<AlertBand> b = band(c.column()).filter(AlertBand::available);
                t.row(w.label(), w.rows(), c.column(), m.map(x -> x.method().shortName()).orElse("-"),
                        m.map(x -> Measurement.format(x.value())).orElse(""),
                        m.filter(x -> x.method().isTest()).map(x -> Measurement.format(x.pValue())).orElse(""),
                        c.status(), b.isEmpty() || m.isEmpty() ? "" : w.outsideBand().contains(c.column())
                                ? "OUTSIDE" : "inside");
            }
        }
        return sb.append(t).toString();
    }

    /** Reports are equal if all their fields are. */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof WindowedDriftReport)) {
            return false;
        }
        WindowedDriftReport r = (WindowedDriftReport) o;
        return windowing.equals(r.windowing) && referenceSource.equals(r.referenceSource)
                && referenceRows == r.referenceRows && referenceChunks == r.referenceChunks && bands.equals(r.bands)
                && windows.equals(r.windows) && outOfOrderRows == r.outOfOrderRows
                && rowsWithoutTime == r.rowsWithoutTime;
    }

    @Override
    public int hashCode() {
        return Objects.hash(windowing, referenceSource, referenceRows, referenceChunks, bands, windows);
    }
}
