package dev.mlops4j.pipeline.internal;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.Run;
import dev.mlops4j.lineage.Artifact;
import dev.mlops4j.lineage.ArtifactState;
import dev.mlops4j.lineage.Event;
import dev.mlops4j.lineage.EventType;
import dev.mlops4j.lineage.Execution;
import dev.mlops4j.lineage.ExecutionOutputs;
import dev.mlops4j.lineage.ExecutionRecord;
import dev.mlops4j.lineage.ExecutionState;
import dev.mlops4j.pipeline.PipelineCancelledException;
import dev.mlops4j.pipeline.PipelineHook;
import dev.mlops4j.pipeline.Serializer;
import dev.mlops4j.pipeline.Slot;
import dev.mlops4j.pipeline.Step;
import dev.mlops4j.pipeline.StepResult;
import dev.mlops4j.pipeline.StepTimeoutException;
import dev.mlops4j.tracking.ArtifactInfo;
import dev.mlops4j.tracking.RunStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One step of one pipeline run: the cache lookup, or the attempts with retries and timeouts, then the outputs
 * persisted and the execution recorded with its events and new artifacts in one lineage write.
 */
final class StepRunner {
    private static final Logger LOG = LoggerFactory.getLogger(StepRunner.class);
    private static final AtomicInteger TIMED_THREADS = new AtomicInteger();
    /** Attempts with a timeout run here, so the step's worker can stop waiting and interrupt them. */
    private static final ExecutorService TIMED = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "mlops-pipeline-timed-step-" + TIMED_THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    private final PipelineRunner owner;
    private final Step step;
    /** The step's code version, computed once per run: the cache key and every execution record name it. */
    private String codeVersion;

    StepRunner(PipelineRunner owner, Step step) {
        this.owner = owner;
        this.step = step;
    }

    /** @return the declared code version, or the fingerprint of the code the body reaches (walked once per run) */
    private String codeVersion() {
        if (codeVersion == null) {
            codeVersion = CodeVersions.of(step);
        }
        return codeVersion;
    }

    StepResult run() {
        Instant start = owner.now();
        if (owner.cancel.isCancelled()) {
            return owner.notStarted(step, "not started: the pipeline run was cancelled");
        }
        Map<String, Produced> inputs = new LinkedHashMap<>();
        for (Slot<?> in : step.inputs()) {
            inputs.put(in.name(), owner.data.get(in.name()));
        }
        boolean keyable = step.outputs().stream().allMatch(Slot::isPersistent)
                && inputs.values().stream().allMatch(p -> p.artifact() != null);
        String key = "";
        if (keyable) {
            Map<String, String> fingerprints = new LinkedHashMap<>();
            inputs.forEach((name, p) -> fingerprints.put(name, p.artifact().fingerprint()));
            key = CacheKeys.key(step, codeVersion(), fingerprints);
            Optional<ExecutionOutputs> hit = findHit(key);
            if (hit.isPresent()) {
                return reuse(hit.get(), key, inputs, start);
            }
        }
        return execute(key, inputs, start);
    }

    /** The newest earlier execution with this key whose outputs are intact: one read per lookup. */
    private Optional<ExecutionOutputs> findHit(String key) {
        if (owner.resumeContext != null) {
            Optional<ExecutionOutputs> earlier = owner.intactOutputs(owner.lineage.executionsWithOutputs(
                    owner.stepQuery(step).inContext(owner.resumeContext.id()).withCacheKey(key)
                            .withStates(ExecutionState.COMPLETE, ExecutionState.CACHED).withLimit(5)), step, null);
            if (earlier.isPresent()) {
                return earlier;
            }
        }
        if (!owner.settings.cache() || !step.cacheable()) {
            return Optional.empty();
        }
        return owner.intactOutputs(owner.lineage.executionsWithOutputs(owner.stepQuery(step).withCacheKey(key)
                .withStates(ExecutionState.COMPLETE).withLimit(10)), step, step.maxStaleness().orElse(null));
    }

