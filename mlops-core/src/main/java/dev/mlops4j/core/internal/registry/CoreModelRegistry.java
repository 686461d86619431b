package dev.mlops4j.core.internal.registry;

import dev.mlops4j.ConflictException;
import dev.mlops4j.IllegalRunStateException;
import dev.mlops4j.InvalidInputException;
import dev.mlops4j.NotFoundException;
import dev.mlops4j.Runs;
import dev.mlops4j.gate.Gate;
import dev.mlops4j.internal.PrintedList;
import dev.mlops4j.model.ClassAllowList;
import dev.mlops4j.model.LoadedModel;
import dev.mlops4j.model.ModelArtifacts;
import dev.mlops4j.model.ModelDescriptor;
import dev.mlops4j.model.ModelFlavors;
import dev.mlops4j.registry.AliasAssignment;
import dev.mlops4j.registry.Approval;
import dev.mlops4j.registry.ApprovalPolicy;
import dev.mlops4j.registry.AuditAction;
import dev.mlops4j.registry.AuditEntry;
import dev.mlops4j.registry.AuditFilter;
import dev.mlops4j.registry.ModelRegistry;
import dev.mlops4j.registry.ModelUri;
import dev.mlops4j.registry.ModelVersion;
import dev.mlops4j.registry.PromotionResult;
import dev.mlops4j.registry.PromotionTarget;
import dev.mlops4j.registry.RecordedGate;
import dev.mlops4j.registry.RegisteredModel;
import dev.mlops4j.registry.Registration;
import dev.mlops4j.registry.RegistryListener;
import dev.mlops4j.registry.RegistryNames;
import dev.mlops4j.registry.Subscription;
import dev.mlops4j.registry.VersionStatus;
import dev.mlops4j.serving.ModelHandle;
import dev.mlops4j.serving.ServingOptions;
import dev.mlops4j.spi.Audited;
import dev.mlops4j.spi.NewModelVersion;
import dev.mlops4j.spi.RegistryChange;
import dev.mlops4j.spi.RegistryStore;
import dev.mlops4j.tracking.Limits;
import dev.mlops4j.tracking.RunRecord;
import dev.mlops4j.tracking.RunStatus;
import dev.mlops4j.tracking.SystemTags;
import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link ModelRegistry} of one {@code Mlops} instance. Validates every call before it reaches the
 * {@link RegistryStore}, attributes changes to the instance's user and clock, announces each committed change to the
 * listeners, and owns the model cache and the open {@link ModelHandle}s (closed with it).
 */
