package dev.mlops4j.benchmarks.pipelines;

import dev.mlops4j.Mlops;
import dev.mlops4j.pipeline.Pipeline;
import dev.mlops4j.pipeline.PipelineBuilder;
import dev.mlops4j.pipeline.Slot;
import dev.mlops4j.pipeline.Step;
import java.util.concurrent.TimeUnit;
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
 * What fingerprinting the code a step reaches costs on a fully cached re-run, against declared code versions in the
 * same JMH run: 10 independent steps on the in-memory store, each a lambda capturing its output slot and calling a
 * helper outside its class. The walk over class files happens once per class loader (in the setup's first run); a
 * re-run pays for looking the result up and for reading the body's captured fields.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CodeFingerprintBenchmark {
    static final int STEPS = 10;

    /** Reached from the step bodies, outside their class nest. */
    static final class Helper {
        static String value(int n) {
            return "value " + n;
        }
    }

    /** A pipeline whose every step is cached by a first run. */
    @State(Scope.Benchmark)
    public static class Cached {
        @Param({"declared", "fingerprint"})
        public String codeVersion;
        Mlops mlops;
        Pipeline pipeline;

        /** Builds the steps and runs them once. */
        @Setup(Level.Trial)
        public void open() {
            mlops = Mlops.inMemory();
            PipelineBuilder b = Pipeline.builder("fingerprint-bench");
            for (int i = 0; i < STEPS; i++) {
                Slot<String> out = Slot.of("out" + i, String.class);
                int n = i;
                var step = Step.named("step" + i).output(out);
                if (codeVersion.equals("declared")) {
                    step.version("1");
                }
                b.step(step.body(ctx -> ctx.output(out, Helper.value(n))));
            }
            pipeline = b.build();
            if (pipeline.on(mlops).run().executedSteps().size() != STEPS) {
                throw new IllegalStateException("the first run should execute every step");
            }
        }

        int rerun() {
            int hits = pipeline.on(mlops).run().cachedSteps().size();
            if (hits < STEPS) {
                throw new IllegalStateException("only " + hits + " of " + STEPS + " steps were cache hits");
            }
            return hits;
        }

        /** Closes the store. */
        @TearDown(Level.Trial)
        public void close() {
            mlops.close();
        }
    }

    /**
     * @param state the cached pipeline
     * @return how many steps were cache hits (all of them, or it throws: a miss would measure something else)
     */
    @Benchmark
    public int fullyCachedRerun(Cached state) {
        return state.rerun();
    }
}
