/**
 * The model registry: which model versions exist, which one is live, who decided that and why.
 *
 * <p>A {@link dev.mlops4j.registry.RegisteredModel} has numbered {@link dev.mlops4j.registry.ModelVersion versions},
 * each an immutable pointer to a model logged in a finished run (with its flavor, training data fingerprint, schema
 * reference and recorded gate outcomes). Aliases ({@code production}, {@code champion}, any name) point at one
 * version each ({@link dev.mlops4j.registry.AliasAssignment}) and move only by
 * {@link dev.mlops4j.registry.Promotion promotion}, which evaluates a {@link dev.mlops4j.gate.Gate} against the
 * current holder and, for aliases an {@link dev.mlops4j.registry.ApprovalPolicy} protects, requires an
 * {@link dev.mlops4j.registry.Approval} by a second person. Every change appends an
 * {@link dev.mlops4j.registry.AuditEntry} in the same transaction, queryable with an
 * {@link dev.mlops4j.registry.AuditFilter}, and is delivered to in-process
 * {@link dev.mlops4j.registry.RegistryListener listeners}. {@link dev.mlops4j.registry.ModelUri} parses
 * {@code models:/name/3}, {@code models:/name@alias}, {@code models:/name/latest} and {@code runs:/id/path}.
 *
 * <p>Entry point: {@link dev.mlops4j.registry.ModelRegistry}, from {@code mlops.models()}. Serving a version that
 * follows an alias is in {@link dev.mlops4j.serving}; stores implement {@link dev.mlops4j.spi.RegistryStore}.
 */
package dev.mlops4j.registry;
