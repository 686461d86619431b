package dev.mlops4j.spi;

import dev.mlops4j.registry.AliasAssignment;
import dev.mlops4j.registry.Approval;
import dev.mlops4j.registry.AuditAction;
import dev.mlops4j.registry.AuditEntry;
import dev.mlops4j.registry.AuditFilter;
import dev.mlops4j.registry.ModelVersion;
import dev.mlops4j.registry.RegisteredModel;
import dev.mlops4j.registry.VersionStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the model registry keeps its state: registered models, versions, aliases, approvals and the audit trail.
 * A {@link MetadataStore} that has a registry returns one from {@link MetadataStore#registry()}; it shares the
 * metadata store's lifecycle (closing the metadata store closes it).
 *
 * <p>The engine validates names, texts and transitions before calling; the store enforces what needs its own
 * transaction. Contract, checked by the {@code mlops-store-tck} suite:
 * <ul>
 *   <li><b>Dense, unique version numbers:</b> {@link #createVersion} assigns 1, 2, 3, ... per model; concurrent
 *       registrations never get the same number and leave no gap; numbers are never reused.</li>
 *   <li><b>One holder per alias, compare-and-set moves:</b> {@link #moveAlias} and {@link #removeAlias} change an
 *       alias only if its current holder is the expected one, otherwise throw
 *       {@link dev.mlops4j.ConflictException} and change nothing, so concurrent promotions serialise.</li>
 *   <li><b>Audited atomically:</b> every method that changes something appends exactly the documented
 *       {@link AuditEntry} (one per action) in the same transaction; a method that throws appends nothing. Audit
 *       sequence numbers are assigned by the store, increase in commit order and start at 1. Entries are never
 *       changed or removed.</li>
 *   <li><b>Consistent statuses:</b> an alias is held only by an ACTIVE version: {@link #moveAlias} to a version that
 *       is not ACTIVE, and {@link #setVersionStatus} away from ACTIVE for a version holding an alias, throw
 *       {@link dev.mlops4j.ConflictException}.</li>
 *   <li><b>Typed failures, thread safety, durability</b> as for {@link MetadataStore}: unknown models and versions
 *       throw {@link dev.mlops4j.NotFoundException}; every argument is required unless documented otherwise.</li>
 * </ul>
 * Times are those of the {@link RegistryChange}; the user recorded as creator, assigner or approver is its user.
 */
public interface RegistryStore {

    /** The {@code expectedVersion} of {@link #moveAlias} meaning "no version holds the alias yet". */
    int NO_VERSION = 0;

    // ---------------------------------------------------------------- models

    /**
     * Creates a model. Audit: {@link AuditAction#MODEL_CREATED}.
     *
     * @param name checked model name
     * @param description checked description
     * @param change who, when, why
     * @return the model, with {@code latestVersion} 0, and the audit entry
     * @throws dev.mlops4j.ConflictException if a model of that name exists
     */
    Audited<RegisteredModel> createModel(String name, String description, RegistryChange change);

    /** @param name model name @return the model, if it exists */
    Optional<RegisteredModel> findModel(String name);

    /** @return every model, ordered by name ({@link String#compareTo}) */
    List<RegisteredModel> listModels();

    /**
     * Changes a model's description and tags. Audit: {@code action} ({@link AuditAction#MODEL_UPDATED} or
     * {@link AuditAction#POLICY_CHANGED}).
     *
     * @param name model name
     * @param description the new description, or {@code null} to keep it
     * @param setTags tags to set
     * @param action the audit action to record: MODEL_UPDATED or POLICY_CHANGED
     * @param change who, when, why
     * @return the updated model and the audit entry
     * @throws dev.mlops4j.NotFoundException if there is no such model
     */
    Audited<RegisteredModel> updateModel(String name, String description, Map<String, String> setTags, AuditAction action,
                                RegistryChange change);

    // ---------------------------------------------------------------- versions

    /**
     * Registers a version with the next number of its model, creating the model if absent. Audit:
     * {@link AuditAction#MODEL_CREATED} (only if the model was created), then {@link AuditAction#VERSION_REGISTERED}
     * naming the new version.
     *
     * @param version what to register
     * @param change who, when, why
     * @return the new version, ACTIVE, and the audit entries (one or two)
     * @throws dev.mlops4j.NotFoundException if the run does not exist in the metadata store
     */
    Audited<ModelVersion> createVersion(NewModelVersion version, RegistryChange change);

    /** @param name model name @param version number @return the version, whatever its status */
    Optional<ModelVersion> findVersion(String name, int version);

    /**
     * @param name model name
     * @return all its versions, whatever their status, by number; empty if there is no such model
     */
    List<ModelVersion> listVersions(String name);

    /**
     * Changes a version's status. If it already has that status, nothing changes and nothing is audited. Audit:
     * {@link AuditAction#ARCHIVED}, {@link AuditAction#RESTORED} (to ACTIVE) or {@link AuditAction#DELETED}, with
     * the detail {@code from} = the former status.
     *
     * @param name model name
     * @param version number
     * @param status the new status
     * @param change who, when, why
     * @return the version after the change, and the audit entry (none if unchanged)
     * @throws dev.mlops4j.NotFoundException if there is no such version
     * @throws dev.mlops4j.ConflictException if it would leave ACTIVE while holding an alias
     */
    Audited<ModelVersion> setVersionStatus(String name, int version, VersionStatus status, RegistryChange change);

    /**
     * Sets tags on a version. Audit: {@link AuditAction#VERSION_UPDATED}.
     *
     * @param name model name
     * @param version number
     * @param tags tags to set
     * @param change who, when, why
     * @return the updated version and the audit entry
     * @throws dev.mlops4j.NotFoundException if there is no such version
     */
    Audited<ModelVersion> setVersionTags(String name, int version, Map<String, String> tags, RegistryChange change);

    // ---------------------------------------------------------------- aliases

    /** @param name model name @param alias alias @return its assignment, if a version holds it */
    Optional<AliasAssignment> findAlias(String name, String alias);

    /** @param name model name @return its alias assignments, ordered by alias; empty if none or no such model */
    List<AliasAssignment> listAliases(String name);

    /**
     * Compare-and-set: gives the alias to {@code version} if its holder is {@code expectedVersion}
     * ({@link #NO_VERSION}: nobody), and sets {@code versionTags} on the new holder, in one transaction. Audit:
     * {@link AuditAction#ALIAS_MOVED} with the new version, the alias and {@code previousVersion} =
     * {@code expectedVersion} (null for {@link #NO_VERSION}).
     *
     * @param name model name
     * @param alias checked alias
     * @param expectedVersion the holder the caller decided against, or {@link #NO_VERSION}
     * @param version the new holder, different from {@code expectedVersion}
     * @param versionTags tags to set on the new holder (e.g. the promotion's gate outcome), may be empty
     * @param change who, when, why
     * @return the new assignment and the audit entry
     * @throws dev.mlops4j.NotFoundException if the version does not exist
     * @throws dev.mlops4j.ConflictException if the alias's holder is not {@code expectedVersion}, or the version is
     *     not ACTIVE
     */
    Audited<AliasAssignment> moveAlias(String name, String alias, int expectedVersion, int version,
                              Map<String, String> versionTags, RegistryChange change);

    /**
     * Compare-and-set removal of an alias. Audit: {@link AuditAction#ALIAS_REMOVED} with version = null, the alias
     * and {@code previousVersion} = {@code expectedVersion}.
     *
     * @param name model name
     * @param alias alias
     * @param expectedVersion the version that holds it
     * @param change who, when, why
     * @return the audit entry
     * @throws dev.mlops4j.ConflictException if the alias is not held by {@code expectedVersion}
     */
    AuditEntry removeAlias(String name, String alias, int expectedVersion, RegistryChange change);

    // ---------------------------------------------------------------- approvals

    /**
     * Records an approval by {@code change.user()}. Audit: {@link AuditAction#APPROVED} with the version and alias.
     *
     * @param name model name
     * @param version number
     * @param alias the alias it is approved for
     * @param change who (the approver), when, why
     * @return the approval and the audit entry
     * @throws dev.mlops4j.NotFoundException if there is no such version
     * @throws dev.mlops4j.ConflictException if that user already approved that version for that alias
     */
    Audited<Approval> addApproval(String name, int version, String alias, RegistryChange change);

    /** @param name model name @param version number @return its approvals, oldest first */
    List<Approval> listApprovals(String name, int version);

    // ---------------------------------------------------------------- audit

    /**
     * Appends an audit entry that records a decision without a change, such as
     * {@link AuditAction#PROMOTION_REJECTED}.
     *
     * @param name model name (the model must exist)
     * @param version the version concerned, or {@code null}
     * @param alias the alias concerned, or {@code null}
     * @param action what is recorded
     * @param change who, when, why
     * @return the appended entry
     * @throws dev.mlops4j.NotFoundException if there is no such model
     */
    AuditEntry appendAudit(String name, Integer version, String alias, AuditAction action, RegistryChange change);

    /**
     * @param filter what to select
     * @return matching entries ordered by sequence, at most {@code filter.limit()}
     */
    List<AuditEntry> audit(AuditFilter filter);

}
