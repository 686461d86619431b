package dev.mlops4j.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * The benchmark thread's own CPU time per operation over one measurement iteration, printed as a line
 * {@code cpu-ns/op <benchmark> <params> <value>} that the runs in BENCHMARKS.md collect.
 *
 * <p>Why: on this shared 2-core machine the wall-clock average JMH reports moves by 2x between runs minutes apart
 * while other engineers build, because the benchmark thread is descheduled. CPU time counts only the time the thread
 * ran, so a ratio of a few percent between two benchmarks can be resolved under load; it still includes what the
 * thread pays for cache lines another thread (the recording thread, other processes) took from it.
 *
 * <p>Use: take it as a parameter of the benchmark method and call {@link #count()} once per operation (a plain
 * increment, the same in every benchmark of a class); JMH starts and stops it around each iteration.
 */
@State(Scope.Thread)
public class CpuTimePerOp {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private long startNanos;
    private long ops;

    /** Starts an iteration. */
    @Setup(Level.Iteration)
    public void start() {
        ops = 0;
        startNanos = THREADS.getCurrentThreadCpuTime();
    }

    /** Counts one operation. */
    public void count() {
        ops++;
    }

    /** @param n operations done by one invocation (as its {@code @OperationsPerInvocation} says) */
    public void count(int n) {
        ops += n;
    }

    /**
     * Ends an iteration and prints its CPU time per operation, for measurement iterations.
     *
     * @param benchmark the benchmark and its parameters
     * @param iteration warm-up or measurement
     */
    @TearDown(Level.Iteration)
    public void stop(BenchmarkParams benchmark, IterationParams iteration) {
        long cpu = THREADS.getCurrentThreadCpuTime() - startNanos;
        if (iteration.getType() != IterationType.MEASUREMENT || ops == 0) {
            return;
        }
        String name = benchmark.getBenchmark();
        StringBuilder label = new StringBuilder(name.substring(name.lastIndexOf('.') + 1));
        for (String key : benchmark.getParamsKeys()) {
            label.append(' ').append(benchmark.getParam(key));
        }
        System.out.println(String.format(Locale.ROOT, "%ncpu-ns/op %s %.1f", label, (double) cpu / ops));
    }
}
