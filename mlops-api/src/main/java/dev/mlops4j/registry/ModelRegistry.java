package dev.mlops4j.registry;

import dev.mlops4j.internal.PrintedList;
import dev.mlops4j.model.ClassAllowList;
import dev.mlops4j.model.LoadedModel;
import dev.mlops4j.serving.ModelHandle;
import dev.mlops4j.serving.ServingOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The model registry: named models, their numbered versions, aliases that say which version is live, promotions
 * decided by gates and approvals, an append-only audit trail, and in-process serving that follows an alias.
 * From {@code mlops.models()}.
 *
 * <pre>{@code
 * ModelRegistry registry = mlops.models();
 * ModelVersion v = registry.register("wine", run.id());                      // models:/wine/1
 * registry.promote("wine", v.version()).to("production")
 *         .requiring(Gate.metric("accuracy").atLeast(0.9)
 *                 .and(Gate.metric("accuracy").notWorseThanChampion().by(0.01)))
 *         .because("first release")
 *         .throwIfRejected();
 * try (ModelHandle handle = registry.serve("wine", "production")) {          // follows the alias
 *     Prediction p = handle.predict(Map.of("alcohol", 13.2, "proline", 1050.0, ...));
 * }
 * registry.audit(AuditFilter.builder().model("wine").build()).forEach(System.out::println);
 * }</pre>
 *
 * <p><b>Atomicity and concurrency.</b> Version numbers are assigned by the store, 1, 2, 3, ... per model, and never
 * collide or repeat, even under concurrent registrations. At most one version holds an alias; moving it is a
 * compare-and-set on the current holder, so concurrent promotions serialise. Every change writes its audit entry in
 * the same transaction. A call that throws has changed nothing.
 *
 * <p><b>Identity.</b> Changes are attributed to the user configured on the {@code Mlops} instance
 * ({@code Mlops.builder().user(...)}); mlops4j records identities, it does not authenticate them.
 *
 * <p>Thread-safe. Implementations must be obtained from {@code Mlops}; the registry needs a metadata store that
 * provides {@link dev.mlops4j.spi.RegistryStore} (the in-memory and H2 stores do).
 */
public interface ModelRegistry {

    // ---------------------------------------------------------------- models

    /**
     * Creates a registered model without versions (registering a version creates its model too).
     *
     * @param name the model's name ({@link RegistryNames#checkModelName})
     * @param description free text, {@code ""} for none
     * @return the model
     * @throws dev.mlops4j.ConflictException if a model of that name exists
     */
    RegisteredModel createModel(String name, String description);

    /** @param name a model name @return the model, if it exists */
    Optional<RegisteredModel> findModel(String name);

    /**
     * @param name a model name
     * @return the model
     * @throws dev.mlops4j.NotFoundException if there is no such model
     */
    RegisteredModel model(String name);

    /** @return every registered model, ordered by name */
    List<RegisteredModel> listModels();

    /**
     * @param name a model name
     * @param description the new description
     * @return the updated model
     */
    RegisteredModel setModelDescription(String name, String description);

    /**
     * @param name a model name
     * @param key tag key (not under {@code mlops.})
     * @param value tag value
     * @return the updated model
     */
    RegisteredModel setModelTag(String name, String key, String value);

    /**
     * @param name a model name
     * @return its approval policy (none unless one was set)
     */
    default ApprovalPolicy approvalPolicy(String name) {
        return model(name).approvalPolicy();
    }

    /**
     * Sets which aliases of the model need an approval; audited as {@link AuditAction#POLICY_CHANGED}.
     *
     * @param name a model name
     * @param policy the new policy
     * @param reason why (required)
     * @return the updated model
     */
    RegisteredModel setApprovalPolicy(String name, ApprovalPolicy policy, String reason);

    // ---------------------------------------------------------------- versions

    /**
     * Registers the model a finished run logged at {@code model} as the next version of {@code modelName}; see
     * {@link #newVersion(String)} for the options.
     *
     * @param modelName the registered model (created if absent)
     * @param runId a FINISHED run with a model at {@code model}
     * @return the new version
     */
    default ModelVersion register(String modelName, String runId) {
        return newVersion(modelName).fromRun(runId).register();
    }

    /**
     * @param modelName the registered model (created if absent)
     * @return a registration to complete
     */
    Registration newVersion(String modelName);

    /** @param name a model name @param version a version number @return the version, whatever its status */
    Optional<ModelVersion> findVersion(String name, int version);

    /**
     * @param name a model name
     * @param version a version number
     * @return the version, whatever its status
     * @throws dev.mlops4j.NotFoundException if there is no such version
     */
    ModelVersion version(String name, int version);

    /**
     * @param name a model name
     * @return its ACTIVE and ARCHIVED versions, oldest first (soft-deleted ones are hidden; see
     *     {@link #versions(String, VersionStatus, VersionStatus...)})
     * @throws dev.mlops4j.NotFoundException if there is no such model
     */
    List<ModelVersion> versions(String name);

    /**
     * @param name a model name
     * @param status a status to include
     * @param more further statuses to include
     * @return its versions with those statuses, oldest first
     */
    List<ModelVersion> versions(String name, VersionStatus status, VersionStatus... more);

    /** @param name a model name @return its newest ACTIVE version, if any */
    Optional<ModelVersion> latestVersion(String name);

    /**
     * @param name a model name
     * @param version a version number
     * @param key tag key (not under {@code mlops.})
     * @param value tag value
     * @return the updated version
     */
    ModelVersion setVersionTag(String name, int version, String key, String value);

