package dev.mlops4j.store.h2;

import static dev.mlops4j.store.h2.Fixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops4j.ConflictException;
import dev.mlops4j.IllegalRunStateException;
import dev.mlops4j.spi.MetadataStore;
import dev.mlops4j.tracking.ExperimentInfo;
import dev.mlops4j.tracking.LogBatch;
import dev.mlops4j.tracking.Metric;
import dev.mlops4j.tracking.RunInfo;
import dev.mlops4j.tracking.RunRecord;
import dev.mlops4j.tracking.RunStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many threads writing at once through the group-commit writer lose nothing and mix nothing up. */
class H2ConcurrencyTest {
    private static final int THREADS = 8;
    private static final int WRITES_PER_THREAD = 300;

    @TempDir
    Path home;
    private MetadataStore store;
    private ExecutorService pool;

    @BeforeEach
    void open() {
        store = H2MetadataStore.open(home);
        pool = Executors.newFixedThreadPool(THREADS);
    }

    @AfterEach
    void close() {
        pool.shutdownNow();
        store.close();
    }

    @Test
    void logBatch_manyThreadsSingleWritesIntoSharedAndOwnRuns_losesNothing() throws Exception {
        String exp = Fixtures.experiment(store, "concurrent");
        RunInfo shared = Fixtures.startRun(store, exp, "shared");
        List<RunInfo> own = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            own.add(Fixtures.startRun(store, exp, "own-" + t));
        }

        runAll(t -> () -> {
            for (int i = 0; i < WRITES_PER_THREAD; i++) {
                // One point, one param or one tag per call: the shape that group commit must make cheap.
                store.logBatch(shared.runId(), Fixtures.metrics(new Metric("t" + t, i, i, at(Fixtures.T0 + i))));
                store.logBatch(own.get(t).runId(), i % 2 == 0
                        ? Fixtures.params(Map.of("p" + i, "v" + i))
                        : Fixtures.tags(Map.of("tag", Integer.toString(i))));
            }
            return null;
        });

        for (int t = 0; t < THREADS; t++) {
            assertThat(store.countMetricHistory(shared.runId(), "t" + t)).isEqualTo(WRITES_PER_THREAD);
            List<Metric> points = store.metricHistory(shared.runId(), "t" + t, null, WRITES_PER_THREAD).points();
            assertThat(points).extracting(Metric::step).containsExactlyElementsOf(
                    LongStream.range(0, WRITES_PER_THREAD).boxed().toList());
            assertThat(points).allSatisfy(m -> assertThat(m.value()).isEqualTo((double) m.step()));
            RunRecord record = store.findRun(own.get(t).runId()).orElseThrow();
            assertThat(record.params()).hasSize(WRITES_PER_THREAD / 2)
                    .allSatisfy((k, v) -> assertThat(v).isEqualTo("v" + k.substring(1)));
            assertThat(record.tags()).containsEntry("tag", Integer.toString(WRITES_PER_THREAD - 1));
        }
        RunRecord sharedRecord = store.findRun(shared.runId()).orElseThrow();
        assertThat(sharedRecord.latestMetrics()).hasSize(THREADS)
                .allSatisfy((k, m) -> assertThat(m.step()).isEqualTo(WRITES_PER_THREAD - 1));
    }

    @Test
    void logBatch_conflictingParamsRacing_exactlyOneValueWinsAndLosersWriteNothing() throws Exception {
        RunInfo run = Fixtures.startRun(store, Fixtures.experiment(store, "race"), "r");
        AtomicInteger conflicts = new AtomicInteger();

        List<Object> results = runAll(t -> () -> {
            try {
                // The metric rides along: a batch that loses the param race must not leave its metric behind.
                store.logBatch(run.runId(), new LogBatch(Map.of("lr", "v" + t),
                        List.of(new Metric("from" + t, 1, 0, at(Fixtures.T0))), null));
                return "v" + t;
            } catch (ConflictException e) {
                conflicts.incrementAndGet();
                return null;
            }
        });

        RunRecord record = store.findRun(run.runId()).orElseThrow();
        Set<Object> winners = new HashSet<>(results);
        winners.remove(null);
        assertThat(winners).containsExactly(record.params().get("lr"));
        assertThat(conflicts).hasValue(THREADS - 1);
        String winner = record.params().get("lr");
        assertThat(record.latestMetrics()).containsOnlyKeys("from" + winner.substring(1));
    }

    @Test
    void getOrCreateExperiment_sameNameFromManyThreads_returnsOneExperiment() throws Exception {
        List<Object> ids = runAll(t -> () -> store.getOrCreateExperiment("same", at(Fixtures.T0 + t)).id());

        assertThat(new HashSet<>(ids)).hasSize(1);
        assertThat(store.listExperiments()).extracting(ExperimentInfo::name).containsExactly("same");
    }

    @Test
    void logBatch_twoStoresOnOneFileInOneJvm_writeConcurrentlyAndSeeEachOther() throws Exception {
        String exp = Fixtures.experiment(store, "two stores");
        RunInfo run = Fixtures.startRun(store, exp, "shared");
        try (MetadataStore second = H2MetadataStore.open(home)) {
            List<MetadataStore> stores = List.of(store, second);

            runAll(t -> () -> {
                MetadataStore mine = stores.get(t % 2);
                for (int i = 0; i < 100; i++) {
                    mine.logBatch(run.runId(), new LogBatch(Map.of("t" + t + "_" + i, "v"),
                            List.of(new Metric("m", i, i, at(Fixtures.T0 + i))), null));
                }
                return null;
            });

            assertThat(second.countMetricHistory(run.runId(), "m")).isEqualTo(THREADS * 100L);
            assertThat(store.findRun(run.runId()).orElseThrow().params()).hasSize(THREADS * 100);
            second.endRun(run.runId(), RunStatus.FINISHED, at(Fixtures.T0 + 1000), Map.of());
        }
        assertThatThrownBy(() -> store.logBatch(run.runId(), Fixtures.metrics(new Metric("m", 1, 1, at(Fixtures.T0)))))
                .isInstanceOf(IllegalRunStateException.class);
    }

    /** Starts every task at once and returns their results in thread order. */
    private List<Object> runAll(IntFunction<Callable<Object>> task) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Object>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            Callable<Object> body = task.apply(t);
            futures.add(pool.submit(() -> {
                start.await();
                return body.call();
            }));
        }
        start.countDown();
        List<Object> results = new ArrayList<>();
        for (Future<Object> f : futures) {
            results.add(f.get());
        }
        return results;
    }
}
