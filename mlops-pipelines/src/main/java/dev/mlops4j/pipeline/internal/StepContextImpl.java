package dev.mlops4j.pipeline.internal;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.Mlops;
import dev.mlops4j.Run;
import dev.mlops4j.lineage.Artifact;
import dev.mlops4j.pipeline.PipelineCancelledException;
import dev.mlops4j.pipeline.Slot;
import dev.mlops4j.pipeline.Step;
import dev.mlops4j.pipeline.StepContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The context of one attempt of one step. */
final class StepContextImpl implements StepContext {
    private final Step step;
    private final Map<String, Produced> inputs;
    private final Run run;
    private final Mlops mlops;
    private final int attempt;
    private final CancelToken cancel;
    private final Map<String, Object> outputs = new LinkedHashMap<>();

    StepContextImpl(Step step, Map<String, Produced> inputs, Run run, Mlops mlops, int attempt, CancelToken cancel) {
        this.step = step;
        this.inputs = inputs;
        this.run = run;
        this.mlops = mlops;
        this.attempt = attempt;
        this.cancel = cancel;
    }

    @Override
    public String stepName() {
        return step.name();
    }

    @Override
    public <T> T input(Slot<T> slot) {
        return slot.type().cast(declaredInput(slot).value());
    }

    @Override
    public Optional<Artifact> inputArtifact(Slot<?> slot) {
        return Optional.ofNullable(declaredInput(slot).artifact());
    }

    private Produced declaredInput(Slot<?> slot) {
        Produced p = inputs.get(slot.name());
        if (p == null || !step.inputs().contains(slot)) {
            throw new InvalidInputException("step '" + step.name() + "' reads '" + slot.name() + "', which is not one"
                    + " of its declared inputs " + step.inputs() + "; add it with .input(" + slot.name() + ")");
        }
        return p;
    }

    @Override
    public <T> void output(Slot<T> slot, T value) {
        if (!step.outputs().contains(slot)) {
            throw new InvalidInputException("step '" + step.name() + "' writes '" + slot.name() + "', which is not one"
                    + " of its declared outputs " + step.outputs() + "; add it with .output(" + slot.name() + ")");
        }
        if (value == null) {
            throw new InvalidInputException("step '" + step.name() + "' wrote null to output '" + slot.name() + "'");
        }
        outputs.put(slot.name(), slot.type().cast(value));
    }

    Map<String, Object> outputs() {
        return outputs;
    }

    @Override
    public <T> T param(String name, Class<T> type) {
        Object value = step.params().get(name);
        if (value == null) {
            throw new InvalidInputException("step '" + step.name() + "' has no parameter '" + name + "'; its"
                    + " parameters are " + step.params().keySet());
        }
        if (type.isInstance(value)) {
            return type.cast(value);
        }
        try {
            return CacheKeys.CANONICAL.convertValue(value, type);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("parameter '" + name + "' of step '" + step.name() + "' is " + value
                    + " (" + value.getClass().getSimpleName() + "), which does not convert to " + type.getName());
        }
    }

    @Override
    public Run run() {
        return run;
    }

    @Override
    public Mlops mlops() {
        return mlops;
    }

    @Override
    public int attempt() {
        return attempt;
    }

    @Override
    public boolean isCancelled() {
        return cancel.isCancelled();
    }

    @Override
    public void checkCancelled() {
        if (cancel.isCancelled()) {
            throw new PipelineCancelledException("step '" + step.name() + "': the pipeline run was cancelled", null);
        }
    }
}
