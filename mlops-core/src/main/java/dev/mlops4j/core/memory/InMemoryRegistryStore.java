package dev.mlops4j.core.memory;

import dev.mlops4j.ConflictException;
import dev.mlops4j.InvalidInputException;
import dev.mlops4j.NotFoundException;
import dev.mlops4j.StoreException;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The registry part of {@link InMemoryMetadataStore}: models, versions, aliases, approvals and the audit trail on
 * the heap. One read-write lock makes every method atomic, so version numbers are dense and unique, alias moves are
 * compare-and-set, and each change appends its audit entry in the same critical section. Runs are looked up in the
 * owning store before the lock is taken (runs are never deleted, so the check cannot go stale), which keeps the lock
 * order one-way.
 */
final class InMemoryRegistryStore implements RegistryStore {
    private final InMemoryMetadataStore owner;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Lock read = lock.readLock();
    private final Lock write = lock.writeLock();
    /** Sorted by name with String.compareTo, the order listModels promises. */
    private final Map<String, ModelState> models = new TreeMap<>();
    /** Index i holds the entry with sequence i + 1. */
    private final List<AuditEntry> audit = new ArrayList<>();
    private volatile boolean closed;

    private static final class ModelState {
        RegisteredModel info;
        /** Index v - 1 holds version v: numbers are dense by construction. */
        final List<ModelVersion> versions = new ArrayList<>();
        final TreeMap<String, AliasAssignment> aliases = new TreeMap<>();
        final List<Approval> approvals = new ArrayList<>();

        ModelState(RegisteredModel info) {
            this.info = info;
        }
    }

    InMemoryRegistryStore(InMemoryMetadataStore owner) {
        this.owner = owner;
    }

    // ---------------------------------------------------------------- models