    /**
     * Records a cache hit without running the step: a CACHED execution of the pipeline run, queued so that
     * consecutive hits are written in one transaction ({@link PipelineRunner#defer}). Nothing runs, so the hit gets
     * no tracking run of its own (a re-run every hour would otherwise leave a dozen empty runs every hour); its
     * result names the run recorded with the execution it reuses, where the outputs came from.
     */
    private StepResult reuse(ExecutionOutputs hit, String key, Map<String, Produced> inputs, Instant start) {
        String executionId = Execution.newId();
        Instant end = owner.now();
        List<Event> events = owner.inputEvents(executionId, inputs, end);
        Map<String, Produced> outputs = new LinkedHashMap<>();
        for (Slot<?> o : step.outputs()) {
            Artifact a = hit.outputs().get(o.name());
            events.add(new Event(executionId, a.id(), EventType.OUTPUT, o.name(), end));
            outputs.put(o.name(), Produced.lazy(o, a, owner.lineage));
        }
        // The code version is not repeated: the execution reused records it (and the cache key includes it).
        owner.defer(new ExecutionRecord(new Execution(executionId, step.name(), ExecutionState.CACHED, key,
                owner.runId, start, end, Map.of("cachedFrom", hit.execution().id())), List.of(), events,
                owner.contextIds));
        owner.data.putAll(outputs);
        StepResult result = new StepResult(step.name(), ExecutionState.CACHED, hit.execution().runId(), executionId,
                key, 0, start, end, null);
        afterStep(result);
        return result;
    }

    /**
     * Runs the step: its child run and a RUNNING execution with its input events first (so a step in flight is
     * visible), then the attempts, then one update to COMPLETE with its outputs, or to FAILED or CANCELED.
     */
    private StepResult execute(String key, Map<String, Produced> inputs, Instant start) {
        owner.flush(); // what happened before this step is durable before it starts
        var starter = owner.experiment.newRun().name(step.name()).parent(owner.run())
                .tag(PipelineRunner.TAG_STEP, step.name());
        if (!key.isEmpty()) {
            starter.tag(PipelineRunner.TAG_CACHE_KEY, key);
        }
        Run child = starter.start();
        String executionId = Execution.newId();
        int attempt = 0;
        Throwable failure;
        boolean cancelled = false;
        boolean running = false;
        try {
            owner.record(new Execution(executionId, step.name(), ExecutionState.RUNNING, key, child.id(), start, null,
                    Map.of("codeVersion", codeVersion())), List.of(), owner.inputEvents(executionId, inputs,
                    start));
            running = true;
            if (!step.params().isEmpty()) {
                Map<String, String> params = new LinkedHashMap<>();
                step.params().forEach((k, v) -> params.put(k, CacheKeys.paramText(v)));
                child.logParams(params);
            }
            for (PipelineHook h : owner.settings.hooks()) {
                h.beforeStep(step, child.id());
            }
            while (true) {
                attempt++;
                StepContextImpl ctx = new StepContextImpl(step, inputs, child, owner.settings.mlops(), attempt,
                        owner.cancel);
                try {
                    invoke(ctx);
                    return complete(ctx, child, executionId, key, start, attempt);
                } catch (Throwable e) {
                    if (e instanceof Error err && !(e instanceof AssertionError)) {
                        throw err;
                    }
                    failure = e;
                    cancelled = owner.cancel.isCancelled() || e instanceof PipelineCancelledException;
                    onStepError(e, attempt);
                    if (cancelled || attempt >= step.retry().maxAttempts() || !step.retry().retries(e)) {
                        break;
                    }
                    try {
                        owner.settings.sleeper().sleep(step.retry().backoffAfter(attempt));
                    } catch (InterruptedException ie) {
                        owner.cancel.cancel();
                        cancelled = true;
                        break;
                    }
                    if (owner.cancel.isCancelled()) {
                        cancelled = true;
                        break;
                    }
                }
            }
        } catch (RuntimeException | Error e) {
            failure = e; // a before-hook, param logging or persisting outputs failed: the step fails, no retry
        }
        ExecutionState state = cancelled ? ExecutionState.CANCELED : ExecutionState.FAILED;
        Instant end = owner.now();
        Map<String, String> props = new LinkedHashMap<>();
        props.put("codeVersion", codeVersion());
        props.put("attempts", Integer.toString(attempt));
        String error = String.valueOf(failure);
        props.put("error", error.length() > 1000 ? error.substring(0, 997) + "..." : error);
        try {
            Execution ended = new Execution(executionId, step.name(), state, key, child.id(), start, end, props);
            if (running) {
                owner.lineage.update(new ExecutionRecord(ended, List.of(), List.of(), List.of()));
            } else {
                owner.record(ended, List.of(), owner.inputEvents(executionId, inputs, start));
            }
        } finally {
            child.setTag(PipelineRunner.TAG_STATE, state.name());
            if (cancelled) {
                child.end(RunStatus.KILLED);
            } else {
                child.fail(failure);
            }
        }
        return new StepResult(step.name(), state, child.id(), executionId, key, attempt, start, end, failure);
    }

