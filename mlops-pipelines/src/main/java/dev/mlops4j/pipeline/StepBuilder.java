package dev.mlops4j.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.mlops4j.InvalidInputException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Builds a {@link Step}; {@link #body(StepBody)} ends the definition. Not thread-safe. */
public final class StepBuilder {
    final String name;
    final List<Slot<?>> inputs = new ArrayList<>();
    final List<Slot<?>> outputs = new ArrayList<>();
    final Map<String, Object> params = new LinkedHashMap<>();
    String version;
    final Set<String> tags = new LinkedHashSet<>();
    RetryPolicy retry = RetryPolicy.none();
    Duration timeout;
    boolean cacheable = true;
    Duration maxStaleness;

    StepBuilder(String name) {
        this.name = Slot.checkName(name);
    }

    /** @param slots inputs to add @return this builder */
    public StepBuilder input(Slot<?>... slots) {
        for (Slot<?> s : slots) {
            Objects.requireNonNull(s, "slot");
            if (inputs.stream().anyMatch(i -> i.name().equals(s.name()))) {
                throw new PipelineDefinitionException("step '" + name + "' declares input '" + s.name() + "' twice");
            }
            inputs.add(s);
        }
        return this;
    }

    /** @param slots outputs to add @return this builder */
    public StepBuilder output(Slot<?>... slots) {
        for (Slot<?> s : slots) {
            Objects.requireNonNull(s, "slot");
            if (outputs.stream().anyMatch(o -> o.name().equals(s.name()))) {
                throw new PipelineDefinitionException("step '" + name + "' declares output '" + s.name() + "' twice");
            }
            outputs.add(s);
        }
        return this;
    }

    /**
     * @param key parameter name
     * @param value a JSON-representable value: string, number, boolean, enum, list, map or record
     * @return this builder
     * @throws InvalidInputException if the value cannot be represented canonically
     */
    public StepBuilder param(String key, Object value) {
        Slot.checkName(key);
        Objects.requireNonNull(value, () -> "parameter '" + key + "' of step '" + name + "' is null; omit it instead");
        try {
            Serializers.mapper().writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("parameter '" + key + "' of step '" + name + "' (" + value.getClass()
                    .getName() + ") cannot be written as JSON, which cache keys need: " + e.getOriginalMessage());
        }
        params.put(key, value);
        return this;
    }

    /** @param values parameters to add @return this builder */
    public StepBuilder params(Map<String, ?> values) {
        values.forEach(this::param);
        return this;
    }

    /**
     * @param codeVersion a declared version of the step's code; changing it invalidates the cache. Without one, the
     *     code version is a fingerprint of the code the body can reach: its class nest, the classes of objects it
     *     captured, and every class their bytecode references, transitively (application classes by their bytes,
     *     libraries by their jar's content, the JDK not at all). Declare a version when the step depends on what
     *     that cannot see: classes reached only by reflection or service loading, resources and configuration
     *     files it reads, state in static fields.
     * @return this builder
     */
    public StepBuilder version(String codeVersion) {
        Objects.requireNonNull(codeVersion, "codeVersion");
        if (codeVersion.isBlank()) {
            throw new InvalidInputException("the version of step '" + name + "' must not be blank");
        }
        this.version = codeVersion;
        return this;
    }

    /** @param values tags for {@link Pipeline#onlyTags} @return this builder */
    public StepBuilder tags(String... values) {
        for (String t : values) {
            tags.add(Slot.checkName(t));
        }
        return this;
    }

    /** @param policy retries of failed attempts @return this builder */
    public StepBuilder retry(RetryPolicy policy) {
        this.retry = Objects.requireNonNull(policy, "policy");
        return this;
    }

    /** @param perAttempt the longest an attempt may run before it is interrupted @return this builder */
    public StepBuilder timeout(Duration perAttempt) {
        Objects.requireNonNull(perAttempt, "perAttempt");
        if (perAttempt.isZero() || perAttempt.isNegative()) {
            throw new InvalidInputException("the timeout of step '" + name + "' must be positive, not " + perAttempt);
        }
        this.timeout = perAttempt;
        return this;
    }

    /** @param enabled false to always execute this step @return this builder */
    public StepBuilder cache(boolean enabled) {
        this.cacheable = enabled;
        return this;
    }

    /** @param age reuse cached results only if at most this old @return this builder */
    public StepBuilder maxStaleness(Duration age) {
        Objects.requireNonNull(age, "age");
        if (age.isNegative()) {
            throw new InvalidInputException("the max staleness of step '" + name + "' must not be negative");
        }
        this.maxStaleness = age;
        return this;
    }

    /**
     * @param body what the step does
     * @return the step
     * @throws PipelineDefinitionException if an output is also an input
     */
    public Step body(StepBody body) {
        Objects.requireNonNull(body, "body");
        for (Slot<?> o : outputs) {
            if (inputs.stream().anyMatch(i -> i.name().equals(o.name()))) {
                throw new PipelineDefinitionException("step '" + name + "' has '" + o.name() + "' as input and output,"
                        + " a cycle of one step; give the output another name");
            }
        }
        return new Step(this, body);
    }
}
