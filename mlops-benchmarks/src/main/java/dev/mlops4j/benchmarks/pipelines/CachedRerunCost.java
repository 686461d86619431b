package dev.mlops4j.benchmarks.pipelines;

import dev.mlops4j.Mlops;
import dev.mlops4j.pipeline.Pipeline;
import dev.mlops4j.pipeline.PipelineResult;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * What a fully cached re-run of {@link CachedPipelineBenchmark}'s 10-step chain costs on the durable H2 store, in
 * numbers that a busy machine does not blur as it does wall time: bytes written to files per re-run (the process's
 * {@code wchar}), and per thread CPU time and bytes allocated per re-run (the calling thread, and the store's writer
 * thread, which does the inserts and the commit). Also the wall time per re-run (median, 10th and 90th percentile).
 * Not a JMH benchmark: a plain loop on a fresh store in a temporary directory, after a warm-up.
 *
 * <pre>{@code java -cp mlops-benchmarks/target/benchmarks.jar dev.mlops4j.benchmarks.pipelines.CachedRerunCost 50 300}</pre>
 */
public final class CachedRerunCost {
    private CachedRerunCost() {
    }

    /**
     * @param args warm-up re-runs, measured re-runs (default 50 and 300)
     * @throws IOException if the temporary store cannot be made or {@code /proc/self/io} read
     */
    public static void main(String[] args) throws IOException {
        int warmUp = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int reruns = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        Path home = Files.createTempDirectory("mlops-rerun-cost");
        Pipeline pipeline = CachedPipelineBenchmark.chain(CachedPipelineBenchmark.STEPS);
        try (Mlops mlops = Mlops.open(home)) {
            for (int i = 0; i <= warmUp; i++) {
                pipeline.on(mlops).run();
            }
            com.sun.management.ThreadMXBean threads =
                    (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            Map<Long, long[]> before = new HashMap<>();
            for (long id : threads.getAllThreadIds()) {
                before.put(id, new long[] {threads.getThreadCpuTime(id), threads.getThreadAllocatedBytes(id)});
            }
            long written = bytesWritten();
            long[] wall = new long[reruns];
            for (int i = 0; i < reruns; i++) {
                long start = System.nanoTime();
                PipelineResult r = pipeline.on(mlops).run();
                wall[i] = System.nanoTime() - start;
                if (r.cachedSteps().size() != CachedPipelineBenchmark.STEPS) {
                    throw new IllegalStateException("expected every step cached: " + r);
                }
            }
            written = bytesWritten() - written;
            Arrays.sort(wall);
            System.out.printf("fully cached re-run of %d steps on H2, %d re-runs after %d: wall median %.2f ms,"
                    + " p10 %.2f ms, p90 %.2f ms; %.1f KB written per re-run%n", CachedPipelineBenchmark.STEPS,
                    reruns, warmUp, wall[reruns / 2] / 1e6, wall[reruns / 10] / 1e6, wall[reruns * 9 / 10] / 1e6,
                    written / 1024.0 / reruns);
            for (ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (t == null) {
                    continue;
                }
                long[] was = before.getOrDefault(t.getThreadId(), new long[2]);
                long cpu = threads.getThreadCpuTime(t.getThreadId()) - was[0];
                long allocated = threads.getThreadAllocatedBytes(t.getThreadId()) - was[1];
                if (cpu > 50_000L * reruns) { // the threads that did the work
                    System.out.printf("  thread %-32s CPU %.2f ms, allocated %.0f KB per re-run%n",
                            t.getThreadName().replaceAll(" /.*", ""), cpu / 1e6 / reruns, allocated / 1024.0 / reruns);
                }
            }
        } finally {
            try (var files = Files.walk(home)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** @return bytes this process has written to files and pipes so far (Linux {@code /proc/self/io}) */
    private static long bytesWritten() throws IOException {
        Path io = Path.of("/proc/self/io");
        if (!Files.isReadable(io)) {
            return 0;
        }
        for (String line : Files.readAllLines(io)) {
            if (line.startsWith("wchar:")) {
                return Long.parseLong(line.substring("wchar:".length()).strip());
            }
        }
        return 0;
    }
}
