package dev.mlops4j.benchmarks.tracking;

import dev.mlops4j.Experiment;
import dev.mlops4j.Mlops;
import dev.mlops4j.Run;
import dev.mlops4j.tracking.LogBatch;
import dev.mlops4j.tracking.RunPage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 * Run search over many runs in the H2 file store with a two-condition filter (a metric threshold and a
 * param equality), ordered by the metric, first page of 100.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class SearchBenchmark {

    /** How many runs the experiment holds. */
    @Param("100000")
    public int runs;

    private Path home;
    private Mlops mlops;

    /**
     * Fills a fresh store with runs whose accuracy is uniform in [0, 1) and whose model is one of four. Four threads
     * fill it (their writes share commits), which takes the 300,000 durable writes from minutes to about one.
     */
    @Setup(Level.Trial)
    public void fill() throws Exception {
        home = Files.createTempDirectory("mlops-search-bench");
        mlops = Mlops.open(home);
        Experiment experiment = mlops.experiment("search-bench");
        String[] models = {"cart", "logistic", "svm", "knn"};
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> parts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int first = t;
            parts.add(pool.submit(() -> {
                for (int i = first; i < runs; i += threads) {
                    // Seeded per run, so the data does not depend on how the threads interleave.
                    Random random = new Random(7L * 1_000_003 + i);
                    try (Run run = experiment.startRun("run-" + i)) {
                        run.log(LogBatch.builder()
                                .param("model", models[random.nextInt(models.length)])
                                .param("seed", Integer.toString(i))
                                .metric("accuracy", random.nextDouble(), 0)
                                .metric("loss", random.nextDouble(), 0)
                                .tag("team", i % 2 == 0 ? "risk" : "growth")
                                .build());
                    }
                }
            }));
        }
        try {
            for (Future<?> part : parts) {
                part.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    /** Deletes the store. */
    @TearDown(Level.Trial)
    public void close() throws IOException {
        mlops.close();
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** @return the first page of matching runs */
    @Benchmark
    public RunPage search_twoConditions() {
        return mlops.runs().search("search-bench")
                .filter("metrics.accuracy > 0.9 and params.model = 'cart'")
                .orderBy("metrics.accuracy DESC")
                .limit(100)
                .page();
    }

    /** @return the first page of the unfiltered search, newest first */
    @Benchmark
    public RunPage search_noFilter() {
        return mlops.runs().search("search-bench").limit(100).page();
    }
}
