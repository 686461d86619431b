package dev.mlops4j.core.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.mlops4j.Experiment;
import dev.mlops4j.Mlops;
import dev.mlops4j.NotFoundException;
import dev.mlops4j.Run;
import dev.mlops4j.Runs;
import dev.mlops4j.StoreConfigurationException;
import dev.mlops4j.StoreException;
import dev.mlops4j.core.internal.registry.CoreModelRegistry;
import dev.mlops4j.internal.PrintedList;
import dev.mlops4j.registry.ModelRegistry;
import dev.mlops4j.lineage.ChildRun;
import dev.mlops4j.spi.ArtifactStore;
import dev.mlops4j.spi.FinishedRun;
import dev.mlops4j.spi.MetadataStore;
import dev.mlops4j.spi.MlopsConfig;
import dev.mlops4j.tracking.ExperimentInfo;
import dev.mlops4j.tracking.Limits;
import dev.mlops4j.tracking.Metric;
import dev.mlops4j.tracking.RunInfo;
import dev.mlops4j.tracking.RunRecord;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An open {@link Mlops}: the stores, this instance's owner identity and heartbeat, and the caches shared by the
 * experiments, runs and queries it hands out. Thread-safe.
 *
 * <p>Closing retires the owner: runs this instance started that are still RUNNING are marked KILLED (nothing could
 * end them any more, and a later open could not recover them since the owner record is gone), then the stores this
 * instance opened are closed. Every later call throws {@link StoreException}.
 */
final class CoreMlops implements Mlops {
    private static final Logger LOG = LoggerFactory.getLogger(CoreMlops.class);
    static final String CLOSED_REASON = "the Mlops instance that owned the run was closed while it was RUNNING";
    private static final int CACHE_SIZE = 10_000;

    private final MlopsConfig config;
    private final MetadataStore store;
    private final boolean ownsStore;
    private final ArtifactStore artifacts;
    private final boolean ownsArtifacts;
    private final OwnerLiveness liveness;
    private final SourceDetector sourceDetector = new SourceDetector();
    /** Experiments are never renamed or deleted, so name to id can be cached for good. */
    private final Cache<String, ExperimentInfo> experimentsByName = Caffeine.newBuilder().maximumSize(CACHE_SIZE).build();
    /** An ended run accepts no more writes, so its record never changes again. */
    private final Cache<String, RunRecord> endedRuns = Caffeine.newBuilder().maximumSize(CACHE_SIZE).build();
    private final CoreRuns runs;
    /** Null when the metadata store provides no registry; {@link #models()} then says so. */
    private final CoreModelRegistry registry;
    /** Null when the metadata store keeps no lineage; {@link #lineage()} then says so. */
    private final dev.mlops4j.core.internal.lineage.CoreLineage lineage;
    private final AtomicBoolean closed = new AtomicBoolean();

    private CoreMlops(MlopsConfig config, StoreSelection.Selected metadata, ArtifactStore artifacts,
                      boolean ownsArtifacts, OwnerLiveness liveness) {
        this.config = config;
        this.store = metadata.store();
        this.ownsStore = metadata.owned();
        this.artifacts = artifacts;
        this.ownsArtifacts = ownsArtifacts;
        this.liveness = liveness;
        this.runs = new CoreRuns(this);
        this.registry = store.registry().map(r -> new CoreModelRegistry(r, runs, config.user(), config.clock(),
                this::ensureOpen, store.description())).orElse(null);
        this.lineage = store.lineage().map(l -> new dev.mlops4j.core.internal.lineage.CoreLineage(l, store, artifacts,
                runs, config.clock(), new EndedRuns())).orElse(null);
    }

