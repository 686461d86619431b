package dev.mlops4j.core.memory;

import dev.mlops4j.ConflictException;
import dev.mlops4j.IllegalRunStateException;
import dev.mlops4j.InvalidInputException;
import dev.mlops4j.NotFoundException;
import dev.mlops4j.StoreException;
import dev.mlops4j.core.internal.search.RunMatcher;
import dev.mlops4j.core.internal.search.RunOrdering;
import dev.mlops4j.search.SearchRequest;
import dev.mlops4j.spi.FinishedRun;
import dev.mlops4j.spi.MetadataStore;
import dev.mlops4j.spi.OwnerInfo;
import dev.mlops4j.spi.PageTokens;
import dev.mlops4j.spi.RegistryStore;
import dev.mlops4j.spi.RunArtifact;
import dev.mlops4j.spi.StoreFeature;
import dev.mlops4j.tracking.ArtifactInfo;
import dev.mlops4j.tracking.ExperimentInfo;
import dev.mlops4j.tracking.LogBatch;
import dev.mlops4j.tracking.Metric;
import dev.mlops4j.tracking.MetricPage;
import dev.mlops4j.tracking.RunInfo;
import dev.mlops4j.tracking.RunPage;
import dev.mlops4j.tracking.RunRecord;
import dev.mlops4j.tracking.RunStatus;
import dev.mlops4j.tracking.SystemTags;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Predicate;

/**
 * A {@link MetadataStore} on the heap, with the model registry's {@link RegistryStore}. Implements the whole store
 * contract (typed failures, immutable params, atomic batches, exact NaN and infinities, the shared search semantics
 * and paging, dense version numbers, compare-and-set alias moves and audited changes) except durability: nothing
 * survives {@link #close()} or the end of the JVM, so it declares no {@link StoreFeature}.
 *
 * <p>Thread-safe: one read-write lock guards all state, so every method is atomic and sees a consistent store;
 * each write method validates everything before it changes anything. Searches filter and sort snapshots
 * outside the lock. Usually obtained through {@code Mlops.inMemory()}; it may also be created directly and
 * passed to {@code Mlops.builder().metadataStore(...)}, which lets several {@code Mlops} instances share it.
 */
public final class InMemoryMetadataStore implements MetadataStore {
    private static final AtomicLong INSTANCES = new AtomicLong();
    private static final Comparator<RunInfo> OLDEST_FIRST =
            Comparator.comparing(RunInfo::startTime).thenComparing(RunInfo::runId);

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Lock read = lock.readLock();
    private final Lock write = lock.writeLock();
    private final String name = "in-memory store #" + INSTANCES.incrementAndGet();

    private final Map<String, ExperimentInfo> experiments = new HashMap<>();
    private final Map<String, String> experimentIdsByName = new HashMap<>();
    private long lastExperimentId;
    /** Insertion-ordered so that iteration, and with it every result, is deterministic. */
    private final Map<String, RunState> runs = new LinkedHashMap<>();
    private final Map<String, OwnerInfo> owners = new LinkedHashMap<>();
    private final InMemoryRegistryStore registry = new InMemoryRegistryStore(this);
    private final InMemoryLineageStore lineage = new InMemoryLineageStore(this);
    private volatile boolean closed;

    /** Creates an empty store. */
    public InMemoryMetadataStore() {
    }

    @Override
    public String description() {
        return name + " (nothing is persisted)";
    }

    /** @return no features: the store is neither durable nor shared between processes, and searches by scanning */
    @Override
    public Set<StoreFeature> features() {
        return Set.of();
    }

    // ---------------------------------------------------------------- experiments

