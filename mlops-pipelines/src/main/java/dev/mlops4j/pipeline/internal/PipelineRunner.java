package dev.mlops4j.pipeline.internal;

import dev.mlops4j.Experiment;
import dev.mlops4j.InvalidInputException;
import dev.mlops4j.Run;
import dev.mlops4j.lineage.Artifact;
import dev.mlops4j.lineage.ChildRun;
import dev.mlops4j.lineage.ArtifactState;
import dev.mlops4j.lineage.Context;
import dev.mlops4j.lineage.Event;
import dev.mlops4j.lineage.EventType;
import dev.mlops4j.lineage.Execution;
import dev.mlops4j.lineage.ExecutionOutputs;
import dev.mlops4j.lineage.ExecutionQuery;
import dev.mlops4j.lineage.ExecutionRecord;
import dev.mlops4j.lineage.ExecutionState;
import dev.mlops4j.lineage.Lineage;
import dev.mlops4j.pipeline.Pipeline;
import dev.mlops4j.pipeline.PipelineCancelledException;
import dev.mlops4j.pipeline.PipelineHook;
import dev.mlops4j.pipeline.PipelineStatus;
import dev.mlops4j.pipeline.Slot;
import dev.mlops4j.pipeline.Step;
import dev.mlops4j.pipeline.StepFailedException;
import dev.mlops4j.pipeline.StepResult;
import dev.mlops4j.tracking.LogBatch;
import dev.mlops4j.tracking.Metric;
import dev.mlops4j.tracking.RunStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pipeline run: opens the tracking run and lineage contexts, imports the inputs, schedules steps as their
 * producers finish (on the executor, or inline when sequential), and records the outcome.
 */
final class PipelineRunner {
    private static final Logger LOG = LoggerFactory.getLogger(PipelineRunner.class);
    static final String TAG_PIPELINE = "pipeline.name";
    static final String TAG_STEP = "pipeline.step";
    static final String TAG_STATE = "pipeline.state";
    static final String TAG_CACHE_KEY = "pipeline.cache_key";
    static final String INPUTS_EXECUTION_TYPE = "pipeline-inputs";

    final Settings settings;
    final Pipeline pipeline;
    final CancelToken cancel;
    final Clock clock;
    final Map<String, Produced> data = new ConcurrentHashMap<>();
    final Map<String, StepResult> results = new ConcurrentHashMap<>();
    Lineage lineage;
    Experiment experiment;
    /** The pipeline's tracking run's id, chosen before the run is written so that records can name it. */
    String runId;
    /** The tracking run once written; see {@link #run()}. Guarded by {@code this}. */
    private Run run;
    private Instant started;
    List<String> contextIds;
    Context resumeContext;
    /** Writes of steps that did not run, queued by {@link #defer}, and the run's context; guarded by the first. */
    private final List<ExecutionRecord> pending = new ArrayList<>();
    private final List<Context> pendingContexts = new ArrayList<>();

    PipelineRunner(Settings settings, CancelToken cancel) {
        this.settings = settings;
        this.pipeline = settings.pipeline();
        this.cancel = cancel;
        this.clock = settings.clock();
    }

    ResultImpl runAndThrow() {
        ResultImpl result = execute();
        if (result.status() == PipelineStatus.FAILED) {
            StepResult failed = result.steps().stream().filter(s -> s.state() == ExecutionState.FAILED).findFirst()
                    .orElseThrow();
            throw new StepFailedException(failed.stepName(), failed.error(), result);
        }
        if (result.status() == PipelineStatus.CANCELED) {
            throw new PipelineCancelledException("pipeline '" + pipeline.name() + "' run " + result.pipelineRunId()
                    + " was cancelled; completed steps: " + result.executedSteps(), result);
        }
        return result;
    }

