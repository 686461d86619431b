package dev.mlops4j.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Builds a {@link Pipeline}; {@link #build()} checks the graph. Not thread-safe. */
public final class PipelineBuilder {
    private final String name;
    private final List<Step> steps = new ArrayList<>();
    private final Map<String, Slot<?>> inputs = new LinkedHashMap<>();

    PipelineBuilder(String name) {
        this.name = Slot.checkName(name);
    }

    /** @param slots data sets provided when the pipeline is run @return this builder */
    public PipelineBuilder input(Slot<?>... slots) {
        for (Slot<?> s : slots) {
            inputs.put(Objects.requireNonNull(s, "slot").name(), s);
        }
        return this;
    }

    /** @param step a step @return this builder */
    public PipelineBuilder step(Step step) {
        steps.add(Objects.requireNonNull(step, "step"));
        return this;
    }

    /** @param more steps @return this builder */
    public PipelineBuilder steps(Step... more) {
        for (Step s : more) {
            step(s);
        }
        return this;
    }

    /**
     * @return the pipeline
     * @throws PipelineDefinitionException for a missing input, a duplicate output or step name, conflicting slot
     *     declarations, a cycle, or no steps at all
     */
    public Pipeline build() {
        if (steps.isEmpty()) {
            throw new PipelineDefinitionException("pipeline '" + name + "' has no steps; add them with .step(...)");
        }
        return new Pipeline(name, steps, inputs, Map.of());
    }
}
