package dev.mlops4j.store.jdbc;

import dev.mlops4j.spi.OwnerInfo;
import dev.mlops4j.spi.PageTokens;
import dev.mlops4j.spi.RunArtifact;
import dev.mlops4j.tracking.ArtifactInfo;
import dev.mlops4j.tracking.ExperimentInfo;
import dev.mlops4j.tracking.Metric;
import dev.mlops4j.tracking.MetricPage;
import dev.mlops4j.tracking.RunInfo;
import dev.mlops4j.tracking.RunRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeSet;

/**
 * The reads of a {@link JdbcMetadataStore}, each on a pooled connection of its own. They see committed
 * data only, which is every write whose call has returned.
 */
final class JdbcReads {
    private static final String EXPERIMENT_COLUMNS = "experiment_id, name, description, created_at";
    /** Runs per query when loading the params, metrics and tags of a page. */
    private static final int IN_LIST_SIZE = 500;

    private final String store;

    JdbcReads(String store) {
        this.store = store;
    }

    String store() {
        return store;
    }

    // ---------------------------------------------------------------- experiments

    Optional<ExperimentInfo> findExperimentByName(Connection c, String name) throws SQLException {
        return experiments(c, "SELECT " + EXPERIMENT_COLUMNS + " FROM mlops_experiments WHERE name = ?", name)
                .stream().findFirst();
    }

    Optional<ExperimentInfo> findExperiment(Connection c, String experimentId) throws SQLException {
        OptionalLong id = Rows.experimentKey(experimentId);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        return experiments(c, "SELECT " + EXPERIMENT_COLUMNS + " FROM mlops_experiments WHERE experiment_id = ?",
                id.getAsLong()).stream().findFirst();
    }

    List<ExperimentInfo> listExperiments(Connection c) throws SQLException {
        return experiments(c, "SELECT " + EXPERIMENT_COLUMNS + " FROM mlops_experiments ORDER BY name", null);
    }