    private void invoke(StepContextImpl ctx) throws Exception {
        if (step.timeout().isEmpty()) {
            Thread self = Thread.currentThread();
            if (!owner.cancel.register(self)) {
                throw new PipelineCancelledException("pipeline run cancelled before step '" + step.name() + "'", null);
            }
            try {
                step.body().execute(ctx);
            } finally {
                owner.cancel.unregister(self);
            }
            return;
        }
        Future<?> f = TIMED.submit(() -> {
            step.body().execute(ctx);
            return null;
        });
        if (!owner.cancel.register(f)) {
            throw new PipelineCancelledException("pipeline run cancelled before step '" + step.name() + "'", null);
        }
        Thread self = Thread.currentThread();
        owner.cancel.register(self);
        try {
            f.get(step.timeout().get().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new StepTimeoutException(step.name(), step.timeout().get());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception ex) {
                throw ex;
            }
            throw (Error) cause;
        } catch (InterruptedException e) {
            f.cancel(true);
            throw e;
        } finally {
            owner.cancel.unregister(f);
            owner.cancel.unregister(self);
        }
    }

    private StepResult complete(StepContextImpl ctx, Run child, String executionId, String key, Instant start,
                                int attempts) throws IOException {
        List<Artifact> artifacts = new ArrayList<>();
        Map<String, Produced> outputs = new LinkedHashMap<>();
        Instant end = owner.now();
        List<Event> events = new ArrayList<>(); // the input events were recorded when it started
        for (Slot<?> o : step.outputs()) {
            Object value = ctx.outputs().get(o.name());
            if (value == null) {
                throw new InvalidInputException("step '" + step.name() + "' finished without writing its output '"
                        + o.name() + "'; call context.output(" + o.name() + ", value) for every declared output");
            }
            Artifact a = o.isPersistent() ? persist(o, value, child, end) : null;
            if (a != null) {
                artifacts.add(a);
                events.add(new Event(executionId, a.id(), EventType.OUTPUT, o.name(), end));
            }
            outputs.put(o.name(), Produced.withValue(o, a, value));
        }
        owner.lineage.update(new ExecutionRecord(new Execution(executionId, step.name(), ExecutionState.COMPLETE, key,
                child.id(), start, end, Map.of("codeVersion", codeVersion(), "attempts",
                Integer.toString(attempts))), artifacts, events, List.of()));
        child.setTag(PipelineRunner.TAG_STATE, ExecutionState.COMPLETE.name());
        child.finish();
        owner.data.putAll(outputs);
        StepResult result = new StepResult(step.name(), ExecutionState.COMPLETE, child.id(), executionId, key,
                attempts, start, end, null);
        afterStep(result);
        return result;
    }

    @SuppressWarnings("unchecked")
    private Artifact persist(Slot<?> slot, Object value, Run child, Instant at) throws IOException {
        Serializer<Object> serializer = (Serializer<Object>) slot.serializer().orElseThrow();
        Map<String, String> props = Map.of("slot", slot.name(), "format", serializer.id());
        if (serializer.storesByReference() && serializer.referenceUri(value) != null) {
            byte[] identity = serializer.serialize(value);
            return new Artifact(Artifact.newId(), slot.artifactType(), serializer.referenceUri(value),
                    java.util.HexFormat.of().formatHex(CacheKeys.sha256().digest(identity)), identity.length,
                    ArtifactState.LIVE, at, props);
        }
        if (serializer.storesByReference()) {
            Path file = ((Path) value).toAbsolutePath();
            if (!Files.isRegularFile(file)) {
                throw new InvalidInputException("step '" + step.name() + "' output '" + slot.name() + "' is " + file
                        + ", which is not a regular file; a file output must name a file the step wrote");
            }
            return new Artifact(Artifact.newId(), slot.artifactType(), file.toUri().toString(), sha256(file),
                    Files.size(file), ArtifactState.LIVE, at, props);
        }
        byte[] bytes = serializer.serialize(value);
        String path = "outputs/" + slot.name();
        ArtifactInfo info = child.logArtifact(path, bytes);
        return new Artifact(Artifact.newId(), slot.artifactType(), "runs:/" + child.id() + "/" + path, info.sha256(),
                info.size(), ArtifactState.LIVE, at, props);
    }

    static String sha256(Path file) throws IOException {
        MessageDigest d = CacheKeys.sha256();
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                d.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(d.digest());
    }

    private void afterStep(StepResult result) {
        for (PipelineHook h : owner.settings.hooks()) {
            try {
                h.afterStep(step, result);
            } catch (RuntimeException e) {
                LOG.warn("pipeline hook {} threw after step '{}': {}", h, step.name(), e.toString(), e);
            }
        }
    }

    private void onStepError(Throwable error, int attempt) {
        for (PipelineHook h : owner.settings.hooks()) {
            try {
                h.onStepError(step, error, attempt);
            } catch (RuntimeException e) {
                LOG.warn("pipeline hook {} threw on the error of step '{}': {}", h, step.name(), e.toString(), e);
            }
        }
    }
}