    @Override
    public ExperimentInfo getOrCreateExperiment(String name, Instant now) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(now, "now");
        write.lock();
        try {
            ensureOpen();
            String id = experimentIdsByName.get(name);
            if (id != null) {
                return experiments.get(id);
            }
            id = Long.toString(++lastExperimentId);
            ExperimentInfo info = new ExperimentInfo(id, name, "", Map.of(), now);
            experiments.put(id, info);
            experimentIdsByName.put(name, id);
            return info;
        } finally {
            write.unlock();
        }
    }

    @Override
    public Optional<ExperimentInfo> findExperimentByName(String name) {
        Objects.requireNonNull(name, "name");
        read.lock();
        try {
            ensureOpen();
            String id = experimentIdsByName.get(name);
            return id == null ? Optional.empty() : Optional.of(experiments.get(id));
        } finally {
            read.unlock();
        }
    }

    @Override
    public Optional<ExperimentInfo> findExperiment(String experimentId) {
        Objects.requireNonNull(experimentId, "experimentId");
        read.lock();
        try {
            ensureOpen();
            return Optional.ofNullable(experiments.get(experimentId));
        } finally {
            read.unlock();
        }
    }

    @Override
    public List<ExperimentInfo> listExperiments() {
        read.lock();
        try {
            ensureOpen();
            List<ExperimentInfo> all = new ArrayList<>(experiments.values());
            all.sort(Comparator.comparing(ExperimentInfo::name));
            return List.copyOf(all);
        } finally {
            read.unlock();
        }
    }

    @Override
    public void setExperimentTag(String experimentId, String key, String value) {
        Objects.requireNonNull(experimentId, "experimentId");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        write.lock();
        try {
            ensureOpen();
            ExperimentInfo e = experiment(experimentId);
            Map<String, String> tags = new HashMap<>(e.tags());
            tags.put(key, value);
            experiments.put(experimentId, new ExperimentInfo(e.id(), e.name(), e.description(), tags, e.createdAt()));
        } finally {
            write.unlock();
        }
    }

    @Override
    public void setExperimentDescription(String experimentId, String description) {
        Objects.requireNonNull(experimentId, "experimentId");
        Objects.requireNonNull(description, "description");
        write.lock();
        try {
            ensureOpen();
            ExperimentInfo e = experiment(experimentId);
            experiments.put(experimentId, new ExperimentInfo(e.id(), e.name(), description, e.tags(), e.createdAt()));
        } finally {
            write.unlock();
        }
    }

    // ---------------------------------------------------------------- runs

    @Override
    public void createRun(RunInfo run, Map<String, String> tags) {
        Objects.requireNonNull(run, "run");
        Map<String, String> initialTags = Map.copyOf(Objects.requireNonNull(tags, "tags"));
        write.lock();
        try {
            ensureOpen();
            experiment(run.experimentId());
            if (run.status() != RunStatus.RUNNING) {
                throw new InvalidInputException("run " + run.runId() + " must be created RUNNING, not " + run.status());
            }
            if (run.parentRunId() != null && !runs.containsKey(run.parentRunId())) {
                throw new NotFoundException("parent run " + run.parentRunId() + " of new run " + run.runId()
                        + " does not exist in " + name);
            }
            if (runs.containsKey(run.runId())) {
                throw new ConflictException("a run with id " + run.runId() + " already exists; run ids must be unique");
            }
            RunState state = new RunState(run);
            state.tags.putAll(initialTags);
            runs.put(run.runId(), state);
        } finally {
            write.unlock();
        }
    }

    /**
     * Creates ended runs and runs a lineage write under this store's write lock, so that both happen or neither: the
     * runs are checked first, then the lineage write (which checks everything before it changes anything) runs, and
     * only then are the runs added, which cannot fail.
     *
     * @param finished runs to create ended, in order (a parent may be an earlier run of the list)
     * @param lineageWrite the lineage part; if it throws, no run is created
     */
    void createFinishedRuns(List<FinishedRun> finished, Runnable lineageWrite) {
        write.lock();
        try {
            ensureOpen();
            Set<String> batch = new HashSet<>();
            for (FinishedRun f : finished) {
                RunInfo run = f.run();
                experiment(run.experimentId());
                if (run.parentRunId() != null && !runs.containsKey(run.parentRunId())
                        && !batch.contains(run.parentRunId())) {
                    throw new NotFoundException("parent run " + run.parentRunId() + " of new run " + run.runId()
                            + " does not exist in " + name);
                }
                if (runs.containsKey(run.runId()) || !batch.add(run.runId())) {
                    throw new ConflictException("a run with id " + run.runId() + " already exists; run ids must be"
                            + " unique");
                }
            }
            lineageWrite.run();
            for (FinishedRun f : finished) {
                RunState state = new RunState(f.run());
                state.tags.putAll(f.tags());
                for (Metric m : f.metrics()) {
                    state.addMetric(m);
                }
                runs.put(f.run().runId(), state);
            }
        } finally {
            write.unlock();
        }
    }

    @Override
    public Optional<RunInfo> findRunInfo(String runId) {
        Objects.requireNonNull(runId, "runId");
        read.lock();
        try {
            ensureOpen();
            RunState state = runs.get(runId);
            return state == null ? Optional.empty() : Optional.of(state.info);
        } finally {
            read.unlock();
        }
    }

    @Override
    public Optional<RunRecord> findRun(String runId) {
        Objects.requireNonNull(runId, "runId");
        read.lock();
        try {
            ensureOpen();
            RunState state = runs.get(runId);
            return state == null ? Optional.empty() : Optional.of(state.record());
        } finally {
            read.unlock();
        }
    }

    @Override
    public RunInfo endRun(String runId, RunStatus status, Instant endTime, Map<String, String> tags) {
        Map<String, String> endTags = checkedEnd(runId, status, endTime, tags);
        write.lock();
        try {
            ensureOpen();
            RunState state = writableRun(runId);
            state.info = state.info.ended(status, endTime);
            state.tags.putAll(endTags);
            state.changed();
            return state.info;
        } finally {
            write.unlock();
        }
    }

    @Override
    public RunInfo logAndEndRun(String runId, LogBatch batch, RunStatus status, Instant endTime,
                                Map<String, String> tags) {
        Objects.requireNonNull(batch, "batch");
        Map<String, String> endTags = checkedEnd(runId, status, endTime, tags);
        // The write lock is reentrant: held across both, no reader sees the batch without the end. The end cannot
        // fail once the batch was applied (same run, checked writable, status checked above).
        write.lock();
        try {
            logBatch(runId, batch);
            return endRun(runId, status, endTime, endTags);
        } finally {
            write.unlock();
        }
    }

    /** Checks the arguments of an end before anything changes. @return the tags, copied */
    private static Map<String, String> checkedEnd(String runId, RunStatus status, Instant endTime,
                                                  Map<String, String> tags) {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(endTime, "endTime");
        Map<String, String> endTags = Map.copyOf(Objects.requireNonNull(tags, "tags"));
        if (!status.isTerminal()) {
            throw new InvalidInputException("cannot end run " + runId + " with status RUNNING; use FINISHED, FAILED"
                    + " or KILLED");
        }
        return endTags;
    }

    @Override
    public void logBatch(String runId, LogBatch batch) {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(batch, "batch");
        write.lock();
        try {
            ensureOpen();
            RunState state = writableRun(runId);
            // Check every param before changing anything, so a conflict leaves the run untouched.
            for (Map.Entry<String, String> p : batch.params().entrySet()) {
                String stored = state.params.get(p.getKey());
                if (stored != null && !stored.equals(p.getValue())) {
                    throw conflict(runId, p.getKey(), stored, p.getValue());
                }
            }
            state.params.putAll(batch.params());
            state.tags.putAll(batch.tags());
            for (Metric m : batch.metrics()) {
                state.addMetric(m);
            }
            state.changed();
        } finally {
            write.unlock();
        }
    }

    @Override
    public void deleteTag(String runId, String key) {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(key, "key");
        write.lock();
        try {
            ensureOpen();
            RunState state = writableRun(runId);
            if (state.tags.remove(key) != null) {
                state.changed();
            }
        } finally {
            write.unlock();
        }
    }

    @Override
    public MetricPage metricHistory(String runId, String key, String pageToken, int maxResults) {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(key, "key");
        if (maxResults < 1) {
            throw new InvalidInputException("maxResults must be at least 1, was " + maxResults);
        }
        long offset = PageTokens.decode(pageToken, runId + "/" + key);
        List<Metric> page;
        boolean more;
        read.lock();
        try {
            ensureOpen();
            List<Metric> points = run(runId).history.getOrDefault(key, List.of());
            int from = (int) Math.min(offset, points.size());
            int to = (int) Math.min((long) from + maxResults, points.size());
            page = List.copyOf(points.subList(from, to));
            more = to < points.size();
        } finally {
            read.unlock();
        }
        return new MetricPage(page, more ? PageTokens.encode(offset + page.size(), runId + "/" + key) : null);
    }

    @Override
    public long countMetricHistory(String runId, String key) {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(key, "key");
        read.lock();
        try {
            ensureOpen();
            return run(runId).history.getOrDefault(key, List.of()).size();
        } finally {
            read.unlock();
        }
    }

    @Override
    public RunPage searchRuns(SearchRequest request) {
        Objects.requireNonNull(request, "request");
        String fingerprint = request.queryFingerprint();
        long offset = PageTokens.decode(request.pageToken(), fingerprint);
        Predicate<RunRecord> matcher = request.filterOpt().map(RunMatcher::compile).orElse(r -> true);
        Comparator<RunRecord> order = RunOrdering.of(request.orderBy());
        Set<String> experimentIds = new HashSet<>(request.experimentIds());
        List<RunRecord> candidates = new ArrayList<>();
        read.lock();
        try {
            ensureOpen();
            for (RunState state : runs.values()) {
                if (experimentIds.contains(state.info.experimentId())) {
                    candidates.add(state.record());
                }
            }
        } finally {
            read.unlock();
        }
        // Filtering and sorting work on immutable snapshots, so they need not hold up writers.
        List<RunRecord> matching = new ArrayList<>();
        for (RunRecord r : candidates) {
            if (matcher.test(r)) {
                matching.add(r);
            }
        }
        matching.sort(order);
        int from = (int) Math.min(offset, matching.size());
        int to = (int) Math.min((long) from + request.maxResults(), matching.size());
        String next = to < matching.size() ? PageTokens.encode(to, fingerprint) : null;
        return new RunPage(matching.subList(from, to), next);
    }

    @Override
    public List<RunInfo> childRuns(String parentRunId) {
        Objects.requireNonNull(parentRunId, "parentRunId");
        read.lock();
        try {
            ensureOpen();
            List<RunInfo> children = new ArrayList<>();
            for (RunState state : runs.values()) {
                if (parentRunId.equals(state.info.parentRunId())) {
                    children.add(state.info);
                }
            }
            children.sort(OLDEST_FIRST);
            return List.copyOf(children);
        } finally {
            read.unlock();
        }
    }

    // ---------------------------------------------------------------- artifacts

    @Override
    public void putArtifact(String runId, ArtifactInfo artifact) {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(artifact, "artifact");
        write.lock();
        try {
            ensureOpen();
            writableRun(runId).artifacts.put(artifact.path(), artifact);
        } finally {
            write.unlock();
        }
    }

    @Override
    public List<ArtifactInfo> listArtifacts(String runId) {
        Objects.requireNonNull(runId, "runId");
        read.lock();
        try {
            ensureOpen();
            RunState state = runs.get(runId);
            return state == null ? List.of() : List.copyOf(state.artifacts.values());
        } finally {
            read.unlock();
        }
    }

    @Override
    public Optional<ArtifactInfo> findArtifact(String runId, String path) {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(path, "path");
        read.lock();
        try {
            ensureOpen();
            RunState state = runs.get(runId);
            return state == null ? Optional.empty() : Optional.ofNullable(state.artifacts.get(path));
        } finally {
            read.unlock();
        }
    }

    @Override
    public List<RunArtifact> findArtifactsByHash(Collection<String> sha256s) {
        Set<String> wanted = Set.copyOf(Objects.requireNonNull(sha256s, "sha256s"));
        read.lock();
        try {
            ensureOpen();
            List<RunArtifact> found = new ArrayList<>();
            runs.forEach((runId, state) -> state.artifacts.values().stream().filter(a -> wanted.contains(a.sha256()))
                    .forEach(a -> found.add(new RunArtifact(runId, a))));
            found.sort(Comparator.comparing(RunArtifact::runId).thenComparing(r -> r.artifact().path()));
            return found;
        } finally {
            read.unlock();
        }
    }

    // ---------------------------------------------------------------- owners

    @Override
    public void registerOwner(OwnerInfo owner) {
        Objects.requireNonNull(owner, "owner");
        write.lock();
        try {
            ensureOpen();
            owners.put(owner.ownerId(), owner);
        } finally {
            write.unlock();
        }
    }

    /** Refreshes the heartbeat of a registered owner; an owner that is not registered (any more) is left absent. */
    @Override
    public void heartbeat(String ownerId, Instant now) {
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(now, "now");
        write.lock();
        try {
            ensureOpen();
            OwnerInfo o = owners.get(ownerId);
            if (o != null) {
                owners.put(ownerId, new OwnerInfo(o.ownerId(), o.host(), o.pid(), o.startedAt(), now));
            }
        } finally {
            write.unlock();
        }
    }

    @Override
    public void removeOwner(String ownerId) {
        Objects.requireNonNull(ownerId, "ownerId");
        write.lock();
        try {
            ensureOpen();
            owners.remove(ownerId);
        } finally {
            write.unlock();
        }
    }

    @Override
    public List<OwnerInfo> listOwners() {
        read.lock();
        try {
            ensureOpen();
            return List.copyOf(owners.values());
        } finally {
            read.unlock();
        }
    }

    @Override
    public List<String> killRunsOfOwner(String ownerId, Instant endTime, String reason) {
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(endTime, "endTime");
        Objects.requireNonNull(reason, "reason");
        write.lock();
        try {
            ensureOpen();
            List<String> killed = new ArrayList<>();
            for (RunState state : runs.values()) {
                if (ownerId.equals(state.info.ownerId()) && state.info.status() == RunStatus.RUNNING) {
                    state.info = state.info.ended(RunStatus.KILLED, endTime);
                    state.tags.put(SystemTags.KILLED_REASON, reason);
                    state.changed();
                    killed.add(state.info.runId());
                }
            }
            owners.remove(ownerId);
            return List.copyOf(killed);
        } finally {
            write.unlock();
        }
    }

    /** @return the registry part of this store: models, versions, aliases, approvals and the audit trail */
    @Override
    public Optional<RegistryStore> registry() {
        return Optional.of(registry);
    }

    /** @return the lineage part of this store: artifacts, executions, events and contexts */
    @Override
    public Optional<dev.mlops4j.spi.LineageStore> lineage() {
        return Optional.of(lineage);
    }

    /** Discards everything, the registry included; later calls throw {@link StoreException}. Idempotent. */
    @Override
    public void close() {
        write.lock();
        try {
            closed = true;
            runs.clear();
            experiments.clear();
            experimentIdsByName.clear();
            owners.clear();
        } finally {
            write.unlock();
        }
        // Outside this store's lock: the registry takes its own lock and calls back into this store only unlocked.
        registry.close();
        lineage.close();
    }

    /** @return true once {@link #close()} was called */
    boolean isClosed() {
        return closed;
    }

    @Override
    public String toString() {
        return "InMemoryMetadataStore[" + name + "]";
    }

    // ---------------------------------------------------------------- helpers (call with a lock held)

    private void ensureOpen() {
        if (closed) {
            throw new StoreException(name + " is closed; its content was discarded. Open a new store");
        }
    }

    private ExperimentInfo experiment(String experimentId) {
        ExperimentInfo e = experiments.get(experimentId);
        if (e == null) {
            throw new NotFoundException("experiment " + experimentId + " does not exist in " + name);
        }
        return e;
    }

    private RunState run(String runId) {
        RunState state = runs.get(runId);
        if (state == null) {
            throw new NotFoundException("run " + runId + " does not exist in " + name);
        }
        return state;
    }

    private RunState writableRun(String runId) {
        RunState state = run(runId);
        if (state.info.status() != RunStatus.RUNNING) {
            throw new IllegalRunStateException("run " + runId + " has ended (" + state.info.status()
                    + ") and accepts no more writes; start a new run to log more");
        }
        return state;
    }

    private static ConflictException conflict(String runId, String key, String stored, String value) {
        return new ConflictException("param '" + key + "' of run " + runId + " is already '" + stored
                + "' and cannot be changed to '" + value + "'; params are immutable. Log the new value under"
                + " another key, or start a new run");
    }
}
