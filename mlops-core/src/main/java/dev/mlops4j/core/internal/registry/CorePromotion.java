package dev.mlops4j.core.internal.registry;

import dev.mlops4j.gate.Gate;
import dev.mlops4j.registry.Promotion;
import dev.mlops4j.registry.PromotionResult;
import dev.mlops4j.registry.PromotionTarget;
import dev.mlops4j.registry.RegistryNames;
import java.util.Objects;

/** The fluent promotion: target alias, then gates, then the reason, which carries it out. Not thread-safe. */
final class CorePromotion implements PromotionTarget, Promotion {
    private final CoreModelRegistry registry;
    private final String modelName;
    private final int version;
    private String alias;
    private Gate gate;

    CorePromotion(CoreModelRegistry registry, String modelName, int version) {
        this.registry = registry;
        this.modelName = RegistryNames.checkModelName(modelName);
        this.version = RegistryNames.checkVersion(version);
    }

    @Override
    public Promotion to(String alias) {
        this.alias = RegistryNames.checkAlias(alias);
        return this;
    }

    @Override
    public Promotion requiring(Gate gate) {
        Objects.requireNonNull(gate, "gate");
        // Several requiring(...) calls add up, like Gate.and: every condition must pass.
        this.gate = this.gate == null ? gate : this.gate.and(gate);
        return this;
    }

    @Override
    public PromotionResult because(String reason) {
        RegistryNames.checkReason(reason);
        return registry.promote(modelName, version, alias, gate, reason);
    }
}
