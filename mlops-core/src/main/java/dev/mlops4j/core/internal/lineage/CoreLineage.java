package dev.mlops4j.core.internal.lineage;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.mlops4j.Experiment;
import dev.mlops4j.InvalidInputException;
import dev.mlops4j.NotFoundException;
import dev.mlops4j.Run;
import dev.mlops4j.Runs;
import dev.mlops4j.StoreException;
import dev.mlops4j.lineage.Artifact;
import dev.mlops4j.lineage.ChildRun;
import dev.mlops4j.lineage.ArtifactQuery;
import dev.mlops4j.lineage.ArtifactState;
import dev.mlops4j.lineage.Context;
import dev.mlops4j.lineage.Event;
import dev.mlops4j.lineage.EventType;
import dev.mlops4j.lineage.Execution;
import dev.mlops4j.lineage.ExecutionOutputs;
import dev.mlops4j.lineage.ExecutionQuery;
import dev.mlops4j.lineage.ExecutionRecord;
import dev.mlops4j.lineage.ExecutionState;
import dev.mlops4j.lineage.Lineage;
import dev.mlops4j.lineage.LineageGraph;
import dev.mlops4j.lineage.RetentionPolicy;
import dev.mlops4j.lineage.RetentionReport;
import dev.mlops4j.spi.ArtifactStore;
import dev.mlops4j.spi.FinishedRun;
import dev.mlops4j.spi.LineageStore;
import dev.mlops4j.spi.MetadataStore;
import dev.mlops4j.spi.RunArtifact;
import dev.mlops4j.tracking.Metric;
import dev.mlops4j.tracking.RunInfo;
import dev.mlops4j.tracking.RunRecord;
import dev.mlops4j.tracking.SystemTags;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Lineage} of a core Mlops instance: the store's {@link LineageStore} plus the artifact store, which it
 * needs to check that contents still exist and to delete them on retention. Thread-safe (both stores are).
 */
public final class CoreLineage implements Lineage {
    /** The uri scheme of contents in the artifact store: {@code runs:/<runId>/<path>}. */
    public static final String RUNS_SCHEME = "runs:/";
    /** The uri scheme of registered model versions: {@code models:/<name>/<version>}. */
    public static final String MODELS_SCHEME = "models:/";

    /** How long a cache-key lookup may be answered from memory; see {@link #executionsWithOutputs}. */
    public static final java.time.Duration LOOKUP_TTL = java.time.Duration.ofSeconds(30);

    /** The property of an execution that was abandoned RUNNING, saying why it was marked FAILED. */
    public static final String ABANDONED_PROPERTY = "abandoned";
    private static final Logger LOG = LoggerFactory.getLogger(CoreLineage.class);

    private final LineageStore store;
    private final MetadataStore runNames;
    private final ArtifactStore blobs;
    private final Runs runs;
    private final Clock clock;
    private final EndedRuns endedRuns;
    /**
     * Contexts are unique by type and name and never change or go away, so a context once seen is cached for good:
     * a pipeline run asks for its pipeline's and experiment's contexts every time.
     */
    private final Cache<String, Context> knownContexts = Caffeine.newBuilder().maximumSize(10_000).build();
    /**
     * Answers to cache-key lookups (a pipeline step asking "was this computed before?" on every run), by query. A
     * COMPLETE execution and its events never change, so an answer stays right until an execution with that key is
     * recorded or an artifact's state changes; this instance's own writes of either invalidate it at once, other
     * processes' writes are seen after {@link #LOOKUP_TTL}. The caller still checks that each output's content is
     * intact before reusing it, so a content deleted by another process is never reused.
     */
    private final Cache<ExecutionQuery, List<ExecutionOutputs>> lookups = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(LOOKUP_TTL).build();

