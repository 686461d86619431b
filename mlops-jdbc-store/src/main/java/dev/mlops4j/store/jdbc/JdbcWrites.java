package dev.mlops4j.store.jdbc;

import dev.mlops4j.ConflictException;
import dev.mlops4j.IllegalRunStateException;
import dev.mlops4j.InvalidInputException;
import dev.mlops4j.NotFoundException;
import dev.mlops4j.tracking.ArtifactInfo;
import dev.mlops4j.tracking.ExperimentInfo;
import dev.mlops4j.tracking.LogBatch;
import dev.mlops4j.tracking.Metric;
import dev.mlops4j.tracking.RunInfo;
import dev.mlops4j.tracking.RunStatus;
import dev.mlops4j.tracking.SystemTags;
import dev.mlops4j.spi.OwnerInfo;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

/**
 * The writes of a {@link JdbcMetadataStore}. Each method runs on the writer thread inside the group's
 * transaction (see {@link GroupCommitWriter}); throwing rolls the request back to its savepoint.
 *
 * <p>While other writers may use the database (other processes, or other stores on the same database in
 * this JVM), writes to a run first lock the run's row ({@code SELECT ... FOR UPDATE}), so that nobody can end
 * the run between the RUNNING check and the write. On H2 the lock is submitted with the write ({@link #runLock}), so
 * that the writer takes it before the write's savepoint and never rolls it back (see {@link GroupCommitWriter}:
 * undoing it could revert another store's end of the run). While this store's writer thread is the only writer, no
 * lock is needed, and none is taken: in H2 a row lock is itself a write, which would add to every commit.
 *
 * <p>The other writes that change rows other writers may change too take their locks the same way on H2:
 * {@link #killRunsOfOwner} locks the owner's running runs ({@link #ownerRunsLock}), and the experiment writes lock the
 * experiment's row ({@link #experimentLock}). Everything else a write changes is either new and keyed by a value no
 * other writer can know before it commits (a generated key, a run's surrogate key), or lies under one of these locks
 * (a run's params, tags, metrics, latest metrics and artifacts under the run's; a kill's tags under the runs').
 */
final class JdbcWrites {
    private static final String READ_RUN = "SELECT run_pk, status FROM mlops_runs WHERE run_id = ?";
    private static final String INSERT_CHUNK =
            "INSERT INTO mlops_metric_chunks (run_pk, metric_key, point_count, points) VALUES (?, ?, ?, ?)";
    private static final String SELECT_LATEST =
            "SELECT value_bits, step, timestamp_ms FROM mlops_latest_metrics WHERE run_pk = ? AND metric_key = ?";
    private static final String SELECT_PARAM = "SELECT param_value FROM mlops_params WHERE run_pk = ? AND param_key = ?";
    // Existing rows are looked up by primary key, one statement per key, or for many keys in one statement over
    // the run's rows. Not "key = ANY(?)": that lets the planner pick the (key, value) search index and scan the
    // key across every run.
    private static final int BULK_LOOKUP = 32;
    private static final String SELECT_PARAMS_OF_RUN = "SELECT param_key, param_value FROM mlops_params WHERE run_pk = ?";
    private static final String SELECT_LATEST_OF_RUN =
            "SELECT metric_key, value_bits, step, timestamp_ms FROM mlops_latest_metrics WHERE run_pk = ?";
    private static final String INSERT_PARAM = "INSERT INTO mlops_params (run_pk, param_key, param_value) VALUES (?, ?, ?)";
    private static final String INSERT_RUN = "INSERT INTO mlops_runs (run_id, experiment_id, run_name, status, start_time,"
            + " end_time, user_name, source, parent_run_id, owner_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String SELECT_EXPERIMENT = "SELECT experiment_id FROM mlops_experiments WHERE experiment_id = ?";
    private static final String SELECT_RUNS_OF_OWNER =
            "SELECT run_pk, run_id FROM mlops_runs WHERE owner_id = ? AND status = ? ORDER BY run_id";
    private static final String SELECT_EXPERIMENT_BY_NAME =
            "SELECT experiment_id, name, description, created_at FROM mlops_experiments WHERE name = ?";

