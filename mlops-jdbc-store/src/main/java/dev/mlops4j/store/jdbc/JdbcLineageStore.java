package dev.mlops4j.store.jdbc;

import dev.mlops4j.ConflictException;
import dev.mlops4j.NotFoundException;
import dev.mlops4j.lineage.Artifact;
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
import dev.mlops4j.spi.FinishedRun;
import dev.mlops4j.spi.LineageStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The lineage part of a {@link JdbcMetadataStore} (tables of migration V3): writes go through the store's group-commit
 * writer, so one {@link #recordExecution} is one transaction (a savepoint inside a group); reads run in the store's
 * snapshot reads. Every statement is parameterized; the optional criteria of the queries add fixed SQL fragments.
 */
final class JdbcLineageStore implements LineageStore {
    private static final String ARTIFACT_COLUMNS = "artifact_id, artifact_type, uri, fingerprint, size_bytes, state,"
            + " created_at";
    private static final String EXECUTION_COLUMNS = "execution_id, execution_type, state, cache_key, run_id,"
            + " started_at, ended_at";

    private final JdbcMetadataStore owner;

    JdbcLineageStore(JdbcMetadataStore owner) {
        this.owner = owner;
    }

    // ---------------------------------------------------------------- contexts

    @Override
    public Context putContext(Context context) {
        Objects.requireNonNull(context, "context");
        return owner.write("putContext", tx -> {
            Optional<Context> existing = findContext(tx.connection(), context.type(), context.name());
            if (existing.isPresent()) {
                return existing.get();
            }
            if (exists(tx.connection(), "SELECT 1 FROM mlops_lineage_contexts WHERE context_id = ?", context.id())) {
                throw new ConflictException("context id " + context.id() + " exists with another type or name");
            }
            insertContext(tx, context);
            return context;
        });
    }

    private static void insertContext(WriteTx tx, Context context) throws SQLException {
        PreparedStatement ps = tx.prepare("INSERT INTO mlops_lineage_contexts (context_id, context_type,"
                + " context_name, created_at) VALUES (?, ?, ?, ?)");
        ps.setString(1, context.id());
        ps.setString(2, context.type());
        ps.setString(3, context.name());
        ps.setLong(4, context.createdAt().toEpochMilli());
        ps.executeUpdate();
    }

    @Override
    public Optional<Context> findContext(String type, String name) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        return owner.read("findContext", c -> findContext(c, type, name));
    }

    private static Optional<Context> findContext(Connection c, String type, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT context_id, context_type, context_name, created_at"
                + " FROM mlops_lineage_contexts WHERE context_type = ? AND context_name = ?")) {
            ps.setString(1, type);
            ps.setString(2, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(context(rs)) : Optional.empty();
            }
        }
    }

    private static Context context(ResultSet rs) throws SQLException {
        return new Context(rs.getString(1), rs.getString(2), rs.getString(3), Instant.ofEpochMilli(rs.getLong(4)));
    }

    // ---------------------------------------------------------------- the atomic execution write

    @Override
    public void recordExecution(ExecutionRecord record) {
        Objects.requireNonNull(record, "record");
        owner.write("recordExecution", tx -> {
            // Check first, write second: the group commit rolls a failed request back to its savepoint anyway, but
            // typed errors need the checks.
            check(tx, record, new Staged());
            insert(tx, record);
            return null;
        });
    }

    @Override
    public void recordAll(List<Context> contexts, List<FinishedRun> runs, List<ExecutionRecord> records) {
        List<Context> newContexts = List.copyOf(contexts);
        List<FinishedRun> newRuns = List.copyOf(runs);
        List<ExecutionRecord> batch = List.copyOf(records);
        owner.write("recordAll", tx -> {
            Staged staged = new Staged();
            for (Context c : newContexts) {
                if (staged.contexts.contains(c.id()) || findContext(tx.connection(), c.type(), c.name()).isPresent()
                        || exists(tx, "SELECT 1 FROM mlops_lineage_contexts WHERE context_id = ?", c.id())) {
                    throw new ConflictException("context " + c.type() + " '" + c.name() + "' (" + c.id() + ") exists"
                            + " already; a batch only creates new contexts");
                }
                insertContext(tx, c);
                staged.contexts.add(c.id());
            }
            for (FinishedRun f : newRuns) {
                owner.createFinishedRun(tx, f);
            }
            for (ExecutionRecord r : batch) {
                check(tx, r, staged);
            }
            for (ExecutionRecord r : batch) {
                insert(tx, r);
            }
            return null;
        });
    }

    @Override
    public void updateExecution(ExecutionRecord update) {
        Objects.requireNonNull(update, "update");
        Execution next = update.execution();
        owner.write("updateExecution", tx -> {
            List<Execution> found = executions(tx.connection(), "SELECT " + EXECUTION_COLUMNS + " FROM"
                    + " mlops_lineage_executions WHERE execution_id = ?", List.of(next.id()));
            if (found.isEmpty()) {
                throw new NotFoundException("execution " + next.id() + " is not recorded; record it before updating"
                        + " it");
            }
            Execution stored = found.get(0);
            update.checkUpdates(stored);
            Staged staged = new Staged();
            Set<String> newIds = checkNewArtifacts(tx, update, staged);
            checkEvents(tx, update, newIds, staged);
            for (Event ev : update.events()) {
                PreparedStatement ps = tx.prepare("SELECT 1 FROM mlops_lineage_events WHERE execution_id = ? AND"
                        + " event_type = ? AND event_name = ? AND artifact_id = ?");
                ps.setString(1, next.id());
                ps.setString(2, ev.type().name());
                ps.setString(3, ev.name());
                ps.setString(4, ev.artifactId());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        throw new ConflictException("execution " + next.id() + " already has the " + ev.type()
                                + " event '" + ev.name() + "' of artifact " + ev.artifactId());
                    }
                }
            }
            insertArtifacts(tx, update.newArtifacts());
            // Guarded by the state read above: another process that moved it first makes this update match nothing.
            PreparedStatement ps = tx.prepare("UPDATE mlops_lineage_executions SET state = ?, ended_at = ? WHERE"
                    + " execution_id = ? AND state = ?");
            ps.setString(1, next.state().name());
            setNullableMillis(ps, 2, next.endedAt());
            ps.setString(3, next.id());
            ps.setString(4, stored.state().name());
            if (ps.executeUpdate() != 1) {
                throw new ConflictException("execution " + next.id() + " changed state while it was being updated to "
                        + next.state() + "; read it again");
            }
            PreparedStatement delete = tx.prepare("DELETE FROM mlops_lineage_execution_properties WHERE"
                    + " execution_id = ?");
            delete.setString(1, next.id());
            delete.executeUpdate();
            insertProperties(tx, next);
            insertEvents(tx, next.id(), update.events());
            return null;
        });
    }

    /** What earlier records of one batch added, and what was found to exist, so later ones need not ask again. */
    private static final class Staged {
        final Set<String> executions = new HashSet<>();
        final Set<String> artifacts = new HashSet<>();
        final Set<String> contexts = new HashSet<>();
    }

    private static void check(WriteTx tx, ExecutionRecord record, Staged staged) throws SQLException {
        Execution e = record.execution();
        if (staged.executions.contains(e.id()) || exists(tx, "SELECT 1 FROM mlops_lineage_executions WHERE"
                + " execution_id = ?", e.id())) {
            throw new ConflictException("execution " + e.id() + " is already recorded");
        }
        Set<String> newIds = checkNewArtifacts(tx, record, staged);
        checkEvents(tx, record, newIds, staged);
        for (String contextId : record.contextIds()) {
            if (!staged.contexts.contains(contextId)) {
                if (!exists(tx, "SELECT 1 FROM mlops_lineage_contexts WHERE context_id = ?", contextId)) {
                    throw new NotFoundException("context " + contextId + " does not exist; create it with putContext"
                            + " first");
                }
                staged.contexts.add(contextId);
            }
        }
        staged.executions.add(e.id());
        staged.artifacts.addAll(newIds);
    }

    private static Set<String> checkNewArtifacts(WriteTx tx, ExecutionRecord record, Staged staged)
            throws SQLException {
        Set<String> newIds = new HashSet<>();
        for (Artifact a : record.newArtifacts()) {
            if (staged.artifacts.contains(a.id()) || exists(tx, "SELECT 1 FROM mlops_lineage_artifacts WHERE"
                    + " artifact_id = ?", a.id())) {
                throw new ConflictException("artifact " + a.id() + " is already recorded; reference it with an"
                        + " event instead of recording it again");
            }
            newIds.add(a.id());
        }
        return newIds;
    }

    private static void checkEvents(WriteTx tx, ExecutionRecord record, Set<String> newIds, Staged staged)
            throws SQLException {
        for (Event ev : record.events()) {
            if (newIds.contains(ev.artifactId()) || staged.artifacts.contains(ev.artifactId())) {
                continue;
            }
            if (!exists(tx, "SELECT 1 FROM mlops_lineage_artifacts WHERE artifact_id = ?", ev.artifactId())) {
                throw new NotFoundException("event '" + ev.name() + "' of execution " + record.execution().id()
                        + " names artifact " + ev.artifactId() + ", which is neither recorded nor in the record");
            }
            // Known to exist from now on: artifacts are never removed, only marked DELETED.
            staged.artifacts.add(ev.artifactId());
        }
    }

    private static void insert(WriteTx tx, ExecutionRecord record) throws SQLException {
        Execution e = record.execution();
        insertArtifacts(tx, record.newArtifacts());
        PreparedStatement ps = tx.prepare("INSERT INTO mlops_lineage_executions (" + EXECUTION_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?)");
        ps.setString(1, e.id());
        ps.setString(2, e.type());
        ps.setString(3, e.state().name());
        ps.setString(4, e.cacheKey());
        ps.setString(5, e.runId());
        ps.setLong(6, e.startedAt().toEpochMilli());
        setNullableMillis(ps, 7, e.endedAt());
        ps.executeUpdate();
        insertProperties(tx, e);
        insertEvents(tx, e.id(), record.events());
        if (!record.contextIds().isEmpty()) {
            PreparedStatement attributions = tx.prepare("INSERT INTO mlops_lineage_attributions (context_id,"
                    + " execution_id) VALUES (?, ?)");
            for (String contextId : new java.util.LinkedHashSet<>(record.contextIds())) {
                attributions.setString(1, contextId);
                attributions.setString(2, e.id());
                attributions.addBatch();
            }
            attributions.executeBatch();
        }
    }

    private static void setNullableMillis(PreparedStatement ps, int index, Instant time) throws SQLException {
        if (time == null) {
            ps.setNull(index, java.sql.Types.BIGINT);
        } else {
            ps.setLong(index, time.toEpochMilli());
        }
    }

    private static void insertProperties(WriteTx tx, Execution e) throws SQLException {
        if (e.properties().isEmpty()) {
            return;
        }
        PreparedStatement props = tx.prepare("INSERT INTO mlops_lineage_execution_properties (execution_id,"
                + " prop_key, prop_value) VALUES (?, ?, ?)");
        addProperties(props, e.id(), e.properties());
        props.executeBatch();
    }

    /** Adds one (id, key, value) row per property to the batch of an INSERT into a properties table. */
    private static void addProperties(PreparedStatement insert, String id, Map<String, String> properties)
            throws SQLException {
        for (Map.Entry<String, String> p : properties.entrySet()) {
            insert.setString(1, id);
            insert.setString(2, p.getKey());
            insert.setString(3, p.getValue());
            insert.addBatch();
        }
    }

    private static void insertEvents(WriteTx tx, String executionId, List<Event> list) throws SQLException {
        if (list.isEmpty()) {
            return;
        }
        PreparedStatement events = tx.prepare("INSERT INTO mlops_lineage_events (execution_id, artifact_id,"
                + " event_type, event_name, event_time) VALUES (?, ?, ?, ?, ?)");
        for (Event ev : list) {
            events.setString(1, executionId);
            events.setString(2, ev.artifactId());
            events.setString(3, ev.type().name());
            events.setString(4, ev.name());
            events.setLong(5, ev.time().toEpochMilli());
            events.addBatch();
        }
        events.executeBatch();
    }

    private static void insertArtifacts(WriteTx tx, List<Artifact> artifacts) throws SQLException {
        if (artifacts.isEmpty()) {
            return;
        }
        PreparedStatement ps = tx.prepare("INSERT INTO mlops_lineage_artifacts (" + ARTIFACT_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?)");
        boolean anyProps = false;
        for (Artifact a : artifacts) {
            ps.setString(1, a.id());
            ps.setString(2, a.type());
            ps.setString(3, a.uri());
            ps.setString(4, a.fingerprint());
            ps.setLong(5, a.size());
            ps.setString(6, a.state().name());
            ps.setLong(7, a.createdAt().toEpochMilli());
            ps.addBatch();
            anyProps |= !a.properties().isEmpty();
        }
        ps.executeBatch();
        if (anyProps) {
            PreparedStatement props = tx.prepare("INSERT INTO mlops_lineage_artifact_properties (artifact_id, prop_key,"
                    + " prop_value) VALUES (?, ?, ?)");
            for (Artifact a : artifacts) {
                addProperties(props, a.id(), a.properties());
            }
            props.executeBatch();
        }
    }

    private static boolean exists(WriteTx tx, String sql, String id) throws SQLException {
        PreparedStatement ps = tx.prepare(sql);
        ps.setString(1, id);
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next();
        }
    }

    private static boolean exists(Connection c, String sql, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    // ---------------------------------------------------------------- artifacts

    @Override
    public Optional<Artifact> findArtifact(String id) {
        Objects.requireNonNull(id, "id");
        return owner.read("findArtifact", c -> {
            List<Artifact> found = artifacts(c, "SELECT " + ARTIFACT_COLUMNS + " FROM mlops_lineage_artifacts"
                    + " WHERE artifact_id = ?", List.of(id));
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        });
    }

    @Override
    public List<Artifact> findArtifacts(ArtifactQuery query) {
        Objects.requireNonNull(query, "query");
        StringBuilder sql = new StringBuilder("SELECT " + ARTIFACT_COLUMNS + " FROM mlops_lineage_artifacts WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (query.uri() != null) {
            sql.append(" AND uri = ?");
            args.add(query.uri());
        }
        if (query.fingerprint() != null) {
            sql.append(" AND fingerprint = ?");
            args.add(query.fingerprint());
        }
        if (query.type() != null) {
            sql.append(" AND artifact_type = ?");
            args.add(query.type());
        }
        if (query.state() != null) {
            sql.append(" AND state = ?");
            args.add(query.state().name());
        }
        if (query.createdBefore() != null) {
            sql.append(" AND created_at < ?");
            args.add(query.createdBefore().toEpochMilli());
        }
        sql.append(" ORDER BY created_at, artifact_id LIMIT ?");
        args.add(query.limit());
        return owner.read("findArtifacts", c -> artifacts(c, sql.toString(), args));
    }

    private static List<Artifact> artifacts(Connection c, String sql, List<?> args) throws SQLException {
        Map<String, Object[]> rows = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.put(rs.getString(1), new Object[] {rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getLong(5), rs.getString(6), rs.getLong(7)});
                }
            }
        }
        Map<String, Map<String, String>> props = properties(c, "SELECT artifact_id, prop_key, prop_value FROM"
                + " mlops_lineage_artifact_properties WHERE artifact_id = ?", rows.keySet());
        List<Artifact> out = new ArrayList<>(rows.size());
        for (Object[] r : rows.values()) {
            out.add(new Artifact((String) r[0], (String) r[1], (String) r[2], (String) r[3], (Long) r[4],
                    ArtifactState.valueOf((String) r[5]), Instant.ofEpochMilli((Long) r[6]),
                    props.getOrDefault((String) r[0], Map.of())));
        }
        return out;
    }

    /** Properties per id, one parameterized query per id (results are small: a step's outputs, a graph's nodes). */
    private static Map<String, Map<String, String>> properties(Connection c, String sql, Collection<String> ids)
            throws SQLException {
        Map<String, Map<String, String>> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (String id : ids) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2), rs.getString(3));
                    }
                }
            }
        }
        return out;
    }

    private static void bind(PreparedStatement ps, List<?> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            Object a = args.get(i);
            if (a instanceof String s) {
                ps.setString(i + 1, s);
            } else if (a instanceof Long l) {
                ps.setLong(i + 1, l);
            } else {
                ps.setInt(i + 1, (Integer) a);
            }
        }
    }

    // ---------------------------------------------------------------- executions

    @Override
    public Optional<Execution> findExecution(String id) {
        Objects.requireNonNull(id, "id");
        return owner.read("findExecution", c -> {
            List<Execution> found = executions(c, "SELECT " + EXECUTION_COLUMNS + " FROM mlops_lineage_executions"
                    + " WHERE execution_id = ?", List.of(id));
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        });
    }

    @Override
    public List<Execution> findExecutions(ExecutionQuery query) {
        Objects.requireNonNull(query, "query");
        List<Object> args = new ArrayList<>();
        String sql = executionsSql(query, args);
        return owner.read("findExecutions", c -> executions(c, sql, args));
    }

    @Override
    public List<ExecutionOutputs> findExecutionsWithOutputs(ExecutionQuery query) {
        Objects.requireNonNull(query, "query");
        List<Object> args = new ArrayList<>();
        String sql = executionsSql(query, args);
        return owner.read("findExecutionsWithOutputs", c -> {
            List<ExecutionOutputs> out = new ArrayList<>();
            for (Execution e : executions(c, sql, args)) {
                out.add(new ExecutionOutputs(e, outputsOf(c, e.id())));
            }
            return out;
        });
    }

    /** An execution's output artifacts by event name (the greatest artifact id where a name has several). */
    private static Map<String, Artifact> outputsOf(Connection c, String executionId) throws SQLException {
        Map<String, String> idsByName = new java.util.TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT event_name, artifact_id FROM mlops_lineage_events"
                + " WHERE execution_id = ? AND event_type = 'OUTPUT' ORDER BY event_name, artifact_id")) {
            ps.setString(1, executionId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    idsByName.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        Map<String, Artifact> byId = new HashMap<>();
        for (Artifact a : artifacts(c, "SELECT " + ARTIFACT_COLUMNS + " FROM mlops_lineage_artifacts WHERE"
                + " artifact_id IN (SELECT artifact_id FROM mlops_lineage_events WHERE execution_id = ? AND"
                + " event_type = 'OUTPUT')", List.of(executionId))) {
            byId.put(a.id(), a);
        }
        Map<String, Artifact> outputs = new java.util.LinkedHashMap<>();
        idsByName.forEach((name, id) -> outputs.put(name, byId.get(id)));
        return outputs;
    }

    private static String executionsSql(ExecutionQuery query, List<Object> args) {
        StringBuilder sql = new StringBuilder("SELECT " + EXECUTION_COLUMNS + " FROM mlops_lineage_executions e WHERE"
                + " 1 = 1");
        if (query.contextId() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM mlops_lineage_attributions a WHERE a.execution_id = e.execution_id"
                    + " AND a.context_id = ?)");
            args.add(query.contextId());
        }
        if (query.type() != null) {
            sql.append(" AND execution_type = ?");
            args.add(query.type());
        }
        if (query.cacheKey() != null) {
            sql.append(" AND cache_key = ?");
            args.add(query.cacheKey());
        }
        if (!query.states().isEmpty()) {
            sql.append(" AND state IN (");
            int i = 0;
            for (ExecutionState s : ExecutionState.values()) {
                if (query.states().contains(s)) {
                    sql.append(i++ == 0 ? "?" : ", ?");
                    args.add(s.name());
                }
            }
            sql.append(')');
        }
        sql.append(" ORDER BY started_at DESC, execution_id LIMIT ?");
        args.add(query.limit());
        return sql.toString();
    }

    private static List<Execution> executions(Connection c, String sql, List<?> args) throws SQLException {
        Map<String, Object[]> rows = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long ended = rs.getLong(7);
                    Instant endedAt = rs.wasNull() ? null : Instant.ofEpochMilli(ended);
                    rows.put(rs.getString(1), new Object[] {rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), Instant.ofEpochMilli(rs.getLong(6)), endedAt});
                }
            }
        }
        Map<String, Map<String, String>> props = properties(c, "SELECT execution_id, prop_key, prop_value FROM"
                + " mlops_lineage_execution_properties WHERE execution_id = ?", rows.keySet());
        List<Execution> out = new ArrayList<>(rows.size());
        for (Object[] r : rows.values()) {
            out.add(new Execution((String) r[0], (String) r[1], ExecutionState.valueOf((String) r[2]), (String) r[3],
                    (String) r[4], (Instant) r[5], (Instant) r[6], props.getOrDefault((String) r[0], Map.of())));
        }
        return out;
    }

    // ---------------------------------------------------------------- events and contexts

    @Override
    public List<Event> eventsOfExecution(String executionId) {
        Objects.requireNonNull(executionId, "executionId");
        return owner.read("eventsOfExecution", c -> events(c, "SELECT execution_id, artifact_id, event_type,"
                + " event_name, event_time FROM mlops_lineage_events WHERE execution_id = ? ORDER BY CASE event_type"
                + " WHEN 'INPUT' THEN 0 ELSE 1 END, event_name, artifact_id", executionId));
    }

    @Override
    public List<Event> eventsOfArtifact(String artifactId) {
        Objects.requireNonNull(artifactId, "artifactId");
        return owner.read("eventsOfArtifact", c -> events(c, "SELECT execution_id, artifact_id, event_type,"
                + " event_name, event_time FROM mlops_lineage_events WHERE artifact_id = ? ORDER BY event_time,"
                + " execution_id, CASE event_type WHEN 'INPUT' THEN 0 ELSE 1 END", artifactId));
    }

    private static List<Event> events(Connection c, String sql, String id) throws SQLException {
        List<Event> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Event(rs.getString(1), rs.getString(2), EventType.valueOf(rs.getString(3)),
                            rs.getString(4), Instant.ofEpochMilli(rs.getLong(5))));
                }
            }
        }
        return out;
    }

    @Override
    public List<Context> contextsOfExecution(String executionId) {
        Objects.requireNonNull(executionId, "executionId");
        return owner.read("contextsOfExecution", c -> {
            List<Context> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT x.context_id, x.context_type, x.context_name,"
                    + " x.created_at FROM mlops_lineage_contexts x JOIN mlops_lineage_attributions a ON a.context_id"
                    + " = x.context_id WHERE a.execution_id = ? ORDER BY x.context_type, x.context_name")) {
                ps.setString(1, executionId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(context(rs));
                    }
                }
            }
            return out;
        });
    }

    // ---------------------------------------------------------------- retention

    @Override
    public int markArtifactsDeleted(Collection<String> artifactIds, Instant at) {
        List<String> ids = List.copyOf(artifactIds);
        Objects.requireNonNull(at, "at");
        return owner.write("markArtifactsDeleted", tx -> {
            int changed = 0;
            PreparedStatement update = tx.prepare("UPDATE mlops_lineage_artifacts SET state = 'DELETED' WHERE"
                    + " artifact_id = ? AND state = 'LIVE'");
            for (String id : ids) {
                update.setString(1, id);
                if (update.executeUpdate() == 1) {
                    changed++;
                    PreparedStatement delete = tx.prepare("DELETE FROM mlops_lineage_artifact_properties WHERE"
                            + " artifact_id = ? AND prop_key = 'deletedAt'");
                    delete.setString(1, id);
                    delete.executeUpdate();
                    PreparedStatement insert = tx.prepare("INSERT INTO mlops_lineage_artifact_properties"
                            + " (artifact_id, prop_key, prop_value) VALUES (?, 'deletedAt', ?)");
                    insert.setString(1, id);
                    insert.setString(2, at.toString());
                    insert.executeUpdate();
                }
            }
            return changed;
        });
    }
}
