package dev.mlops4j.store.jdbc;

import dev.mlops4j.registry.AliasAssignment;
import dev.mlops4j.registry.Approval;
import dev.mlops4j.registry.AuditAction;
import dev.mlops4j.registry.AuditEntry;
import dev.mlops4j.registry.AuditFilter;
import dev.mlops4j.registry.ModelVersion;
import dev.mlops4j.registry.RegisteredModel;
import dev.mlops4j.registry.VersionStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registry's queries. They take a plain connection, so they serve both the store's snapshot reads and the
 * read-backs a registry write does inside its own transaction. Every value is a bind parameter.
 */
final class RegistryReads {
    private static final String MODEL_COLUMNS =
            "model_name, description, created_by, created_at, updated_at, latest_version";
    private static final String VERSION_COLUMNS = "model_name, version, run_id, artifact_path, flavor, model_class,"
            + " data_fingerprint, schema_ref, status, description, created_by, created_at, updated_at";
    private static final String ALIAS_COLUMNS = "model_name, alias, version, assigned_by, assigned_at";
    /** Audit entries per query when loading their details. */
    private static final int IN_LIST_SIZE = 500;
    private static final String AUDIT_COLUMNS =
            "audit_seq, at_ms, user_name, action, model_name, version, alias, previous_version, reason";

    // ---------------------------------------------------------------- models

    Optional<RegisteredModel> findModel(Connection c, String name) throws SQLException {
        List<RegisteredModel> found = models(c, "SELECT " + MODEL_COLUMNS + " FROM mlops_registered_models"
                + " WHERE model_name = ?", "SELECT model_name, tag_key, tag_value FROM mlops_model_tags"
                + " WHERE model_name = ?", name);
        return found.stream().findFirst();
    }

    List<RegisteredModel> listModels(Connection c) throws SQLException {
        return models(c, "SELECT " + MODEL_COLUMNS + " FROM mlops_registered_models ORDER BY model_name",
                "SELECT model_name, tag_key, tag_value FROM mlops_model_tags", null);
    }