    /**
     * Archives a version: it stays loadable by its URI but can no longer be promoted.
     *
     * @param name a model name
     * @param version a version number
     * @param reason why (required)
     * @return the archived version (unchanged if it already was)
     * @throws dev.mlops4j.ConflictException if it holds an alias; move or remove the alias first
     */
    ModelVersion archive(String name, int version, String reason);

    /**
     * Makes an archived or deleted version active again.
     *
     * @param name a model name
     * @param version a version number
     * @param reason why (required)
     * @return the restored version (unchanged if it was active)
     */
    ModelVersion restore(String name, int version, String reason);

    /**
     * Soft-deletes a version: hidden from listings, not promotable, restorable; the record and its audit stay.
     *
     * @param name a model name
     * @param version a version number
     * @param reason why (required)
     * @return the deleted version (unchanged if it already was)
     * @throws dev.mlops4j.ConflictException if it holds an alias; move or remove the alias first
     */
    ModelVersion delete(String name, int version, String reason);

    // ---------------------------------------------------------------- aliases and promotion

    /**
     * @param name a model name
     * @param alias an alias
     * @return the version holding the alias, if one does
     */
    Optional<ModelVersion> findByAlias(String name, String alias);

    /** @param name a model name @return its aliases and the versions holding them, ordered by alias */
    List<AliasAssignment> aliases(String name);

    /**
     * Starts a promotion: {@code promote("wine", 4).to("production").requiring(gate).because("...")}. See
     * {@link Promotion} for what carrying it out checks.
     *
     * @param name a model name
     * @param version the candidate version
     * @return the next step
     */
    PromotionTarget promote(String name, int version);

    /**
     * Removes an alias; no version holds it afterwards. Audited as {@link AuditAction#ALIAS_REMOVED}.
     *
     * @param name a model name
     * @param alias the alias
     * @param reason why (required)
     * @return the assignment that was removed, empty if no version held the alias
     */
    Optional<AliasAssignment> removeAlias(String name, String alias, String reason);

    /**
     * Approves a version for a protected alias, as the current user, who must not be the user who registered it.
     *
     * @param name a model name
     * @param version the version
     * @param alias the alias it may take
     * @param reason why (required)
     * @return the approval
     * @throws dev.mlops4j.ConflictException if the current user registered the version (four-eyes rule), already
     *     approved it for that alias, or the version is not ACTIVE
     */
    Approval approve(String name, int version, String alias, String reason);

    /** @param name a model name @param version a version number @return its approvals, oldest first */
    List<Approval> approvals(String name, int version);

    // ---------------------------------------------------------------- URIs, loading, serving

    /**
     * @param uri a {@code models:/} URI
     * @return the version it names now (for an alias: its current holder)
     * @throws dev.mlops4j.NotFoundException if the model, version or alias holder does not exist
     * @throws dev.mlops4j.InvalidInputException for a {@code runs:/} URI, which names no version
     */
    ModelVersion resolve(ModelUri uri);

    /**
     * @param uri a {@code models:/} URI as text
     * @return the version it names now
     */
    default ModelVersion resolve(String uri) {
        return resolve(ModelUri.parse(uri));
    }

    /**
     * Loads a model with its flavor's default allow-list. Registered versions are cached by name and version.
     *
     * @param uri any model URI
     * @return the loaded model
     */
    LoadedModel load(ModelUri uri);

    /**
     * @param uri any model URI
     * @param allowList the classes the model file may name
     * @return the loaded model
     * @throws dev.mlops4j.model.ModelClassNotAllowedException if the model names a class the allow-list refuses
     */
    LoadedModel load(ModelUri uri, ClassAllowList allowList);

    /**
     * Serves the version holding an alias, following the alias as it moves, with the default options.
     *
     * @param name a model name
     * @param alias the alias to follow, e.g. {@code production}
     * @return an open handle; close it to stop following
     * @throws dev.mlops4j.NotFoundException if no version holds the alias
     */
    default ModelHandle serve(String name, String alias) {
        return serve(name, alias, ServingOptions.defaults());
    }

    /**
     * Serves the version holding an alias, following the alias as it moves.
     *
     * @param name a model name
     * @param alias the alias to follow
     * @param options polling, input checks, model loading and prediction recording
     * @return an open handle, with the model loaded; close it to stop following
     * @throws dev.mlops4j.NotFoundException if no version holds the alias
     */
    ModelHandle serve(String name, String alias, ServingOptions options);

    // ---------------------------------------------------------------- audit and events

    /**
     * @param filter what to select
     * @return matching entries in trail order, at most {@link AuditFilter#limit()}
     */
    List<AuditEntry> audit(AuditFilter filter);

    /**
     * @param name a model name
     * @return every audit entry of the model, in trail order (an unmodifiable list that prints as a table)
     */
    default List<AuditEntry> auditTrail(String name) {
        List<AuditEntry> all = new ArrayList<>();
        AuditFilter filter = AuditFilter.builder().model(name).limit(AuditFilter.MAX_LIMIT).build();
        while (true) {
            List<AuditEntry> page = audit(filter);
            all.addAll(page);
            if (page.size() < filter.limit()) {
                return new PrintedList<>(all, AuditTable::render);
            }
            filter = filter.after(page.get(page.size() - 1));
        }
    }

    /**
     * @param listener receives every committed change made through this registry
     * @return the subscription; close it to stop
     */
    Subscription addListener(RegistryListener listener);
}
