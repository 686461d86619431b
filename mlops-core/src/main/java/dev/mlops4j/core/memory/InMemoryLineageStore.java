package dev.mlops4j.core.memory;

import dev.mlops4j.ConflictException;
import dev.mlops4j.NotFoundException;
import dev.mlops4j.StoreException;
import dev.mlops4j.lineage.Artifact;
import dev.mlops4j.lineage.ArtifactQuery;
import dev.mlops4j.lineage.ArtifactState;
import dev.mlops4j.lineage.Context;
import dev.mlops4j.lineage.Event;
import dev.mlops4j.lineage.Execution;
import dev.mlops4j.lineage.EventType;
import dev.mlops4j.lineage.ExecutionOutputs;
import dev.mlops4j.lineage.ExecutionQuery;
import dev.mlops4j.lineage.ExecutionRecord;
import dev.mlops4j.lineage.ExecutionState;
import dev.mlops4j.spi.FinishedRun;
import dev.mlops4j.spi.LineageStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The lineage part of {@link InMemoryMetadataStore}: maps under one read-write lock, so every write is atomic and
 * readers see whole executions. Indexes by cache key, type, context and artifact keep the lookups a pipeline does on
 * every step (cache hits, events of an execution) independent of the size of the history.
 */
final class InMemoryLineageStore implements LineageStore {
    private static final Comparator<Execution> NEWEST_FIRST = Comparator.comparing(Execution::startedAt).reversed()
            .thenComparing(Execution::id);
    private static final Comparator<Event> BY_EXECUTION_ORDER = Comparator.comparing(Event::type)
            .thenComparing(Event::name).thenComparing(Event::artifactId);

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Lock read = lock.readLock();
    private final Lock write = lock.writeLock();
    private final Map<String, Context> contexts = new HashMap<>();
    private final Map<String, Context> contextsByKey = new HashMap<>();
    private final Map<String, Artifact> artifacts = new LinkedHashMap<>();
    private final Map<String, Execution> executions = new LinkedHashMap<>();
    private final Map<String, List<Event>> eventsByExecution = new HashMap<>();
    private final Map<String, List<Event>> eventsByArtifact = new HashMap<>();
    private final Map<String, Set<String>> contextsByExecution = new HashMap<>();
    private final Map<String, Set<String>> executionsByContext = new HashMap<>();
    private final Map<String, List<String>> executionsByCacheKey = new HashMap<>();
    private final InMemoryMetadataStore metadata;
    private volatile boolean closed;

    /** @param metadata the tracking part of the same store, in which {@link #recordAll} creates runs */
    InMemoryLineageStore(InMemoryMetadataStore metadata) {
        this.metadata = metadata;
    }

    @Override
    public Context putContext(Context context) {
        Objects.requireNonNull(context, "context");
        write.lock();
        try {
            ensureOpen();
            String key = contextKey(context);
            Context existing = contextsByKey.get(key);
            if (existing != null) {
                return existing;
            }
            if (contexts.containsKey(context.id())) {
                throw new ConflictException("context id " + context.id() + " exists with another type or name");
            }
            contexts.put(context.id(), context);
            contextsByKey.put(key, context);
            return context;
        } finally {
            write.unlock();
        }
    }