    @Override
    public Audited<RegisteredModel> createModel(String name, String description, RegistryChange change) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(change, "change");
        write.lock();
        try {
            ensureOpen();
            if (models.containsKey(name)) {
                throw new ConflictException("registered model '" + name + "' already exists; choose another name or"
                        + " register a new version of it");
            }
            RegisteredModel info = new RegisteredModel(name, description, Map.of(), change.user(), change.at(),
                    change.at(), 0);
            models.put(name, new ModelState(info));
            return Audited.of(info, append(name, null, null, null, AuditAction.MODEL_CREATED, change, Map.of()));
        } finally {
            write.unlock();
        }
    }

    @Override
    public Optional<RegisteredModel> findModel(String name) {
        Objects.requireNonNull(name, "name");
        read.lock();
        try {
            ensureOpen();
            ModelState m = models.get(name);
            return m == null ? Optional.empty() : Optional.of(m.info);
        } finally {
            read.unlock();
        }
    }

    @Override
    public List<RegisteredModel> listModels() {
        read.lock();
        try {
            ensureOpen();
            return models.values().stream().map(m -> m.info).toList();
        } finally {
            read.unlock();
        }
    }

    @Override
    public Audited<RegisteredModel> updateModel(String name, String description, Map<String, String> setTags,
                                                AuditAction action, RegistryChange change) {
        Objects.requireNonNull(name, "name");
        Map<String, String> tags = Map.copyOf(Objects.requireNonNull(setTags, "setTags"));
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(change, "change");
        if (action != AuditAction.MODEL_UPDATED && action != AuditAction.POLICY_CHANGED) {
            throw new InvalidInputException("updateModel records MODEL_UPDATED or POLICY_CHANGED, not " + action);
        }
        write.lock();
        try {
            ensureOpen();
            ModelState m = model(name);
            Map<String, String> merged = new HashMap<>(m.info.tags());
            merged.putAll(tags);
            RegisteredModel i = m.info;
            m.info = new RegisteredModel(i.name(), description == null ? i.description() : description, merged,
                    i.createdBy(), i.createdAt(), change.at(), i.latestVersion());
            return Audited.of(m.info, append(name, null, null, null, action, change, Map.of()));
        } finally {
            write.unlock();
        }
    }

    // ---------------------------------------------------------------- versions

    @Override
    public Audited<ModelVersion> createVersion(NewModelVersion version, RegistryChange change) {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(change, "change");
        // Checked before taking the lock: runs are never deleted, and this keeps the lock order one-way.
        if (owner.findRunInfo(version.runId()).isEmpty()) {
            throw new NotFoundException("run " + version.runId() + " does not exist in " + owner.description()
                    + "; a model version must point at an existing run");
        }
        write.lock();
        try {
            ensureOpen();
            List<AuditEntry> entries = new ArrayList<>(2);
            ModelState m = models.get(version.modelName());
            if (m == null) {
                m = new ModelState(new RegisteredModel(version.modelName(), "", Map.of(), change.user(), change.at(),
                        change.at(), 0));
                models.put(version.modelName(), m);
                entries.add(append(version.modelName(), null, null, null, AuditAction.MODEL_CREATED,
                        RegistryChange.of(change.user(), change.at(), ""), Map.of()));
            }
            int number = m.versions.size() + 1;
            ModelVersion created = new ModelVersion(version.modelName(), number, version.runId(),
                    version.artifactPath(), version.flavor(), version.modelClass(), version.dataFingerprint(),
                    version.schemaRef(), VersionStatus.ACTIVE, version.description(), version.tags(), change.user(),
                    change.at(), change.at());
            m.versions.add(created);
            RegisteredModel i = m.info;
            m.info = new RegisteredModel(i.name(), i.description(), i.tags(), i.createdBy(), i.createdAt(),
                    change.at(), number);
            entries.add(append(version.modelName(), number, null, null, AuditAction.VERSION_REGISTERED, change,
                    Map.of()));
            return new Audited<>(created, entries);
        } finally {
            write.unlock();
        }
    }

    @Override
    public Optional<ModelVersion> findVersion(String name, int version) {
        Objects.requireNonNull(name, "name");
        read.lock();
        try {
            ensureOpen();
            ModelState m = models.get(name);
            if (m == null || version < 1 || version > m.versions.size()) {
                return Optional.empty();
            }
            return Optional.of(m.versions.get(version - 1));
        } finally {
            read.unlock();
        }
    }

    @Override
    public List<ModelVersion> listVersions(String name) {
        Objects.requireNonNull(name, "name");
        read.lock();
        try {
            ensureOpen();
            ModelState m = models.get(name);
            return m == null ? List.of() : List.copyOf(m.versions);
        } finally {
            read.unlock();
        }
    }

    @Override
    public Audited<ModelVersion> setVersionStatus(String name, int version, VersionStatus status,
                                                  RegistryChange change) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(change, "change");
        write.lock();
        try {
            ensureOpen();
            ModelState m = model(name);
            ModelVersion v = version(m, name, version);
            if (v.status() == status) {
                return Audited.unchanged(v);
            }
            if (status != VersionStatus.ACTIVE) {
                for (AliasAssignment a : m.aliases.values()) {
                    if (a.version() == version) {
                        throw new ConflictException(v.uri() + " holds alias '" + a.alias() + "' and cannot become "
                                + status + "; move or remove the alias first");
                    }
                }
            }
            ModelVersion updated = withStatus(v, status, change);
            m.versions.set(version - 1, updated);
            AuditAction action = switch (status) {
                case ACTIVE -> AuditAction.RESTORED;
                case ARCHIVED -> AuditAction.ARCHIVED;
                case DELETED -> AuditAction.DELETED;
            };
            return Audited.of(updated, append(name, version, null, null, action, change,
                    Map.of("from", v.status().name())));
        } finally {
            write.unlock();
        }
    }

    @Override
    public Audited<ModelVersion> setVersionTags(String name, int version, Map<String, String> tags,
                                                RegistryChange change) {
        Objects.requireNonNull(name, "name");
        Map<String, String> set = Map.copyOf(Objects.requireNonNull(tags, "tags"));
        Objects.requireNonNull(change, "change");
        write.lock();
        try {
            ensureOpen();
            ModelState m = model(name);
            ModelVersion updated = withTags(version(m, name, version), set, change);
            m.versions.set(version - 1, updated);
            return Audited.of(updated, append(name, version, null, null, AuditAction.VERSION_UPDATED, change,
                    Map.of()));
        } finally {
            write.unlock();
        }
    }

    // ---------------------------------------------------------------- aliases

    @Override
    public Optional<AliasAssignment> findAlias(String name, String alias) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(alias, "alias");
        read.lock();
        try {
            ensureOpen();
            ModelState m = models.get(name);
            return m == null ? Optional.empty() : Optional.ofNullable(m.aliases.get(alias));
        } finally {
            read.unlock();
        }
    }

    @Override
    public List<AliasAssignment> listAliases(String name) {
        Objects.requireNonNull(name, "name");
        read.lock();
        try {
            ensureOpen();
            ModelState m = models.get(name);
            return m == null ? List.of() : List.copyOf(m.aliases.values());
        } finally {
            read.unlock();
        }
    }

    @Override
    public Audited<AliasAssignment> moveAlias(String name, String alias, int expectedVersion, int version,
                                              Map<String, String> versionTags, RegistryChange change) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(alias, "alias");
        Map<String, String> tags = Map.copyOf(Objects.requireNonNull(versionTags, "versionTags"));
        Objects.requireNonNull(change, "change");
        if (expectedVersion < 0 || expectedVersion == version) {
            throw new InvalidInputException("moveAlias needs an expected holder (" + expectedVersion + ") that is"
                    + " NO_VERSION or a version number, and different from the new holder (" + version + ")");
        }
        write.lock();
        try {
            ensureOpen();
            ModelState m = model(name);
            ModelVersion target = version(m, name, version);
            AliasAssignment holder = m.aliases.get(alias);
            int current = holder == null ? NO_VERSION : holder.version();
            if (current != expectedVersion) {
                throw new ConflictException("alias '" + alias + "' of '" + name + "' is held by "
                        + (current == NO_VERSION ? "no version" : "v" + current) + ", not "
                        + (expectedVersion == NO_VERSION ? "by no version" : "v" + expectedVersion)
                        + " as expected; it was moved concurrently. Decide again against the new holder");
            }
            if (target.status() != VersionStatus.ACTIVE) {
                throw new ConflictException(target.uri() + " is " + target.status() + "; only ACTIVE versions can hold"
                        + " an alias");
            }
            if (!tags.isEmpty()) {
                m.versions.set(version - 1, withTags(target, tags, change));
            }
            AliasAssignment assignment = new AliasAssignment(name, alias, version, change.user(), change.at());
            m.aliases.put(alias, assignment);
            return Audited.of(assignment, append(name, version, alias,
                    expectedVersion == NO_VERSION ? null : expectedVersion, AuditAction.ALIAS_MOVED, change,
                    Map.of()));
        } finally {
            write.unlock();
        }
    }

    @Override
    public AuditEntry removeAlias(String name, String alias, int expectedVersion, RegistryChange change) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(change, "change");
        write.lock();
        try {
            ensureOpen();
            ModelState m = model(name);
            AliasAssignment holder = m.aliases.get(alias);
            if (holder == null || holder.version() != expectedVersion) {
                throw new ConflictException("alias '" + alias + "' of '" + name + "' is held by "
                        + (holder == null ? "no version" : "v" + holder.version()) + ", not v" + expectedVersion
                        + " as expected; it was moved concurrently");
            }
            m.aliases.remove(alias);
            return append(name, null, alias, expectedVersion, AuditAction.ALIAS_REMOVED, change, Map.of());
        } finally {
            write.unlock();
        }
    }

    // ---------------------------------------------------------------- approvals

    @Override
    public Audited<Approval> addApproval(String name, int version, String alias, RegistryChange change) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(change, "change");
        write.lock();
        try {
            ensureOpen();
            ModelState m = model(name);
            version(m, name, version);
            for (Approval a : m.approvals) {
                if (a.version() == version && a.alias().equals(alias) && a.approver().equals(change.user())) {
                    throw new ConflictException("user '" + change.user() + "' has already approved v" + version + " of '"
                            + name + "' for '" + alias + "'");
                }
            }
            Approval approval = new Approval(name, version, alias, change.user(), change.at(), change.reason());
            m.approvals.add(approval);
            return Audited.of(approval, append(name, version, alias, null, AuditAction.APPROVED, change, Map.of()));
        } finally {
            write.unlock();
        }
    }

    @Override
    public List<Approval> listApprovals(String name, int version) {
        Objects.requireNonNull(name, "name");
        read.lock();
        try {
            ensureOpen();
            ModelState m = models.get(name);
            return m == null ? List.of() : m.approvals.stream().filter(a -> a.version() == version).toList();
        } finally {
            read.unlock();
        }
    }

    // ---------------------------------------------------------------- audit

    @Override
    public AuditEntry appendAudit(String name, Integer version, String alias, AuditAction action,
                                  RegistryChange change) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(change, "change");
        write.lock();
        try {
            ensureOpen();
            model(name);
            return append(name, version, alias, null, action, change, Map.of());
        } finally {
            write.unlock();
        }
    }

    @Override
    public List<AuditEntry> audit(AuditFilter filter) {
        Objects.requireNonNull(filter, "filter");
        read.lock();
        try {
            ensureOpen();
            List<AuditEntry> out = new ArrayList<>();
            // Sequence s sits at index s - 1, so the page starts right after afterSequence.
            for (int i = (int) Math.min(filter.afterSequence(), audit.size()); i < audit.size()
                    && out.size() < filter.limit(); i++) {
                AuditEntry e = audit.get(i);
                if (filter.matches(e)) {
                    out.add(e);
                }
            }
            return List.copyOf(out);
        } finally {
            read.unlock();
        }
    }

    /** Discards everything; later calls throw. Called by the owning store's close, outside its lock. */
    void close() {
        write.lock();
        try {
            closed = true;
            models.clear();
            audit.clear();
        } finally {
            write.unlock();
        }
    }

    // ---------------------------------------------------------------- helpers (call with the write lock held)

    private AuditEntry append(String name, Integer version, String alias, Integer previous, AuditAction action,
                              RegistryChange change, Map<String, String> storeDetails) {
        Map<String, String> details = new LinkedHashMap<>(change.details());
        details.putAll(storeDetails);
        AuditEntry entry = new AuditEntry(audit.size() + 1L, change.at(), change.user(), action, name, version, alias,
                previous, change.reason(), details);
        audit.add(entry);
        return entry;
    }

    private void ensureOpen() {
        if (closed || owner.isClosed()) {
            throw new StoreException(owner.description() + " is closed; its registry was discarded. Open a new store");
        }
    }

    private ModelState model(String name) {
        ModelState m = models.get(name);
        if (m == null) {
            throw new NotFoundException("registered model '" + name + "' does not exist in " + owner.description());
        }
        return m;
    }

    private static ModelVersion version(ModelState m, String name, int version) {
        if (version < 1 || version > m.versions.size()) {
            throw new NotFoundException("model '" + name + "' has no version " + version);
        }
        return m.versions.get(version - 1);
    }

    private static ModelVersion withStatus(ModelVersion v, VersionStatus status, RegistryChange change) {
        return new ModelVersion(v.modelName(), v.version(), v.runId(), v.artifactPath(), v.flavor(), v.modelClass(),
                v.dataFingerprint(), v.schemaRef(), status, v.description(), v.tags(), v.createdBy(), v.createdAt(),
                change.at());
    }

    private static ModelVersion withTags(ModelVersion v, Map<String, String> tags, RegistryChange change) {
        Map<String, String> merged = new HashMap<>(v.tags());
        merged.putAll(tags);
        return new ModelVersion(v.modelName(), v.version(), v.runId(), v.artifactPath(), v.flavor(), v.modelClass(),
                v.dataFingerprint(), v.schemaRef(), v.status(), v.description(), merged, v.createdBy(), v.createdAt(),
                change.at());
    }
}