    /**
     * @param store the lineage store
     * @param runNames the metadata store whose run artifacts name blobs (retention keeps what they name)
     * @param blobs the artifact store behind {@code runs:/} uris
     * @param runs reads run artifacts
     * @param clock time of retention
     * @param endedRuns makes the stored form of the runs a batch creates ended (checked, with system tags, user and
     *     owner)
     */
    public CoreLineage(LineageStore store, MetadataStore runNames, ArtifactStore blobs, Runs runs, Clock clock,
                       EndedRuns endedRuns) {
        this.store = Objects.requireNonNull(store, "store");
        this.runNames = Objects.requireNonNull(runNames, "runNames");
        this.blobs = Objects.requireNonNull(blobs, "blobs");
        this.runs = Objects.requireNonNull(runs, "runs");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.endedRuns = Objects.requireNonNull(endedRuns, "endedRuns");
    }

    @Override
    public void record(ExecutionRecord record) {
        try {
            store.recordExecution(record);
        } finally {
            forgetLookups(List.of(record));
        }
    }

    @Override
    public void update(ExecutionRecord update) {
        try {
            store.updateExecution(update);
        } finally {
            forgetLookups(List.of(update));
        }
    }

    /**
     * Drops the remembered lookups that these executions answer (same cache key, a state the lookup asks for), also
     * after a failed write, which may have landed. A cache hit's CACHED execution leaves lookups of COMPLETE ones be.
     */
    private void forgetLookups(List<ExecutionRecord> records) {
        Map<String, Set<ExecutionState>> written = new HashMap<>();
        for (ExecutionRecord r : records) {
            if (r != null && r.execution() != null && !r.execution().cacheKey().isEmpty()) {
                written.computeIfAbsent(r.execution().cacheKey(), k -> new HashSet<>()).add(r.execution().state());
            }
        }
        if (!written.isEmpty()) {
            lookups.asMap().keySet().removeIf(q -> {
                Set<ExecutionState> states = written.get(q.cacheKey());
                return states != null && (q.states().isEmpty() || states.stream().anyMatch(q.states()::contains));
            });
        }
    }

    @Override
    public void recordAll(Run parent, List<Context> contexts, List<ChildRun> runs, List<ExecutionRecord> records) {
        Objects.requireNonNull(contexts, "contexts");
        Objects.requireNonNull(runs, "runs");
        Objects.requireNonNull(records, "records");
        List<FinishedRun> finished = new ArrayList<>(runs.size());
        if (!runs.isEmpty()) {
            Objects.requireNonNull(parent, "parent (the child runs need one)");
            addChildren(finished, parent.experimentId(), parent.id(), runs);
        }
        write(contexts, finished, records);
    }

    @Override
    public void recordEndedRun(Experiment experiment, ChildRun run, List<Metric> metrics, List<Context> contexts,
                               List<ChildRun> children, List<ExecutionRecord> records) {
        Objects.requireNonNull(experiment, "experiment");
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(contexts, "contexts");
        Objects.requireNonNull(children, "children");
        Objects.requireNonNull(records, "records");
        List<FinishedRun> finished = new ArrayList<>(children.size() + 1);
        finished.add(endedRuns.top(experiment, run, metrics)); // first: the children name it as their parent
        addChildren(finished, experiment.id(), run.id(), children);
        write(contexts, finished, records);
    }

    private void addChildren(List<FinishedRun> into, String experimentId, String parentId, List<ChildRun> children) {
        for (ChildRun c : children) {
            into.add(endedRuns.child(experimentId, parentId, c));
        }
    }

    /** One batch to the store; the remembered lookups its executions change are dropped, even if it failed. */
    private void write(List<Context> contexts, List<FinishedRun> runs, List<ExecutionRecord> records) {
        try {
            store.recordAll(contexts, runs, records);
        } finally {
            forgetLookups(records);
        }
    }

    /** Makes the stored form of the runs a batch creates ended: checked, with system tags, user, source and owner. */
    public interface EndedRuns {
        /**
         * @param experimentId the experiment of the parent
         * @param parentId the parent's id (an existing run, or a run of the same batch)
         * @param child a child run, created ended
         * @return its stored form
         */
        FinishedRun child(String experimentId, String parentId, ChildRun child);

