package dev.mlops4j.core.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops4j.Mlops;
import dev.mlops4j.model.FeatureVector;
import dev.mlops4j.model.Prediction;
import dev.mlops4j.registry.ModelRegistry;
import dev.mlops4j.serving.InputPolicy;
import dev.mlops4j.serving.ModelHandle;
import dev.mlops4j.serving.PredictionColumns;
import dev.mlops4j.serving.PredictionRecord;
import dev.mlops4j.serving.ServingOptions;
import dev.mlops4j.serving.ServingStats;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * What a handle records: every prediction's input and output, through each way of predicting, from one thread or
 * several, with nothing lost while the sink keeps up and every loss counted when it does not.
 */
class PredictionRecordingTest {
    private static final double BIAS = 10;

    /** One input and how it is predicted. */
    private record Call(Map<String, Double> features, boolean asVector) {
    }

    private static ModelHandle serve(Mlops mlops, ServingOptions.Builder options) {
        ModelRegistry registry = mlops.models();
        int v = registry.register("wine", Fixtures.trainedRun(mlops, BIAS, 0.9)).version();
        registry.promote("wine", v).to("production").because("test");
        return registry.serve("wine", "production", options.pollInterval(Duration.ZERO)
                .inputPolicy(InputPolicy.COUNT).sampleRate(1.0).build());
    }

    @Provide
    Arbitrary<Call> calls() {
        // Complete inputs, inputs missing a feature, with an unknown one, out of range or NaN, as maps or vectors.
        Arbitrary<Double> value = Arbitraries.oneOf(Arbitraries.doubles().between(-20, 20),
                Arbitraries.of(Double.NaN, 0.0, 10.0));
        Arbitrary<Map<String, Double>> features = Combinators.combine(value.injectNull(0.2), value.injectNull(0.2),
                value.injectNull(0.8)).as((a, b, c) -> {
                    Map<String, Double> m = new HashMap<>();
                    if (a != null) {
                        m.put("a", a);
                    }
                    if (b != null) {
                        m.put("b", b);
                    }
                    if (c != null) {
                        m.put("c", c);
                    }
                    return m;
                });
        return Combinators.combine(features, Arbitraries.of(true, false)).as(Call::new);
    }

    @Property(tries = 40)
    void record_anyInputsMapOrVector_recordsEqualInputsAndPredictionsInOrder(
            @ForAll @Size(max = 60) List<@From("calls") Call> calls) {
        List<PredictionRecord> records = Collections.synchronizedList(new ArrayList<>());
        List<Prediction> predicted = new ArrayList<>();
        try (Mlops mlops = Mlops.inMemory()) {
            ModelHandle handle = serve(mlops, ServingOptions.builder().recordTo(records::addAll));
            for (Call c : calls) {
                predicted.add(c.asVector() ? handle.predict(handle.layout().vector(c.features()))
                        : handle.predict(c.features()));
            }
            handle.close();

            assertThat(records).hasSize(calls.size());
            for (int i = 0; i < calls.size(); i++) {
                PredictionRecord r = records.get(i);
                assertThat(r.features()).as("record %d", i).isEqualTo(calls.get(i).features());
                assertThat(r.prediction()).as("record %d", i).isEqualTo(predicted.get(i));
                assertThat(r.version()).isEqualTo(1);
                assertThat(r.timed()).isEqualTo(i % 128 == 0);
            }
            ServingStats stats = handle.stats();
            assertThat(stats.recorded()).isEqualTo(calls.size());
            assertThat(stats.dropped()).isZero();
        }
    }