    private List<RegisteredModel> models(Connection c, String sql, String tagSql, String name) throws SQLException {
        record Row(String name, String description, String createdBy, long createdAt, long updatedAt, int latest) {
        }
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (name != null) {
                ps.setString(1, name);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
                            rs.getInt(6)));
                }
            }
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, Map<String, String>> tags = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(tagSql)) {
            if (name != null) {
                ps.setString(1, name);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tags.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2), rs.getString(3));
                }
            }
        }
        List<RegisteredModel> models = new ArrayList<>(rows.size());
        for (Row r : rows) {
            models.add(new RegisteredModel(r.name(), r.description(), tags.getOrDefault(r.name(), Map.of()),
                    r.createdBy(), Instant.ofEpochMilli(r.createdAt()), Instant.ofEpochMilli(r.updatedAt()),
                    r.latest()));
        }
        return models;
    }

    // ---------------------------------------------------------------- versions

    Optional<ModelVersion> findVersion(Connection c, String name, int version) throws SQLException {
        return versions(c, name, version).stream().findFirst();
    }

    List<ModelVersion> listVersions(Connection c, String name) throws SQLException {
        return versions(c, name, null);
    }

    private List<ModelVersion> versions(Connection c, String name, Integer version) throws SQLException {
        String where = " WHERE model_name = ?" + (version == null ? "" : " AND version = ?");
        Map<Integer, Map<String, String>> tags = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT version, tag_key, tag_value FROM mlops_model_version_tags"
                + where)) {
            bind(ps, name, version);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tags.computeIfAbsent(rs.getInt(1), k -> new HashMap<>()).put(rs.getString(2), rs.getString(3));
                }
            }
        }
        List<ModelVersion> versions = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + VERSION_COLUMNS + " FROM mlops_model_versions"
                + where + " ORDER BY version")) {
            bind(ps, name, version);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int v = rs.getInt(2);
                    versions.add(new ModelVersion(rs.getString(1), v, rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                            VersionStatus.valueOf(rs.getString(9)), rs.getString(10), tags.getOrDefault(v, Map.of()),
                            rs.getString(11), Instant.ofEpochMilli(rs.getLong(12)), Instant.ofEpochMilli(rs.getLong(13))));
                }
            }
        }
        return versions;
    }

    private static void bind(PreparedStatement ps, String name, Integer version) throws SQLException {
        ps.setString(1, name);
        if (version != null) {
            ps.setInt(2, version);
        }
    }

    // ---------------------------------------------------------------- aliases and approvals

    Optional<AliasAssignment> findAlias(Connection c, String name, String alias) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + ALIAS_COLUMNS + " FROM mlops_model_aliases"
                + " WHERE model_name = ? AND alias = ?")) {
            ps.setString(1, name);
            ps.setString(2, alias);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(alias(rs)) : Optional.empty();
            }
        }
    }

    List<AliasAssignment> listAliases(Connection c, String name) throws SQLException {
        List<AliasAssignment> aliases = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + ALIAS_COLUMNS + " FROM mlops_model_aliases"
                + " WHERE model_name = ? ORDER BY alias")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    aliases.add(alias(rs));
                }
            }
        }
        return aliases;
    }

    private static AliasAssignment alias(ResultSet rs) throws SQLException {
        return new AliasAssignment(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                Instant.ofEpochMilli(rs.getLong(5)));
    }

    List<Approval> listApprovals(Connection c, String name, int version) throws SQLException {
        List<Approval> approvals = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT model_name, version, alias, approver, approved_at, reason"
                + " FROM mlops_model_approvals WHERE model_name = ? AND version = ? ORDER BY approval_id")) {
            ps.setString(1, name);
            ps.setInt(2, version);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    approvals.add(new Approval(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                            Instant.ofEpochMilli(rs.getLong(5)), rs.getString(6)));
                }
            }
        }
        return approvals;
    }

    // ---------------------------------------------------------------- audit

    List<AuditEntry> audit(Connection c, AuditFilter f) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + AUDIT_COLUMNS + " FROM mlops_registry_audit"
                + " WHERE audit_seq > ?");
        List<Object> args = new ArrayList<>();
        args.add(f.afterSequence());
        if (f.modelName() != null) {
            sql.append(" AND model_name = ?");
            args.add(f.modelName());
        }
        if (f.version() != null) {
            sql.append(" AND version = ?");
            args.add(f.version());
        }
        if (!f.actions().isEmpty()) {
            sql.append(" AND action IN (?").append(", ?".repeat(f.actions().size() - 1)).append(')');
            f.actions().stream().map(AuditAction::name).sorted().forEach(args::add);
        }
        if (f.user() != null) {
            sql.append(" AND user_name = ?");
            args.add(f.user());
        }
        if (f.since() != null) {
            sql.append(" AND at_ms >= ?");
            args.add(f.since().toEpochMilli());
        }
        if (f.until() != null) {
            sql.append(" AND at_ms < ?");
            args.add(f.until().toEpochMilli());
        }
        sql.append(" ORDER BY audit_seq FETCH FIRST ? ROWS ONLY");
        args.add(f.limit());
        record Row(long seq, long at, String user, String action, String model, Integer version, String alias,
                   Integer previous, String reason) {
        }
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            nullableInt(rs, 6), rs.getString(7), nullableInt(rs, 8), rs.getString(9)));
                }
            }
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, Map<String, String>> details = details(c, rows.stream().map(Row::seq).toList());
        List<AuditEntry> entries = new ArrayList<>(rows.size());
        for (Row r : rows) {
            entries.add(new AuditEntry(r.seq(), Instant.ofEpochMilli(r.at()), r.user(), AuditAction.valueOf(r.action()),
                    r.model(), r.version(), r.alias(), r.previous(), r.reason(), details.getOrDefault(r.seq(), Map.of())));
        }
        return entries;
    }

    /** The details of the given entries, by sequence; looked up by primary key in lists of {@value #IN_LIST_SIZE}. */
    private static Map<Long, Map<String, String>> details(Connection c, List<Long> sequences) throws SQLException {
        Map<Long, Map<String, String>> details = new HashMap<>();
        for (int from = 0; from < sequences.size(); from += IN_LIST_SIZE) {
            List<Long> part = sequences.subList(from, Math.min(sequences.size(), from + IN_LIST_SIZE));
            try (PreparedStatement ps = c.prepareStatement("SELECT audit_seq, detail_key, detail_value"
                    + " FROM mlops_registry_audit_details WHERE audit_seq IN (?" + ", ?".repeat(part.size() - 1) + ")")) {
                for (int i = 0; i < part.size(); i++) {
                    ps.setLong(i + 1, part.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        details.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>()).put(rs.getString(2),
                                rs.getString(3));
                    }
                }
            }
        }
        return details;
    }

    private static Integer nullableInt(ResultSet rs, int column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }
}