    private List<ExperimentInfo> experiments(Connection c, String sql, Object arg) throws SQLException {
        record Row(long id, String name, String description, long createdAt) {
        }
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (arg != null) {
                ps.setObject(1, arg);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)));
                }
            }
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, Map<String, String>> tags = new HashMap<>();
        String tagSql = "SELECT experiment_id, tag_key, tag_value FROM mlops_experiment_tags"
                + (rows.size() == 1 ? " WHERE experiment_id = ?" : "");
        try (PreparedStatement ps = c.prepareStatement(tagSql)) {
            if (rows.size() == 1) {
                ps.setLong(1, rows.get(0).id());
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tags.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getString(2), rs.getString(3));
                }
            }
        }
        List<ExperimentInfo> result = new ArrayList<>(rows.size());
        for (Row r : rows) {
            result.add(new ExperimentInfo(Long.toString(r.id()), r.name(), r.description(),
                    tags.getOrDefault(r.id(), Map.of()), Instant.ofEpochMilli(r.createdAt())));
        }
        return result;
    }

    // ---------------------------------------------------------------- runs

    Optional<RunInfo> findRunInfo(Connection c, String runId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + Rows.RUN_COLUMNS + " FROM mlops_runs r WHERE r.run_id = ?")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(Rows.runInfo(rs, 1)) : Optional.empty();
            }
        }
    }

    Optional<RunRecord> findRun(Connection c, String runId) throws SQLException {
        long runPk;
        RunInfo info;
        try (PreparedStatement ps = c.prepareStatement("SELECT r.run_pk, " + Rows.RUN_COLUMNS
                + " FROM mlops_runs r WHERE r.run_id = ?")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                runPk = rs.getLong(1);
                info = Rows.runInfo(rs, 2);
            }
        }
        Map<Long, RunInfo> one = new LinkedHashMap<>();
        one.put(runPk, info);
        return Optional.of(records(c, one).get(0));
    }

    /**
     * Loads params, latest metrics and tags of many runs with one query per table.
     *
     * @param c connection
     * @param runs runs by surrogate key, in the order wanted
     * @return the records in that order
     * @throws SQLException on a database failure
     */
    List<RunRecord> records(Connection c, Map<Long, RunInfo> runs) throws SQLException {
        if (runs.isEmpty()) {
            return List.of();
        }
        Map<Long, Map<String, String>> params = new HashMap<>();
        Map<Long, Map<String, Metric>> metrics = new HashMap<>();
        Map<Long, Map<String, String>> tags = new HashMap<>();
        List<Long> keys = new ArrayList<>(runs.keySet());
        // Explicit IN lists, which the planner serves from the primary keys; "run_pk = ANY(?)" it would not.
        for (int from = 0; from < keys.size(); from += IN_LIST_SIZE) {
            List<Long> part = keys.subList(from, Math.min(keys.size(), from + IN_LIST_SIZE));
            String in = " WHERE run_pk IN (?" + ", ?".repeat(part.size() - 1) + ")";
            try (PreparedStatement ps = c.prepareStatement("SELECT run_pk, param_key, param_value FROM mlops_params" + in)) {
                bindRuns(ps, part);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        params.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getString(2), rs.getString(3));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT run_pk, tag_key, tag_value FROM mlops_tags" + in)) {
                bindRuns(ps, part);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        tags.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getString(2), rs.getString(3));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT run_pk, metric_key, value_bits, step, timestamp_ms"
                    + " FROM mlops_latest_metrics" + in)) {
                bindRuns(ps, part);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String key = rs.getString(2);
                        metrics.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(key, Rows.latestMetric(key, rs, 3));
                    }
                }
            }
        }
        List<RunRecord> result = new ArrayList<>(runs.size());
        for (Map.Entry<Long, RunInfo> e : runs.entrySet()) {
            long k = e.getKey();
            result.add(new RunRecord(e.getValue(), params.get(k), metrics.get(k), tags.get(k)));
        }
        return result;
    }

    private static void bindRuns(PreparedStatement ps, List<Long> keys) throws SQLException {
        for (int i = 0; i < keys.size(); i++) {
            ps.setLong(i + 1, keys.get(i));
        }
    }

    List<RunInfo> childRuns(Connection c, String parentRunId) throws SQLException {
        List<RunInfo> children = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + Rows.RUN_COLUMNS + " FROM mlops_runs r"
                + " WHERE r.parent_run_id = ? ORDER BY r.start_time, r.run_id")) {
            ps.setString(1, parentRunId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    children.add(Rows.runInfo(rs, 1));
                }
            }
        }
        return children;
    }

    // ---------------------------------------------------------------- metric history

    MetricPage metricHistory(Connection c, String runId, String key, String pageToken, int maxResults)
            throws SQLException {
        long offset = PageTokens.decode(pageToken, runId + "/" + key);
        List<Metric> points = history(c, runKey(c, runId), key);
        int from = (int) Math.min(offset, points.size());
        int to = (int) Math.min((long) from + maxResults, points.size());
        String next = to < points.size() ? PageTokens.encode(to, runId + "/" + key) : null;
        return new MetricPage(new ArrayList<>(points.subList(from, to)), next);
    }

    long countMetricHistory(Connection c, String runId, String key) throws SQLException {
        long runPk = runKey(c, runId);
        try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(SUM(point_count), 0) FROM mlops_metric_chunks"
                + " WHERE run_pk = ? AND metric_key = ?")) {
            ps.setLong(1, runPk);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static List<Metric> history(Connection c, long runPk, String key) throws SQLException {
        List<Metric> points = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT points FROM mlops_metric_chunks"
                + " WHERE run_pk = ? AND metric_key = ? ORDER BY chunk_id")) {
            ps.setLong(1, runPk);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    MetricChunks.decode(key, rs.getBytes(1), points);
                }
            }
        }
        MetricChunks.sortHistory(points);
        return points;
    }

    private long runKey(Connection c, String runId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT run_pk FROM mlops_runs WHERE run_id = ?")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw JdbcErrors.runNotFound(store, runId);
                }
                return rs.getLong(1);
            }
        }
    }

    // ---------------------------------------------------------------- artifacts

    List<ArtifactInfo> listArtifacts(Connection c, String runId) throws SQLException {
        return artifacts(c, runId, null);
    }

    Optional<ArtifactInfo> findArtifact(Connection c, String runId, String path) throws SQLException {
        return artifacts(c, runId, path).stream().findFirst();
    }

    List<RunArtifact> artifactsByHash(Connection c, Collection<String> sha256s) throws SQLException {
        List<String> hashes = List.copyOf(new TreeSet<>(sha256s));
        List<RunArtifact> result = new ArrayList<>();
        // No index on sha256 (retention asks rarely, in batches): one scan of the names per IN_LIST_SIZE hashes.
        for (int from = 0; from < hashes.size(); from += IN_LIST_SIZE) {
            List<String> part = hashes.subList(from, Math.min(hashes.size(), from + IN_LIST_SIZE));
            try (PreparedStatement ps = c.prepareStatement("SELECT r.run_id, a.path, a.sha256, a.size_bytes,"
                    + " a.logged_at FROM mlops_artifacts a JOIN mlops_runs r ON r.run_pk = a.run_pk"
                    + " WHERE a.sha256 IN (?" + ", ?".repeat(part.size() - 1) + ")")) {
                for (int i = 0; i < part.size(); i++) {
                    ps.setString(i + 1, part.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        result.add(new RunArtifact(rs.getString(1), new ArtifactInfo(rs.getString(2),
                                rs.getString(3), rs.getLong(4), Instant.ofEpochMilli(rs.getLong(5)))));
                    }
                }
            }
        }
        // Sorted here rather than in SQL: the order must not depend on the database's collation.
        result.sort(Comparator.comparing(RunArtifact::runId).thenComparing(r -> r.artifact().path()));
        return result;
    }

    private List<ArtifactInfo> artifacts(Connection c, String runId, String path) throws SQLException {
        List<ArtifactInfo> result = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT a.path, a.sha256, a.size_bytes, a.logged_at"
                + " FROM mlops_artifacts a JOIN mlops_runs r ON r.run_pk = a.run_pk WHERE r.run_id = ?"
                + (path == null ? " ORDER BY a.path" : " AND a.path = ?"))) {
            ps.setString(1, runId);
            if (path != null) {
                ps.setString(2, path);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(new ArtifactInfo(rs.getString(1), rs.getString(2), rs.getLong(3),
                            Instant.ofEpochMilli(rs.getLong(4))));
                }
            }
        }
        return result;
    }

    // ---------------------------------------------------------------- owners

    List<OwnerInfo> listOwners(Connection c) throws SQLException {
        List<OwnerInfo> owners = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT owner_id, host, pid, started_at, last_heartbeat"
                + " FROM mlops_owners ORDER BY owner_id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                owners.add(new OwnerInfo(rs.getString(1), rs.getString(2), rs.getLong(3),
                        Instant.ofEpochMilli(rs.getLong(4)), Instant.ofEpochMilli(rs.getLong(5))));
            }
        }
        // Owners whose row is gone but who still have RUNNING runs (e.g. removed by hand) must stay
        // visible, or their runs would never be recovered. Nothing is known of them but their runs.
        try (PreparedStatement ps = c.prepareStatement("SELECT r.owner_id, MIN(r.start_time), MAX(r.start_time)"
                + " FROM mlops_runs r WHERE r.status = 'RUNNING' AND r.owner_id IS NOT NULL AND NOT EXISTS"
                + " (SELECT 1 FROM mlops_owners o WHERE o.owner_id = r.owner_id) GROUP BY r.owner_id ORDER BY r.owner_id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                owners.add(new OwnerInfo(rs.getString(1), "", -1, Instant.ofEpochMilli(rs.getLong(2)),
                        Instant.ofEpochMilli(rs.getLong(3))));
            }
        }
        return owners;
    }
}
