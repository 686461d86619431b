package dev.mlops4j.validation.profile;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops4j.NotFoundException;
import dev.mlops4j.Run;
import dev.mlops4j.Runs;
import dev.mlops4j.tracking.ArtifactInfo;
import dev.mlops4j.validation.data.MalformedRow;
import dev.mlops4j.validation.data.Table;
import dev.mlops4j.validation.internal.ColumnAccumulator;
import dev.mlops4j.validation.internal.Json;
import dev.mlops4j.validation.internal.ProfileAccumulator.ProfileData;
import dev.mlops4j.validation.internal.ProfileBridge;
import dev.mlops4j.validation.internal.TextTable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The statistics profile of a data set: the row count and a {@link ColumnProfile} per column. Immutable.
 *
 * <p>Profiles are <em>mergeable</em>: profile chunks of a data set (in parallel, or day by day) and
 * {@link #merge(Profile)} them; counts, minimum, maximum, mean and standard deviation of the merge equal the
 * one-pass result (up to floating-point rounding), distinct counts, quantiles and frequent values agree within
 * the sketches' stated errors (and exactly while values are counted exactly). They serialise to versioned JSON
 * ({@link #toJson()}, {@link #fromJson(String)}) that holds the sketches, so a profile read back can still be
 * merged, and can be logged on a tracked run.
 *
 * <pre>{@code
 * Profile profile = Profile.of(CsvTable.of(Path.of("wine.csv")));
 * profile.column("alcohol").mean();
 * System.out.println(profile);              // one line per column
 * }</pre>
 */
public final class Profile {
    /** The {@code "format"} of the JSON form. */
    public static final String FORMAT = "mlops4j-profile";
    /** The JSON format version this library writes. */
    public static final int FORMAT_VERSION = 1;
    /** Where {@link #logTo(Run)} puts the profile in a run's artifacts. */
    public static final String DEFAULT_ARTIFACT_PATH = "validation/profile.json";

    static {
        ProfileBridge.register(Profile::new, p -> p.data);
    }

    private final String source;
    private final ProfileData data;
    private final List<ColumnProfile> columns;

    Profile(String source, ProfileData data) {
        this.source = Objects.requireNonNull(source, "source");
        this.data = data;
        List<ColumnProfile> cols = new ArrayList<>();
        for (ColumnAccumulator c : data.columns()) {
            cols.add(new ColumnProfile(c, data.rows(), data.settings().topK(), data.settings().histogramBins()));
        }
        this.columns = List.copyOf(cols);
    }

    /**
     * Profiles a table with {@link Profiler#defaults()}.
     *
     * @param table the data
     * @return its profile
     */
    public static Profile of(Table table) {
        return Profiler.defaults().profile(table);
    }

    /** @return what was profiled, e.g. a file name; merged profiles join their sources with {@code +} */
    public String source() {
        return source;
    }

    /** @return well-formed rows */
    public long rowCount() {
        return data.rows();
    }

    /** @return rows that could not be read (e.g. malformed CSV lines) */
    public long malformedRows() {
        return data.malformed();
    }

    /** @return the first few malformed rows, with line numbers */
    public List<MalformedRow> malformedSamples() {
        return data.malformedSamples();
    }

    /** @return the column profiles, in table order */
    public List<ColumnProfile> columns() {
        return columns;
    }

    /** @return the column names, in table order */
    public List<String> columnNames() {
        return columns.stream().map(ColumnProfile::name).collect(Collectors.toList());
    }

    /**
     * @param name a column name
     * @return its profile, if the column exists
     */
    public Optional<ColumnProfile> find(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /**
     * @param name a column name
     * @return its profile
     * @throws NotFoundException if there is no such column
     */
    public ColumnProfile column(String name) {
        return find(name).orElseThrow(() -> new NotFoundException("the profile has no column '" + name
                + "'; its columns are " + columnNames()));
    }

    /**
     * Merges with the profile of another chunk of the same data set. Columns are matched by name; one only
     * present on one side keeps its counts from that side.
     *
     * @param other another profile
     * @return the merged profile; neither input changes
     * @throws dev.mlops4j.InvalidInputException if a column has different types in the two profiles
     */
    public Profile merge(Profile other) {
        String s = source.equals(other.source) ? source : source + "+" + other.source;
        return new Profile(s, data.merge(other.data));
    }

    /** @return the versioned JSON form (statistics plus the sketches needed to merge) */
    public String toJson() {
        ObjectNode root = Json.document(FORMAT, FORMAT_VERSION);
        root.put("source", source);
        data.writeJson(root);
        return Json.write(root);
    }

    /**
     * Reads a profile written by {@link #toJson()}. Derived statistics in the JSON (quantiles, histogram,
     * top values, standard deviation) are recomputed from the stored state, not read.
     *
     * @param json the JSON text
     * @return the profile
     * @throws dev.mlops4j.InvalidInputException if the text is not a profile of a supported version
     */
    public static Profile fromJson(String json) {
        ObjectNode root = Json.read(json, FORMAT, FORMAT_VERSION, "profile");
        return new Profile(root.path("source").asText(""), ProfileData.readJson(root));
    }

    /**
     * Logs this profile as a JSON artifact at {@value #DEFAULT_ARTIFACT_PATH}.
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
     * @return the profile logged at {@value #DEFAULT_ARTIFACT_PATH}
     * @throws NotFoundException if there is no such run or artifact
     */
    public static Profile readFrom(Runs runs, String runId) {
        return readFrom(runs, runId, DEFAULT_ARTIFACT_PATH);
    }

    /**
     * @param runs the runs of an open instance
     * @param runId the run
     * @param artifactPath where the profile was logged
     * @return the profile
     * @throws NotFoundException if there is no such run or artifact
     */
    public static Profile readFrom(Runs runs, String runId, String artifactPath) {
        return fromJson(new String(runs.readArtifact(runId, artifactPath), StandardCharsets.UTF_8));
    }

    /** @return a table with one line per column, for JShell and logs */
    @Override
    public String toString() {
        TextTable t = new TextTable("COLUMN", "TYPE", ">COUNT", ">MISSING", ">INVALID", ">DISTINCT", ">MIN", ">MAX",
                ">MEAN", ">STDDEV", "TOP VALUES");
        for (ColumnProfile c : columns) {
            String top = c.type().isOrdered() ? "" : c.topValues(3).stream()
                    .map(f -> f.value() + " (" + f.count() + ")").collect(Collectors.joining(", "));
            t.row(c.name(), c.type(), c.count(), c.missing(), c.invalid(),
                    c.formatDistinct(),
                    c.min().isPresent() ? c.format(c.min().getAsDouble()) : "",
                    c.max().isPresent() ? c.format(c.max().getAsDouble()) : "",
                    c.formatMean(),
                    c.stddev().isPresent() ? c.formatSpread(c.stddev().getAsDouble()) : "", top);
        }
        return "Profile of " + source + ": " + rowCount() + " rows" + (malformedRows() > 0 ? ", " + malformedRows()
                + " malformed" : "") + ", " + columns.size() + " columns\n" + t;
    }
}
