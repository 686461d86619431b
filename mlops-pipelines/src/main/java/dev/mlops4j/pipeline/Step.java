package dev.mlops4j.pipeline;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One component of a pipeline: a body with named typed inputs and outputs, parameters, a code version, tags and its
 * execution settings. Immutable; build with {@link #named(String)}:
 *
 * <pre>{@code
 * Step train = Step.named("train")
 *         .input(TRAIN_SET).output(MODEL)
 *         .param("epochs", 20).param("seed", 42L)
 *         .version("2")                                   // bump when the code changes meaningfully
 *         .tags("training")
 *         .retry(RetryPolicy.attempts(3)).timeout(Duration.ofMinutes(5))
 *         .body(ctx -> ctx.output(MODEL, fit(ctx.input(TRAIN_SET), ctx.param("epochs", Integer.class))));
 * }</pre>
 */
public final class Step {
    private final String name;
    private final List<Slot<?>> inputs;
    private final List<Slot<?>> outputs;
    private final Map<String, Object> params;
    private final String version;
    private final Set<String> tags;
    private final RetryPolicy retry;
    private final Duration timeout;
    private final boolean cacheable;
    private final Duration maxStaleness;
    private final StepBody body;

    Step(StepBuilder b, StepBody body) {
        this.name = b.name;
        this.inputs = List.copyOf(b.inputs);
        this.outputs = List.copyOf(b.outputs);
        this.params = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(b.params));
        this.version = b.version;
        this.tags = Set.copyOf(b.tags);
        this.retry = b.retry;
        this.timeout = b.timeout;
        this.cacheable = b.cacheable;
        this.maxStaleness = b.maxStaleness;
        this.body = body;
    }

    /** @param name unique in its pipeline @return a builder */
    public static StepBuilder named(String name) {
        return new StepBuilder(name);
    }

    /** @return the name */
    public String name() {
        return name;
    }

    /** @return declared inputs, in declaration order */
    public List<Slot<?>> inputs() {
        return inputs;
    }

    /** @return declared outputs, in declaration order */
    public List<Slot<?>> outputs() {
        return outputs;
    }

    /** @return parameters, sorted by name */
    public Map<String, Object> params() {
        return params;
    }

    /** @return the declared code version, empty if the class files' fingerprint is used */
    public Optional<String> version() {
        return Optional.ofNullable(version);
    }

    /** @return tags for slicing */
    public Set<String> tags() {
        return tags;
    }

    /** @return the retry policy */
    public RetryPolicy retry() {
        return retry;
    }

    /** @return the timeout of one attempt, empty for none */
    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    /** @return whether results may be reused from the cache */
    public boolean cacheable() {
        return cacheable;
    }

    /** @return how old a cached result may be, empty for any age */
    public Optional<Duration> maxStaleness() {
        return Optional.ofNullable(maxStaleness);
    }

    /** @return the body */
    public StepBody body() {
        return body;
    }

    /** @return name, inputs and outputs */
    @Override
    public String toString() {
        return name + inputs.stream().map(Slot::name).toList() + " -> " + outputs.stream().map(Slot::name).toList();
    }
}
