package dev.mlops4j.spi;

import dev.mlops4j.registry.AuditEntry;
import java.util.List;
import java.util.Objects;

/**
 * The result of a {@link RegistryStore} change together with the audit entries written in its transaction, so that
 * the engine can announce exactly what was committed to its listeners.
 *
 * @param value the changed entity as stored after the change
 * @param audit the entries appended, in sequence order; empty when the call changed nothing
 * @param <T> the entity's type
 */
public record Audited<T>(T value, List<AuditEntry> audit) {
    public Audited {
        Objects.requireNonNull(value, "value");
        audit = List.copyOf(audit);
    }

    /**
     * @param value the entity
     * @param audit the one entry written
     * @param <T> the entity's type
     * @return the result
     */
    public static <T> Audited<T> of(T value, AuditEntry audit) {
        return new Audited<>(value, List.of(audit));
    }

    /**
     * @param value the entity, unchanged
     * @param <T> the entity's type
     * @return a result without audit entries
     */
    public static <T> Audited<T> unchanged(T value) {
        return new Audited<>(value, List.of());
    }
}