    @Override
    public Optional<Context> findContext(String type, String name) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        read.lock();
        try {
            ensureOpen();
            return Optional.ofNullable(contextsByKey.get(type + '\u0000' + name));
        } finally {
            read.unlock();
        }
    }

    @Override
    public void recordExecution(ExecutionRecord record) {
        Objects.requireNonNull(record, "record");
        write.lock();
        try {
            ensureOpen();
            // Check everything before changing anything: a failed record must leave no trace.
            check(record, new Staged());
            apply(record);
        } finally {
            write.unlock();
        }
    }

    @Override
    public void updateExecution(ExecutionRecord update) {
        Objects.requireNonNull(update, "update");
        Execution next = update.execution();
        write.lock();
        try {
            ensureOpen();
            Execution stored = executions.get(next.id());
            if (stored == null) {
                throw new NotFoundException("execution " + next.id() + " is not recorded; record it before updating"
                        + " it");
            }
            update.checkUpdates(stored);
            Set<String> newIds = checkNewArtifacts(update, new Staged());
            checkEvents(update, newIds, new Staged());
            List<Event> existing = eventsByExecution.get(next.id());
            for (Event e : update.events()) {
                if (existing.stream().anyMatch(old -> old.type() == e.type() && old.name().equals(e.name())
                        && old.artifactId().equals(e.artifactId()))) {
                    throw new ConflictException("execution " + next.id() + " already has the " + e.type() + " event '"
                            + e.name() + "' of artifact " + e.artifactId());
                }
            }
            update.newArtifacts().forEach(a -> artifacts.put(a.id(), a));
            executions.put(next.id(), next);
            addEvents(next.id(), update.events());
            if (!stored.cacheKey().isEmpty()) {
                executionsByCacheKey.get(cacheIndexKey(stored.cacheKey(), stored.state())).remove(stored.id());
                executionsByCacheKey.computeIfAbsent(cacheIndexKey(next.cacheKey(), next.state()),
                        k -> new ArrayList<>()).add(next.id());
            }
        } finally {
            write.unlock();
        }
    }

    @Override
    public void recordAll(List<Context> toCreate, List<FinishedRun> runs, List<ExecutionRecord> records) {
        List<Context> newContexts = List.copyOf(toCreate);
        List<FinishedRun> newRuns = List.copyOf(runs);
        List<ExecutionRecord> batch = List.copyOf(records);
        // The tracking part holds its lock around this one, so the runs and the executions are written together.
        metadata.createFinishedRuns(newRuns, () -> {
            write.lock();
            try {
                ensureOpen();
                Staged staged = new Staged();
                for (Context c : newContexts) {
                    if (contexts.containsKey(c.id()) || contextsByKey.containsKey(contextKey(c))
                            || !staged.contexts.add(c.id())) {
                        throw new ConflictException("context " + c.type() + " '" + c.name() + "' (" + c.id()
                                + ") exists already; a batch only creates new contexts");
                    }
                }
                for (ExecutionRecord r : batch) {
                    check(r, staged);
                }
                for (Context c : newContexts) {
                    contexts.put(c.id(), c);
                    contextsByKey.put(contextKey(c), c);
                }
                batch.forEach(this::apply);
            } finally {
                write.unlock();
            }
        });
    }

    /** Executions and artifacts added by earlier records of one batch, which later records may refer to. */
    private static final class Staged {
        final Set<String> executions = new HashSet<>();
        final Set<String> artifacts = new HashSet<>();
        final Set<String> contexts = new HashSet<>();
    }

    private static String contextKey(Context c) {
        return c.type() + '\u0000' + c.name();
    }

    private void check(ExecutionRecord record, Staged staged) {
        Execution execution = record.execution();
        if (executions.containsKey(execution.id()) || staged.executions.contains(execution.id())) {
            throw new ConflictException("execution " + execution.id() + " is already recorded");
        }
        Set<String> newIds = checkNewArtifacts(record, staged);
        checkEvents(record, newIds, staged);
        for (String contextId : record.contextIds()) {
            if (!contexts.containsKey(contextId) && !staged.contexts.contains(contextId)) {
                throw new NotFoundException("context " + contextId + " does not exist; create it with"
                        + " putContext first");
            }
        }
        staged.executions.add(execution.id());
        staged.artifacts.addAll(newIds);
    }

    private Set<String> checkNewArtifacts(ExecutionRecord record, Staged staged) {
        Set<String> newIds = new LinkedHashSet<>();
        for (Artifact a : record.newArtifacts()) {
            if (artifacts.containsKey(a.id()) || staged.artifacts.contains(a.id())) {
                throw new ConflictException("artifact " + a.id() + " is already recorded; reference it with an"
                        + " event instead of recording it again");
            }
            newIds.add(a.id());
        }
        return newIds;
    }

    private void checkEvents(ExecutionRecord record, Set<String> newIds, Staged staged) {
        for (Event e : record.events()) {
            if (!newIds.contains(e.artifactId()) && !artifacts.containsKey(e.artifactId())
                    && !staged.artifacts.contains(e.artifactId())) {
                throw new NotFoundException("event '" + e.name() + "' of execution " + record.execution().id()
                        + " names artifact " + e.artifactId() + ", which is neither recorded nor in the record");
            }
        }
    }

    private void apply(ExecutionRecord record) {
        Execution execution = record.execution();
        record.newArtifacts().forEach(a -> artifacts.put(a.id(), a));
        executions.put(execution.id(), execution);
        eventsByExecution.put(execution.id(), new ArrayList<>());
        addEvents(execution.id(), record.events());
        Set<String> ctx = new LinkedHashSet<>(record.contextIds());
        contextsByExecution.put(execution.id(), ctx);
        ctx.forEach(c -> executionsByContext.computeIfAbsent(c, k -> new LinkedHashSet<>()).add(execution.id()));
        if (!execution.cacheKey().isEmpty()) {
            executionsByCacheKey.computeIfAbsent(cacheIndexKey(execution.cacheKey(), execution.state()),
                    k -> new ArrayList<>()).add(execution.id());
        }
    }

    private void addEvents(String executionId, List<Event> events) {
        List<Event> own = eventsByExecution.get(executionId);
        own.addAll(events);
        own.sort(BY_EXECUTION_ORDER);
        for (Event e : events) {
            eventsByArtifact.computeIfAbsent(e.artifactId(), k -> new ArrayList<>()).add(e);
        }
    }

    @Override
    public Optional<Artifact> findArtifact(String id) {
        Objects.requireNonNull(id, "id");
        read.lock();
        try {
            ensureOpen();
            return Optional.ofNullable(artifacts.get(id));
        } finally {
            read.unlock();
        }
    }

    @Override
    public List<Artifact> findArtifacts(ArtifactQuery query) {
        Objects.requireNonNull(query, "query");
        read.lock();
        try {
            ensureOpen();
            return artifacts.values().stream()
                    .filter(a -> query.uri() == null || a.uri().equals(query.uri()))
                    .filter(a -> query.fingerprint() == null || a.fingerprint().equals(query.fingerprint()))
                    .filter(a -> query.type() == null || a.type().equals(query.type()))
                    .filter(a -> query.state() == null || a.state() == query.state())
                    .filter(a -> query.createdBefore() == null || a.createdAt().isBefore(query.createdBefore()))
                    .sorted(Comparator.comparing(Artifact::createdAt).thenComparing(Artifact::id))
                    .limit(query.limit()).toList();
        } finally {
            read.unlock();
        }
    }

    @Override
    public Optional<Execution> findExecution(String id) {
        Objects.requireNonNull(id, "id");
        read.lock();
        try {
            ensureOpen();
            return Optional.ofNullable(executions.get(id));
        } finally {
            read.unlock();
        }
    }

    @Override
    public List<Execution> findExecutions(ExecutionQuery query) {
        Objects.requireNonNull(query, "query");
        read.lock();
        try {
            ensureOpen();
            return executionsMatching(query);
        } finally {
            read.unlock();
        }
    }

    @Override
    public List<ExecutionOutputs> findExecutionsWithOutputs(ExecutionQuery query) {
        Objects.requireNonNull(query, "query");
        read.lock();
        try {
            ensureOpen();
            List<ExecutionOutputs> out = new ArrayList<>();
            for (Execution e : executionsMatching(query)) {
                Map<String, Artifact> outputs = new TreeMap<>();
                for (Event ev : eventsByExecution.get(e.id())) { // by type, name, artifact id
                    if (ev.type() == EventType.OUTPUT) {
                        outputs.put(ev.name(), artifacts.get(ev.artifactId()));
                    }
                }
                out.add(new ExecutionOutputs(e, outputs));
            }
            return out;
        } finally {
            read.unlock();
        }
    }

    private List<Execution> executionsMatching(ExecutionQuery query) {
        Collection<String> candidates;
        if (query.cacheKey() != null) {
            // Per state, so the COMPLETE executions a cache lookup wants are not buried under the CACHED ones
            // every re-run adds.
            List<String> ids = new ArrayList<>();
            for (ExecutionState state : query.states().isEmpty() ? Set.of(ExecutionState.values())
                    : query.states()) {
                ids.addAll(executionsByCacheKey.getOrDefault(cacheIndexKey(query.cacheKey(), state), List.of()));
            }
            candidates = ids;
        } else if (query.contextId() != null) {
            candidates = executionsByContext.getOrDefault(query.contextId(), Set.of());
        } else {
            candidates = executions.keySet();
        }
        return candidates.stream().map(executions::get)
                .filter(e -> query.contextId() == null
                        || contextsByExecution.get(e.id()).contains(query.contextId()))
                .filter(e -> query.type() == null || e.type().equals(query.type()))
                .filter(e -> query.cacheKey() == null || e.cacheKey().equals(query.cacheKey()))
                .filter(e -> query.states().isEmpty() || query.states().contains(e.state()))
                .sorted(NEWEST_FIRST).limit(query.limit()).toList();
    }

    private static String cacheIndexKey(String cacheKey, ExecutionState state) {
        return cacheKey + '\u0000' + state.name();
    }

    @Override
    public List<Event> eventsOfExecution(String executionId) {
        Objects.requireNonNull(executionId, "executionId");
        read.lock();
        try {
            ensureOpen();
            return List.copyOf(eventsByExecution.getOrDefault(executionId, List.of()));
        } finally {
            read.unlock();
        }
    }

    @Override
    public List<Event> eventsOfArtifact(String artifactId) {
        Objects.requireNonNull(artifactId, "artifactId");
        read.lock();
        try {
            ensureOpen();
            List<Event> events = new ArrayList<>(eventsByArtifact.getOrDefault(artifactId, List.of()));
            events.sort(Comparator.comparing(Event::time).thenComparing(Event::executionId)
                    .thenComparing(Event::type));
            return events;
        } finally {
            read.unlock();
        }
    }

    @Override
    public List<Context> contextsOfExecution(String executionId) {
        Objects.requireNonNull(executionId, "executionId");
        read.lock();
        try {
            ensureOpen();
            TreeMap<String, Context> sorted = new TreeMap<>();
            for (String id : contextsByExecution.getOrDefault(executionId, Set.of())) {
                Context c = contexts.get(id);
                sorted.put(c.type() + '\u0000' + c.name(), c);
            }
            return List.copyOf(sorted.values());
        } finally {
            read.unlock();
        }
    }

    @Override
    public int markArtifactsDeleted(Collection<String> artifactIds, Instant at) {
        List<String> ids = List.copyOf(artifactIds);
        Objects.requireNonNull(at, "at");
        write.lock();
        try {
            ensureOpen();
            int changed = 0;
            for (String id : ids) {
                Artifact a = artifacts.get(id);
                if (a != null && a.state() == ArtifactState.LIVE) {
                    Map<String, String> props = new HashMap<>(a.properties());
                    props.put("deletedAt", at.toString());
                    artifacts.put(id, new Artifact(a.id(), a.type(), a.uri(), a.fingerprint(), a.size(),
                            ArtifactState.DELETED, a.createdAt(), props));
                    changed++;
                }
            }
            return changed;
        } finally {
            write.unlock();
        }
    }

    void close() {
        write.lock();
        try {
            closed = true;
            contexts.clear();
            contextsByKey.clear();
            artifacts.clear();
            executions.clear();
            eventsByExecution.clear();
            eventsByArtifact.clear();
            contextsByExecution.clear();
            executionsByContext.clear();
            executionsByCacheKey.clear();
        } finally {
            write.unlock();
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new StoreException("the in-memory store is closed");
        }
    }
}