    @Property(tries = 40)
    void record_sinkAcceptingColumns_columnsCarryWhatTheRecordsCarry(
            @ForAll @Size(max = 60) List<@From("calls") Call> calls) {
        List<PredictionRecord> records = Collections.synchronizedList(new ArrayList<>());
        ColumnSink columns = new ColumnSink(() -> { });
        try (Mlops mlops = Mlops.inMemory()) {
            ModelHandle byRecords = serve(mlops, ServingOptions.builder().recordTo(records::addAll));
            ModelHandle byColumns = mlops.models().serve("wine", "production", ServingOptions.builder()
                    .pollInterval(Duration.ZERO).inputPolicy(InputPolicy.COUNT).sampleRate(1.0).recordTo(columns)
                    .build());
            for (Call c : calls) {
                for (ModelHandle h : List.of(byRecords, byColumns)) {
                    if (c.asVector()) {
                        h.predict(h.layout().vector(c.features()));
                    } else {
                        h.predict(c.features());
                    }
                }
            }
            byRecords.close();
            byColumns.close();

            List<PredictionRecord> fromColumns = new ArrayList<>();
            List<Boolean> timed = new ArrayList<>();
            for (PredictionColumns b : columns.batches) {
                fromColumns.addAll(b.records());
                for (int r = 0; r < b.size(); r++) {
                    timed.add(b.latencyNanos(r) != PredictionRecord.NOT_TIMED);
                }
            }
            assertThat(fromColumns).hasSize(calls.size());
            for (int i = 0; i < calls.size(); i++) {
                PredictionRecord expected = records.get(i);
                PredictionRecord actual = fromColumns.get(i);
                // A column reads NaN for a missing value, so a NaN given as a value is missing there.
                Map<String, Double> present = new HashMap<>(expected.features());
                present.values().removeIf(v -> v.isNaN());
                assertThat(actual.features()).as("record %d", i).isEqualTo(present);
                assertThat(actual.prediction()).as("record %d", i).isEqualTo(expected.prediction());
                assertThat(actual.issues()).as("record %d", i).isEqualTo(expected.issues());
                assertThat(List.of(actual.modelName(), actual.version(), actual.alias()))
                        .isEqualTo(List.of(expected.modelName(), expected.version(), expected.alias()));
                assertThat(timed.get(i)).isEqualTo(expected.timed());
            }
            assertThat(byColumns.stats().recorded()).isEqualTo(calls.size());
            assertThat(byColumns.stats().dropped()).isZero();
        }
    }

    @Test
    void record_severalThreadsAndASinkThatKeepsUp_losesNothingAndKeepsEachThreadsOrder() throws Exception {
        int threads = 4;
        int each = 5_000;
        List<PredictionRecord> records = Collections.synchronizedList(new ArrayList<>());
        try (Mlops mlops = Mlops.inMemory()) {
            // Room for every record: whatever the scheduling, none may be dropped.
            ModelHandle handle = serve(mlops, ServingOptions.builder().recordTo(records::addAll)
                    .queueCapacity(threads * each));
            FeatureVector[][] inputs = new FeatureVector[threads][each];
            for (int t = 0; t < threads; t++) {
                for (int i = 0; i < each; i++) {
                    inputs[t][i] = handle.layout().vector(Map.of("a", (double) i, "b", (double) t));
                }
            }
            runConcurrently(threads, t -> {
                for (int i = 0; i < each; i++) {
                    if (i % 2 == 0) {
                        handle.predict(inputs[t][i]);
                    } else {
                        handle.predict(Map.of("a", (double) i, "b", (double) t));
                    }
                }
            });
            handle.close();

            assertThat(records).hasSize(threads * each);
            Map<Double, List<Double>> byThread = new HashMap<>();
            for (PredictionRecord r : records) {
                double a = r.features().get("a");
                double b = r.features().get("b");
                assertThat(r.prediction().value()).isEqualTo(BIAS + a + 2 * b);
                byThread.computeIfAbsent(b, k -> new ArrayList<>()).add(a);
            }
            for (int t = 0; t < threads; t++) {
                List<Double> expected = new ArrayList<>();
                for (int i = 0; i < each; i++) {
                    expected.add((double) i);
                }
                assertThat(byThread.get((double) t)).as("thread %d", t).containsExactlyElementsOf(expected);
            }
            assertThat(handle.stats().dropped()).isZero();
            assertThat(handle.stats().recorded()).isEqualTo(threads * each);
        }
    }

    @Test
    void record_severalThreadsIntoASmallBufferAndAStuckSink_countsEveryPredictionAsRecordedOrDropped()
            throws Exception {
        int threads = 4;
        int each = 2_000;
        CountDownLatch release = new CountDownLatch(1);
        List<PredictionRecord> records = Collections.synchronizedList(new ArrayList<>());
        try (Mlops mlops = Mlops.inMemory()) {
            ModelHandle handle = serve(mlops, ServingOptions.builder().queueCapacity(16).recordTo(batch -> {
                try {
                    release.await(); // stuck until every prediction is made: the buffer must overflow
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                records.addAll(batch);
            }));
            runConcurrently(threads, t -> {
                for (int i = 0; i < each; i++) {
                    handle.predict(Fixtures.input());
                }
            });
            release.countDown();
            handle.close();

            ServingStats stats = handle.stats();
            assertThat(stats.predictions()).isEqualTo(threads * each);
            assertThat(stats.dropped()).isPositive();
            assertThat(stats.recorded()).isEqualTo(records.size());
            assertThat(stats.recorded() + stats.dropped()).isEqualTo(threads * each);
            // At most each thread's queue plus the batch the sink was holding (taken from those queues) got through.
            assertThat(stats.recorded()).isLessThanOrEqualTo(2L * threads * 16);
        }
    }

    private interface PerThread {
        void run(int thread) throws Exception;
    }

    private static void runConcurrently(int threads, PerThread work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            done.add(pool.submit(() -> {
                start.await();
                work.run(id);
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
    }
}
