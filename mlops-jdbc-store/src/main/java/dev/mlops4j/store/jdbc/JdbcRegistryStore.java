package dev.mlops4j.store.jdbc;

import dev.mlops4j.registry.AliasAssignment;
import dev.mlops4j.registry.Approval;
import dev.mlops4j.registry.AuditAction;
import dev.mlops4j.registry.AuditEntry;
import dev.mlops4j.registry.AuditFilter;
import dev.mlops4j.registry.ModelVersion;
import dev.mlops4j.registry.RegisteredModel;
import dev.mlops4j.registry.VersionStatus;
import dev.mlops4j.spi.Audited;
import dev.mlops4j.spi.NewModelVersion;
import dev.mlops4j.spi.RegistryChange;
import dev.mlops4j.spi.RegistryStore;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The registry part of a {@link JdbcMetadataStore}: writes go through the store's group-commit writer
 * ({@link RegistryWrites}), reads through its snapshot reads ({@link RegistryReads}). It shares the store's
 * lifecycle.
 */
final class JdbcRegistryStore implements RegistryStore {
    private final JdbcMetadataStore owner;
    private final RegistryReads reads;
    private final RegistryWrites writes;

    JdbcRegistryStore(JdbcMetadataStore owner, SqlDialect dialect, String store) {
        this.owner = owner;
        this.reads = new RegistryReads();
        this.writes = new RegistryWrites(dialect, store, reads);
    }

    @Override
    public Audited<RegisteredModel> createModel(String name, String description, RegistryChange change) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(change, "change");
        return owner.write("createModel", writes.lock, tx -> writes.createModel(tx, name, description, change));
    }

    @Override
    public Optional<RegisteredModel> findModel(String name) {
        Objects.requireNonNull(name, "name");
        return owner.read("findModel", c -> reads.findModel(c, name));
    }

    @Override
    public List<RegisteredModel> listModels() {
        return owner.read("listModels", reads::listModels);
    }

    @Override
    public Audited<RegisteredModel> updateModel(String name, String description, Map<String, String> setTags,
                                                AuditAction action, RegistryChange change) {
        Objects.requireNonNull(name, "name");
        Map<String, String> tags = Map.copyOf(Objects.requireNonNull(setTags, "setTags"));
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(change, "change");
        return owner.write("updateModel", writes.lock, tx -> writes.updateModel(tx, name, description, tags, action, change));
    }

    @Override
    public Audited<ModelVersion> createVersion(NewModelVersion version, RegistryChange change) {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(change, "change");
        return owner.write("createVersion", writes.lock, tx -> writes.createVersion(tx, version, change));
    }

    @Override
    public Optional<ModelVersion> findVersion(String name, int version) {
        Objects.requireNonNull(name, "name");
        return owner.read("findVersion", c -> reads.findVersion(c, name, version));
    }

    @Override
    public List<ModelVersion> listVersions(String name) {
        Objects.requireNonNull(name, "name");
        return owner.read("listVersions", c -> reads.listVersions(c, name));
    }

    @Override
    public Audited<ModelVersion> setVersionStatus(String name, int version, VersionStatus status,
                                                  RegistryChange change) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(change, "change");
        return owner.write("setVersionStatus", writes.lock, tx -> writes.setVersionStatus(tx, name, version, status, change));
    }

    @Override
    public Audited<ModelVersion> setVersionTags(String name, int version, Map<String, String> tags,
                                                RegistryChange change) {
        Objects.requireNonNull(name, "name");
        Map<String, String> copy = Map.copyOf(Objects.requireNonNull(tags, "tags"));
        Objects.requireNonNull(change, "change");
        return owner.write("setVersionTags", writes.lock, tx -> writes.setVersionTags(tx, name, version, copy, change));
    }

    @Override
    public Optional<AliasAssignment> findAlias(String name, String alias) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(alias, "alias");
        return owner.read("findAlias", c -> reads.findAlias(c, name, alias));
    }

    @Override
    public List<AliasAssignment> listAliases(String name) {
        Objects.requireNonNull(name, "name");
        return owner.read("listAliases", c -> reads.listAliases(c, name));
    }

    @Override
    public Audited<AliasAssignment> moveAlias(String name, String alias, int expectedVersion, int version,
                                              Map<String, String> versionTags, RegistryChange change) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(alias, "alias");
        Map<String, String> tags = Map.copyOf(Objects.requireNonNull(versionTags, "versionTags"));
        Objects.requireNonNull(change, "change");
        return owner.write("moveAlias", writes.lock, tx -> writes.moveAlias(tx, name, alias, expectedVersion, version, tags, change));
    }

    @Override
    public AuditEntry removeAlias(String name, String alias, int expectedVersion, RegistryChange change) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(change, "change");
        return owner.write("removeAlias", writes.lock, tx -> writes.removeAlias(tx, name, alias, expectedVersion, change));
    }

    @Override
    public Audited<Approval> addApproval(String name, int version, String alias, RegistryChange change) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(change, "change");
        return owner.write("addApproval", writes.lock, tx -> writes.addApproval(tx, name, version, alias, change));
    }

    @Override
    public List<Approval> listApprovals(String name, int version) {
        Objects.requireNonNull(name, "name");
        return owner.read("listApprovals", c -> reads.listApprovals(c, name, version));
    }

    @Override
    public AuditEntry appendAudit(String name, Integer version, String alias, AuditAction action,
                                  RegistryChange change) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(change, "change");
        return owner.write("appendAudit", writes.lock, tx -> writes.appendAudit(tx, name, version, alias, action, change));
    }

    @Override
    public List<AuditEntry> audit(AuditFilter filter) {
        Objects.requireNonNull(filter, "filter");
        return owner.read("audit", c -> reads.audit(c, filter));
    }

    @Override
    public String toString() {
        return "registry of " + owner.description();
    }
}
