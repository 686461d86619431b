package dev.mlops4j.pipeline.internal;

import dev.mlops4j.pipeline.PipelineCancelledException;
import dev.mlops4j.pipeline.PipelineHandle;
import dev.mlops4j.pipeline.PipelineResult;
import dev.mlops4j.pipeline.StepFailedException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/** Entry points behind {@link dev.mlops4j.pipeline.PipelineExecution}. */
public final class Engine {
    private static final AtomicInteger THREADS = new AtomicInteger();

    private Engine() {
    }

    /**
     * @param settings the run
     * @return its result
     */
    public static PipelineResult run(Settings settings) {
        return new PipelineRunner(settings, new CancelToken()).runAndThrow();
    }

    /**
     * @param settings the run
     * @return a handle to it, running on a new thread
     */
    public static PipelineHandle start(Settings settings) {
        CancelToken token = new CancelToken();
        PipelineRunner runner = new PipelineRunner(settings, token);
        CompletableFuture<PipelineResult> done = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                done.complete(runner.runAndThrow());
            } catch (Throwable e) {
                done.completeExceptionally(e);
            }
        }, "mlops-pipeline-" + settings.pipeline().name() + "-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        t.start();
        return new PipelineHandle() {
            @Override
            public void cancel() {
                token.cancel();
            }

            @Override
            public boolean isDone() {
                return done.isDone();
            }

            @Override
            public PipelineResult await() throws InterruptedException {
                try {
                    return done.get();
                } catch (ExecutionException e) {
                    throw rethrow(e.getCause());
                }
            }

            @Override
            public Optional<PipelineResult> await(Duration timeout) throws InterruptedException {
                try {
                    return Optional.of(done.get(timeout.toNanos(), TimeUnit.NANOSECONDS));
                } catch (TimeoutException e) {
                    return Optional.empty();
                } catch (ExecutionException e) {
                    throw rethrow(e.getCause());
                }
            }
        };
    }

    private static RuntimeException rethrow(Throwable cause) {
        if (cause instanceof StepFailedException || cause instanceof PipelineCancelledException) {
            return (RuntimeException) cause;
        }
        if (cause instanceof RuntimeException r) {
            return r;
        }
        if (cause instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(cause);
    }
}