        /**
         * @param experiment its experiment
         * @param run a top-level run, created ended
         * @param metrics logged to it as it is created
         * @return its stored form
         */
        FinishedRun top(Experiment experiment, ChildRun run, List<Metric> metrics);
    }

    /**
     * Marks FAILED every RUNNING (or NEW) execution whose tracking run has ended: the process running its step died
     * (its run was then marked KILLED by orphan recovery) or it ended without recording the step's end. Executions
     * without a run, or whose run is still RUNNING, are left alone. Called after orphaned runs are recovered (on
     * open, by default), so an execution never stays RUNNING longer than the run of its step.
     *
     * @param runsById finds a tracking run by id
     * @return the ids of the executions marked FAILED
     */
    public List<String> failAbandonedExecutions(Function<String, Optional<RunRecord>> runsById) {
        List<String> failed = new ArrayList<>();
        for (Execution e : store.findExecutions(ExecutionQuery.all().withStates(ExecutionState.NEW,
                ExecutionState.RUNNING))) {
            if (e.runId().isEmpty()) {
                continue;
            }
            Optional<RunRecord> run = runsById.apply(e.runId());
            if (run.isEmpty() || !run.get().info().status().isTerminal()) {
                continue;
            }
            RunInfo info = run.get().info();
            String killed = run.get().tags().get(SystemTags.KILLED_REASON);
            String why = "its tracking run " + info.runId() + " ended " + info.status() + " while the execution was "
                    + e.state() + (killed == null ? "" : ": " + killed);
            Map<String, String> props = new HashMap<>(e.properties());
            props.put(ABANDONED_PROPERTY, why.length() > 1000 ? why.substring(0, 997) + "..." : why);
            Instant end = info.endTime().isBefore(e.startedAt()) ? e.startedAt() : info.endTime();
            try {
                store.updateExecution(new ExecutionRecord(new Execution(e.id(), e.type(), ExecutionState.FAILED,
                        e.cacheKey(), e.runId(), e.startedAt(), end, props), List.of(), List.of(), List.of()));
                failed.add(e.id());
            } catch (dev.mlops4j.ConflictException raced) {
                LOG.debug("execution {} ended while it was being marked abandoned: {}", e.id(), raced.getMessage());
            }
        }
        if (!failed.isEmpty()) {
            LOG.warn("marked {} execution(s) FAILED whose tracking runs had ended while they were RUNNING: {}",
                    failed.size(), failed);
        }
        return List.copyOf(failed);
    }

    @Override
    public Context context(String type, String name) {
        Context known = knownContexts.getIfPresent(contextKey(type, name));
        if (known != null) {
            return known;
        }
        Context c = store.findContext(type, name).orElseGet(() -> store.putContext(Context.create(type, name,
                clock.instant())));
        knownContexts.put(contextKey(type, name), c);
        return c;
    }

    @Override
    public Optional<Context> findContext(String type, String name) {
        Context known = knownContexts.getIfPresent(contextKey(type, name));
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Context> found = store.findContext(type, name);
        found.ifPresent(c -> knownContexts.put(contextKey(type, name), c));
        return found;
    }

    private static String contextKey(String type, String name) {
        return Objects.requireNonNull(type, "type") + '\u0000' + Objects.requireNonNull(name, "name");
    }

    @Override
    public Optional<Artifact> artifact(String id) {
        return store.findArtifact(id);
    }

    @Override
    public List<Artifact> artifacts(ArtifactQuery query) {
        return store.findArtifacts(query);
    }

    @Override
    public Optional<Execution> execution(String id) {
        return store.findExecution(id);
    }

    @Override
    public List<Execution> executions(ExecutionQuery query) {
        return store.findExecutions(query);
    }