    private ResultImpl execute() {
        lineage = settings.mlops().lineage();
        started = clock.instant();
        experiment = settings.mlops().experiment(settings.experiment());
        runId = ChildRun.newId();
        if (!settings.hooks().isEmpty()) {
            run(); // hooks are told the run's id and may look it up
        }
        Throwable pipelineError = null;
        PipelineStatus status;
        try {
            // New with the run: created with the run's first lineage write rather than in a commit of its own.
            Context runContext = Context.create(Context.PIPELINE_RUN, runId, started);
            synchronized (pending) {
                pendingContexts.add(runContext);
            }
            contextIds = List.of(runContext.id(), lineage.context(Context.PIPELINE, pipeline.name()).id(),
                    lineage.context(Context.EXPERIMENT, experiment.name()).id());
            if (settings.resumeRunId() != null) {
                resumeContext = lineage.findContext(Context.PIPELINE_RUN, settings.resumeRunId()).orElseThrow(() ->
                        new InvalidInputException("cannot resume pipeline run " + settings.resumeRunId() + ": no"
                                + " lineage was recorded for it; pass the pipelineRunId() of an earlier result"));
            }
            for (PipelineHook h : settings.hooks()) {
                h.beforePipeline(pipeline, runId);
            }
            new Inputs(this).importAll();
            schedule();
            status = statusOfSteps();
        } catch (RuntimeException | Error e) {
            pipelineError = e;
            status = cancel.isCancelled() ? PipelineStatus.CANCELED : PipelineStatus.FAILED;
        }
        List<StepResult> steps = new ArrayList<>();
        String notStartedReason = notStartedReason(pipelineError);
        for (Step s : pipeline.steps()) {
            StepResult r = results.get(s.name());
            steps.add(r != null ? r : notStarted(s, notStartedReason));
        }
        if (pipelineError == null && status == PipelineStatus.SUCCEEDED && !runStarted()) {
            // No step had to run: the run, its summary, the cache hits and contexts are one write.
            Instant ended = clock.instant();
            ResultImpl result = new ResultImpl(pipeline.name(), runId, contextIds.get(0), status, steps,
                    Map.copyOf(data), null, Duration.between(started, ended));
            try {
                recordWholeRun(result, ended); // no hooks to call: with hooks the run is written at the start
                return result;
            } catch (RuntimeException e) {
                LOG.debug("recording pipeline run {} in one write failed; recording it step by step: {}", runId,
                        e.toString());
            }
        }
        try {
            flush(); // the cache hits and never-started steps not written yet, in one transaction
        } catch (RuntimeException e) {
            if (pipelineError == null) {
                pipelineError = e;
                status = PipelineStatus.FAILED;
            } else {
                pipelineError.addSuppressed(e);
            }
        }
        Instant ended = clock.instant();
        Throwable error = pipelineError != null ? pipelineError : steps.stream().map(StepResult::error)
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
        if (pipelineError != null && status == PipelineStatus.FAILED && steps.stream()
                .noneMatch(s -> s.state() == ExecutionState.FAILED)) {
            // The run failed outside any step (missing input, a hook): report it as a failure of the pipeline itself.
            throw finishWithError(pipelineError, steps, started, ended);
        }
        ResultImpl result = new ResultImpl(pipeline.name(), runId, contextIds.get(0), status, steps,
                Map.copyOf(data), error, Duration.between(started, ended));
        endTrackingRun(result);
        return result;
    }

    /**
     * The pipeline's tracking run, started (written RUNNING) on first use: when a step executes, a hook is
     * registered, an input value is stored, or the run ends with something to report step by step. A run in which
     * every step is a cache hit never needs it; {@link #recordWholeRun} writes it already ended instead.
     *
     * @return the run
     */
    synchronized Run run() {
        if (run == null) {
            var starter = experiment.newRun().id(runId).startTime(started).name(settings.runName())
                    .tag(TAG_PIPELINE, pipeline.name());
            settings.tags().forEach(starter::tag);
            run = starter.start();
        }
        return run;
    }

    private synchronized boolean runStarted() {
        return run != null;
    }

    /** Writes the run (FINISHED, with its summary), the queued cache hits and the new contexts in one transaction. */
    private void recordWholeRun(ResultImpl result, Instant ended) {
        Map<String, String> tags = new LinkedHashMap<>(settings.tags());
        tags.put(TAG_PIPELINE, pipeline.name());
        ChildRun top = new ChildRun(runId, settings.runName(), RunStatus.FINISHED, started, ended, tags);
        synchronized (pending) {
            lineage.recordEndedRun(experiment, top, summary(result, ended), List.copyOf(pendingContexts),
                    List.of(), List.copyOf(pending));
            pendingContexts.clear();
            pending.clear();
        }
    }