public final class CoreModelRegistry implements ModelRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(CoreModelRegistry.class);

    private final RegistryStore store;
    private final Runs runs;
    private final String user;
    private final Clock clock;
    private final Runnable ensureOpen;
    private final String storeDescription;
    private final Listeners listeners = new Listeners();
    private final ModelCache models;
    private final Promoter promoter;
    private final Set<CoreModelHandle> handles = ConcurrentHashMap.newKeySet();
    private volatile ModelFlavors discoveredFlavors;

    /**
     * @param store the registry store
     * @param runs reading runs and their artifacts
     * @param user the user changes are attributed to
     * @param clock the clock for change times
     * @param ensureOpen throws if the owning {@code Mlops} is closed
     * @param storeDescription the store, for messages
     */
    public CoreModelRegistry(RegistryStore store, Runs runs, String user, Clock clock, Runnable ensureOpen,
                             String storeDescription) {
        this.store = Objects.requireNonNull(store, "store");
        this.runs = Objects.requireNonNull(runs, "runs");
        this.user = Objects.requireNonNull(user, "user");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ensureOpen = Objects.requireNonNull(ensureOpen, "ensureOpen");
        this.storeDescription = Objects.requireNonNull(storeDescription, "storeDescription");
        this.models = new ModelCache(runs, this::flavors);
        this.promoter = new Promoter(this);
    }

    // ---------------------------------------------------------------- models

    @Override
    public RegisteredModel createModel(String name, String description) {
        RegistryNames.checkModelName(name);
        RegistryNames.checkText("description", description);
        open();
        return commit(store.createModel(name, description, change("", Map.of())));
    }

    @Override
    public Optional<RegisteredModel> findModel(String name) {
        RegistryNames.checkModelName(name);
        open();
        return store.findModel(name);
    }

    @Override
    public RegisteredModel model(String name) {
        return findModel(name).orElseThrow(() -> noSuchModel(name));
    }

    @Override
    public List<RegisteredModel> listModels() {
        open();
        return store.listModels();
    }

    @Override
    public RegisteredModel setModelDescription(String name, String description) {
        RegistryNames.checkModelName(name);
        RegistryNames.checkText("description", description);
        open();
        requireModel(name);
        return commit(store.updateModel(name, description, Map.of(), AuditAction.MODEL_UPDATED,
                change("", Map.of("description", abbreviate(description)))));
    }

    @Override
    public RegisteredModel setModelTag(String name, String key, String value) {
        RegistryNames.checkModelName(name);
        checkUserTag(key, value);
        open();
        requireModel(name);
        return commit(store.updateModel(name, null, Map.of(key, value), AuditAction.MODEL_UPDATED,
                change("", Map.of("tag." + key, abbreviate(value)))));
    }

    @Override
    public RegisteredModel setApprovalPolicy(String name, ApprovalPolicy policy, String reason) {
        RegistryNames.checkModelName(name);
        Objects.requireNonNull(policy, "policy");
        RegistryNames.checkReason(reason);
        open();
        requireModel(name);
        return commit(store.updateModel(name, null, Map.of(ApprovalPolicy.TAG, policy.toTag()),
                AuditAction.POLICY_CHANGED, change(reason, Map.of("protected_aliases", policy.toTag()))));
    }

    // ---------------------------------------------------------------- versions

    @Override
    public Registration newVersion(String modelName) {
        return new CoreRegistration(this, modelName);
    }

    /** Carries out a registration: checks the run and its model, derives what the run knows, then stores. */
    ModelVersion register(CoreRegistration r) {
        open();
        RunRecord run = runs.find(r.runId).orElseThrow(() -> new NotFoundException("cannot register run " + r.runId
                + " as a version of '" + r.modelName + "': the run does not exist in " + storeDescription));
        if (run.status() != RunStatus.FINISHED) {
            throw new IllegalRunStateException("cannot register run " + r.runId + " as a version of '" + r.modelName
                    + "': it is " + run.status() + ". Only models of FINISHED runs can be registered: a RUNNING run"
                    + " could still replace the model's files, and a failed or killed run is not a model to ship."
                    + (run.status() == RunStatus.RUNNING ? " End the run (close it) first" : ""));
        }
        ModelDescriptor descriptor = ModelArtifacts.descriptor(runs, r.runId, r.artifactPath);
        String fingerprint = r.dataFingerprint != null ? r.dataFingerprint
                : run.param(Registration.DATASET_FINGERPRINT_PARAM).orElse(null);
        String schemaRef = r.schemaRef;
        if (schemaRef == null && runs.artifacts(r.runId).stream()
                .anyMatch(a -> a.path().equals(Registration.DEFAULT_SCHEMA_ARTIFACT))) {
            schemaRef = ModelUri.run(r.runId, Registration.DEFAULT_SCHEMA_ARTIFACT).toString();
        }
        // Gate outcomes the run recorded travel with the version, so that its record says what it passed.
        Map<String, String> tags = new LinkedHashMap<>();
        RecordedGate.fromTags(run.tags()).values().forEach(g -> tags.putAll(g.toTags()));
        tags.putAll(r.tags);
        if (r.evaluationRunId != null) {
            tags.put(Registration.EVALUATION_RUN_TAG, finishedEvaluation(r));
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put("run", r.runId);
        details.put("artifact_path", r.artifactPath);
        details.put("flavor", descriptor.flavor());
        details.put("model_class", descriptor.modelClass());
        if (fingerprint != null) {
            details.put("data_fingerprint", fingerprint);
        }
        NewModelVersion version = new NewModelVersion(r.modelName, r.runId, r.artifactPath, descriptor.flavor(),
                descriptor.modelClass(), fingerprint, schemaRef, r.description, tags);
        ModelVersion registered = commit(store.createVersion(version, change("", details)));
        LOG.debug("registered {} from run {}", registered.uri(), r.runId);
        return registered;
    }

    private String finishedEvaluation(CoreRegistration r) {
        RunRecord evaluation = runs.find(r.evaluationRunId).orElseThrow(() -> new NotFoundException("cannot register"
                + " a version of '" + r.modelName + "' evaluated by run " + r.evaluationRunId + ": that run does not"
                + " exist in " + storeDescription));
        if (evaluation.status() != RunStatus.FINISHED) {
            throw new IllegalRunStateException("cannot register a version of '" + r.modelName + "' evaluated by run "
                    + r.evaluationRunId + ": it is " + evaluation.status() + "; name an evaluation that FINISHED (a"
                    + " running one could still change its metrics, a failed one did not evaluate)");
        }
        return r.evaluationRunId;
    }

    @Override
    public Optional<ModelVersion> findVersion(String name, int version) {
        RegistryNames.checkModelName(name);
        RegistryNames.checkVersion(version);
        open();
        return store.findVersion(name, version);
    }

    @Override
    public ModelVersion version(String name, int version) {
        return findVersion(name, version).orElseThrow(() -> {
            RegisteredModel model = model(name);
            return new NotFoundException("model '" + name + "' has no version " + version + "; "
                    + (model.latestVersion() == 0 ? "it has no versions yet"
                    : "its versions are numbered 1 to " + model.latestVersion()));
        });
    }

    @Override
    public List<ModelVersion> versions(String name) {
        return versions(name, VersionStatus.ACTIVE, VersionStatus.ARCHIVED);
    }

    @Override
    public List<ModelVersion> versions(String name, VersionStatus status, VersionStatus... more) {
        RegistryNames.checkModelName(name);
        EnumSet<VersionStatus> wanted = EnumSet.of(Objects.requireNonNull(status, "status"), more);
        open();
        requireModel(name);
        return new PrintedList<>(store.listVersions(name).stream().filter(v -> wanted.contains(v.status())).toList(),
                VersionTable::render);
    }

    @Override
    public Optional<ModelVersion> latestVersion(String name) {
        List<ModelVersion> active = versions(name, VersionStatus.ACTIVE);
        return active.isEmpty() ? Optional.empty() : Optional.of(active.get(active.size() - 1));
    }

    @Override
    public ModelVersion setVersionTag(String name, int version, String key, String value) {
        RegistryNames.checkModelName(name);
        RegistryNames.checkVersion(version);
        checkUserTag(key, value);
        open();
        version(name, version);
        return commit(store.setVersionTags(name, version, Map.of(key, value),
                change("", Map.of("tag." + key, abbreviate(value)))));
    }

    @Override
    public ModelVersion archive(String name, int version, String reason) {
        return setStatus(name, version, VersionStatus.ARCHIVED, reason);
    }

    @Override
    public ModelVersion restore(String name, int version, String reason) {
        return setStatus(name, version, VersionStatus.ACTIVE, reason);
    }

    @Override
    public ModelVersion delete(String name, int version, String reason) {
        return setStatus(name, version, VersionStatus.DELETED, reason);
    }

    private ModelVersion setStatus(String name, int version, VersionStatus status, String reason) {
        RegistryNames.checkModelName(name);
        RegistryNames.checkVersion(version);
        RegistryNames.checkReason(reason);
        open();
        ModelVersion current = version(name, version);
        if (current.status() == status) {
            return current;
        }
        if (status != VersionStatus.ACTIVE) {
            List<String> held = store.listAliases(name).stream().filter(a -> a.version() == version)
                    .map(AliasAssignment::alias).toList();
            if (!held.isEmpty()) {
                throw new ConflictException(current.uri() + " holds alias" + (held.size() == 1 ? " " : "es ")
                        + held + "; promote another version to " + (held.size() == 1 ? "it" : "them")
                        + " or remove " + (held.size() == 1 ? "it" : "them") + " before setting it "
                        + status.name().toLowerCase(java.util.Locale.ROOT));
            }
        }
        return commit(store.setVersionStatus(name, version, status, change(reason, Map.of())));
    }

    // ---------------------------------------------------------------- aliases, promotion, approvals

    @Override
    public Optional<ModelVersion> findByAlias(String name, String alias) {
        RegistryNames.checkModelName(name);
        RegistryNames.checkAlias(alias);
        open();
        return store.findAlias(name, alias).map(a -> version(name, a.version()));
    }

    @Override
    public List<AliasAssignment> aliases(String name) {
        RegistryNames.checkModelName(name);
        open();
        requireModel(name);
        return store.listAliases(name);
    }

    @Override
    public PromotionTarget promote(String name, int version) {
        return new CorePromotion(this, name, version);
    }

    PromotionResult promote(String name, int version, String alias, Gate gate, String reason) {
        if (alias == null) {
            throw new InvalidInputException("a promotion needs its alias: promote(\"" + name + "\", " + version
                    + ").to(\"production\")...");
        }
        open();
        return promoter.promote(name, version, alias, gate, reason);
    }

    @Override
    public Optional<AliasAssignment> removeAlias(String name, String alias, String reason) {
        RegistryNames.checkModelName(name);
        RegistryNames.checkAlias(alias);
        RegistryNames.checkReason(reason);
        open();
        requireModel(name);
        for (int attempt = 1; attempt <= Promoter.MAX_ATTEMPTS; attempt++) {
            Optional<AliasAssignment> holder = store.findAlias(name, alias);
            if (holder.isEmpty()) {
                return Optional.empty();
            }
            try {
                AuditEntry entry = store.removeAlias(name, alias, holder.get().version(), change(reason, Map.of()));
                listeners.fire(List.of(entry));
                return holder;
            } catch (ConflictException e) {
                // The alias moved between the read and the removal; remove it from its new holder, if any.
                LOG.debug("alias {}@{} moved while being removed (attempt {})", name, alias, attempt);
            }
        }
        throw new ConflictException("could not remove alias '" + alias + "' of '" + name + "': it kept moving during "
                + Promoter.MAX_ATTEMPTS + " attempts; try again");
    }

    @Override
    public Approval approve(String name, int version, String alias, String reason) {
        RegistryNames.checkModelName(name);
        RegistryNames.checkVersion(version);
        RegistryNames.checkAlias(alias);
        RegistryNames.checkReason(reason);
        open();
        ModelVersion v = version(name, version);
        if (!v.isActive()) {
            throw new ConflictException(v.uri() + " is " + v.status() + "; only ACTIVE versions can be approved."
                    + " Restore it first");
        }
        if (v.createdBy().equals(user)) {
            throw new ConflictException("four-eyes rule: user '" + user + "' registered " + v.uri()
                    + " and cannot approve it; another user must approve it for '" + alias + "'");
        }
        boolean already = store.listApprovals(name, version).stream()
                .anyMatch(a -> a.alias().equals(alias) && a.approver().equals(user));
        if (already) {
            throw new ConflictException("user '" + user + "' has already approved " + v.uri() + " for '" + alias + "'");
        }
        return commit(store.addApproval(name, version, alias, change(reason, Map.of())));
    }

    @Override
    public List<Approval> approvals(String name, int version) {
        version(name, version);
        return store.listApprovals(name, version);
    }

    // ---------------------------------------------------------------- URIs, loading, serving

    @Override
    public ModelVersion resolve(ModelUri uri) {
        Objects.requireNonNull(uri, "uri");
        return switch (uri.kind()) {
            case VERSION -> version(uri.modelName(), uri.version());
            case ALIAS -> findByAlias(uri.modelName(), uri.alias()).orElseThrow(() -> {
                requireModel(uri.modelName());
                return new NotFoundException("no version of '" + uri.modelName() + "' holds alias '" + uri.alias()
                        + "'; promote one: promote(\"" + uri.modelName() + "\", n).to(\"" + uri.alias()
                        + "\").because(...)");
            });
            case LATEST -> latestVersion(uri.modelName()).orElseThrow(() -> new NotFoundException("model '"
                    + uri.modelName() + "' has no ACTIVE version"));
            case RUN -> throw new InvalidInputException(uri + " names a run's model, not a registered version;"
                    + " load(uri) loads it, newVersion(name).from(uri) registers it");
        };
    }

    @Override
    public LoadedModel load(ModelUri uri) {
        return load(uri, null);
    }

    @Override
    public LoadedModel load(ModelUri uri, ClassAllowList allowList) {
        Objects.requireNonNull(uri, "uri");
        if (uri.kind() == ModelUri.Kind.RUN) {
            open();
            // A run's artifacts may still change while it runs, so run models are not cached.
            return ModelArtifacts.load(ModelArtifacts.descriptor(runs, uri.runId(), uri.artifactPath()),
                    dev.mlops4j.model.ModelFiles.ofRun(runs, uri.runId(), uri.artifactPath()), flavors(), allowList);
        }
        return loadVersion(resolve(uri), allowList, null);
    }

    /** @return the model of a registered version, through the cache */
    LoadedModel loadVersion(ModelVersion version, ClassAllowList allowList, ModelFlavors flavors) {
        open();
        return models.get(version, allowList, flavors);
    }

    @Override
    public ModelHandle serve(String name, String alias, ServingOptions options) {
        RegistryNames.checkModelName(name);
        RegistryNames.checkAlias(alias);
        Objects.requireNonNull(options, "options");
        open();
        CoreModelHandle handle = CoreModelHandle.open(this, name, alias, options);
        handles.add(handle);
        return handle;
    }

    // ---------------------------------------------------------------- audit and events

    @Override
    public List<AuditEntry> audit(AuditFilter filter) {
        Objects.requireNonNull(filter, "filter");
        open();
        return store.audit(filter);
    }

    @Override
    public Subscription addListener(RegistryListener listener) {
        open();
        return listeners.add(listener);
    }

    /** Closes the open handles and forgets listeners and cached models; called when the owning Mlops closes. */
    public void close() {
        for (CoreModelHandle h : List.copyOf(handles)) {
            try {
                h.close();
            } catch (RuntimeException e) {
                LOG.warn("closing model handle {} failed: {}", h, e.toString(), e);
            }
        }
        listeners.clear();
        models.clear();
    }

    @Override
    public String toString() {
        return "ModelRegistry[" + storeDescription + "]";
    }

    // ---------------------------------------------------------------- shared with this package

    RegistryStore store() {
        return store;
    }

    Runs runs() {
        return runs;
    }

    Clock clock() {
        return clock;
    }

    String user() {
        return user;
    }

    void handleClosed(CoreModelHandle handle) {
        handles.remove(handle);
    }

    void open() {
        ensureOpen.run();
    }

    RegistryChange change(String reason, Map<String, String> details) {
        return new RegistryChange(user, clock.instant(), reason, details);
    }

    <T> T commit(Audited<T> audited) {
        listeners.fire(audited.audit());
        return audited.value();
    }

    void announce(AuditEntry entry) {
        listeners.fire(List.of(entry));
    }

    void requireModel(String name) {
        if (store.findModel(name).isEmpty()) {
            throw noSuchModel(name);
        }
    }

    NotFoundException noSuchModel(String name) {
        List<String> known = store.listModels().stream().map(RegisteredModel::name).toList();
        String list = known.stream().limit(20).map(n -> "'" + n + "'").collect(Collectors.joining(", "))
                + (known.size() > 20 ? ", ..." : "");
        return new NotFoundException("registered model '" + name + "' does not exist in " + storeDescription
                + (known.isEmpty() ? "; no model is registered yet" : "; registered models: " + list));
    }

    static void checkUserTag(String key, String value) {
        Limits.checkKey("tag", key);
        if (SystemTags.isReserved(key)) {
            throw new InvalidInputException("tag key '" + key + "' is reserved: keys starting with '"
                    + SystemTags.PREFIX + "' belong to mlops4j. Choose a key outside that prefix");
        }
        Limits.checkTagValue(key, value);
    }

    static String abbreviate(String text) {
        return text.length() <= 500 ? text : text.substring(0, 497) + "...";
    }

    private ModelFlavors flavors() {
        ModelFlavors f = discoveredFlavors;
        if (f == null) {
            f = ModelFlavors.discover();
            discoveredFlavors = f;
        }
        return f;
    }

}
