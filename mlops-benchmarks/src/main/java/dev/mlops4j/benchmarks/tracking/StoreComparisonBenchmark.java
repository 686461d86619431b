package dev.mlops4j.benchmarks.tracking;

import dev.mlops4j.Experiment;
import dev.mlops4j.Mlops;
import dev.mlops4j.Run;
import dev.mlops4j.tracking.LogBatch;
import dev.mlops4j.tracking.RunPage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
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
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The embedded H2 file store and a PostgreSQL server side by side in one run: 1,000-point metric batches (points per
 * second) and a two-condition search over 100,000 runs (milliseconds per first page of 100).
 *
 * <p>The PostgreSQL store needs a server: set {@value #URL_ENV} to a {@code jdbc:postgresql:} URL with credentials
 * (each trial makes and drops a schema of its own there), e.g. with {@code .ci/postgres.sh run java -jar
 * mlops-benchmarks/target/benchmarks.jar StoreComparisonBenchmark}, which sets it to a throwaway local server.
 */
@Fork(1)
@State(Scope.Benchmark)
public class StoreComparisonBenchmark {
    /** Names the PostgreSQL server; falls back to the tests' variable, which {@code .ci/postgres.sh} sets. */
    public static final String URL_ENV = "MLOPS_BENCH_POSTGRES_URL";

    /** Which store. */
    @Param({"h2", "postgres"})
    public String store;

    /** How many runs the searched experiment holds. */
    @Param("100000")
    public int runs;

    private Path home;
    private String schema;
    private Mlops mlops;
    private Run run;
    private LogBatch batch;

    /** Opens a fresh store, fills it with runs to search, and starts a run to log to. */
    @Setup(Level.Trial)
    public void open() throws Exception {
        home = Files.createTempDirectory("mlops-store-bench");
        if (store.equals("h2")) {
            mlops = Mlops.open(home);
        } else {
            String base = postgresUrl();
            schema = "mlops_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA " + schema);
            }
            mlops = Mlops.builder().jdbc(base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema)
                    .home(home).build();
        }
        fill(mlops.experiment("search-bench"));
        run = mlops.experiment("bench").startRun("logging");
        LogBatch.Builder b = LogBatch.builder();
        for (int i = 0; i < 1000; i++) {
            b.metric("m" + (i % 10), i * 0.001, i / 10);
        }
        batch = b.build();
    }

    /** The same runs as {@link SearchBenchmark}, written from eight threads so that group commit shares commits. */
    private void fill(Experiment experiment) throws Exception {
        String[] models = {"cart", "logistic", "svm", "knn"};
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> parts = new ArrayList<>();
            int threads = 8;
            for (int t = 0; t < threads; t++) {
                int first = t;
                parts.add(pool.submit(() -> {
                    Random random = new Random(7 + first);
                    for (int i = first; i < runs; i += threads) {
                        try (Run r = experiment.startRun("run-" + i)) {
                            r.log(LogBatch.builder()
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
            for (Future<?> f : parts) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String postgresUrl() {
        String url = System.getenv(URL_ENV);
        if (url == null || url.isBlank()) {
            url = System.getenv("MLOPS_TEST_POSTGRES_URL");
        }
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("store=postgres needs a server: set " + URL_ENV + " to a jdbc:postgresql:"
                    + " URL with user and password, or run with -p store=h2");
        }
        return url.strip();
    }

    /** Closes the store and deletes its files or schema. */
    @TearDown(Level.Trial)
    public void close() throws IOException, SQLException {
        run.close();
        mlops.close();
        if (schema != null) {
            try (Connection c = DriverManager.getConnection(postgresUrl()); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** One durable 1,000-point batch; the score is points per second. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(1000)
    @Warmup(iterations = 2, time = 3)
    @Measurement(iterations = 5, time = 3)
    public void logBatch_1000points() {
        run.log(batch);
    }

    /** @return the first page of runs matching a metric threshold and a param, ordered by the metric */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    public RunPage search_twoConditions() {
        return mlops.runs().search("search-bench")
                .filter("metrics.accuracy > 0.9 and params.model = 'cart'")
                .orderBy("metrics.accuracy DESC")
                .limit(100)
                .page();
    }
}
