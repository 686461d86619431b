package dev.mlops4j;

import dev.mlops4j.tracking.ArtifactInfo;
import dev.mlops4j.tracking.LogBatch;
import dev.mlops4j.tracking.RunInfo;
import dev.mlops4j.tracking.RunRecord;
import dev.mlops4j.tracking.RunStatus;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * An open run that records params, metrics, tags and artifacts. Every logging call is durable when it
 * returns. Closing a run that is still RUNNING marks it FINISHED; use it with try-with-resources.
 * A run may be shared by threads.
 *
 * <p>Params are immutable: logging a key again with another value throws {@link ConflictException};
 * the same value is a no-op. Keys and values obey {@link dev.mlops4j.tracking.Limits}.
 */
public interface Run extends AutoCloseable {

    /** @return the run id */
    String id();

    /** @return the run's name */
    String name();

    /** @return the experiment's id */
    String experimentId();

    /** @return the run's attributes as currently stored */
    RunInfo info();

    /** @return params, latest metrics and tags as currently stored */
    RunRecord record();

    /** @return the current status */
    RunStatus status();

    /**
     * @param key param key
     * @param value its value
     * @return this run
     * @throws ConflictException if the key was logged with another value
     */
    Run logParam(String key, String value);

    /** @param key param key @param value its value, stored as its decimal string @return this run */
    Run logParam(String key, long value);

    /** @param key param key @param value its value, stored as {@link Double#toString(double)} @return this run */
    Run logParam(String key, double value);

    /** @param key param key @param value its value, stored as "true"/"false" @return this run */
    Run logParam(String key, boolean value);

    /**
     * Logs several params in one write; values are converted with {@link String#valueOf(Object)}.
     *
     * @param params key to value
     * @return this run
     */
    Run logParams(Map<String, ?> params);

    /** @param key metric key @param value the value (NaN and infinities allowed) @return this run */
    Run logMetric(String key, double value);

    /** @param key metric key @param value the value @param step the step @return this run */
    Run logMetric(String key, double value, long step);

    /**
     * Logs several metrics at one step in one write.
     *
     * @param metrics key to value
     * @param step the step
     * @return this run
     */
    Run logMetrics(Map<String, ? extends Number> metrics, long step);

    /**
     * Logs params, metrics and tags in one durable, atomic write.
     *
     * @param batch the batch
     * @return this run
     */
    Run log(LogBatch batch);

    /** @param key tag key (not under {@code mlops.}) @param value tag value @return this run */
    Run setTag(String key, String value);

    /** @param key tag key to remove @return this run */
    Run deleteTag(String key);

    /**
     * Logs a file under its own file name.
     *
     * @param file a regular file
     * @return what was recorded
     */
    ArtifactInfo logArtifact(Path file);

    /**
     * Logs a file under the given artifact path.
     *
     * @param artifactPath relative path in the run's tree, e.g. {@code plots/roc.svg}
     * @param file a regular file
     * @return what was recorded
     */
    ArtifactInfo logArtifact(String artifactPath, Path file);

    /** @param artifactPath relative path @param content the bytes @return what was recorded */
    ArtifactInfo logArtifact(String artifactPath, byte[] content);

    /**
     * @param artifactPath relative path
     * @param content read to the end, not closed
     * @return what was recorded
     */
    ArtifactInfo logArtifact(String artifactPath, InputStream content);

    /**
     * Logs every regular file under a directory, keeping relative paths, under {@code prefix}.
     *
     * @param directory the directory
     * @param prefix artifact path prefix, {@code ""} for the root of the run's tree
     * @return what was recorded, ordered by path
     */
    List<ArtifactInfo> logArtifacts(Path directory, String prefix);

    /**
     * Starts a nested run.
     *
     * @param runName the child's name
     * @return the child run
     */
    Run startChildRun(String runName);

    /**
     * Runs the body in a nested run, as {@link Experiment#run(String, RunBody)} does.
     *
     * @param runName the child's name
     * @param body what to do
     * @param <E> the body's checked exception
     * @return the child's id
     * @throws E what the body threw
     */
    <E extends Exception> String childRun(String runName, RunBody<E> body) throws E;

    /** Ends the run as FINISHED. */
    void finish();

    /**
     * Ends the run as FAILED, recording the cause's class and message as {@code mlops.error.*} tags.
     *
     * @param cause why it failed
     */
    void fail(Throwable cause);

    /**
     * Ends the run with the given status.
     *
     * @param status a terminal status
     */
    void end(RunStatus status);

    /**
     * Logs a last batch of params, metrics and tags and ends the run with the given status, in one durable, atomic
     * write (one commit instead of two on a durable store): e.g. a summary of the run together with its end.
     * Afterwards the run has ended with the batch, or, if it throws, neither happened.
     *
     * @param status a terminal status
     * @param last what to log with the end; may be empty
     */
    default void end(RunStatus status, LogBatch last) {
        log(last);
        end(status);
    }

    /** Ends the run as FINISHED if it is still RUNNING; otherwise does nothing. */
    @Override
    void close();
}
