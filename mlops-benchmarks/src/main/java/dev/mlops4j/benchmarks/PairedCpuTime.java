package dev.mlops4j.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * A paired comparison inside one benchmark: each invocation runs a block of calls of a baseline and a block of the
 * variant (alternating which goes first), each timed in the benchmark thread's CPU time, and every measurement
 * iteration prints the median of the per-pair ratios as {@code paired-ratio <benchmark> <params> <median> <pairs>}.
 * Both blocks of a pair run within milliseconds of each other, in the same JVM and with the same compiled code, so
 * the load other processes put on the machine falls on both sides alike; that is what resolves a ratio of a few
 * percent on a shared 2-core machine, where separate benchmarks' averages move by more than that between forks.
 */
@State(Scope.Thread)
public class PairedCpuTime {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private final List<Double> ratios = new ArrayList<>();
    private boolean variantFirst;

    /** A block of calls. */
    @FunctionalInterface
    public interface Block {
        /** Runs the block. */
        void run();
    }

    /**
     * Runs one pair and keeps its ratio.
     *
     * @param baseline the baseline's block
     * @param variant the variant's block, as many calls
     */
    public void pair(Block baseline, Block variant) {
        variantFirst = !variantFirst;
        long base;
        long var;
        if (variantFirst) {
            var = time(variant);
            base = time(baseline);
        } else {
            base = time(baseline);
            var = time(variant);
        }
        ratios.add((double) var / base);
    }

    private static long time(Block block) {
        long start = THREADS.getCurrentThreadCpuTime();
        block.run();
        return THREADS.getCurrentThreadCpuTime() - start;
    }

    /**
     * Prints the iteration's median ratio (measurement iterations only) and starts over.
     *
     * @param benchmark the benchmark and its parameters
     * @param iteration warm-up or measurement
     */
    @TearDown(Level.Iteration)
    public void report(BenchmarkParams benchmark, IterationParams iteration) {
        if (iteration.getType() == IterationType.MEASUREMENT && !ratios.isEmpty()) {
            List<Double> sorted = ratios.stream().sorted().toList();
            String name = benchmark.getBenchmark();
            StringBuilder label = new StringBuilder(name.substring(name.lastIndexOf('.') + 1));
            for (String key : benchmark.getParamsKeys()) {
                label.append(' ').append(benchmark.getParam(key));
            }
            System.out.println(String.format(Locale.ROOT, "%npaired-ratio %s %.4f %d", label,
                    sorted.get(sorted.size() / 2), sorted.size()));
        }
        ratios.clear();
    }
}
