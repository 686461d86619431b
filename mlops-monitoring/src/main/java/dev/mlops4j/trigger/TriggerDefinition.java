package dev.mlops4j.trigger;

import dev.mlops4j.InvalidInputException;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Configures one trigger of a {@link Triggers} engine, from {@link Triggers#define(String)}; {@link #start} registers
 * it. Not thread-safe; use one definition per trigger.
 *
 * <pre>{@code
 * TriggerHandle nightly = triggers.define("retrain-nightly")
 *         .when(Trigger.cron("0 2 * * *").in(ZoneId.of("Europe/Paris")))
 *         .startAt(Instant.parse("2026-01-01T00:00:00Z")).endAt(Instant.parse("2026-12-31T00:00:00Z"))
 *         .maxRuns(100)
 *         .target("retrain")                       // triggers with one target share its concurrency
 *         .concurrency(ConcurrencyPolicy.queue(1))
 *         .misfire(MisfirePolicy.once())
 *         .start(firing -> pipeline.run(firing.reason()));
 * }</pre>
 */
public final class TriggerDefinition {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,200}");

    private final Triggers engine;
    final String name;
    Trigger trigger;
    String target;
    ConcurrencyPolicy concurrency;
    MisfirePolicy misfire = MisfirePolicy.once();
    Duration debounce = Duration.ZERO;
    Instant startAt;
    Instant endAt;
    long maxRuns = Long.MAX_VALUE;

    TriggerDefinition(Triggers engine, String name) {
        this.engine = engine;
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidInputException("trigger name '" + name + "' must be 1 to 200 letters, digits or _ - . ;"
                    + " it names the trigger's state and firings in the store");
        }
        this.name = name;
        this.target = name;
    }

    /** @param when what makes it fire @return this definition */
    public TriggerDefinition when(Trigger when) {
        this.trigger = Objects.requireNonNull(when, "trigger");
        return this;
    }

    /**
     * @param targetName what the action runs, e.g. a pipeline's name (default: the trigger's name). Triggers with the
     *     same target run one action at a time and share one concurrency policy.
     * @return this definition
     */
    public TriggerDefinition target(String targetName) {
        if (targetName == null || targetName.isBlank()) {
            throw new InvalidInputException("target name must not be blank");
        }
        this.target = targetName;
        return this;
    }

    /** @param policy what a firing does while its target runs (default {@link ConcurrencyPolicy#skip()}) @return this */
    public TriggerDefinition concurrency(ConcurrencyPolicy policy) {
        this.concurrency = Objects.requireNonNull(policy, "policy");
        return this;
    }

    /** @param policy what a schedule does with missed times (default {@link MisfirePolicy#once()}) @return this */
    public TriggerDefinition misfire(MisfirePolicy policy) {
        this.misfire = Objects.requireNonNull(policy, "policy");
        return this;
    }

    /**
     * Waits until the trigger has been quiet this long before firing: events arriving in a burst (files copied one by
     * one, signals in a loop) make one firing, fired this long after the last of them.
     *
     * @param quiet the quiet period, zero (the default) to fire at once
     * @return this definition
     */
    public TriggerDefinition debounce(Duration quiet) {
        Objects.requireNonNull(quiet, "quiet");
        if (quiet.isNegative()) {
            throw new InvalidInputException("debounce must not be negative, was " + quiet);
        }
        this.debounce = quiet;
        return this;
    }

    /** @param start no firing before it; a fixed rate's first time @return this definition */
    public TriggerDefinition startAt(Instant start) {
        this.startAt = Objects.requireNonNull(start, "start");
        return this;
    }

    /** @param end no firing after it; the trigger then finishes @return this definition */
    public TriggerDefinition endAt(Instant end) {
        this.endAt = Objects.requireNonNull(end, "end");
        return this;
    }

    /** @param max the most firings over the trigger's life, across restarts @return this definition */
    public TriggerDefinition maxRuns(long max) {
        if (max < 1) {
            throw new InvalidInputException("maxRuns must be at least 1, was " + max);
        }
        this.maxRuns = max;
        return this;
    }

    /**
     * Registers the trigger and starts watching. Its stored state (if the engine has a store and the trigger ran
     * before) is resumed: sequence numbers, runs counted, cursors of schedules and watched directories.
     *
     * @param action what to run on each firing
     * @return a handle to follow or cancel it
     * @throws InvalidInputException if no trigger was given, the start is not before the end, or the target was
     *     defined with another concurrency policy
     */
    public TriggerHandle start(TriggerAction action) {
        Objects.requireNonNull(action, "action");
        if (trigger == null) {
            throw new InvalidInputException("trigger '" + name + "' has no condition; call when(...) before start");
        }
        if (startAt != null && endAt != null && !startAt.isBefore(endAt)) {
            throw new InvalidInputException("trigger '" + name + "': startAt " + startAt + " must be before endAt " + endAt);
        }
        return engine.register(this, action);
    }
}