    /**
     * Registers the new instance as an owner, starts its heartbeat and, if configured, recovers orphaned runs.
     *
     * @return the open instance
     */
    static CoreMlops open(MlopsConfig config, StoreSelection.Selected metadata, ArtifactStore artifacts,
                          boolean ownsArtifacts) {
        OwnerLiveness liveness = OwnerLiveness.start(metadata.store(), config.clock(), config.heartbeatInterval(),
                config.orphanTimeout());
        CoreMlops mlops = new CoreMlops(config, metadata, artifacts, ownsArtifacts, liveness);
        try {
            if (config.recoverOrphansOnOpen()) {
                mlops.recoverOrphanedRuns();
            }
        } catch (RuntimeException e) {
            try {
                liveness.retire(CLOSED_REASON);
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        LOG.debug("mlops4j opened: metadata in {}, artifacts in {}, owner {}", mlops.store.description(),
                artifacts.description(), liveness.ownerId());
        return mlops;
    }

    @Override
    public Experiment experiment(String name) {
        ensureOpen();
        Limits.checkExperimentName(name);
        ExperimentInfo info = experimentsByName.get(name, n -> store.getOrCreateExperiment(n, now()));
        return new CoreExperiment(this, info.id(), info.name());
    }

    @Override
    public Optional<Experiment> findExperiment(String name) {
        Objects.requireNonNull(name, "name");
        ensureOpen();
        return lookupExperiment(name).map(info -> new CoreExperiment(this, info.id(), info.name()));
    }

    @Override
    public List<ExperimentInfo> experiments() {
        ensureOpen();
        return PrintedList.oneLineEach(store.listExperiments(), "experiment", "experiments");
    }

    @Override
    public Runs runs() {
        ensureOpen();
        return runs;
    }

    @Override
    public ModelRegistry models() {
        ensureOpen();
        if (registry == null) {
            throw new StoreConfigurationException("the metadata store " + store.description() + " does not provide a"
                    + " model registry (its MetadataStore.registry() is empty). Use the embedded H2 store or the"
                    + " in-memory store, or a store that implements dev.mlops4j.spi.RegistryStore");
        }
        return registry;
    }

    @Override
    public dev.mlops4j.lineage.Lineage lineage() {
        ensureOpen();
        if (lineage == null) {
            throw new StoreConfigurationException("the metadata store " + store.description() + " keeps no lineage"
                    + " (its MetadataStore.lineage() is empty). Use the embedded H2 store or the in-memory store, or a"
                    + " store that implements dev.mlops4j.spi.LineageStore");
        }
        return lineage;
    }

    @Override
    public List<String> recoverOrphanedRuns() {
        ensureOpen();
        List<String> killed = liveness.recoverOrphans();
        killed.forEach(endedRuns::invalidate);
        if (lineage != null) {
            // After the runs: an execution is abandoned once its run has ended, whichever process ended it.
            lineage.failAbandonedExecutions(store::findRun);
        }
        return killed;
    }

    /**
     * The runs a lineage batch creates ended ({@link dev.mlops4j.lineage.Lineage#recordAll(Run, List, List, List)},
     * {@link dev.mlops4j.lineage.Lineage#recordEndedRun}): checked like runs started with {@code newRun()}, with the
     * same user, source and owner; a top-level run also gets the system tags, a child run only its own tags.
     */
    private final class EndedRuns implements dev.mlops4j.core.internal.lineage.CoreLineage.EndedRuns {
        @Override
        public FinishedRun child(String experimentId, String parentId, ChildRun child) {
            return finished(experimentId, parentId, child, List.of());
        }

        @Override
        public FinishedRun top(dev.mlops4j.Experiment experiment, ChildRun run, List<Metric> metrics) {
            return finished(experiment.id(), null, run, metrics);
        }

        private FinishedRun finished(String experimentId, String parentId, ChildRun run, List<Metric> metrics) {
            ensureOpen();
            run.tags().forEach(Checks::userTag);
            RunInfo info = new RunInfo(run.id(), experimentId, Limits.checkRunName(run.name()), run.status(),
                    run.startedAt(), run.endedAt(), config.user(),
                    Checks.truncate(detectSource(), Checks.MAX_SOURCE_LENGTH), parentId, ownerId());
            // A child run is recorded by its parent's process in the parent's batch: the parent's system tags say
            // where, and repeating them would cost three rows (and index entries) per cache hit.
            Map<String, String> tags = parentId == null ? CoreRunStarter.withSystemTags(run.tags()) : run.tags();
            return new FinishedRun(info, tags, metrics);
        }
    }

    @Override
    public String describeStore() {
        ensureOpen();
        return store.description();
    }

    @Override
    public Optional<Path> home() {
        return Optional.ofNullable(config.home());
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        RuntimeException failure = null;
        if (registry != null) {
            // Handles poll the store and record predictions: stop them before the stores go away.
            try {
                registry.close();
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        try {
            List<String> killed = liveness.retire(CLOSED_REASON);
            if (!killed.isEmpty()) {
                LOG.warn("closing mlops4j marked {} run(s) that were still RUNNING as KILLED: {}; end runs (close"
                        + " them) before closing Mlops", killed.size(), killed);
            }
        } catch (RuntimeException e) {
            if (failure == null) {
                failure = e;
            } else {
                failure.addSuppressed(e);
            }
        }
        if (ownsArtifacts) {
            failure = closeCollecting(artifacts, failure);
        }
        if (ownsStore) {
            failure = closeCollecting(store, failure);
        }
        endedRuns.invalidateAll();
        experimentsByName.invalidateAll();
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public String toString() {
        return "Mlops[" + store.description() + (closed.get() ? ", closed" : "") + "]";
    }

    // ---------------------------------------------------------------- shared with the handles of this package

    MetadataStore store() {
        return store;
    }

    ArtifactStore artifacts() {
        return artifacts;
    }

    MlopsConfig config() {
        return config;
    }

    String ownerId() {
        return liveness.ownerId();
    }

    Instant now() {
        return config.clock().instant();
    }

    String detectSource() {
        return sourceDetector.detect();
    }

    Cache<String, RunRecord> endedRuns() {
        return endedRuns;
    }

    boolean isClosed() {
        return closed.get();
    }

    void ensureOpen() {
        if (closed.get()) {
            throw new StoreException("this Mlops instance is closed; open a new one with Mlops.open(), "
                    + "Mlops.inMemory() or Mlops.builder()");
        }
    }

    Optional<ExperimentInfo> lookupExperiment(String name) {
        ExperimentInfo cached = experimentsByName.getIfPresent(name);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<ExperimentInfo> found = store.findExperimentByName(name);
        found.ifPresent(info -> experimentsByName.put(name, info));
        return found;
    }

    /** @return the id of the named experiment */
    String experimentId(String name) {
        Objects.requireNonNull(name, "experiment name");
        return lookupExperiment(name).map(ExperimentInfo::id).orElseThrow(() -> {
            List<String> known = store.listExperiments().stream().map(ExperimentInfo::name).toList();
            String list = known.stream().limit(20).map(n -> "'" + n + "'").collect(Collectors.joining(", "))
                    + (known.size() > 20 ? ", ..." : "");
            return new NotFoundException("experiment '" + name + "' does not exist in " + store.description()
                    + (known.isEmpty() ? "; there are no experiments yet" : "; existing experiments: " + list));
        });
    }

    private static RuntimeException closeCollecting(AutoCloseable c, RuntimeException failure) {
        try {
            c.close();
            return failure;
        } catch (Exception e) {
            RuntimeException wrapped = e instanceof RuntimeException r ? r
                    : new StoreException("closing " + c + " failed: " + e, e);
            if (failure == null) {
                return wrapped;
            }
            failure.addSuppressed(wrapped);
            return failure;
        }
    }
}
