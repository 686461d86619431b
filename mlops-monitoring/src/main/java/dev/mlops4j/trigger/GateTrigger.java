package dev.mlops4j.trigger;

import dev.mlops4j.gate.Gate;

import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Fires when new live metrics fail a gate; see {@link Trigger#onGateFailure(Gate, Supplier)}.
 *
 * @param gate the conditions
 * @param metrics the latest live metrics, or null
 */
public record GateTrigger(Gate gate, Supplier<? extends Map<String, ? extends Number>> metrics) implements Trigger {
    public GateTrigger {
        Objects.requireNonNull(gate, "gate");
        Objects.requireNonNull(metrics, "metrics");
    }

    @Override
    public String describe() {
        return "gate '" + gate.name() + "' failing";
    }
}
