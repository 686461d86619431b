package dev.mlops4j;

import dev.mlops4j.tracking.ArtifactInfo;
import dev.mlops4j.tracking.RunComparison;
import dev.mlops4j.tracking.RunInfo;
import dev.mlops4j.tracking.RunRecord;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Reading runs: by id, by search, their metric histories and artifacts. From {@link Mlops#runs()}. */
public interface Runs {

    /** @param runId run id @return the run, if it exists */
    Optional<RunRecord> find(String runId);

    /**
     * @param runId run id
     * @return the run
     * @throws NotFoundException if there is no such run
     */
    RunRecord get(String runId);

    /**
     * Starts a search over the named experiments' runs.
     *
     * @param experimentNames one or more experiment names
     * @return the query to refine
     * @throws NotFoundException if an experiment does not exist
     */
    RunQuery search(String... experimentNames);

    /** @return a search over the runs of every experiment */
    RunQuery searchAll();

    /**
     * @param runId run id
     * @return the direct nested runs, oldest first
     */
    List<RunInfo> children(String runId);

    /**
     * Compares runs' params and latest metrics, as {@code dvc params diff} and {@code dvc metrics diff} do: the first
     * run is the baseline, the others show their changes against it. Print the result for aligned tables.
     *
     * <pre>{@code
     * System.out.print(mlops.runs().compare(baselineId, candidateId));                 // what changed
     * System.out.print(mlops.runs().compare(baselineId, candidateId).withUnchanged()); // everything
     * }</pre>
     *
     * @param runIds one or more distinct run ids, the baseline first
     * @return the comparison of the runs as currently stored
     * @throws NotFoundException if a run does not exist
     * @throws InvalidInputException if no id is given or an id repeats
     */
    default RunComparison compare(String... runIds) {
        return compare(Arrays.asList(java.util.Objects.requireNonNull(runIds, "runIds")));
    }

    /**
     * Compares runs' params and latest metrics; see {@link #compare(String...)}.
     *
     * @param runIds one or more distinct run ids, the baseline first
     * @return the comparison of the runs as currently stored
     * @throws NotFoundException if a run does not exist
     * @throws InvalidInputException if no id is given or an id repeats
     */
    RunComparison compare(List<String> runIds);

    /**
     * @param runId run id
     * @param key metric key
     * @return a query over the metric's full history
     */
    MetricHistoryQuery metricHistory(String runId, String key);

    /** @param runId run id @return the run's artifacts, ordered by path */
    List<ArtifactInfo> artifacts(String runId);

    /**
     * Opens an artifact, verifying its SHA-256 as it is read.
     *
     * @param runId run id
     * @param artifactPath artifact path
     * @return a stream the caller closes; it throws {@link ArtifactIntegrityException} on damaged content
     * @throws NotFoundException if there is no such artifact
     */
    InputStream openArtifact(String runId, String artifactPath);

    /**
     * @param runId run id
     * @param artifactPath artifact path
     * @return the verified content
     * @throws ArtifactIntegrityException if the stored bytes are damaged
     */
    byte[] readArtifact(String runId, String artifactPath);

    /**
     * Copies a run's artifacts (all of them, or those under a path prefix) into a directory.
     *
     * @param runId run id
     * @param prefix path prefix, {@code ""} for all
     * @param targetDirectory where to write; created if absent
     * @return the files written
     */
    List<Path> downloadArtifacts(String runId, String prefix, Path targetDirectory);
}