    @Override
    public List<ExecutionOutputs> executionsWithOutputs(ExecutionQuery query) {
        Objects.requireNonNull(query, "query");
        if (query.cacheKey() == null || query.contextId() != null) {
            return store.findExecutionsWithOutputs(query);
        }
        // Remembered (see lookups): a fully cached pipeline re-run asks this once per step.
        return lookups.get(query, store::findExecutionsWithOutputs);
    }

    @Override
    public List<Event> eventsOfExecution(String executionId) {
        return store.eventsOfExecution(executionId);
    }

    @Override
    public List<Event> eventsOfArtifact(String artifactId) {
        return store.eventsOfArtifact(artifactId);
    }

    @Override
    public List<Context> contextsOf(String executionId) {
        return store.contextsOfExecution(executionId);
    }

    @Override
    public boolean isIntact(Artifact artifact) {
        Objects.requireNonNull(artifact, "artifact");
        if (artifact.state() != ArtifactState.LIVE) {
            return false;
        }
        String uri = artifact.uri();
        if (uri.startsWith(RUNS_SCHEME)) {
            // Content-addressed: the blob of that hash is the content, and the store verifies it on every read.
            return blobs.contains(artifact.fingerprint());
        }
        if (uri.startsWith("file:")) {
            Path file = fileOf(artifact);
            if (!Files.isRegularFile(file)) {
                return false;
            }
            try {
                if (artifact.size() >= 0 && Files.size(file) != artifact.size()) {
                    return false;
                }
                return sha256(file).equals(artifact.fingerprint());
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    @Override
    public InputStream open(Artifact artifact) {
        Objects.requireNonNull(artifact, "artifact");
        if (artifact.state() == ArtifactState.DELETED) {
            throw new NotFoundException("artifact " + artifact + " was deleted by retention; re-run the step that"
                    + " produced it");
        }
        String uri = artifact.uri();
        if (uri.startsWith(RUNS_SCHEME)) {
            String rest = uri.substring(RUNS_SCHEME.length());
            int slash = rest.indexOf('/');
            if (slash <= 0) {
                throw new InvalidInputException("artifact uri '" + uri + "' is not runs:/<runId>/<path>");
            }
            return runs.openArtifact(rest.substring(0, slash), rest.substring(slash + 1));
        }
        if (uri.startsWith("file:")) {
            try {
                return Files.newInputStream(fileOf(artifact));
            } catch (IOException e) {
                throw new NotFoundException("the file behind artifact " + artifact + " cannot be read: " + e);
            }
        }
        throw new InvalidInputException("artifact " + artifact + " has no content to read: only runs:/ and file:"
                + " uris have one");
    }

    private static Path fileOf(Artifact artifact) {
        try {
            return Path.of(URI.create(artifact.uri()));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("artifact uri '" + artifact.uri() + "' is not a valid file uri: "
                    + e.getMessage());
        }
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM provides no SHA-256", e);
        }
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    @Override
    public LineageGraph upstream(String artifactId) {
        return walk(artifactId, LineageGraph.Direction.UPSTREAM);
    }

    @Override
    public LineageGraph downstream(String artifactId) {
        return walk(artifactId, LineageGraph.Direction.DOWNSTREAM);
    }

    @Override
    public LineageGraph upstreamOfModel(String modelName, int version) {
        Objects.requireNonNull(modelName, "modelName");
        String uri = MODELS_SCHEME + modelName + "/" + version;
        List<Artifact> found = store.findArtifacts(ArtifactQuery.all().withUri(uri));
        if (found.isEmpty()) {
            throw new NotFoundException("no lineage artifact records model version " + uri + "; versions registered"
                    + " by a pipeline's register step are recorded, versions registered directly are not");
        }
        return upstream(found.get(found.size() - 1).id());
    }

    private LineageGraph walk(String artifactId, LineageGraph.Direction direction) {
        Objects.requireNonNull(artifactId, "artifactId");
        Artifact root = store.findArtifact(artifactId).orElseThrow(() -> new NotFoundException("no lineage"
                + " artifact has id " + artifactId));
        EventType toExecution = direction == LineageGraph.Direction.UPSTREAM ? EventType.OUTPUT : EventType.INPUT;
        EventType toArtifact = direction == LineageGraph.Direction.UPSTREAM ? EventType.INPUT : EventType.OUTPUT;
        Map<String, Artifact> artifacts = new HashMap<>();
        Map<String, Execution> executions = new HashMap<>();
        List<Event> events = new ArrayList<>();
        Deque<Artifact> queue = new ArrayDeque<>();
        artifacts.put(root.id(), root);
        queue.add(root);
        while (!queue.isEmpty()) {
            Artifact current = queue.poll();
            for (Event link : store.eventsOfArtifact(current.id())) {
                if (link.type() != toExecution) {
                    continue;
                }
                events.add(link);
                if (executions.containsKey(link.executionId())) {
                    continue;
                }
                Execution execution = store.findExecution(link.executionId()).orElseThrow(() -> new StoreException(
                        "lineage is inconsistent: event names missing execution " + link.executionId()));
                executions.put(execution.id(), execution);
                for (Event edge : store.eventsOfExecution(execution.id())) {
                    if (edge.type() != toArtifact) {
                        continue;
                    }
                    events.add(edge);
                    if (!artifacts.containsKey(edge.artifactId())) {
                        Artifact next = store.findArtifact(edge.artifactId()).orElseThrow(() -> new StoreException(
                                "lineage is inconsistent: event names missing artifact " + edge.artifactId()));
                        artifacts.put(next.id(), next);
                        queue.add(next);
                    }
                }
            }
        }
        return new LineageGraph(root, direction, artifacts, executions, events.stream().distinct().toList());
    }

    @Override
    public RetentionReport collectGarbage(RetentionPolicy policy) {
        Objects.requireNonNull(policy, "policy");
        Instant now = clock.instant();
        List<Artifact> candidates = store.findArtifacts(ArtifactQuery.all().withState(ArtifactState.LIVE)
                .withCreatedBefore(now.minus(policy.maxAge())));
        Set<String> keep = new HashSet<>();
        for (String id : policy.protectedArtifactIds()) {
            keep.addAll(upstream(id).artifacts().keySet());
        }
        List<Artifact> delete = new ArrayList<>();
        List<Artifact> kept = new ArrayList<>();
        for (Artifact a : candidates) {
            if (a.uri().startsWith(MODELS_SCHEME)) {
                continue; // a registry entry, not content: the registry's own statuses govern it
            }
            (keep.contains(a.id()) ? kept : delete).add(a);
        }
        Map<String, List<Artifact>> byContent = new LinkedHashMap<>();
        delete.stream().filter(a -> a.uri().startsWith(RUNS_SCHEME))
                .forEach(a -> byContent.computeIfAbsent(a.fingerprint(), k -> new ArrayList<>()).add(a));
        if (policy.dryRun() || delete.isEmpty()) {
            Set<String> deleting = new HashSet<>(delete.stream().map(Artifact::id).toList());
            return new RetentionReport(delete, kept, keptContents(byContent, deleting), 0, 0, policy.dryRun());
        }
        // Records first, contents second: a crash in between leaves unreferenced contents, never a LIVE record
        // pointing at nothing. Whether a content is still named is decided after the marking, so that a LIVE artifact
        // recorded meanwhile with the same content keeps it.
        try {
            store.markArtifactsDeleted(delete.stream().map(Artifact::id).toList(), now);
        } finally {
            lookups.invalidateAll(); // remembered outputs may name these artifacts as LIVE
        }
        List<RetentionReport.KeptContent> keptContents = keptContents(byContent, Set.of());
        Set<String> stays = new HashSet<>(keptContents.stream().map(RetentionReport.KeptContent::fingerprint).toList());
        int blobsDeleted = 0;
        for (String fingerprint : byContent.keySet()) {
            if (!stays.contains(fingerprint) && blobs.delete(fingerprint)) {
                blobsDeleted++;
            }
        }
        int filesDeleted = policy.deleteFiles() ? deleteFiles(delete) : 0;
        return new RetentionReport(delete, kept, keptContents, blobsDeleted, filesDeleted, false);
    }

    private static int deleteFiles(List<Artifact> delete) {
        int filesDeleted = 0;
        Set<String> seen = new HashSet<>();
        for (Artifact a : delete) {
            if (!a.uri().startsWith("file:") || !seen.add(a.uri() + '\u0000' + a.fingerprint())) {
                continue;
            }
            Path file = fileOf(a);
            try {
                if (Files.isRegularFile(file) && sha256(file).equals(a.fingerprint()) && Files.deleteIfExists(file)) {
                    filesDeleted++;
                }
            } catch (IOException e) {
                throw new StoreException("cannot delete " + file + " behind artifact " + a + ": " + e, e);
            }
        }
        return filesDeleted;
    }

    /**
     * Which contents of the artifacts being deleted must stay, and why: another LIVE lineage artifact has the same
     * content, or a run names it outside lineage (every lineage artifact's own content is a name in the run that
     * produced it, {@code runs:/<run>/<path>}; those names do not count, any other does).
     *
     * @param byContent the deleted {@code runs:/} artifacts by content fingerprint
     * @param deleting ids about to be deleted (a dry run has not marked them), not counted as LIVE
     */
    private List<RetentionReport.KeptContent> keptContents(Map<String, List<Artifact>> byContent,
                                                           Set<String> deleting) {
        List<RetentionReport.KeptContent> result = new ArrayList<>();
        List<String> unshared = new ArrayList<>();
        for (Map.Entry<String, List<Artifact>> blob : byContent.entrySet()) {
            Optional<Artifact> live = store.findArtifacts(ArtifactQuery.all().withFingerprint(blob.getKey())
                    .withState(ArtifactState.LIVE)).stream()
                    // a file: artifact with the same bytes has its own copy and does not need the blob
                    .filter(a -> a.uri().startsWith(RUNS_SCHEME) && !deleting.contains(a.id())).findFirst();
            if (live.isPresent()) {
                result.add(kept(blob, "LIVE lineage artifact " + live.get().id() + " (" + live.get().uri()
                        + ") has the same content"));
            } else {
                unshared.add(blob.getKey());
            }
        }
        if (unshared.isEmpty()) {
            return result;
        }
        Map<String, List<RunArtifact>> names = new HashMap<>();
        for (RunArtifact name : runNames.findArtifactsByHash(unshared)) {
            names.computeIfAbsent(name.artifact().sha256(), k -> new ArrayList<>()).add(name);
        }
        for (String fingerprint : unshared) {
            Set<String> ownContent = new HashSet<>(store.findArtifacts(ArtifactQuery.all().withFingerprint(fingerprint))
                    .stream().map(Artifact::uri).toList());
            List<RunArtifact> others = names.getOrDefault(fingerprint, List.of()).stream()
                    .filter(n -> !ownContent.contains(n.uri())).toList();
            if (!others.isEmpty()) {
                RunArtifact first = others.get(0);
                result.add(kept(Map.entry(fingerprint, byContent.get(fingerprint)), "run " + first.runId()
                        + " names it as artifact '" + first.artifact().path() + "'"
                        + (others.size() == 1 ? "" : " (and " + (others.size() - 1) + " more run artifacts)")));
            }
        }
        return result;
    }

    private static RetentionReport.KeptContent kept(Map.Entry<String, List<Artifact>> blob, String reason) {
        return new RetentionReport.KeptContent(blob.getKey(), blob.getValue().stream().map(Artifact::id).toList(),
                reason);
    }
}
