package dev.mlops4j.serving;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.model.ClassAllowList;
import dev.mlops4j.model.ModelFlavors;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How a {@link ModelHandle} follows its alias, checks inputs, loads models and records predictions. Immutable; start
 * from {@link #defaults()} or {@link #builder()}.
 *
 * <pre>{@code
 * ServingOptions options = ServingOptions.builder()
 *         .pollInterval(Duration.ofSeconds(30))               // changes by other processes
 *         .inputPolicy(InputPolicy.REJECT)                     // every kind of issue...
 *         .policy(InputIssueKind.OUT_OF_DOMAIN, InputPolicy.WARN)   // ...but warn on extrapolation
 *         .domainTolerance(0.05)
 *         .recordTo(monitoringSink).sampleRate(0.1)
 *         .build();
 * }</pre>
 *
 * @param pollInterval how often the store is polled for alias moves made by other processes; {@link Duration#ZERO}
 *                     turns polling off (moves through the same {@code Mlops} are still seen at once)
 * @param checkInputs whether inputs are checked at all
 * @param policies what to do with each kind of input issue
 * @param domainTolerance how far outside a feature's training range still passes, as a fraction of the range's width
 * @param inputChecks further checks to run after the {@link SignatureCheck}, e.g. a schema check
 * @param allowList the classes model files may name, {@code null} for each flavor's default
 * @param flavors the model flavors to load with, {@code null} to discover them
 * @param sink where sampled predictions go, {@code null} to record nothing
 * @param sampleRate the fraction of predictions recorded, 0 to 1
 * @param queueCapacity how many records of one predicting thread may wait for the sink before that thread's new ones
 *                      are dropped (each thread records into a queue of its own; memory follows what waits)
 * @param flushTimeout how long closing waits for queued records to reach the sink
 */
public record ServingOptions(Duration pollInterval, boolean checkInputs, Map<InputIssueKind, InputPolicy> policies,
                             double domainTolerance, List<InputCheckFactory> inputChecks, ClassAllowList allowList,
                             ModelFlavors flavors, PredictionSink sink, double sampleRate, int queueCapacity,
                             Duration flushTimeout) {
    /** Default poll interval. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(10);
    /** Default recording queue capacity. */
    public static final int DEFAULT_QUEUE_CAPACITY = 10_000;

    public ServingOptions {
        Objects.requireNonNull(pollInterval, "pollInterval");
        if (pollInterval.isNegative()) {
            throw new InvalidInputException("pollInterval must be zero (off) or positive, was " + pollInterval);
        }
        EnumMap<InputIssueKind, InputPolicy> all = new EnumMap<>(InputIssueKind.class);
        all.putAll(defaultPolicies());
        all.putAll(Objects.requireNonNull(policies, "policies"));
        policies = Map.copyOf(all);
        if (!Double.isFinite(domainTolerance) || domainTolerance < 0) {
            throw new InvalidInputException("domainTolerance must be a finite number >= 0, was " + domainTolerance);
        }
        inputChecks = List.copyOf(inputChecks);
        if (!(sampleRate >= 0 && sampleRate <= 1)) {
            throw new InvalidInputException("sampleRate must be between 0 and 1, was " + sampleRate);
        }
        if (queueCapacity < 1) {
            throw new InvalidInputException("queueCapacity must be at least 1, was " + queueCapacity);
        }
        Objects.requireNonNull(flushTimeout, "flushTimeout");
        if (flushTimeout.isNegative()) {
            throw new InvalidInputException("flushTimeout must not be negative, was " + flushTimeout);
        }
    }

    /**
     * The default policies: {@link InputPolicy#REJECT} unknown and missing features, non-finite values and schema
     * violations (the prediction would be silently wrong); {@link InputPolicy#WARN} on values outside the training
     * range (an extrapolation, often still useful).
     *
     * @return kind to policy
     */
    public static Map<InputIssueKind, InputPolicy> defaultPolicies() {
        EnumMap<InputIssueKind, InputPolicy> p = new EnumMap<>(InputIssueKind.class);
        for (InputIssueKind k : InputIssueKind.values()) {
            p.put(k, InputPolicy.REJECT);
        }
        p.put(InputIssueKind.OUT_OF_DOMAIN, InputPolicy.WARN);
        return p;
    }

    /** @return the defaults: poll every 10 s, check inputs with the {@link #defaultPolicies()}, record nothing */
    public static ServingOptions defaults() {
        return builder().build();
    }

    /** @return a builder starting from the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param kind a kind of input issue
     * @return what to do with it
     */
    public InputPolicy policy(InputIssueKind kind) {
        return policies.get(kind);
    }

    /** @return the prediction sink, if predictions are recorded */
    public Optional<PredictionSink> sinkOpt() {
        return Optional.ofNullable(sink);
    }

    /** Builds {@link ServingOptions}; not thread-safe. */
    public static final class Builder {
        private Duration pollInterval = DEFAULT_POLL_INTERVAL;
        private boolean checkInputs = true;
        private final EnumMap<InputIssueKind, InputPolicy> policies = new EnumMap<>(defaultPolicies());
        private double domainTolerance;
        private final List<InputCheckFactory> inputChecks = new ArrayList<>();
        private ClassAllowList allowList;
        private ModelFlavors flavors;
        private PredictionSink sink;
        private double sampleRate = 1.0;
        private int queueCapacity = DEFAULT_QUEUE_CAPACITY;
        private Duration flushTimeout = Duration.ofSeconds(5);

        private Builder() {
        }

        /** @param interval poll interval, {@link Duration#ZERO} for none @return this builder */
        public Builder pollInterval(Duration interval) {
            this.pollInterval = Objects.requireNonNull(interval, "interval");
            return this;
        }

        /** @param check false to skip input checks entirely @return this builder */
        public Builder checkInputs(boolean check) {
            this.checkInputs = check;
            return this;
        }

        /** @param policy the policy for every kind of issue @return this builder */
        public Builder inputPolicy(InputPolicy policy) {
            Objects.requireNonNull(policy, "policy");
            for (InputIssueKind k : InputIssueKind.values()) {
                policies.put(k, policy);
            }
            return this;
        }

        /** @param kind a kind of issue @param policy its policy @return this builder */
        public Builder policy(InputIssueKind kind, InputPolicy policy) {
            policies.put(Objects.requireNonNull(kind, "kind"), Objects.requireNonNull(policy, "policy"));
            return this;
        }

        /** @param tolerance fraction of a training range's width accepted beyond it @return this builder */
        public Builder domainTolerance(double tolerance) {
            this.domainTolerance = tolerance;
            return this;
        }

        /** @param factory a further check, run after the signature check @return this builder */
        public Builder inputCheck(InputCheckFactory factory) {
            inputChecks.add(Objects.requireNonNull(factory, "factory"));
            return this;
        }

        /** @param allowList classes model files may name @return this builder */
        public Builder allowList(ClassAllowList allowList) {
            this.allowList = Objects.requireNonNull(allowList, "allowList");
            return this;
        }

        /** @param flavors the model flavors to use instead of discovering them @return this builder */
        public Builder flavors(ModelFlavors flavors) {
            this.flavors = Objects.requireNonNull(flavors, "flavors");
            return this;
        }

        /** @param sink where sampled predictions go @return this builder */
        public Builder recordTo(PredictionSink sink) {
            this.sink = Objects.requireNonNull(sink, "sink");
            return this;
        }

        /** @param rate fraction of predictions to record, 0 to 1 (default 1) @return this builder */
        public Builder sampleRate(double rate) {
            this.sampleRate = rate;
            return this;
        }

        /**
         * @param capacity records of one predicting thread that may wait for the sink (default 10 000); more are dropped
         *                 and counted
         * @return this builder
         */
        public Builder queueCapacity(int capacity) {
            this.queueCapacity = capacity;
            return this;
        }

        /** @param timeout how long closing waits for the sink (default 5 s) @return this builder */
        public Builder flushTimeout(Duration timeout) {
            this.flushTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** @return the options */
        public ServingOptions build() {
            return new ServingOptions(pollInterval, checkInputs, policies, domainTolerance, inputChecks, allowList,
                    flavors, sink, sampleRate, queueCapacity, flushTimeout);
        }
    }
}
