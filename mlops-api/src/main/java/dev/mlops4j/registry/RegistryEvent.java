package dev.mlops4j.registry;

import java.util.Objects;
import java.util.Optional;

/**
 * A change in the registry, delivered to {@link RegistryListener}s after it was committed: a version registered, an
 * alias moved or removed, an approval, a rejected promotion, an archive, restore or deletion, a model or policy
 * change. Every event carries the audit entry that recorded it.
 *
 * @param type what happened (the audit action)
 * @param audit the audit entry written with the change
 */
public record RegistryEvent(AuditAction type, AuditEntry audit) {
    public RegistryEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(audit, "audit");
        if (audit.action() != type) {
            throw new IllegalArgumentException("event type " + type + " differs from its audit action " + audit.action());
        }
    }

    /**
     * @param audit an audit entry
     * @return the event for it
     */
    public static RegistryEvent of(AuditEntry audit) {
        return new RegistryEvent(audit.action(), audit);
    }

    /** @return the model concerned */
    public String modelName() {
        return audit.modelName();
    }

    /** @return the version concerned, if any (for an alias move: the new holder) */
    public Optional<Integer> version() {
        return audit.versionOpt();
    }

    /** @return the alias concerned, if any */
    public Optional<String> alias() {
        return audit.aliasOpt();
    }

    /**
     * @param model a model name
     * @param alias an alias
     * @return true if this event moved or removed that alias
     */
    public boolean changesAlias(String model, String alias) {
        return (type == AuditAction.ALIAS_MOVED || type == AuditAction.ALIAS_REMOVED)
                && model.equals(audit.modelName()) && alias.equals(audit.alias());
    }
}
