package dev.mlops4j.core.internal.registry;

import dev.mlops4j.ConflictException;
import dev.mlops4j.gate.Gate;
import dev.mlops4j.gate.GateResult;
import dev.mlops4j.gate.MetricValues;
import dev.mlops4j.registry.AliasAssignment;
import dev.mlops4j.registry.AuditAction;
import dev.mlops4j.registry.AuditEntry;
import dev.mlops4j.registry.ModelVersion;
import dev.mlops4j.registry.PromotionOutcome;
import dev.mlops4j.registry.PromotionResult;
import dev.mlops4j.registry.RecordedGate;
import dev.mlops4j.registry.RegistryNames;
import dev.mlops4j.spi.Audited;
import dev.mlops4j.spi.RegistryStore;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides and carries out promotions (see {@link dev.mlops4j.registry.Promotion}): the version must be ACTIVE, a
 * protected alias needs an approval by someone other than the registrant, the gate is evaluated against the current
 * holder, and the alias moves by compare-and-set on that holder. When the holder changed in between, the whole
 * decision is made again against the new holder, so a gate is never judged against a champion that is no longer the
 * one being replaced.
 */
final class Promoter {
    private static final Logger LOG = LoggerFactory.getLogger(Promoter.class);
    /** Each failed compare-and-set means another promotion succeeded, so this bound is never reached in practice. */
    static final int MAX_ATTEMPTS = 100;
    /** Audit details are tag-sized; the gate table is cut to this length. */
    private static final int MAX_TABLE = 4_000;

    private final CoreModelRegistry registry;

    Promoter(CoreModelRegistry registry) {
        this.registry = registry;
    }

    PromotionResult promote(String name, int version, String alias, Gate gate, String reason) {
        RegistryStore store = registry.store();
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            ModelVersion candidate = registry.version(name, version);
            if (!candidate.isActive()) {
                throw new ConflictException(candidate.uri() + " is " + candidate.status() + " and cannot be promoted;"
                        + " restore it first");
            }
            Optional<AliasAssignment> holder = store.findAlias(name, alias);
            if (holder.isPresent() && holder.get().version() == version) {
                return new PromotionResult(PromotionOutcome.ALREADY_HELD, candidate, alias, version, null, null,
                        candidate.uri() + " already holds '" + alias + "'; nothing changed");
            }
            Integer previous = holder.map(AliasAssignment::version).orElse(null);

            if (registry.model(name).approvalPolicy().isProtected(alias) && !approved(candidate, alias)) {
                String message = "alias '" + alias + "' of '" + name + "' is protected: " + candidate.uri()
                        + " needs an approval for it by a user other than '" + candidate.createdBy()
                        + "', who registered it. Ask a reviewer to call approve(\"" + name + "\", " + version + ", \""
                        + alias + "\", reason)";
                return reject(PromotionOutcome.APPROVAL_REQUIRED, candidate, alias, previous, null, reason, message,
                        Map.of("outcome", PromotionOutcome.APPROVAL_REQUIRED.name()));
            }

            GateResult result = null;
            Map<String, String> versionTags = Map.of();
            Map<String, String> details = new LinkedHashMap<>();
            if (gate != null) {
                ModelVersion champion = previous == null ? null : registry.version(name, previous);
                result = gate.evaluate(metrics(candidate, null), champion == null ? null : metrics(champion, alias));
                String summary = summary(result);
                details.put("gate", result.gate());
                details.put("gate.status", result.status().name());
                details.put("gate.summary", summary);
                if (!result.passed()) {
                    details.put("outcome", PromotionOutcome.REJECTED_BY_GATE.name());
                    details.put("gate.table", table(result));
                    return reject(PromotionOutcome.REJECTED_BY_GATE, candidate, alias, previous, result, reason,
                            "gate '" + result.gate() + "' failed for " + candidate.uri() + " against "
                                    + (previous == null ? "no champion" : "v" + previous + " (current '" + alias
                                    + "')") + "; '" + alias + "' did not move: " + result.summary(), details);
                }
                versionTags = new RecordedGate(result.gate(), result.status(), summary).toTags();
            }
            try {
                Audited<AliasAssignment> moved = store.moveAlias(name, alias,
                        previous == null ? RegistryStore.NO_VERSION : previous, version, versionTags,
                        registry.change(reason, details));
                registry.commit(moved);
                AuditEntry entry = moved.audit().isEmpty() ? null : moved.audit().get(moved.audit().size() - 1);
                return new PromotionResult(PromotionOutcome.PROMOTED, registry.version(name, version), alias, previous,
                        result, entry, candidate.uri() + " now holds '" + alias + "'"
                        + (previous == null ? " (first holder)" : " (was v" + previous + ")")
                        + (result == null ? "" : "; gate '" + result.gate() + "' " + result.summary()));
            } catch (ConflictException e) {
                int now = store.findAlias(name, alias).map(AliasAssignment::version).orElse(RegistryStore.NO_VERSION);
                int expected = previous == null ? RegistryStore.NO_VERSION : previous;
                if (now == expected) {
                    throw e; // not a race on the alias (e.g. the version was archived meanwhile)
                }
                LOG.debug("alias {}@{} moved to v{} while promoting v{} (attempt {}); deciding again", name, alias,
                        now, version, attempt);
            }
        }
        throw new ConflictException("gave up promoting " + RegistryNames.checkModelName(name) + " v" + version
                + " to '" + alias + "': the alias kept moving during " + MAX_ATTEMPTS + " attempts; try again");
    }

    private boolean approved(ModelVersion candidate, String alias) {
        return registry.store().listApprovals(candidate.modelName(), candidate.version()).stream()
                .anyMatch(a -> a.alias().equals(alias) && !a.approver().equals(candidate.createdBy()));
    }

    private PromotionResult reject(PromotionOutcome outcome, ModelVersion candidate, String alias, Integer previous,
                                   GateResult result, String reason, String message, Map<String, String> details) {
        AuditEntry entry = registry.store().appendAudit(candidate.modelName(), candidate.version(), alias,
                AuditAction.PROMOTION_REJECTED, registry.change(reason, details));
        registry.announce(entry);
        LOG.info("promotion rejected: {}", message);
        return new PromotionResult(outcome, candidate, alias, previous, result, entry, message);
    }

    private MetricValues metrics(ModelVersion version, String alias) {
        MetricValues of = MetricValues.of(registry.runs(), version);
        if (alias == null) {
            return of;
        }
        String uri = version.uri().toString();
        return new MetricValues(uri + " @" + alias + of.source().substring(uri.length()), of.values());
    }

    private static String summary(GateResult result) {
        // The same summary GateRecorder writes on runs, so version and run tags read alike.
        return result.summary() + (result.champion() == null ? "; no champion" : "; champion " + result.champion());
    }

    private static String table(GateResult result) {
        String t = result.toString();
        return t.length() <= MAX_TABLE ? t : t.substring(0, MAX_TABLE - 3) + "...";
    }
}