    /** @return the metrics a pipeline run ends with */
    private static List<Metric> summary(ResultImpl result, Instant at) {
        return List.of(new Metric("pipeline.steps_executed", result.executedSteps().size(), 0, at),
                new Metric("pipeline.steps_cached", result.cachedSteps().size(), 0, at),
                new Metric("pipeline.duration_ms", result.duration().toMillis(), 0, at));
    }

    private RuntimeException finishWithError(Throwable error, List<StepResult> steps, Instant started, Instant ended) {
        ResultImpl result = new ResultImpl(pipeline.name(), runId, contextIds == null ? "" : contextIds.get(0),
                PipelineStatus.FAILED, steps, Map.copyOf(data), error, Duration.between(started, ended));
        endTrackingRun(result);
        if (error instanceof Error e) {
            throw e;
        }
        return (RuntimeException) error;
    }

    private void endTrackingRun(ResultImpl result) {
        try {
            LogBatch summary = new LogBatch(Map.of(), summary(result, clock.instant()), Map.of());
            Run run = run();
            // The summary and the end in one commit where possible (a failed run's end adds its error tags).
            switch (result.status()) {
                case SUCCEEDED -> run.end(RunStatus.FINISHED, summary);
                case FAILED -> {
                    run.log(summary);
                    run.fail(result.error());
                }
                case CANCELED -> run.end(RunStatus.KILLED, summary);
            }
        } finally {
            afterPipelineHooks(result);
        }
    }

    private void afterPipelineHooks(ResultImpl result) {
        for (PipelineHook h : settings.hooks()) {
            try {
                if (result.status() == PipelineStatus.SUCCEEDED) {
                    h.afterPipeline(result);
                } else {
                    h.onPipelineError(result, result.error());
                }
            } catch (RuntimeException e) {
                LOG.warn("pipeline hook {} threw after pipeline '{}' run {}: {}", h, pipeline.name(), runId,
                        e.toString(), e);
            }
        }
    }

    private PipelineStatus statusOfSteps() {
        if (results.values().stream().anyMatch(r -> r.state() == ExecutionState.FAILED)) {
            return PipelineStatus.FAILED;
        }
        if (cancel.isCancelled() || results.size() < pipeline.steps().size()) {
            return PipelineStatus.CANCELED;
        }
        return PipelineStatus.SUCCEEDED;
    }

    private String notStartedReason(Throwable pipelineError) {
        if (cancel.isCancelled()) {
            return "not started: the pipeline run was cancelled";
        }
        Optional<StepResult> failed = results.values().stream().filter(r -> r.state() == ExecutionState.FAILED)
                .findFirst();
        if (failed.isPresent()) {
            return "not started: step '" + failed.get().stepName() + "' failed";
        }
        return "not started: the pipeline run failed" + (pipelineError == null ? "" : ": " + pipelineError);
    }

    /**
     * The result of a step that never started (the run was cancelled, or a step failed), with a CANCELED execution
     * saying why, written with the next {@link #flush}. Nothing is recorded when the run failed before its lineage
     * contexts existed.
     */
    StepResult notStarted(Step step, String reason) {
        String executionId = "";
        if (contextIds != null) {
            executionId = Execution.newId();
            Instant now = now();
            String why = reason.length() > 1000 ? reason.substring(0, 997) + "..." : reason;
            defer(new ExecutionRecord(new Execution(executionId, step.name(), ExecutionState.CANCELED, "", "",
                    now, now, Map.of("reason", why)), List.of(), List.of(), contextIds));
        }
        return new StepResult(step.name(), ExecutionState.CANCELED, "", executionId, "", 0, null, null, null);
    }

    /**
     * Queues what a step that does not run writes (a cache hit's CACHED execution, a CANCELED execution, the inputs
     * record), so that a run's consecutive cache hits cost one transaction, not one each. The queue is written
     * before any step executes and when the run ends, before it returns; with hooks it is written at once, so that
     * hooks always see what they are told about.
     *
     * @param record the execution
     */
    void defer(ExecutionRecord record) {
        synchronized (pending) {
            pending.add(record);
        }
        if (!settings.hooks().isEmpty()) {
            flush();
        }
    }

