package dev.mlops4j.store.jdbc;

import dev.mlops4j.StoreException;
import dev.mlops4j.search.SearchRequest;
import dev.mlops4j.spi.FinishedRun;
import dev.mlops4j.spi.MetadataStore;
import dev.mlops4j.spi.OwnerInfo;
import dev.mlops4j.spi.RegistryStore;
import dev.mlops4j.spi.RunArtifact;
import dev.mlops4j.spi.StoreFeature;
import dev.mlops4j.tracking.ArtifactInfo;
import dev.mlops4j.tracking.ExperimentInfo;
import dev.mlops4j.tracking.LogBatch;
import dev.mlops4j.tracking.MetricPage;
import dev.mlops4j.tracking.RunInfo;
import dev.mlops4j.tracking.RunPage;
import dev.mlops4j.tracking.RunRecord;
import dev.mlops4j.tracking.RunStatus;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;

/**
 * A {@link MetadataStore} on a SQL database reached through JDBC. Database specifics come from a
 * {@link SqlDialect}; connections from the store's module (for example {@code mlops-h2-store}).
 *
 * <p>Writes go through a group-commit writer (one connection, one thread, many callers per commit) and
 * return once committed; reads use a pool of other connections, each read in a snapshot transaction.
 * Opening applies the schema migrations. The model registry ({@link #registry()}) lives in the same database and
 * uses the same writer and reads.
 */
public final class JdbcMetadataStore implements MetadataStore {
    /** Tries of a read whose connection was lost: one per connection a terminated server may have left in the pool. */
    private static final int READ_ATTEMPTS = 4;
    private final String description;
    private final SqlDialect dialect;
    private final Set<StoreFeature> features;
    private final DataSource readers;
    private final GroupCommitWriter writer;
    private final JdbcWrites writes;
    private final JdbcReads reads;
    private final RunSearch search;
    private final JdbcRegistryStore registry;
    private final JdbcLineageStore lineage;
    private final Runnable onClose;
    private final AtomicBoolean closed = new AtomicBoolean();

    private JdbcMetadataStore(Builder b, GroupCommitWriter writer) {
        this.description = b.description;
        this.dialect = b.dialect;
        this.features = Set.copyOf(b.features);
        this.readers = b.readers;
        this.writer = writer;
        boolean multiProcess = b.features.contains(StoreFeature.MULTI_PROCESS);
        BooleanSupplier otherWriters = b.otherWriters;
        this.writes = new JdbcWrites(b.dialect, b.description, () -> multiProcess || otherWriters.getAsBoolean());
        this.reads = new JdbcReads(b.description);
        this.search = new RunSearch(reads, b.dialect);
        this.registry = new JdbcRegistryStore(this, b.dialect, b.description);
        this.lineage = new JdbcLineageStore(this);
        this.onClose = b.onClose;
    }

    /** @return a builder for a store */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public Set<StoreFeature> features() {
        return features;
    }

    // ---------------------------------------------------------------- experiments