    private final String store;
    private final BooleanSupplier shared;
    /** {@link SqlDialect#rollbackMayOverwriteOtherWrites()}: row locks are then taken before the write's savepoint. */
    private final boolean keepLocks;
    private final String lockRun;
    private final String lockExperiment;
    private final String lockRunsOfOwner;
    private final String upsertTag;
    private final String upsertLatest;
    private final String upsertArtifact;
    private final String upsertExperimentTag;
    private final String upsertOwner;

    JdbcWrites(SqlDialect dialect, String store, BooleanSupplier shared) {
        this.store = store;
        this.shared = shared;
        this.keepLocks = dialect.rollbackMayOverwriteOtherWrites();
        // SqlDialect.lockForWriteClause: locks a row to check and then write it.
        String lockClause = " " + dialect.lockForWriteClause();
        this.lockRun = "SELECT run_pk, status FROM mlops_runs WHERE run_id = ?" + lockClause;
        this.lockExperiment = SELECT_EXPERIMENT + lockClause;
        this.lockRunsOfOwner = SELECT_RUNS_OF_OWNER + lockClause;
        this.upsertTag = dialect.upsert("mlops_tags", List.of("run_pk", "tag_key"), List.of("tag_value"));
        this.upsertLatest = dialect.upsert("mlops_latest_metrics", List.of("run_pk", "metric_key"),
                List.of("metric_value", "value_bits", "step", "timestamp_ms"));
        this.upsertArtifact = dialect.upsert("mlops_artifacts", List.of("run_pk", "path"),
                List.of("sha256", "size_bytes", "logged_at"));
        this.upsertExperimentTag = dialect.upsert("mlops_experiment_tags", List.of("experiment_id", "tag_key"),
                List.of("tag_value"));
        this.upsertOwner = dialect.upsert("mlops_owners", List.of("owner_id"),
                List.of("host", "pid", "started_at", "last_heartbeat"));
    }

    // ---------------------------------------------------------------- experiments

    ExperimentInfo getOrCreateExperiment(WriteTx tx, String name, Instant now) throws SQLException {
        Optional<ExperimentInfo> existing = experimentByName(tx, name);
        if (existing.isPresent()) {
            return existing.get();
        }
        Savepoint beforeInsert = tx.connection().setSavepoint();
        PreparedStatement ps = tx.prepareReturningKey(
                "INSERT INTO mlops_experiments (name, description, created_at) VALUES (?, ?, ?)");
        ps.setString(1, name);
        ps.setString(2, "");
        ps.setLong(3, now.toEpochMilli());
        try {
            ps.executeUpdate();
        } catch (SQLException e) {
            if (!tx.dialect().isUniqueViolation(e)) {
                throw e;
            }
            // Another process created it between our look-up and insert; theirs is the experiment.
            tx.connection().rollback(beforeInsert);
            return experimentByName(tx, name).orElseThrow(() -> e);
        }
        try (ResultSet keys = ps.getGeneratedKeys()) {
            keys.next();
            return new ExperimentInfo(Long.toString(keys.getLong(1)), name, "", Map.of(), now);
        }
    }

