package dev.mlops4j.benchmarks.tracking;

import dev.mlops4j.Mlops;
import dev.mlops4j.Run;
import dev.mlops4j.tracking.LogBatch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Durable metric logging into the embedded H2 file store: single {@code logMetric} round trips (each
 * acknowledged only after its commit) from one and from four threads, and 1,000-point batches.
 * Throughput is in calls (or metric points, for batches) per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class LogMetricBenchmark {

    /** One store and one run per trial, shared by the benchmark threads. */
    @State(Scope.Benchmark)
    public static class Store {
        Path home;
        Mlops mlops;
        Run run;
        final AtomicLong step = new AtomicLong();
        LogBatch batch;

        /** Opens a fresh H2 file store in a temporary directory. */
        @Setup(Level.Trial)
        public void open() throws IOException {
            home = Files.createTempDirectory("mlops-bench");
            mlops = Mlops.open(home);
            run = mlops.experiment("bench").startRun("logging");
            LogBatch.Builder b = LogBatch.builder();
            for (int i = 0; i < 1000; i++) {
                b.metric("m" + (i % 10), i * 0.001, i / 10);
            }
            batch = b.build();
        }

        /** Ends the run and deletes the store. */
        @TearDown(Level.Trial)
        public void close() throws IOException {
            run.close();
            mlops.close();
            try (Stream<Path> files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /**
     * One durable single-metric call from one thread.
     *
     * @param s the store
     */
    @Benchmark
    @Threads(1)
    public void logMetric_1thread(Store s) {
        s.run.logMetric("loss", 0.5, s.step.incrementAndGet());
    }

    /**
     * One durable single-metric call, four threads at once (group commit shares the commits).
     *
     * @param s the store
     */
    @Benchmark
    @Threads(4)
    public void logMetric_4threads(Store s) {
        s.run.logMetric("loss", 0.5, s.step.incrementAndGet());
    }

    /**
     * A batch of 1,000 metric points in one durable write; the score is points per second.
     *
     * @param s the store
     */
    @Benchmark
    @Threads(1)
    @OperationsPerInvocation(1000)
    public void logBatch_1000points(Store s) {
        s.run.log(s.batch);
    }
}
