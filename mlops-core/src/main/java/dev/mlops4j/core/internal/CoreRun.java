package dev.mlops4j.core.internal;

import dev.mlops4j.IllegalRunStateException;
import dev.mlops4j.InvalidInputException;
import dev.mlops4j.NotFoundException;
import dev.mlops4j.Run;
import dev.mlops4j.RunBody;
import dev.mlops4j.RunFunction;
import dev.mlops4j.spi.BlobInfo;
import dev.mlops4j.tracking.ArtifactInfo;
import dev.mlops4j.tracking.Limits;
import dev.mlops4j.tracking.LogBatch;
import dev.mlops4j.tracking.Metric;
import dev.mlops4j.tracking.RunInfo;
import dev.mlops4j.tracking.RunRecord;
import dev.mlops4j.tracking.RunStatus;
import dev.mlops4j.tracking.SystemTags;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * An open run. Every write is checked completely (keys, values, limits, reserved tags) before it reaches the store,
 * and a run known to have ended refuses writes without asking the store. Thread-safe: the only mutable state is the
 * status this handle knows the run ended with.
 *
 * <p>{@link #logParams} and {@link #logMetrics} are one atomic batch each, so maps larger than a batch allows
 * ({@link Limits#MAX_PARAMS_TAGS_PER_BATCH} params, {@link Limits#MAX_METRICS_PER_BATCH} metrics) are rejected
 * rather than silently split into several writes that could half-succeed.
 */
final class CoreRun implements Run {
    private final CoreMlops mlops;
    private final RunInfo started;
    /** The terminal status this handle knows of; null while the run is believed RUNNING. */
    private volatile RunStatus endedAs;

    CoreRun(CoreMlops mlops, RunInfo started) {
        this.mlops = mlops;
        this.started = started;
    }

    @Override
    public String id() {
        return started.runId();
    }

    @Override
    public String name() {
        return started.runName();
    }

    @Override
    public String experimentId() {
        return started.experimentId();
    }

    @Override
    public RunInfo info() {
        mlops.ensureOpen();
        return mlops.store().findRunInfo(id()).orElseThrow(this::vanished);
    }

    @Override
    public RunRecord record() {
        return mlops.runs().get(id());
    }

    @Override
    public RunStatus status() {
        return info().status();
    }

    // ---------------------------------------------------------------- params

    @Override
    public Run logParam(String key, String value) {
        Checks.param(key, value);
        return write(new LogBatch(Map.of(key, value), List.of(), Map.of()));
    }

    @Override
    public Run logParam(String key, long value) {
        return logParam(key, Long.toString(value));
    }

    @Override
    public Run logParam(String key, double value) {
        return logParam(key, Double.toString(value));
    }

    @Override
    public Run logParam(String key, boolean value) {
        return logParam(key, Boolean.toString(value));
    }

    @Override
    public Run logParams(Map<String, ?> params) {
        Objects.requireNonNull(params, "params");
        if (params.size() > Limits.MAX_PARAMS_TAGS_PER_BATCH) {
            throw new InvalidInputException("logParams got " + params.size() + " params; one atomic write holds at most "
                    + Limits.MAX_PARAMS_TAGS_PER_BATCH + ". Split the map and call logParams for each part");
        }
        Map<String, String> values = new LinkedHashMap<>();
        params.forEach((key, value) -> {
            if (value == null) {
                throw new InvalidInputException("value of param '" + key + "' must not be null");
            }
            String text = String.valueOf(value);
            Checks.param(key, text);
            values.put(key, text);
        });
        return write(new LogBatch(values, List.of(), Map.of()));
    }

    // ---------------------------------------------------------------- metrics

    @Override
    public Run logMetric(String key, double value) {
        return logMetric(key, value, 0);
    }

    @Override
    public Run logMetric(String key, double value, long step) {
        Limits.checkKey("metric", key);
        return write(new LogBatch(Map.of(), List.of(new Metric(key, value, step, mlops.now())), Map.of()));
    }

    @Override
    public Run logMetrics(Map<String, ? extends Number> metrics, long step) {
        Objects.requireNonNull(metrics, "metrics");
        if (metrics.size() > Limits.MAX_METRICS_PER_BATCH) {
            throw new InvalidInputException("logMetrics got " + metrics.size() + " metrics; one atomic write holds at"
                    + " most " + Limits.MAX_METRICS_PER_BATCH + ". Split the map and call logMetrics for each part");
        }
        Instant now = mlops.now();
        List<Metric> points = new ArrayList<>(metrics.size());
        metrics.forEach((key, value) -> {
            Limits.checkKey("metric", key);
            if (value == null) {
                throw new InvalidInputException("value of metric '" + key + "' must not be null");
            }
            points.add(new Metric(key, value.doubleValue(), step, now));
        });
        return write(new LogBatch(Map.of(), points, Map.of()));
    }

    @Override
    public Run log(LogBatch batch) {
        Objects.requireNonNull(batch, "batch");
        checkBatch(batch);
        return write(batch);
    }

    private static void checkBatch(LogBatch batch) {
        batch.params().forEach(Checks::param);
        batch.metrics().forEach(m -> Limits.checkKey("metric", m.key()));
        batch.tags().forEach(Checks::userTag);
        Limits.checkBatchSize(batch);
    }

    // ---------------------------------------------------------------- tags

    @Override
    public Run setTag(String key, String value) {
        Checks.userTag(key, value);
        return write(new LogBatch(Map.of(), List.of(), Map.of(key, value)));
    }

    @Override
    public Run deleteTag(String key) {
        Checks.userTagKey(key);
        beforeWrite();
        storeWrite(() -> mlops.store().deleteTag(id(), key));
        return this;
    }

    // ---------------------------------------------------------------- artifacts

    @Override
    public ArtifactInfo logArtifact(Path file) {
        Objects.requireNonNull(file, "file");
        Path name = file.getFileName();
        if (name == null) {
            throw new InvalidInputException("'" + file + "' names no file; give the path of a regular file");
        }
        return logArtifact(name.toString(), file);
    }

    @Override
    public ArtifactInfo logArtifact(String artifactPath, Path file) {
        Objects.requireNonNull(file, "file");
        String path = Limits.checkArtifactPath(artifactPath);
        beforeWrite();
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("'" + file + "' is not a regular file; logArtifact logs files (use"
                    + " logArtifacts for a directory)");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return storeArtifact(path, in);
        } catch (IOException e) {
            throw new InvalidInputException("cannot read '" + file + "' to log it as artifact '" + path + "': " + e, e);
        }
    }

    @Override
    public ArtifactInfo logArtifact(String artifactPath, byte[] content) {
        Objects.requireNonNull(content, "content");
        String path = Limits.checkArtifactPath(artifactPath);
        beforeWrite();
        return storeArtifact(path, new ByteArrayInputStream(content));
    }

    @Override
    public ArtifactInfo logArtifact(String artifactPath, InputStream content) {
        Objects.requireNonNull(content, "content");
        String path = Limits.checkArtifactPath(artifactPath);
        beforeWrite();
        return storeArtifact(path, content);
    }

    @Override
    public List<ArtifactInfo> logArtifacts(Path directory, String prefix) {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(prefix, "prefix");
        String base = prefix.isEmpty() ? "" : Limits.checkArtifactPath(prefix) + "/";
        beforeWrite();
        if (!Files.isDirectory(directory)) {
            throw new InvalidInputException("'" + directory + "' is not a directory; use logArtifact for a file");
        }
        // Every name is checked before the first blob is written, so a bad file name stops the call early.
        Map<String, Path> files = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(directory)) {
            // Files.walk does not follow symbolic links, and links to files are skipped too: a link could expose
            // a file outside the directory the caller meant to log.
            List<Path> regular = walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .sorted(Comparator.comparing(p -> relativeName(directory, p))).toList();
            for (Path file : regular) {
                files.put(Limits.checkArtifactPath(base + relativeName(directory, file)), file);
            }
        } catch (IOException e) {
            throw new InvalidInputException("cannot list the files under '" + directory + "': " + e, e);
        }
        List<ArtifactInfo> logged = new ArrayList<>(files.size());
        for (Map.Entry<String, Path> f : files.entrySet()) {
            try (InputStream in = Files.newInputStream(f.getValue())) {
                logged.add(storeArtifact(f.getKey(), in));
            } catch (IOException e) {
                throw new InvalidInputException("cannot read '" + f.getValue() + "' to log it as artifact '"
                        + f.getKey() + "': " + e + (logged.isEmpty() ? "" : "; the " + logged.size()
                        + " artifacts before it were logged"), e);
            }
        }
        logged.sort(Comparator.comparing(ArtifactInfo::path));
        return List.copyOf(logged);
    }

    private static String relativeName(Path root, Path file) {
        StringBuilder sb = new StringBuilder();
        for (Path part : root.relativize(file)) {
            if (sb.length() > 0) {
                sb.append('/');
            }
            sb.append(part);
        }
        return sb.toString();
    }

    private ArtifactInfo storeArtifact(String path, InputStream content) {
        // The blob goes first: the name must never point at content that is not there. If the run ends meanwhile,
        // the blob stays unreferenced, which costs space but no correctness.
        BlobInfo blob = mlops.artifacts().put(content);
        ArtifactInfo artifact = new ArtifactInfo(path, blob.sha256(), blob.size(), mlops.now());
        storeWrite(() -> mlops.store().putArtifact(id(), artifact));
        return artifact;
    }

    // ---------------------------------------------------------------- nested runs

    @Override
    public Run startChildRun(String runName) {
        mlops.ensureOpen();
        return new CoreRunStarter(mlops, experimentId()).name(runName).parent(id()).start();
    }

    @Override
    public <E extends Exception> String childRun(String runName, RunBody<E> body) throws E {
        Objects.requireNonNull(body, "body");
        CoreRun child = (CoreRun) startChildRun(runName);
        child.execute(r -> {
            body.accept(r);
            return null;
        });
        return child.id();
    }

    /**
     * Runs a body in this run: FINISHED when it returns, FAILED with the error tags when it throws, and then the
     * original exception is rethrown unchanged (a failure to mark the run is added to it as suppressed).
     */
    <T, E extends Exception> T execute(RunFunction<T, E> body) throws E {
        T result;
        try {
            result = body.apply(this);
        } catch (Throwable t) {
            if (endedAs == null && !mlops.isClosed()) {
                try {
                    fail(t);
                } catch (RuntimeException markFailure) {
                    t.addSuppressed(markFailure);
                }
            }
            throw t;
        }
        close();
        return result;
    }

    // ---------------------------------------------------------------- ending

    @Override
    public void finish() {
        end(RunStatus.FINISHED);
    }

    @Override
    public void fail(Throwable cause) {
        Objects.requireNonNull(cause, "cause");
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put(SystemTags.ERROR_CLASS, Checks.truncate(cause.getClass().getName(), Limits.MAX_TAG_VALUE_LENGTH));
        String message = cause.getMessage() == null ? "" : cause.getMessage();
        tags.put(SystemTags.ERROR_MESSAGE, Checks.truncate(message, Limits.MAX_TAG_VALUE_LENGTH));
        endWith(RunStatus.FAILED, tags);
    }

    @Override
    public void end(RunStatus status) {
        Objects.requireNonNull(status, "status");
        if (!status.isTerminal()) {
            throw new InvalidInputException("a run cannot be ended with status RUNNING; use FINISHED, FAILED or KILLED");
        }
        endWith(status, Map.of());
    }

    @Override
    public void end(RunStatus status, LogBatch last) {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(last, "last");
        if (!status.isTerminal()) {
            throw new InvalidInputException("a run cannot be ended with status RUNNING; use FINISHED, FAILED or KILLED");
        }
        checkBatch(last);
        beforeWrite();
        RunInfo ended = storeCall(() -> mlops.store().logAndEndRun(id(), last, status, mlops.now(), Map.of()));
        endedAs = ended.status();
    }

    /** Finishes the run if it is still RUNNING; does nothing if it has ended or its Mlops instance is closed. */
    @Override
    public void close() {
        if (endedAs != null || mlops.isClosed()) {
            return;
        }
        try {
            endWith(RunStatus.FINISHED, Map.of());
        } catch (IllegalRunStateException alreadyEnded) {
            // Ended through another handle or by orphan recovery: nothing left to do, as close() promises.
        }
    }

    private void endWith(RunStatus status, Map<String, String> tags) {
        beforeWrite();
        RunInfo ended = storeCall(() -> mlops.store().endRun(id(), status, mlops.now(), tags));
        endedAs = ended.status();
    }

    // ---------------------------------------------------------------- writing

    private Run write(LogBatch batch) {
        beforeWrite();
        if (!batch.isEmpty()) {
            storeWrite(() -> mlops.store().logBatch(id(), batch));
        }
        return this;
    }

    private void beforeWrite() {
        mlops.ensureOpen();
        RunStatus ended = endedAs;
        if (ended != null) {
            throw new IllegalRunStateException("run " + id() + describeName() + " has ended (" + ended
                    + ") and accepts no more params, metrics, tags or artifacts; start a new run to log more");
        }
    }

    private void storeWrite(Runnable write) {
        storeCall(() -> {
            write.run();
            return null;
        });
    }

    private <T> T storeCall(Supplier<T> write) {
        try {
            return write.get();
        } catch (IllegalRunStateException e) {
            // Ended elsewhere (another handle, orphan recovery): remember it, so later writes fail fast.
            endedAs = mlops.store().findRunInfo(id()).map(RunInfo::status).filter(RunStatus::isTerminal)
                    .orElse(RunStatus.KILLED);
            throw e;
        }
    }

    private String describeName() {
        return started.runName().isEmpty() ? "" : " ('" + started.runName() + "')";
    }

    private NotFoundException vanished() {
        return new NotFoundException("run " + id() + " no longer exists in " + mlops.store().description());
    }

    @Override
    public String toString() {
        return "Run[" + id() + describeName() + ", experiment " + experimentId()
                + (endedAs == null ? "" : ", " + endedAs) + "]";
    }
}