    @Override
    public ExperimentInfo getOrCreateExperiment(String name, Instant now) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(now, "now");
        // Experiments are created once and looked up often: try the read path before queueing a write.
        Optional<ExperimentInfo> existing = findExperimentByName(name);
        if (existing.isPresent()) {
            return existing.get();
        }
        return write("getOrCreateExperiment", tx -> writes.getOrCreateExperiment(tx, name, now));
    }

    @Override
    public Optional<ExperimentInfo> findExperimentByName(String name) {
        Objects.requireNonNull(name, "name");
        return read("findExperimentByName", c -> reads.findExperimentByName(c, name));
    }

    @Override
    public Optional<ExperimentInfo> findExperiment(String experimentId) {
        Objects.requireNonNull(experimentId, "experimentId");
        return read("findExperiment", c -> reads.findExperiment(c, experimentId));
    }

    @Override
    public List<ExperimentInfo> listExperiments() {
        return read("listExperiments", reads::listExperiments);
    }

    @Override
    public void setExperimentTag(String experimentId, String key, String value) {
        Objects.requireNonNull(experimentId, "experimentId");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        write("setExperimentTag", writes.experimentLock(experimentId), tx -> {
            writes.setExperimentTag(tx, experimentId, key, value);
            return null;
        });
    }

    @Override
    public void setExperimentDescription(String experimentId, String description) {
        Objects.requireNonNull(experimentId, "experimentId");
        Objects.requireNonNull(description, "description");
        write("setExperimentDescription", writes.experimentLock(experimentId), tx -> {
            writes.setExperimentDescription(tx, experimentId, description);
            return null;
        });
    }

    // ---------------------------------------------------------------- runs

    @Override
    public void createRun(RunInfo run, Map<String, String> tags) {
        Objects.requireNonNull(run, "run");
        Map<String, String> copy = Map.copyOf(Objects.requireNonNull(tags, "tags"));
        write("createRun", tx -> {
            writes.createRun(tx, run, copy);
            return null;
        });
    }

    /**
     * Creates a run already ended, inside a lineage write ({@link JdbcLineageStore#recordAll(List, List, List)}),
     * with the checks and errors of {@link #createRun}.
     */
    void createFinishedRun(WriteTx tx, FinishedRun finished) throws SQLException {
        long runPk = writes.insertRun(tx, finished.run(), finished.tags());
        writes.insertMetricsOfNewRun(tx, runPk, finished.metrics());
    }

    @Override
    public Optional<RunInfo> findRunInfo(String runId) {
        Objects.requireNonNull(runId, "runId");
        return read("findRunInfo", c -> reads.findRunInfo(c, runId));
    }

    @Override
    public Optional<RunRecord> findRun(String runId) {
        Objects.requireNonNull(runId, "runId");
        return read("findRun", c -> reads.findRun(c, runId));
    }

    @Override
    public RunInfo endRun(String runId, RunStatus status, Instant endTime, Map<String, String> tags) {
        Map<String, String> copy = endTags(runId, status, endTime, tags);
        return write("endRun", writes.runLock(runId), tx -> writes.endRun(tx, runId, status, endTime, copy));
    }

    @Override
    public RunInfo logAndEndRun(String runId, LogBatch batch, RunStatus status, Instant endTime,
                                Map<String, String> tags) {
        Objects.requireNonNull(batch, "batch");
        Map<String, String> copy = endTags(runId, status, endTime, tags);
        // One request, so one transaction: a failure rolls the batch back with the end.
        return write("logAndEndRun", writes.runLock(runId), tx -> {
            if (!batch.isEmpty()) {
                writes.logBatch(tx, runId, batch);
            }
            return writes.endRun(tx, runId, status, endTime, copy);
        });
    }

    /** Checks the arguments of an end for nulls. @return the tags, copied */
    private static Map<String, String> endTags(String runId, RunStatus status, Instant endTime,
                                               Map<String, String> tags) {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(endTime, "endTime");
        return Map.copyOf(Objects.requireNonNull(tags, "tags"));
    }

    @Override
    public void logBatch(String runId, LogBatch batch) {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(batch, "batch");
        // An empty batch still goes through the writer: an unknown or ended run must be reported.
        write("logBatch", writes.runLock(runId), tx -> {
            writes.logBatch(tx, runId, batch);
            return null;
        });
    }

    @Override
    public void deleteTag(String runId, String key) {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(key, "key");
        write("deleteTag", writes.runLock(runId), tx -> {
            writes.deleteTag(tx, runId, key);
            return null;
        });
    }

    @Override
    public MetricPage metricHistory(String runId, String key, String pageToken, int maxResults) {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(key, "key");
        if (maxResults < 1) {
            throw new IllegalArgumentException("maxResults must be at least 1, was " + maxResults);
        }
        return read("metricHistory", c -> reads.metricHistory(c, runId, key, pageToken, maxResults));
    }

    @Override
    public long countMetricHistory(String runId, String key) {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(key, "key");
        return read("countMetricHistory", c -> reads.countMetricHistory(c, runId, key));
    }

    @Override
    public RunPage searchRuns(SearchRequest request) {
        Objects.requireNonNull(request, "request");
        return read("searchRuns", c -> search.search(c, request));
    }

    @Override
    public List<RunInfo> childRuns(String parentRunId) {
        Objects.requireNonNull(parentRunId, "parentRunId");
        return read("childRuns", c -> reads.childRuns(c, parentRunId));
    }

    // ---------------------------------------------------------------- artifacts

    @Override
    public void putArtifact(String runId, ArtifactInfo artifact) {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(artifact, "artifact");
        write("putArtifact", writes.runLock(runId), tx -> {
            writes.putArtifact(tx, runId, artifact);
            return null;
        });
    }

    @Override
    public List<ArtifactInfo> listArtifacts(String runId) {
        Objects.requireNonNull(runId, "runId");
        return read("listArtifacts", c -> reads.listArtifacts(c, runId));
    }

    @Override
    public Optional<ArtifactInfo> findArtifact(String runId, String path) {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(path, "path");
        return read("findArtifact", c -> reads.findArtifact(c, runId, path));
    }

    @Override
    public List<RunArtifact> findArtifactsByHash(Collection<String> sha256s) {
        Objects.requireNonNull(sha256s, "sha256s");
        sha256s.forEach(h -> Objects.requireNonNull(h, "a hash in sha256s"));
        if (sha256s.isEmpty()) {
            return List.of();
        }
        return read("findArtifactsByHash", c -> reads.artifactsByHash(c, sha256s));
    }

    // ---------------------------------------------------------------- owners

    @Override
    public void registerOwner(OwnerInfo owner) {
        Objects.requireNonNull(owner, "owner");
        write("registerOwner", tx -> {
            writes.registerOwner(tx, owner);
            return null;
        });
    }

    @Override
    public void heartbeat(String ownerId, Instant now) {
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(now, "now");
        write("heartbeat", tx -> {
            writes.heartbeat(tx, ownerId, now);
            return null;
        });
    }

    @Override
    public void removeOwner(String ownerId) {
        Objects.requireNonNull(ownerId, "ownerId");
        write("removeOwner", tx -> {
            writes.removeOwner(tx, ownerId);
            return null;
        });
    }

    @Override
    public List<OwnerInfo> listOwners() {
        return read("listOwners", reads::listOwners);
    }

    @Override
    public List<String> killRunsOfOwner(String ownerId, Instant endTime, String reason) {
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(endTime, "endTime");
        Objects.requireNonNull(reason, "reason");
        return write("killRunsOfOwner", writes.ownerRunsLock(ownerId),
                tx -> writes.killRunsOfOwner(tx, ownerId, endTime, reason));
    }

    // ---------------------------------------------------------------- model registry

    /** @return the model registry's tables in the same database, written through the same writer */
    @Override
    public Optional<RegistryStore> registry() {
        return Optional.of(registry);
    }

    /** @return the lineage tables in the same database, written through the same writer */
    @Override
    public Optional<dev.mlops4j.spi.LineageStore> lineage() {
        return Optional.of(lineage);
    }

    /** Finishes the writes already submitted, then closes the connections. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            writer.close();
        } finally {
            onClose.run();
        }
    }

    @Override
    public String toString() {
        return description;
    }

    // ---------------------------------------------------------------- plumbing

    /** A read on a pooled connection. */
    @FunctionalInterface
    interface Read<T> {
        T execute(Connection c) throws SQLException;
    }

    /**
     * Runs a read in a read-only snapshot transaction, so that a read of several queries (a run with its params,
     * metrics and tags; a search page) sees one committed state even while writes commit.
     */
    <T> T read(String operation, Read<T> work) {
        if (closed.get()) {
            throw new StoreException(description + " is closed; " + operation + " needs an open store");
        }
        for (int attempt = 1; ; attempt++) {
            try (Connection c = readers.getConnection()) {
                c.setAutoCommit(false);
                c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                try {
                    T result = work.execute(c);
                    c.commit();
                    return result;
                } finally {
                    c.rollback(); // a no-op after the commit; ends the transaction if the work threw
                }
            } catch (SQLException e) {
                // A read changes nothing, so one that lost its connection (a restarted server, a terminated session
                // still idle in the pool) is safely repeated on a fresh connection; the pool has evicted the dead one.
                if (attempt < READ_ATTEMPTS && dialect.isConnectionLoss(e)) {
                    continue;
                }
                throw JdbcErrors.readFailure(description, operation, e);
            }
        }
    }

    <T> T write(String operation, GroupCommitWriter.Work<T> work) {
        return writer.submit(operation, work);
    }

    <T> T write(String operation, GroupCommitWriter.TxLock txLock, GroupCommitWriter.Work<T> work) {
        return writer.submit(operation, txLock, work);
    }

    /**
     * Configures and opens a {@link JdbcMetadataStore}. Description, dialect and both data sources are required.
     */
    public static final class Builder {
        private String description;
        private SqlDialect dialect;
        private DataSource writerConnections;
        private DataSource readers;
        private Set<StoreFeature> features = EnumSet.of(StoreFeature.NATIVE_SEARCH);
        private Runnable onClose = () -> {
        };
        private BooleanSupplier otherWriters = () -> false;

        private Builder() {
        }

        /**
         * @param description how the store names itself in messages, e.g. {@code "H2 file /data/mlops"}
         * @return this builder
         */
        public Builder description(String description) {
            this.description = Objects.requireNonNull(description, "description");
            return this;
        }

        /** @param dialect the database's dialect @return this builder */
        public Builder dialect(SqlDialect dialect) {
            this.dialect = Objects.requireNonNull(dialect, "dialect");
            return this;
        }

        /**
         * @param dataSource source of the writer's single long-lived connection, also used for migrations
         * @return this builder
         */
        public Builder writerConnections(DataSource dataSource) {
            this.writerConnections = Objects.requireNonNull(dataSource, "dataSource");
            return this;
        }

        /**
         * @param dataSource a pool of connections for reads; connections are closed after each read
         * @return this builder
         */
        public Builder readConnections(DataSource dataSource) {
            this.readers = Objects.requireNonNull(dataSource, "dataSource");
            return this;
        }

        /**
         * @param features the capabilities the store declares; {@link StoreFeature#MULTI_PROCESS} makes writes lock
         *                 the rows of runs they check, because another process may change them meanwhile
         * @return this builder
         */
        public Builder features(Set<StoreFeature> features) {
            this.features = EnumSet.noneOf(StoreFeature.class);
            this.features.addAll(features);
            return this;
        }

        /**
         * @param otherWriters tells, at each write, whether other stores in this JVM write to the same database
         *                     now (processes are covered by {@link StoreFeature#MULTI_PROCESS})
         * @return this builder
         */
        public Builder otherWriters(BooleanSupplier otherWriters) {
            this.otherWriters = Objects.requireNonNull(otherWriters, "otherWriters");
            return this;
        }

        /**
         * @param onClose run once after the store has closed its writer, e.g. to dispose the read pool
         * @return this builder
         */
        public Builder onClose(Runnable onClose) {
            this.onClose = Objects.requireNonNull(onClose, "onClose");
            return this;
        }

        /**
         * Migrates the schema and starts the writer.
         *
         * @return the open store
         * @throws dev.mlops4j.StoreVersionException if the schema is newer than this code or was tampered with
         * @throws StoreException if the database cannot be reached or migrated
         */
        public JdbcMetadataStore open() {
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(dialect, "dialect");
            Objects.requireNonNull(writerConnections, "writerConnections");
            Objects.requireNonNull(readers, "readConnections");
            GroupCommitWriter writer = null;
            try {
                // The writer's connection is opened first and kept: an in-memory database lives only as long as
                // one of its connections does, so it must outlast the migration's connections.
                writer = new GroupCommitWriter(writerConnections, dialect, description);
                new Migrations(Migrations.bundled(), dialect, description).migrate(writerConnections);
                return new JdbcMetadataStore(this, writer);
            } catch (SQLException e) {
                closeAfterFailure(writer);
                throw new StoreException(description + ": cannot open the store: " + e.getMessage()
                        + ". Check the location and that no other program holds it.", e);
            } catch (RuntimeException e) {
                closeAfterFailure(writer);
                throw e;
            }
        }

        private void closeAfterFailure(GroupCommitWriter writer) {
            try {
                if (writer != null) {
                    writer.close();
                }
            } finally {
                onClose.run();
            }
        }
    }
}