    private Optional<ExperimentInfo> experimentByName(WriteTx tx, String name) throws SQLException {
        PreparedStatement ps = tx.prepare(SELECT_EXPERIMENT_BY_NAME);
        ps.setString(1, name);
        long id;
        String description;
        long createdAt;
        try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            id = rs.getLong(1);
            description = rs.getString(3);
            createdAt = rs.getLong(4);
        }
        Map<String, String> tags = new HashMap<>();
        PreparedStatement tagQuery = tx.prepare("SELECT tag_key, tag_value FROM mlops_experiment_tags WHERE experiment_id = ?");
        tagQuery.setLong(1, id);
        try (ResultSet rs = tagQuery.executeQuery()) {
            while (rs.next()) {
                tags.put(rs.getString(1), rs.getString(2));
            }
        }
        return Optional.of(new ExperimentInfo(Long.toString(id), name, description, tags, Instant.ofEpochMilli(createdAt)));
    }

    void setExperimentTag(WriteTx tx, String experimentId, String key, String value) throws SQLException {
        long id = lockExperiment(tx, experimentId);
        PreparedStatement ps = tx.prepare(upsertExperimentTag);
        ps.setLong(1, id);
        ps.setString(2, key);
        ps.setString(3, value);
        ps.executeUpdate();
    }

    void setExperimentDescription(WriteTx tx, String experimentId, String description) throws SQLException {
        long id = lockExperiment(tx, experimentId);
        PreparedStatement ps = tx.prepare("UPDATE mlops_experiments SET description = ? WHERE experiment_id = ?");
        ps.setString(1, description);
        ps.setLong(2, id);
        ps.executeUpdate();
    }

    /**
     * The lock an experiment write is submitted with where undoing it could lose another writer's change of the
     * experiment (H2, while other writers may use the database). Elsewhere the write locks the experiment itself.
     *
     * @param experimentId an experiment
     * @return the lock, or null (also for an id that names no experiment: the write reports it)
     */
    GroupCommitWriter.TxLock experimentLock(String experimentId) {
        OptionalLong id = Rows.experimentKey(experimentId);
        return keepLocks && shared.getAsBoolean() && id.isPresent()
                ? new RowLock(lockExperiment, List.of(id.getAsLong())) : null;
    }

    private long lockExperiment(WriteTx tx, String experimentId) throws SQLException {
        OptionalLong id = Rows.experimentKey(experimentId);
        if (id.isPresent()) {
            // Locked here unless the writer took the experiment lock before the write (see experimentLock).
            boolean held = tx.holds(new RowLock(lockExperiment, List.of(id.getAsLong())));
            PreparedStatement ps = tx.prepare(held ? SELECT_EXPERIMENT : lockExperiment);
            ps.setLong(1, id.getAsLong());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return id.getAsLong();
                }
            }
        }
        throw JdbcErrors.experimentNotFound(store, experimentId);
    }

    // ---------------------------------------------------------------- runs

    void createRun(WriteTx tx, RunInfo run, Map<String, String> tags) throws SQLException {
        if (run.status() != RunStatus.RUNNING) {
            throw new InvalidInputException("run '" + run.runId() + "' must be created RUNNING, not " + run.status());
        }
        insertRun(tx, run, tags);
    }

    /**
     * Inserts a run as it is, ended or not, with the checks of {@link #createRun} but the status: a lineage batch
     * creates runs already ended (in {@link JdbcLineageStore#recordAll}), e.g. a pipeline run whose every step was a
     * cache hit.
     */
    long insertRun(WriteTx tx, RunInfo run, Map<String, String> tags) throws SQLException {
        OptionalLong experiment = Rows.experimentKey(run.experimentId());
        if (experiment.isEmpty() || !exists(tx, "SELECT 1 FROM mlops_experiments WHERE experiment_id = ?",
                experiment.getAsLong())) {
            throw JdbcErrors.experimentNotFound(store, run.experimentId());
        }
        if (run.parentRunId() != null) {
            PreparedStatement ps = tx.prepare("SELECT 1 FROM mlops_runs WHERE run_id = ?");
            ps.setString(1, run.parentRunId());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new NotFoundException("parent run '" + run.parentRunId() + "' of run '"
                            + run.runId() + "' does not exist in " + store + "; start nested runs from an existing run");
                }
            }
        }
        PreparedStatement ps = tx.prepareReturningKey(INSERT_RUN);
        ps.setString(1, run.runId());
        ps.setLong(2, experiment.getAsLong());
        ps.setString(3, run.runName());
        ps.setString(4, run.status().name());
        ps.setLong(5, run.startTime().toEpochMilli());
        if (run.endTime() == null) {
            ps.setNull(6, Types.BIGINT);
        } else {
            ps.setLong(6, run.endTime().toEpochMilli());
        }
        ps.setString(7, run.user());
        ps.setString(8, run.source());
        ps.setString(9, run.parentRunId());
        ps.setString(10, run.ownerId());
        try {
            ps.executeUpdate();
        } catch (SQLException e) {
            if (tx.dialect().isUniqueViolation(e)) {
                throw new ConflictException("a run with id '" + run.runId() + "' already exists in " + store
                        + "; run ids must be unique (let mlops4j choose them)", e);
            }
            throw e;
        }
        long runPk;
        try (ResultSet keys = ps.getGeneratedKeys()) {
            keys.next();
            runPk = keys.getLong(1);
        }
        insertTags(tx, runPk, tags);
        return runPk;
    }

    /**
     * Logs metrics to a run created in this transaction, whatever its status (a run created already ended with its
     * summary, in {@link JdbcLineageStore#recordAll}).
     */
    void insertMetricsOfNewRun(WriteTx tx, long runPk, List<Metric> metrics) throws SQLException {
        if (!metrics.isEmpty()) {
            insertMetrics(tx, runPk, metrics);
        }
    }

    RunInfo endRun(WriteTx tx, String runId, RunStatus status, Instant endTime, Map<String, String> tags)
            throws SQLException {
        if (!status.isTerminal()) {
            throw new InvalidInputException("cannot end run '" + runId + "' with status " + status
                    + "; use FINISHED, FAILED or KILLED");
        }
        long runPk = writableRun(tx, runId, "cannot be ended again; each run ends exactly once");
        PreparedStatement ps = tx.prepare("UPDATE mlops_runs SET status = ?, end_time = ? WHERE run_pk = ?");
        ps.setString(1, status.name());
        ps.setLong(2, endTime.toEpochMilli());
        ps.setLong(3, runPk);
        ps.executeUpdate();
        upsertTags(tx, runPk, tags);
        PreparedStatement read = tx.prepare("SELECT " + Rows.RUN_COLUMNS + " FROM mlops_runs r WHERE r.run_pk = ?");
        read.setLong(1, runPk);
        try (ResultSet rs = read.executeQuery()) {
            rs.next();
            return Rows.runInfo(rs, 1);
        }
    }

    void logBatch(WriteTx tx, String runId, LogBatch batch) throws SQLException {
        long runPk = writableRun(tx, runId, "accepts no more params, metrics or tags; start a new run to log more");
        if (!batch.params().isEmpty()) {
            insertParams(tx, runPk, runId, batch.params());
        }
        if (!batch.tags().isEmpty()) {
            upsertTags(tx, runPk, batch.tags());
        }
        if (!batch.metrics().isEmpty()) {
            insertMetrics(tx, runPk, batch.metrics());
        }
    }

    void deleteTag(WriteTx tx, String runId, String key) throws SQLException {
        long runPk = writableRun(tx, runId, "accepts no more tag changes; tag a new run instead");
        PreparedStatement ps = tx.prepare("DELETE FROM mlops_tags WHERE run_pk = ? AND tag_key = ?");
        ps.setLong(1, runPk);
        ps.setString(2, key);
        ps.executeUpdate();
    }

    void putArtifact(WriteTx tx, String runId, ArtifactInfo artifact) throws SQLException {
        long runPk = writableRun(tx, runId, "accepts no more artifacts; log them to a new run");
        PreparedStatement ps = tx.prepare(upsertArtifact);
        ps.setLong(1, runPk);
        ps.setString(2, artifact.path());
        ps.setString(3, artifact.sha256());
        ps.setLong(4, artifact.size());
        ps.setLong(5, artifact.loggedAt().toEpochMilli());
        ps.executeUpdate();
    }

    /**
     * The lock a write to a run is submitted with where undoing it could lose another writer's change of the run
     * (H2, while other writers may use the database). Elsewhere the write locks the run itself, in the same
     * statement that reads it, inside its savepoint.
     *
     * @param runId a run
     * @return the lock, or null
     */
    GroupCommitWriter.TxLock runLock(String runId) {
        return keepLocks && shared.getAsBoolean() ? new RowLock(lockRun, List.of(runId)) : null;
    }

    /**
     * Locks the rows a locking query selects; rows it does not find (a missing run, an unknown experiment) are
     * reported by the write that follows.
     *
     * @param sql a {@code SELECT ... FOR UPDATE}
     * @param parameters its parameters, which with the query tell locks apart
     */
    private record RowLock(String sql, List<Object> parameters) implements GroupCommitWriter.TxLock {
        @Override
        public void acquire(WriteTx tx) throws SQLException {
            PreparedStatement ps = tx.prepare(sql);
            for (int i = 0; i < parameters.size(); i++) {
                ps.setObject(i + 1, parameters.get(i));
            }
            ps.executeQuery().close();
        }
    }

    /**
     * Checks that a run exists and accepts writes, locking its row while other writers may use the database.
     *
     * @return the run's surrogate key
     */
    private long writableRun(WriteTx tx, String runId, String refusal) throws SQLException {
        // Locked here unless the writer took the run lock before the write (see runLock).
        boolean lockHere = shared.getAsBoolean() && !tx.holds(new RowLock(lockRun, List.of(runId)));
        PreparedStatement ps = tx.prepare(lockHere ? lockRun : READ_RUN);
        ps.setString(1, runId);
        try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw JdbcErrors.runNotFound(store, runId);
            }
            String status = rs.getString(2);
            if (!RunStatus.RUNNING.name().equals(status)) {
                throw new IllegalRunStateException("run '" + runId + "' has ended (" + status + ") and " + refusal);
            }
            return rs.getLong(1);
        }
    }

    private void insertParams(WriteTx tx, long runPk, String runId, Map<String, String> params) throws SQLException {
        Map<String, String> stored = new HashMap<>();
        if (params.size() > BULK_LOOKUP) {
            PreparedStatement query = tx.prepare(SELECT_PARAMS_OF_RUN);
            query.setLong(1, runPk);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    stored.put(rs.getString(1), rs.getString(2));
                }
            }
        } else {
            PreparedStatement query = tx.prepare(SELECT_PARAM);
            for (String key : params.keySet()) {
                query.setLong(1, runPk);
                query.setString(2, key);
                try (ResultSet rs = query.executeQuery()) {
                    if (rs.next()) {
                        stored.put(key, rs.getString(1));
                    }
                }
            }
        }
        PreparedStatement insert = tx.prepare(INSERT_PARAM);
        int added = 0;
        // Sorted so that, of several conflicting keys, the message always names the same one.
        for (Map.Entry<String, String> p : new TreeMap<>(params).entrySet()) {
            String old = stored.get(p.getKey());
            if (old == null) {
                insert.setLong(1, runPk);
                insert.setString(2, p.getKey());
                insert.setString(3, p.getValue());
                insert.addBatch();
                added++;
            } else if (!old.equals(p.getValue())) {
                throw new ConflictException("param '" + p.getKey() + "' of run '" + runId + "' is already '" + old
                        + "' and cannot be changed to '" + p.getValue() + "': params are immutable. Log the new value"
                        + " under another key, or start a new run.");
            }
        }
        if (added > 0) {
            insert.executeBatch();
        }
    }

    private void upsertTags(WriteTx tx, long runPk, Map<String, String> tags) throws SQLException {
        writeTags(tx, upsertTag, runPk, tags);
    }

    /** The tags of a run inserted in this transaction: none can exist yet, so no upsert (which reads first). */
    private static void insertTags(WriteTx tx, long runPk, Map<String, String> tags) throws SQLException {
        writeTags(tx, "INSERT INTO mlops_tags (run_pk, tag_key, tag_value) VALUES (?, ?, ?)", runPk, tags);
    }

    /** @param sql an insert or upsert of (run_pk, tag_key, tag_value) */
    private static void writeTags(WriteTx tx, String sql, long runPk, Map<String, String> tags) throws SQLException {
        if (tags.isEmpty()) {
            return;
        }
        PreparedStatement ps = tx.prepare(sql);
        for (Map.Entry<String, String> t : tags.entrySet()) {
            ps.setLong(1, runPk);
            ps.setString(2, t.getKey());
            ps.setString(3, t.getValue());
            executeOrAdd(ps, tags.size());
        }
        executeBatchIfMany(ps, tags.size());
    }

    private void insertMetrics(WriteTx tx, long runPk, List<Metric> metrics) throws SQLException {
        Map<String, List<Metric>> byKey = new LinkedHashMap<>();
        for (Metric m : metrics) {
            byKey.computeIfAbsent(m.key(), k -> new ArrayList<>()).add(m);
        }
        List<List<Metric>> chunks = new ArrayList<>();
        Map<String, Metric> best = new HashMap<>();
        for (List<Metric> points : byKey.values()) {
            chunks.addAll(MetricChunks.split(points));
            Metric top = points.get(0);
            for (Metric m : points) {
                if (Metric.LATEST_ORDER.compare(m, top) > 0) {
                    top = m;
                }
            }
            best.put(top.key(), top);
        }
        PreparedStatement insert = tx.prepare(INSERT_CHUNK);
        for (List<Metric> chunk : chunks) {
            insert.setLong(1, runPk);
            insert.setString(2, chunk.get(0).key());
            insert.setInt(3, chunk.size());
            insert.setBytes(4, MetricChunks.encode(chunk));
            executeOrAdd(insert, chunks.size());
        }
        executeBatchIfMany(insert, chunks.size());
        updateLatest(tx, runPk, best);
    }

    /** Keeps {@code mlops_latest_metrics} at the greatest point by {@link Metric#LATEST_ORDER}. */
    private void updateLatest(WriteTx tx, long runPk, Map<String, Metric> candidates) throws SQLException {
        Map<String, Metric> stored = new HashMap<>();
        if (candidates.size() > BULK_LOOKUP) {
            PreparedStatement query = tx.prepare(SELECT_LATEST_OF_RUN);
            query.setLong(1, runPk);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    String key = rs.getString(1);
                    if (candidates.containsKey(key)) {
                        stored.put(key, Rows.latestMetric(key, rs, 2));
                    }
                }
            }
        } else {
            PreparedStatement query = tx.prepare(SELECT_LATEST);
            for (String key : candidates.keySet()) {
                query.setLong(1, runPk);
                query.setString(2, key);
                try (ResultSet rs = query.executeQuery()) {
                    if (rs.next()) {
                        stored.put(key, Rows.latestMetric(key, rs, 1));
                    }
                }
            }
        }
        List<Metric> newer = new ArrayList<>();
        for (Metric m : candidates.values()) {
            Metric old = stored.get(m.key());
            if (old == null || Metric.LATEST_ORDER.compare(m, old) > 0) {
                newer.add(m);
            }
        }
        PreparedStatement upsert = tx.prepare(upsertLatest);
        for (Metric m : newer) {
            upsert.setLong(1, runPk);
            upsert.setString(2, m.key());
            upsert.setDouble(3, m.value());
            upsert.setLong(4, Double.doubleToRawLongBits(m.value()));
            upsert.setLong(5, m.step());
            upsert.setLong(6, m.timestamp().toEpochMilli());
            executeOrAdd(upsert, newer.size());
        }
        executeBatchIfMany(upsert, newer.size());
    }

    /** Executes a single row at once (cheaper than a batch of one), or adds it to the batch. */
    private static void executeOrAdd(PreparedStatement ps, int rows) throws SQLException {
        if (rows == 1) {
            ps.executeUpdate();
        } else {
            ps.addBatch();
        }
    }

    private static void executeBatchIfMany(PreparedStatement ps, int rows) throws SQLException {
        if (rows > 1) {
            ps.executeBatch();
        }
    }

    private static boolean exists(WriteTx tx, String sql, long id) throws SQLException {
        PreparedStatement ps = tx.prepare(sql);
        ps.setLong(1, id);
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next();
        }
    }

    // ---------------------------------------------------------------- owners

    void registerOwner(WriteTx tx, OwnerInfo owner) throws SQLException {
        PreparedStatement ps = tx.prepare(upsertOwner);
        ps.setString(1, owner.ownerId());
        ps.setString(2, owner.host());
        ps.setLong(3, owner.pid());
        ps.setLong(4, owner.startedAt().toEpochMilli());
        ps.setLong(5, owner.lastHeartbeat().toEpochMilli());
        ps.executeUpdate();
    }

    void heartbeat(WriteTx tx, String ownerId, Instant now) throws SQLException {
        PreparedStatement ps = tx.prepare("UPDATE mlops_owners SET last_heartbeat = ? WHERE owner_id = ?");
        ps.setLong(1, now.toEpochMilli());
        ps.setString(2, ownerId);
        ps.executeUpdate();
    }

    void removeOwner(WriteTx tx, String ownerId) throws SQLException {
        PreparedStatement ps = tx.prepare("DELETE FROM mlops_owners WHERE owner_id = ?");
        ps.setString(1, ownerId);
        ps.executeUpdate();
    }

    /**
     * The lock {@link #killRunsOfOwner} is submitted with where undoing it could lose another writer's change of the
     * runs (H2, while other writers may use the database): the owner's running runs, which another store may be
     * ending or logging to (the owner was only presumed dead). Elsewhere the kill locks them itself.
     *
     * @param ownerId an owner
     * @return the lock, or null
     */
    GroupCommitWriter.TxLock ownerRunsLock(String ownerId) {
        return keepLocks && shared.getAsBoolean() ? ownerRuns(ownerId) : null;
    }

    private RowLock ownerRuns(String ownerId) {
        return new RowLock(lockRunsOfOwner, List.of(ownerId, RunStatus.RUNNING.name()));
    }

    List<String> killRunsOfOwner(WriteTx tx, String ownerId, Instant endTime, String reason) throws SQLException {
        // Locked here unless the writer took the lock before the write (see ownerRunsLock). A run the owner started
        // after that lock would be locked here, inside the savepoint; an owner presumed dead starts none.
        PreparedStatement select = tx.prepare(tx.holds(ownerRuns(ownerId)) ? SELECT_RUNS_OF_OWNER : lockRunsOfOwner);
        select.setString(1, ownerId);
        select.setString(2, RunStatus.RUNNING.name());
        List<Long> keys = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        try (ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                keys.add(rs.getLong(1));
                ids.add(rs.getString(2));
            }
        }
        if (!keys.isEmpty()) {
            PreparedStatement update = tx.prepare("UPDATE mlops_runs SET status = ?, end_time = ? WHERE run_pk = ?");
            PreparedStatement tag = tx.prepare(upsertTag);
            for (long key : keys) {
                update.setString(1, RunStatus.KILLED.name());
                update.setLong(2, endTime.toEpochMilli());
                update.setLong(3, key);
                update.addBatch();
                tag.setLong(1, key);
                tag.setString(2, SystemTags.KILLED_REASON);
                tag.setString(3, reason);
                tag.addBatch();
            }
            update.executeBatch();
            tag.executeBatch();
        }
        removeOwner(tx, ownerId);
        return ids;
    }
}
