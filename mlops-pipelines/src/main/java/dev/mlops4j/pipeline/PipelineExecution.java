package dev.mlops4j.pipeline;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.Mlops;
import dev.mlops4j.pipeline.internal.Engine;
import dev.mlops4j.pipeline.internal.Settings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * The settings of one run of a pipeline, from {@link Pipeline#on(Mlops)}; {@link #run()} executes it, {@link #start()}
 * starts it in the background.
 *
 * <pre>{@code
 * PipelineResult r = pipeline.on(mlops)
 *         .input(CSV, Path.of("wine.csv"))
 *         .experiment("wine-nightly")
 *         .parallel(executor)          // independent steps at once; default: one after another
 *         .hook(myHook)
 *         .run();
 * }</pre>
 * Not thread-safe; each {@code run()} is a new pipeline run.
 */
public final class PipelineExecution {
    private final Pipeline pipeline;
    private final Mlops mlops;
    private String experiment;
    private String runName;
    private Executor executor;
    private boolean cache = true;
    private final List<PipelineHook> hooks = new ArrayList<>();
    private final Map<String, Object> inputs = new LinkedHashMap<>();
    private String resumeRunId;
    private Sleeper sleeper = Sleeper.SYSTEM;
    private final Map<String, String> tags = new LinkedHashMap<>();
    private java.time.Clock clock = java.time.Clock.systemUTC();

    PipelineExecution(Pipeline pipeline, Mlops mlops) {
        this.pipeline = pipeline;
        this.mlops = Objects.requireNonNull(mlops, "mlops");
        this.experiment = pipeline.name();
        this.runName = pipeline.name();
    }

    /** @param name the experiment of the pipeline run (default: the pipeline's name) @return this */
    public PipelineExecution experiment(String name) {
        this.experiment = Objects.requireNonNull(name, "name");
        return this;
    }

    /** @param name the tracking run's name (default: the pipeline's name) @return this */
    public PipelineExecution runName(String name) {
        this.runName = Objects.requireNonNull(name, "name");
        return this;
    }

    /** @param key tag key @param value tag value @return this, tagging the pipeline's tracking run */
    public PipelineExecution tag(String key, String value) {
        tags.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        return this;
    }

    /**
     * @param stepExecutor runs independent steps concurrently (the caller owns and shuts it down)
     * @return this
     */
    public PipelineExecution parallel(Executor stepExecutor) {
        this.executor = Objects.requireNonNull(stepExecutor, "stepExecutor");
        return this;
    }

    /** @return this, running steps one after another on the calling thread (the default) */
    public PipelineExecution sequential() {
        this.executor = null;
        return this;
    }

    /** @param enabled false to execute every step even if a cached result exists @return this */
    public PipelineExecution cache(boolean enabled) {
        this.cache = enabled;
        return this;
    }

    /** @param hook called around the run and each step @return this */
    public PipelineExecution hook(PipelineHook hook) {
        hooks.add(Objects.requireNonNull(hook, "hook"));
        return this;
    }

    /**
     * @param slot a pipeline input
     * @param value its value
     * @param <T> value type
     * @return this
     * @throws InvalidInputException if the pipeline declares no such input
     */
    public <T> PipelineExecution input(Slot<T> slot, T value) {
        Objects.requireNonNull(slot, "slot");
        Objects.requireNonNull(value, () -> "value of input '" + slot.name() + "'");
        Slot<?> declared = pipeline.inputs().get(slot.name());
        if (declared == null) {
            throw new InvalidInputException("pipeline '" + pipeline.name() + "' has no input '" + slot.name()
                    + "'; its inputs are " + pipeline.inputs().keySet());
        }
        inputs.put(slot.name(), value);
        return this;
    }

    /**
     * Reuses the outputs of the steps that completed in an earlier (failed or cancelled) run, when their inputs,
     * parameters and code are unchanged, even if caching is disabled. With caching on, a re-run resumes anyway.
     *
     * @param pipelineRunId the earlier run's tracking run id
     * @return this
     */
    public PipelineExecution resume(String pipelineRunId) {
        this.resumeRunId = Objects.requireNonNull(pipelineRunId, "pipelineRunId");
        return this;
    }

    /** @param value how to wait between retries (tests record instead of sleeping) @return this */
    public PipelineExecution sleeper(Sleeper value) {
        this.sleeper = Objects.requireNonNull(value, "value");
        return this;
    }

    /** @param value clock of execution times and cache staleness (tests use a controllable one) @return this */
    public PipelineExecution clock(java.time.Clock value) {
        this.clock = Objects.requireNonNull(value, "value");
        return this;
    }

    private Settings settings() {
        return new Settings(pipeline, mlops, experiment, runName, executor, cache, List.copyOf(hooks),
                Map.copyOf(inputs), resumeRunId, sleeper, Map.copyOf(tags), clock);
    }

    /**
     * Runs the pipeline on the calling thread (steps on the executor if {@link #parallel} was set).
     *
     * @return the result when every step completed or was cached
     * @throws StepFailedException if a step failed (after retries); outputs already produced stay recorded
     * @throws PipelineCancelledException if the calling thread was interrupted
     * @throws InvalidInputException if a pipeline input is missing
     * @throws dev.mlops4j.StoreConfigurationException if the store keeps no lineage
     */
    public PipelineResult run() {
        return Engine.run(settings());
    }

    /** @return a handle to a run started on a new thread */
    public PipelineHandle start() {
        return Engine.start(settings());
    }
}
