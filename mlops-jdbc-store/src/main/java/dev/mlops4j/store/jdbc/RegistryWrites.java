package dev.mlops4j.store.jdbc;

import dev.mlops4j.ConflictException;
import dev.mlops4j.InvalidInputException;
import dev.mlops4j.NotFoundException;
import dev.mlops4j.StoreException;
import dev.mlops4j.registry.AliasAssignment;
import dev.mlops4j.registry.Approval;
import dev.mlops4j.registry.AuditAction;
import dev.mlops4j.registry.AuditEntry;
import dev.mlops4j.registry.ModelVersion;
import dev.mlops4j.registry.RegisteredModel;
import dev.mlops4j.registry.VersionStatus;
import dev.mlops4j.spi.Audited;
import dev.mlops4j.spi.NewModelVersion;
import dev.mlops4j.spi.RegistryChange;
import dev.mlops4j.spi.RegistryStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registry's writes, run on the writer thread inside the group's transaction (see {@link GroupCommitWriter});
 * throwing rolls the request back to its savepoint, audit entry included.
 *
 * <p>Every registry write is submitted with {@link #lock}: the writer locks the one row of
 * {@code mlops_registry_state} (a no-op {@code UPDATE} of it) before running the write and holds it to the end of
 * the transaction. Registry writes from any process are thereby serialised: the checks a write makes (the alias's
 * holder, the next version number, a version's status) cannot go stale before it commits, and the audit sequence
 * numbers it takes from that row are dense and increase in commit order. On H2 the lock is taken before the write's
 * savepoint and never rolled back, because a rollback of it could lose another writer's update of the row (see
 * {@link GroupCommitWriter}); that is how two H2 writers once took the same audit sequence number.
 */
final class RegistryWrites {
    private static final String LOCK_STATE = "UPDATE mlops_registry_state SET last_sequence = last_sequence WHERE state_id = 1";
    private static final String READ_STATE = "SELECT last_sequence FROM mlops_registry_state WHERE state_id = 1";
    private static final String SET_STATE = "UPDATE mlops_registry_state SET last_sequence = ? WHERE state_id = 1";
    private static final String INSERT_AUDIT = "INSERT INTO mlops_registry_audit (audit_seq, at_ms, user_name, action,"
            + " model_name, version, alias, previous_version, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_DETAIL =
            "INSERT INTO mlops_registry_audit_details (audit_seq, detail_key, detail_value) VALUES (?, ?, ?)";
    private static final String INSERT_MODEL = "INSERT INTO mlops_registered_models (model_name, description,"
            + " created_by, created_at, updated_at, latest_version) VALUES (?, ?, ?, ?, ?, 0)";
    private static final String INSERT_VERSION = "INSERT INTO mlops_model_versions (model_name, version, run_id,"
            + " artifact_path, flavor, model_class, data_fingerprint, schema_ref, status, description, created_by,"
            + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** The registry lock every registry write is submitted with; see the class comment. */
    final GroupCommitWriter.TxLock lock = this::lockState;

    private final String store;
    private final RegistryReads reads;
    private final String upsertModelTag;
    private final String upsertVersionTag;
    private final String upsertAlias;

    RegistryWrites(SqlDialect dialect, String store, RegistryReads reads) {
        this.store = store;
        this.reads = reads;
        this.upsertModelTag = dialect.upsert("mlops_model_tags", List.of("model_name", "tag_key"), List.of("tag_value"));
        this.upsertVersionTag = dialect.upsert("mlops_model_version_tags", List.of("model_name", "version", "tag_key"),
                List.of("tag_value"));
        this.upsertAlias = dialect.upsert("mlops_model_aliases", List.of("model_name", "alias"),
                List.of("version", "assigned_by", "assigned_at"));
    }

    // ---------------------------------------------------------------- models

    Audited<RegisteredModel> createModel(WriteTx tx, String name, String description, RegistryChange change)
            throws SQLException {
        Audit audit = audit(tx);
        if (reads.findModel(tx.connection(), name).isPresent()) {
            throw new ConflictException("registered model '" + name + "' already exists in " + store
                    + "; choose another name or register a new version of it");
        }
        insertModel(tx, name, description, change);
        AuditEntry entry = audit.append(name, null, null, null, AuditAction.MODEL_CREATED, change, Map.of());
        return Audited.of(model(tx, name), entry);
    }

    Audited<RegisteredModel> updateModel(WriteTx tx, String name, String description, Map<String, String> tags,
                                         AuditAction action, RegistryChange change) throws SQLException {
        if (action != AuditAction.MODEL_UPDATED && action != AuditAction.POLICY_CHANGED) {
            throw new InvalidInputException("updateModel records MODEL_UPDATED or POLICY_CHANGED, not " + action);
        }
        Audit audit = audit(tx);
        model(tx, name);
        PreparedStatement ps = tx.prepare(description == null
                ? "UPDATE mlops_registered_models SET updated_at = ? WHERE model_name = ?"
                : "UPDATE mlops_registered_models SET updated_at = ?, description = ? WHERE model_name = ?");
        ps.setLong(1, change.at().toEpochMilli());
        if (description == null) {
            ps.setString(2, name);
        } else {
            ps.setString(2, description);
            ps.setString(3, name);
        }
        ps.executeUpdate();
        if (!tags.isEmpty()) {
            PreparedStatement tag = tx.prepare(upsertModelTag);
            for (Map.Entry<String, String> t : tags.entrySet()) {
                tag.setString(1, name);
                tag.setString(2, t.getKey());
                tag.setString(3, t.getValue());
                tag.addBatch();
            }
            tag.executeBatch();
        }
        AuditEntry entry = audit.append(name, null, null, null, action, change, Map.of());
        return Audited.of(model(tx, name), entry);
    }

    private void insertModel(WriteTx tx, String name, String description, RegistryChange change) throws SQLException {
        PreparedStatement ps = tx.prepare(INSERT_MODEL);
        ps.setString(1, name);
        ps.setString(2, description);
        ps.setString(3, change.user());
        ps.setLong(4, change.at().toEpochMilli());
        ps.setLong(5, change.at().toEpochMilli());
        ps.executeUpdate();
    }

    // ---------------------------------------------------------------- versions

    Audited<ModelVersion> createVersion(WriteTx tx, NewModelVersion v, RegistryChange change) throws SQLException {
        Audit audit = audit(tx);
        PreparedStatement run = tx.prepare("SELECT 1 FROM mlops_runs WHERE run_id = ?");
        run.setString(1, v.runId());
        try (ResultSet rs = run.executeQuery()) {
            if (!rs.next()) {
                throw new NotFoundException("run '" + v.runId() + "' does not exist in " + store
                        + "; a model version must point at an existing run");
            }
        }
        List<AuditEntry> entries = new ArrayList<>(2);
        Optional<RegisteredModel> model = reads.findModel(tx.connection(), v.modelName());
        if (model.isEmpty()) {
            RegistryChange created = RegistryChange.of(change.user(), change.at(), "");
            insertModel(tx, v.modelName(), "", created);
            entries.add(audit.append(v.modelName(), null, null, null, AuditAction.MODEL_CREATED, created, Map.of()));
        }
        // Under the registry lock nobody else can take this number between the read and the insert.
        int number = model.map(RegisteredModel::latestVersion).orElse(0) + 1;
        PreparedStatement bump = tx.prepare("UPDATE mlops_registered_models SET latest_version = ?, updated_at = ?"
                + " WHERE model_name = ?");
        bump.setInt(1, number);
        bump.setLong(2, change.at().toEpochMilli());
        bump.setString(3, v.modelName());
        bump.executeUpdate();
        PreparedStatement ps = tx.prepare(INSERT_VERSION);
        ps.setString(1, v.modelName());
        ps.setInt(2, number);
        ps.setString(3, v.runId());
        ps.setString(4, v.artifactPath());
        ps.setString(5, v.flavor());
        ps.setString(6, v.modelClass());
        setNullableString(ps, 7, v.dataFingerprint());
        setNullableString(ps, 8, v.schemaRef());
        ps.setString(9, VersionStatus.ACTIVE.name());
        ps.setString(10, v.description());
        ps.setString(11, change.user());
        ps.setLong(12, change.at().toEpochMilli());
        ps.setLong(13, change.at().toEpochMilli());
        ps.executeUpdate();
        setVersionTags(tx, v.modelName(), number, v.tags());
        entries.add(audit.append(v.modelName(), number, null, null, AuditAction.VERSION_REGISTERED, change, Map.of()));
        return new Audited<>(version(tx, v.modelName(), number), entries);
    }

    Audited<ModelVersion> setVersionStatus(WriteTx tx, String name, int number, VersionStatus status,
                                           RegistryChange change) throws SQLException {
        Audit audit = audit(tx);
        model(tx, name);
        ModelVersion v = version(tx, name, number);
        if (v.status() == status) {
            return Audited.unchanged(v);
        }
        if (status != VersionStatus.ACTIVE) {
            for (AliasAssignment a : reads.listAliases(tx.connection(), name)) {
                if (a.version() == number) {
                    throw new ConflictException(v.uri() + " holds alias '" + a.alias() + "' and cannot become " + status
                            + "; move or remove the alias first");
                }
            }
        }
        PreparedStatement ps = tx.prepare("UPDATE mlops_model_versions SET status = ?, updated_at = ?"
                + " WHERE model_name = ? AND version = ?");
        ps.setString(1, status.name());
        ps.setLong(2, change.at().toEpochMilli());
        ps.setString(3, name);
        ps.setInt(4, number);
        ps.executeUpdate();
        AuditAction action = switch (status) {
            case ACTIVE -> AuditAction.RESTORED;
            case ARCHIVED -> AuditAction.ARCHIVED;
            case DELETED -> AuditAction.DELETED;
        };
        AuditEntry entry = audit.append(name, number, null, null, action, change, Map.of("from", v.status().name()));
        return Audited.of(version(tx, name, number), entry);
    }

    Audited<ModelVersion> setVersionTags(WriteTx tx, String name, int number, Map<String, String> tags,
                                         RegistryChange change) throws SQLException {
        Audit audit = audit(tx);
        model(tx, name);
        version(tx, name, number);
        setVersionTags(tx, name, number, tags);
        touchVersion(tx, name, number, change);
        AuditEntry entry = audit.append(name, number, null, null, AuditAction.VERSION_UPDATED, change, Map.of());
        return Audited.of(version(tx, name, number), entry);
    }

    private void setVersionTags(WriteTx tx, String name, int number, Map<String, String> tags) throws SQLException {
        if (tags.isEmpty()) {
            return;
        }
        PreparedStatement ps = tx.prepare(upsertVersionTag);
        for (Map.Entry<String, String> t : tags.entrySet()) {
            ps.setString(1, name);
            ps.setInt(2, number);
            ps.setString(3, t.getKey());
            ps.setString(4, t.getValue());
            ps.addBatch();
        }
        ps.executeBatch();
    }

    private void touchVersion(WriteTx tx, String name, int number, RegistryChange change) throws SQLException {
        PreparedStatement ps = tx.prepare("UPDATE mlops_model_versions SET updated_at = ? WHERE model_name = ?"
                + " AND version = ?");
        ps.setLong(1, change.at().toEpochMilli());
        ps.setString(2, name);
        ps.setInt(3, number);
        ps.executeUpdate();
    }

    // ---------------------------------------------------------------- aliases

    Audited<AliasAssignment> moveAlias(WriteTx tx, String name, String alias, int expected, int number,
                                       Map<String, String> versionTags, RegistryChange change) throws SQLException {
        if (expected < 0 || expected == number) {
            throw new InvalidInputException("moveAlias needs an expected holder (" + expected + ") that is NO_VERSION or"
                    + " a version number, and different from the new holder (" + number + ")");
        }
        Audit audit = audit(tx);
        model(tx, name);
        ModelVersion target = version(tx, name, number);
        int current = reads.findAlias(tx.connection(), name, alias).map(AliasAssignment::version)
                .orElse(RegistryStore.NO_VERSION);
        if (current != expected) {
            throw new ConflictException("alias '" + alias + "' of '" + name + "' is held by "
                    + (current == RegistryStore.NO_VERSION ? "no version" : "v" + current) + ", not "
                    + (expected == RegistryStore.NO_VERSION ? "by no version" : "v" + expected)
                    + " as expected; it was moved concurrently. Decide again against the new holder");
        }
        if (target.status() != VersionStatus.ACTIVE) {
            throw new ConflictException(target.uri() + " is " + target.status() + "; only ACTIVE versions can hold"
                    + " an alias");
        }
        if (!versionTags.isEmpty()) {
            setVersionTags(tx, name, number, versionTags);
            touchVersion(tx, name, number, change);
        }
        PreparedStatement ps = tx.prepare(upsertAlias);
        ps.setString(1, name);
        ps.setString(2, alias);
        ps.setInt(3, number);
        ps.setString(4, change.user());
        ps.setLong(5, change.at().toEpochMilli());
        ps.executeUpdate();
        AuditEntry entry = audit.append(name, number, alias, expected == RegistryStore.NO_VERSION ? null : expected,
                AuditAction.ALIAS_MOVED, change, Map.of());
        return Audited.of(new AliasAssignment(name, alias, number, change.user(), change.at()), entry);
    }

    AuditEntry removeAlias(WriteTx tx, String name, String alias, int expected, RegistryChange change)
            throws SQLException {
        Audit audit = audit(tx);
        model(tx, name);
        Optional<AliasAssignment> holder = reads.findAlias(tx.connection(), name, alias);
        if (holder.isEmpty() || holder.get().version() != expected) {
            throw new ConflictException("alias '" + alias + "' of '" + name + "' is held by "
                    + holder.map(h -> "v" + h.version()).orElse("no version") + ", not v" + expected
                    + " as expected; it was moved concurrently");
        }
        PreparedStatement ps = tx.prepare("DELETE FROM mlops_model_aliases WHERE model_name = ? AND alias = ?");
        ps.setString(1, name);
        ps.setString(2, alias);
        ps.executeUpdate();
        return audit.append(name, null, alias, expected, AuditAction.ALIAS_REMOVED, change, Map.of());
    }

    // ---------------------------------------------------------------- approvals and audit

    Audited<Approval> addApproval(WriteTx tx, String name, int number, String alias, RegistryChange change)
            throws SQLException {
        Audit audit = audit(tx);
        model(tx, name);
        version(tx, name, number);
        for (Approval a : reads.listApprovals(tx.connection(), name, number)) {
            if (a.alias().equals(alias) && a.approver().equals(change.user())) {
                throw new ConflictException("user '" + change.user() + "' has already approved v" + number + " of '"
                        + name + "' for '" + alias + "'");
            }
        }
        PreparedStatement ps = tx.prepare("INSERT INTO mlops_model_approvals (model_name, version, alias, approver,"
                + " approved_at, reason) VALUES (?, ?, ?, ?, ?, ?)");
        ps.setString(1, name);
        ps.setInt(2, number);
        ps.setString(3, alias);
        ps.setString(4, change.user());
        ps.setLong(5, change.at().toEpochMilli());
        ps.setString(6, change.reason());
        ps.executeUpdate();
        AuditEntry entry = audit.append(name, number, alias, null, AuditAction.APPROVED, change, Map.of());
        return Audited.of(new Approval(name, number, alias, change.user(), change.at(), change.reason()), entry);
    }

    AuditEntry appendAudit(WriteTx tx, String name, Integer version, String alias, AuditAction action,
                           RegistryChange change) throws SQLException {
        Audit audit = audit(tx);
        model(tx, name);
        return audit.append(name, version, alias, null, action, change, Map.of());
    }

    // ---------------------------------------------------------------- helpers

    private RegisteredModel model(WriteTx tx, String name) throws SQLException {
        return reads.findModel(tx.connection(), name).orElseThrow(() -> new NotFoundException("registered model '"
                + name + "' does not exist in " + store));
    }

    private ModelVersion version(WriteTx tx, String name, int number) throws SQLException {
        return reads.findVersion(tx.connection(), name, number).orElseThrow(() -> new NotFoundException("model '"
                + name + "' has no version " + number + " in " + store));
    }

    private static void setNullableString(PreparedStatement ps, int index, String value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, value);
        }
    }

    private void lockState(WriteTx tx) throws SQLException {
        if (tx.prepare(LOCK_STATE).executeUpdate() != 1) {
            throw missingState();
        }
    }

    /** Reads the locked state row; returns the appender of audit entries. */
    private Audit audit(WriteTx tx) throws SQLException {
        if (!tx.holds(lock)) {
            throw new IllegalStateException("a registry write must be submitted with the registry lock");
        }
        try (ResultSet rs = tx.prepare(READ_STATE).executeQuery()) {
            if (!rs.next()) {
                throw missingState();
            }
            return new Audit(tx, rs.getLong(1));
        }
    }

    private StoreException missingState() {
        return new StoreException(store + ": the registry's state row is missing (mlops_registry_state);"
                + " the schema was changed by hand. Restore it from a backup");
    }

    /** Appends audit entries with the sequence numbers after the locked state row's, and advances it. */
    private static final class Audit {
        private final WriteTx tx;
        private long last;

        Audit(WriteTx tx, long last) {
            this.tx = tx;
            this.last = last;
        }

        AuditEntry append(String name, Integer version, String alias, Integer previous, AuditAction action,
                          RegistryChange change, Map<String, String> storeDetails) throws SQLException {
            long seq = last + 1;
            Map<String, String> details = new LinkedHashMap<>(change.details());
            details.putAll(storeDetails);
            PreparedStatement ps = tx.prepare(INSERT_AUDIT);
            ps.setLong(1, seq);
            ps.setLong(2, change.at().toEpochMilli());
            ps.setString(3, change.user());
            ps.setString(4, action.name());
            ps.setString(5, name);
            setNullableInt(ps, 6, version);
            setNullableString(ps, 7, alias);
            setNullableInt(ps, 8, previous);
            ps.setString(9, change.reason());
            ps.executeUpdate();
            if (!details.isEmpty()) {
                PreparedStatement d = tx.prepare(INSERT_DETAIL);
                for (Map.Entry<String, String> e : details.entrySet()) {
                    d.setLong(1, seq);
                    d.setString(2, e.getKey());
                    d.setString(3, e.getValue());
                    d.addBatch();
                }
                d.executeBatch();
            }
            PreparedStatement state = tx.prepare(SET_STATE);
            state.setLong(1, seq);
            state.executeUpdate();
            last = seq;
            return new AuditEntry(seq, change.at(), change.user(), action, name, version, alias, previous,
                    change.reason(), details);
        }

        private static void setNullableInt(PreparedStatement ps, int index, Integer value) throws SQLException {
            if (value == null) {
                ps.setNull(index, Types.INTEGER);
            } else {
                ps.setInt(index, value);
            }
        }
    }
}
