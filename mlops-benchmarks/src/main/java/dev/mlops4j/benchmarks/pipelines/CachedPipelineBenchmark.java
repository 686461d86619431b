package dev.mlops4j.benchmarks.pipelines;

import dev.mlops4j.Mlops;
import dev.mlops4j.pipeline.Pipeline;
import dev.mlops4j.pipeline.PipelineBuilder;
import dev.mlops4j.pipeline.PipelineResult;
import dev.mlops4j.pipeline.Slot;
import dev.mlops4j.pipeline.Step;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The overhead of re-running a fully cached 10-step pipeline (a chain, each step reading the previous step's output):
 * per step a cache-key computation, the cache lookup (remembered by the {@code Mlops} instance after the first
 * re-run) and the check that its outputs are intact, and a CACHED execution with its events and contexts; plus the
 * pipeline's own tracking run with its summary metrics and run context, all written in one transaction. Target: at
 * most 5 ms per re-run. Measured on the in-memory store and on the durable H2 file store (the re-run returns after
 * its commit).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CachedPipelineBenchmark {
    static final int STEPS = 10;

    /** One store with the pipeline's results cached by a first run. */
    @State(Scope.Benchmark)
    public static class Cached {
        @Param({"memory", "h2"})
        public String store;
        Path home;
        Mlops mlops;
        Pipeline pipeline;

        /** Opens the store, builds the chain and runs it once so that every step is cached. */
        @Setup(Level.Trial)
        public void open() throws IOException {
            if (store.equals("h2")) {
                home = Files.createTempDirectory("mlops-bench-pipeline");
                mlops = Mlops.open(home);
            } else {
                mlops = Mlops.inMemory();
            }
            pipeline = chain(STEPS);
            PipelineResult first = pipeline.on(mlops).run();
            if (first.executedSteps().size() != STEPS) {
                throw new IllegalStateException("the first run should execute every step: " + first);
            }
        }

        /** Closes the store and deletes its files. */
        @TearDown(Level.Trial)
        public void close() throws IOException {
            mlops.close();
            if (home != null) {
                try (Stream<Path> files = Files.walk(home)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    /**
     * @param steps how many steps
     * @return a chain of that many steps, each appending its number to the previous step's output
     */
    static Pipeline chain(int steps) {
        PipelineBuilder b = Pipeline.builder("bench");
        Slot<String> previous = null;
        for (int i = 0; i < steps; i++) {
            Slot<String> out = Slot.of("s" + i, String.class);
            Slot<String> in = previous;
            int n = i;
            var step = Step.named("step" + i).output(out).param("n", i).version("1");
            if (in != null) {
                step.input(in);
            }
            b.step(step.body(ctx -> ctx.output(out, (in == null ? "" : ctx.input(in)) + n)));
            previous = out;
        }
        return b.build();
    }

    /**
     * @param state the cached pipeline
     * @return the result of a re-run in which every step is a cache hit
     */
    @Benchmark
    public PipelineResult fullyCachedRerun(Cached state) {
        PipelineResult r = state.pipeline.on(state.mlops).run();
        if (r.cachedSteps().size() != STEPS) {
            throw new IllegalStateException("expected every step cached: " + r);
        }
        return r;
    }
}
