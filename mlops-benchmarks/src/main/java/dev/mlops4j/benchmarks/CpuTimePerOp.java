package dev.mlops4j.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * The benchmark thread's own CPU time per operation over one measurement iteration, printed as a line
 * {@code cpu-ns/op <benchmark> <params> <value>} that the runs in BENCHMARKS.md collect.
 *
 * <p>Why: on this shared 2-core machine the wall-clock average JMH reports moves by 2x between runs minutes apart
 * while other engineers build, because the benchmark thread is descheduled. CPU time counts only the time the thread
 * ran, so a ratio of a few percent between two benchmarks can be resolved under load; it still includes what the
 * thread pays for cache lines another thread (the recording thread, other processes) took from it.
 *
 * <p>Use from a single-threaded benchmark: call {@link #start()} in an iteration-level setup, {@link #count()} once
 * per operation (a plain increment, the same in every benchmark of a class), and {@link #stop(String)} in the
 * iteration-level teardown.
 */
public final class CpuTimePerOp {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private long startNanos;
    private long ops;

    /** Starts an iteration. */
    public void start() {
        ops = 0;
        startNanos = THREADS.getCurrentThreadCpuTime();
    }

    /** Counts one operation. */
    public void count() {
        ops++;
    }

    /**
     * Ends an iteration and prints its CPU time per operation.
     *
     * @param label the benchmark and its parameters
     */
    public void stop(String label) {
        long cpu = THREADS.getCurrentThreadCpuTime() - startNanos;
        if (ops > 0) {
            System.out.println(String.format(Locale.ROOT, "%ncpu-ns/op %s %.1f", label, (double) cpu / ops));
        }
    }
}