    /** Writes the queued runs and executions in one atomic call; on failure they are dropped and it throws. */
    void flush() {
        synchronized (pending) {
            if (pending.isEmpty() && pendingContexts.isEmpty()) {
                return;
            }
            try {
                lineage.recordAll(run(), List.copyOf(pendingContexts), List.of(), List.copyOf(pending));
            } finally {
                pendingContexts.clear();
                pending.clear();
            }
        }
    }

    /** Starts every step whose producers finished; stops starting new ones after a failure or cancellation. */
    private void schedule() {
        Map<String, Set<String>> waitingOn = new HashMap<>();
        Map<String, List<Step>> consumers = new HashMap<>();
        Deque<Step> ready = new ArrayDeque<>();
        for (Step s : pipeline.steps()) {
            Set<String> deps = new LinkedHashSet<>();
            for (Slot<?> in : s.inputs()) {
                pipeline.producerOf(in.name()).ifPresent(p -> deps.add(p.name()));
            }
            waitingOn.put(s.name(), deps);
            deps.forEach(d -> consumers.computeIfAbsent(d, k -> new ArrayList<>()).add(s));
            if (deps.isEmpty()) {
                ready.add(s);
            }
        }
        LinkedBlockingQueue<String> finished = new LinkedBlockingQueue<>();
        int running = 0;
        boolean stop = false;
        while (true) {
            while (!stop && !ready.isEmpty() && !cancel.isCancelled()) {
                Step s = ready.poll();
                running++;
                Runnable task = () -> {
                    try {
                        results.put(s.name(), new StepRunner(this, s).run());
                    } catch (Throwable e) {
                        results.put(s.name(), new StepResult(s.name(), ExecutionState.FAILED, "", "", "", 0,
                                clock.instant(), clock.instant(), e));
                    } finally {
                        finished.add(s.name());
                    }
                };
                if (settings.executor() == null) {
                    task.run();
                } else {
                    settings.executor().execute(task);
                }
            }
            if (running == 0) {
                return;
            }
            String done;
            try {
                done = finished.take();
            } catch (InterruptedException e) {
                cancel.cancel();
                continue;
            }
            running--;
            StepResult r = results.get(done);
            if (r.state() == ExecutionState.COMPLETE || r.state() == ExecutionState.CACHED) {
                for (Step c : consumers.getOrDefault(done, List.of())) {
                    Set<String> deps = waitingOn.get(c.name());
                    deps.remove(done);
                    if (deps.isEmpty()) {
                        ready.add(c);
                    }
                }
            } else {
                stop = true;
            }
        }
    }

    // ---------------------------------------------------------------- shared with StepRunner and Inputs

    Instant now() {
        return clock.instant();
    }

    /** Events recording that an execution read each of these data sets. */
    List<Event> inputEvents(String executionId, Map<String, Produced> inputs, Instant at) {
        List<Event> events = new ArrayList<>();
        inputs.forEach((name, p) -> {
            if (p.artifact() != null) {
                events.add(new Event(executionId, p.artifact().id(), EventType.INPUT, name, at));
            }
        });
        return events;
    }

    /**
     * The newest of the candidates (newest first) whose outputs are all intact, within the staleness bound.
     *
     * @return it with its outputs, or empty
     */
    Optional<ExecutionOutputs> intactOutputs(List<ExecutionOutputs> candidates, Step step, Duration maxStaleness) {
        Instant oldest = maxStaleness == null ? null : now().minus(maxStaleness);
        for (ExecutionOutputs c : candidates) {
            Execution e = c.execution();
            if (oldest != null && e.endedAt() != null && e.endedAt().isBefore(oldest)) {
                break; // newest first: every later candidate is older still
            }
            Map<String, Artifact> outputs = c.outputs();
            boolean complete = step.outputs().stream().allMatch(o -> outputs.containsKey(o.name())
                    && outputs.get(o.name()).state() == ArtifactState.LIVE && lineage.isIntact(outputs.get(o.name())));
            if (complete) {
                return Optional.of(c);
            }
            LOG.debug("cached execution {} of step '{}' has missing or changed outputs; not reusing it", e.id(),
                    step.name());
        }
        return Optional.empty();
    }

    ExecutionQuery stepQuery(Step step) {
        return ExecutionQuery.all().withType(step.name());
    }

    void record(Execution execution, List<Artifact> newArtifacts, List<Event> events) {
        lineage.record(new ExecutionRecord(execution, newArtifacts, events, contextIds));
    }
}
