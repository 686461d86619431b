package dev.mlops4j.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.Mlops;
import dev.mlops4j.NotFoundException;
import dev.mlops4j.StoreException;
import dev.mlops4j.core.artifacts.InMemoryArtifactStore;
import dev.mlops4j.core.memory.InMemoryMetadataStore;
import dev.mlops4j.model.FeatureLayout;
import dev.mlops4j.model.FeatureVector;
import dev.mlops4j.model.ModelLoadException;
import dev.mlops4j.registry.ModelRegistry;
import dev.mlops4j.serving.InputIssue;
import dev.mlops4j.serving.InputIssueKind;
import dev.mlops4j.serving.InputPolicy;
import dev.mlops4j.serving.InputRejectedException;
import dev.mlops4j.serving.ModelHandle;
import dev.mlops4j.serving.PredictionRecord;
import dev.mlops4j.serving.PredictionSink;
import dev.mlops4j.serving.ServedPrediction;
import dev.mlops4j.serving.ServingOptions;
import dev.mlops4j.serving.ServingStats;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Serving on the in-memory store: following the alias, input checks and policies, prediction recording. */
class ModelHandleTest {
    /** Only a hung handle reaches this; waiting for a background swap is not a timing assertion. */
    private static final long PATIENCE_MILLIS = 30_000;

    private final InMemoryMetadataStore store = new InMemoryMetadataStore();
    private final InMemoryArtifactStore artifacts = new InMemoryArtifactStore();
    private final Mlops mlops = open("alice");
    private final ModelRegistry registry = mlops.models();

    private Mlops open(String user) {
        return Mlops.builder().metadataStore(store).artifactStore(artifacts).user(user).build();
    }

    @AfterEach
    void close() {
        mlops.close();
        store.close();
        artifacts.close();
    }

    private int version(double bias) {
        return registry.register("wine", Fixtures.trainedRun(mlops, bias, 0.9)).version();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(PATIENCE_MILLIS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting: " + what);
            }
            Thread.sleep(5);
        }
    }

    private static ServingOptions noPolling() {
        return ServingOptions.builder().pollInterval(Duration.ZERO).build();
    }

    // ---------------------------------------------------------------- following the alias

    @Test
    void serve_aliasMovesInProcess_handleSwitchesToTheNewVersion() throws Exception {
        registry.promote("wine", version(10)).to("production").because("first");
        version(20);

        try (ModelHandle handle = registry.serve("wine", "production", noPolling())) {
            assertThat(handle.version().version()).isEqualTo(1);
            assertThat(handle.predict(Fixtures.input()).value()).isEqualTo(Fixtures.expected(10));

            registry.promote("wine", 2).to("production").because("second");

            await("the handle follows the alias", () -> handle.version().version() == 2);
            assertThat(handle.predict(Fixtures.input()).value()).isEqualTo(Fixtures.expected(20));
            assertThat(handle.stats().swaps()).isEqualTo(1);
            assertThat(handle.stats().version()).isEqualTo(2);
        }
    }

    @Test
    void serve_aliasMovedByAnotherProcess_isNoticedByPolling() throws Exception {
        registry.promote("wine", version(10)).to("production").because("first");
        version(20);
        try (Mlops other = open("bob");
             ModelHandle handle = registry.serve("wine", "production",
                     ServingOptions.builder().pollInterval(Duration.ofMillis(20)).build())) {
            // Another instance on the same store: its events never reach this instance's listeners.
            other.models().promote("wine", 2).to("production").because("from elsewhere");

            await("the poll notices the move", () -> handle.version().version() == 2);
            assertThat(handle.predict(Fixtures.input()).value()).isEqualTo(Fixtures.expected(20));
        }
    }

    @Test
    void refresh_withoutEventsOrPolling_switchesSynchronously() {
        registry.promote("wine", version(10)).to("production").because("first");
        version(20);
        try (Mlops other = open("bob"); ModelHandle handle = registry.serve("wine", "production", noPolling())) {
            other.models().promote("wine", 2).to("production").because("unseen until refresh");
            assertThat(handle.version().version()).isEqualTo(1);

            assertThat(handle.refresh().version()).isEqualTo(2);
            assertThat(handle.predict(Fixtures.input()).value()).isEqualTo(Fixtures.expected(20));
        }
    }

    @Test
    void refresh_newVersionCannotBeLoaded_oldVersionKeepsServing() {
        registry.promote("wine", version(10)).to("production").because("first");
        int broken = version(Double.NaN);
        try (Mlops other = open("bob"); ModelHandle handle = registry.serve("wine", "production", noPolling())) {
            other.models().promote("wine", broken).to("production").because("unloadable");

            assertThatThrownBy(handle::refresh).isInstanceOf(ModelLoadException.class);
            assertThat(handle.version().version()).isEqualTo(1);
            assertThat(handle.predict(Fixtures.input()).value()).isEqualTo(Fixtures.expected(10));
        }
    }

    @Test
    void serve_brokenVersionAnnouncedInProcess_countsTheFailureAndKeepsServing() throws Exception {
        registry.promote("wine", version(10)).to("production").because("first");
        int broken = version(Double.NaN);
        try (ModelHandle handle = registry.serve("wine", "production", noPolling())) {
            registry.promote("wine", broken).to("production").because("unloadable");

            await("the failed swap is counted", () -> handle.stats().refreshFailures() == 1);
            assertThat(handle.version().version()).isEqualTo(1);
            assertThat(handle.predict(Fixtures.input()).value()).isEqualTo(Fixtures.expected(10));
        }
    }

    @Test
    void serve_aliasRemoved_lastVersionKeepsServing() {
        registry.promote("wine", version(10)).to("production").because("first");
        try (ModelHandle handle = registry.serve("wine", "production", noPolling())) {
            registry.removeAlias("wine", "production", "incident");

            assertThat(handle.refresh().version()).isEqualTo(1);
            assertThat(handle.predict(Fixtures.input()).value()).isEqualTo(Fixtures.expected(10));
        }
    }

    @Test
    void serve_aliasNobodyHolds_throwsNotFound() {
        version(10);

        assertThatThrownBy(() -> registry.serve("wine", "production")).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("no version holds alias 'production'");
        assertThatThrownBy(() -> registry.serve("nope", "production")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void predict_fourThreadsWhileTheAliasMovesBackAndForth_neverFails() throws Exception {
        registry.promote("wine", version(10)).to("production").because("first");
        version(20);
        try (ModelHandle handle = registry.serve("wine", "production", noPolling())) {
            List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
            List<Double> seen = Collections.synchronizedList(new ArrayList<>());
            CountDownLatch stop = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                Thread thread = new Thread(() -> {
                    while (stop.getCount() > 0) {
                        try {
                            seen.add(handle.predict(Fixtures.input()).value());
                        } catch (Throwable e) {
                            failures.add(e);
                        }
                    }
                });
                thread.start();
                threads.add(thread);
            }
            for (int i = 0; i < 10; i++) {
                int target = i % 2 == 0 ? 2 : 1;
                registry.promote("wine", target).to("production").because("flip " + i);
                await("swap " + i, () -> handle.version().version() == target);
            }
            stop.countDown();
            for (Thread thread : threads) {
                thread.join(PATIENCE_MILLIS);
            }

            assertThat(failures).isEmpty();
            assertThat(seen).isNotEmpty().allMatch(v -> v == Fixtures.expected(10) || v == Fixtures.expected(20));
            assertThat(handle.stats().swaps()).isEqualTo(10);
            assertThat(handle.stats().predictions()).isEqualTo(seen.size());
        }
    }

    // ---------------------------------------------------------------- input checks

    static Stream<Arguments> badInputs() {
        Map<String, Double> nullValue = new HashMap<>(Map.of("a", 1.0));
        nullValue.put("b", null);
        return Stream.of(
                Arguments.of(Map.of("a", 1.0, "b", 1.0, "c", 1.0), InputIssueKind.UNKNOWN_FEATURE, "c"),
                Arguments.of(Map.of("a", 1.0), InputIssueKind.MISSING_FEATURE, "b"),
                Arguments.of(nullValue, InputIssueKind.MISSING_FEATURE, "b"),
                Arguments.of(Map.of("a", Double.NaN, "b", 1.0), InputIssueKind.NON_FINITE, "a"),
                Arguments.of(Map.of("a", 1.0, "b", Double.NEGATIVE_INFINITY), InputIssueKind.NON_FINITE, "b"),
                Arguments.of(Map.of("a", 10.5, "b", 1.0), InputIssueKind.OUT_OF_DOMAIN, "a"),
                Arguments.of(Map.of("a", 1.0, "b", -5.01), InputIssueKind.OUT_OF_DOMAIN, "b"));
    }

    @ParameterizedTest
    @MethodSource("badInputs")
    void predict_badInputUnderReject_isRefusedNamingTheFeature(Map<String, Double> input, InputIssueKind kind,
                                                              String feature) {
        registry.promote("wine", version(10)).to("production").because("first");
        try (ModelHandle handle = registry.serve("wine", "production",
                ServingOptions.builder().pollInterval(Duration.ZERO).inputPolicy(InputPolicy.REJECT).build())) {

            assertThatThrownBy(() -> handle.predict(input)).isInstanceOfSatisfying(InputRejectedException.class, e -> {
                assertThat(e.issues()).singleElement().satisfies(i -> {
                    assertThat(i.kind()).isEqualTo(kind);
                    assertThat(i.feature()).isEqualTo(feature);
                });
                assertThat(e.getMessage()).contains("models:/wine/1", feature);
            });
            ServingStats stats = handle.stats();
            assertThat(stats.rejected()).isEqualTo(1);
            assertThat(stats.predictions()).isZero();
            assertThat(stats.issues(kind)).isEqualTo(1);
            assertThat(handle.check(input)).extracting(InputIssue::kind).containsExactly(kind);
            assertThat(handle.stats().issues(kind)).as("check() does not count").isEqualTo(1);
        }
    }

    @ParameterizedTest
    @MethodSource("badInputs")
    void predict_badInputUnderCount_predictsAndCounts(Map<String, Double> input, InputIssueKind kind, String feature) {
        registry.promote("wine", version(10)).to("production").because("first");
        try (ModelHandle handle = registry.serve("wine", "production",
                ServingOptions.builder().pollInterval(Duration.ZERO).inputPolicy(InputPolicy.COUNT).build())) {

            ServedPrediction p = handle.predictDetailed(input);

            assertThat(p.issues()).singleElement().extracting(InputIssue::kind, InputIssue::feature)
                    .containsExactly(kind, feature);
            assertThat(p.version().version()).isEqualTo(1);
            assertThat(handle.stats().withIssues()).isEqualTo(1);
            assertThat(handle.stats().predictions()).isEqualTo(1);
            assertThat(handle.stats().rejected()).isZero();
        }
    }

    @Test
    void predict_defaultPolicies_rejectUnknownButOnlyWarnOutOfDomain() {
        registry.promote("wine", version(10)).to("production").because("first");
        try (ModelHandle handle = registry.serve("wine", "production")) {
            assertThat(handle.predict(Map.of("a", 11.0, "b", 1.0)).value()).isEqualTo(10 + 11 + 2);
            assertThatThrownBy(() -> handle.predict(Map.of("a", 1.0, "B", 1.0)))
                    .isInstanceOf(InputRejectedException.class).hasMessageContaining("'B' is not known");

            ServingStats stats = handle.stats();
            assertThat(stats.withIssues()).isEqualTo(1);
            assertThat(stats.rejected()).isEqualTo(1);
            assertThat(stats.issues(InputIssueKind.OUT_OF_DOMAIN)).isEqualTo(1);
            // The rejected input had an unknown feature and, in consequence, a missing one.
            assertThat(stats.issues(InputIssueKind.UNKNOWN_FEATURE)).isEqualTo(1);
            assertThat(stats.issues(InputIssueKind.MISSING_FEATURE)).isEqualTo(1);
        }
    }

    @Test
    void predict_domainTolerance_widensTheTrainingRange() {
        registry.promote("wine", version(10)).to("production").because("first");
        try (ModelHandle handle = registry.serve("wine", "production", ServingOptions.builder()
                .pollInterval(Duration.ZERO).inputPolicy(InputPolicy.REJECT).domainTolerance(0.1).build())) {
            // a was seen in [0, 10]: 10% of the width allows [-1, 11].
            assertThat(handle.check(Map.of("a", 11.0, "b", 0.0))).isEmpty();
            assertThat(handle.check(Map.of("a", -1.01, "b", 0.0))).extracting(InputIssue::kind)
                    .containsExactly(InputIssueKind.OUT_OF_DOMAIN);
        }
    }

    @Test
    void predict_pluggedInCheck_seesTheVersionAndReportsSchemaViolations() {
        registry.promote("wine", version(10)).to("production").because("first");
        List<String> createdFor = new ArrayList<>();
        ServingOptions options = ServingOptions.builder().pollInterval(Duration.ZERO)
                .inputCheck((version, model, runs) -> {
                    createdFor.add(version.uri() + " run " + runs.get(version.runId()).runId());
                    return features -> features.get("a") != null && features.get("a").doubleValue() > 5
                            ? List.of(new InputIssue(InputIssueKind.SCHEMA_VIOLATION, "a",
                            features.get("a").doubleValue(), "a must be at most 5 by the schema"))
                            : List.of();
                })
                .build();
        try (ModelHandle handle = registry.serve("wine", "production", options)) {
            assertThat(handle.predict(Map.of("a", 5.0, "b", 0.0)).value()).isEqualTo(15);
            assertThatThrownBy(() -> handle.predict(Map.of("a", 6.0, "b", 0.0)))
                    .isInstanceOf(InputRejectedException.class).hasMessageContaining("by the schema");
            assertThat(createdFor).singleElement().asString().startsWith("models:/wine/1 run ");
        }
    }

    @Test
    void predict_completeMap_isPredictedFromAVectorOnlyWhenComplete() {
        registry.promote("wine", version(10)).to("production").because("first");
        try (ModelHandle handle = registry.serve("wine", "production",
                ServingOptions.builder().pollInterval(Duration.ZERO).inputPolicy(InputPolicy.COUNT)
                        .build())) {
            int before = LinearFlavor.VECTOR_PREDICTIONS.get();
            assertThat(handle.predict(Map.of("a", 1.0, "b", 1.0)).value()).isEqualTo(Fixtures.expected(10));
            assertThat(LinearFlavor.VECTOR_PREDICTIONS.get()).as("a complete map goes through a vector")
                    .isEqualTo(before + 1);

            assertThat(handle.predict(Map.of("a", 1.0)).value()).as("b missing counts as 0").isEqualTo(10 + 1.0);
            assertThat(LinearFlavor.VECTOR_PREDICTIONS.get()).as("an incomplete one is predicted from the map")
                    .isEqualTo(before + 1);
        }
    }

    @Test
    void predict_completeMapWithIssues_reportsWhatTheChecksFindInTheMapItself() {
        registry.promote("wine", version(10)).to("production").because("first");
        List<Map<String, ? extends Number>> seenByPluggedCheck = new ArrayList<>();
        ServingOptions options = ServingOptions.builder().pollInterval(Duration.ZERO)
                .inputPolicy(InputPolicy.COUNT)
                .inputCheck((version, model, runs) -> features -> {
                    seenByPluggedCheck.add(features); // a check without a vector check of its own gets the map
                    return List.of();
                })
                .build();
        try (ModelHandle handle = registry.serve("wine", "production", options)) {
            Map<String, Double> input = new LinkedHashMap<>();
            input.put("b", 99.0);
            input.put("a", -99.0);

            ServedPrediction served = handle.predictDetailed(input);

            assertThat(served.issues()).isEqualTo(handle.check(input)).hasSize(2)
                    .extracting(InputIssue::feature).containsExactly("b", "a");
            assertThat(seenByPluggedCheck).hasSize(2).allSatisfy(m -> assertThat(m).isSameAs(input));
        }
    }

    @Test
    void predict_checksOff_passesAnythingToTheModel() {
        registry.promote("wine", version(10)).to("production").because("first");
        try (ModelHandle handle = registry.serve("wine", "production",
                ServingOptions.builder().pollInterval(Duration.ZERO).checkInputs(false).build())) {
            assertThat(handle.predict(Map.of("zzz", 1.0)).value()).isEqualTo(10);
            assertThat(handle.stats().withIssues()).isZero();
        }
    }

    // ---------------------------------------------------------------- prepared inputs (FeatureVector)

    @ParameterizedTest
    @MethodSource("badInputs")
    void predictVector_badInputUnderReject_isRefusedLikeTheMap(Map<String, Double> input, InputIssueKind kind,
                                                             String feature) {
        registry.promote("wine", version(10)).to("production").because("first");
        try (ModelHandle handle = registry.serve("wine", "production",
                ServingOptions.builder().pollInterval(Duration.ZERO).inputPolicy(InputPolicy.REJECT).build())) {
            FeatureVector vector = handle.layout().vector(input);

            assertThatThrownBy(() -> handle.predict(vector)).isInstanceOfSatisfying(InputRejectedException.class,
                    e -> assertThat(e.issues()).singleElement().satisfies(i -> {
                        assertThat(i.kind()).isEqualTo(kind);
                        assertThat(i.feature()).isEqualTo(feature);
                    }));
            // The same issue; a vector does not tell a null value from an absent one, so only the message may differ.
            assertThat(handle.check(vector)).extracting(InputIssue::kind, InputIssue::feature)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(kind, feature));
            assertThat(handle.stats().rejected()).isEqualTo(1);
            assertThat(handle.stats().issues(kind)).isEqualTo(1);
            assertThat(handle.stats().predictions()).isZero();
        }
    }

    @ParameterizedTest
    @MethodSource("badInputs")
    void predictVector_badInputUnderCount_predictsWhatTheMapPredicts(Map<String, Double> input, InputIssueKind kind,
                                                                   String feature) {
        registry.promote("wine", version(10)).to("production").because("first");
        try (ModelHandle handle = registry.serve("wine", "production",
                ServingOptions.builder().pollInterval(Duration.ZERO).inputPolicy(InputPolicy.COUNT).build())) {
            Double fromMap = handle.predict(input).value();

            assertThat(Double.valueOf(handle.predict(handle.layout().vector(input)).value())).isEqualTo(fromMap);
            ServedPrediction detailed = handle.predictDetailed(handle.layout().vector(input));
            assertThat(detailed.issues()).singleElement().extracting(InputIssue::kind, InputIssue::feature)
                    .containsExactly(kind, feature);
            assertThat(detailed.version().version()).isEqualTo(1);
            assertThat(handle.stats().withIssues()).isEqualTo(3);
            assertThat(handle.stats().issues(kind)).isEqualTo(3);
            assertThat(handle.stats().predictions()).isEqualTo(3);
        }
    }

    @Test
    void predictVector_cleanDenseVector_predictsLikeTheMapAndIsRecorded() {
        registry.promote("wine", version(10)).to("production").because("first");
        List<PredictionRecord> records = Collections.synchronizedList(new ArrayList<>());
        ModelHandle handle = registry.serve("wine", "production", ServingOptions.builder().pollInterval(Duration.ZERO)
                .recordTo(records::addAll).build());
        FeatureLayout layout = handle.layout();
        assertThat(layout.names()).containsExactly("a", "b");
        FeatureVector vector = layout.vector(1.0, 1.0);

        assertThat(handle.check(vector)).isEmpty();
        assertThat(handle.predict(vector).value()).isEqualTo(Fixtures.expected(10));
        handle.close();

        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.features()).isEqualTo(Fixtures.input());
            assertThat(r.prediction().value()).isEqualTo(Fixtures.expected(10));
        });
    }

    @Test
    void predictVector_onALayoutOfOtherOrder_isTranslatedByName() {
        registry.promote("wine", version(10)).to("production").because("first");
        try (ModelHandle handle = registry.serve("wine", "production", noPolling())) {
            FeatureVector reversed = FeatureLayout.of(List.of("b", "a")).vector(5.0, 1.0);

            assertThat(handle.check(reversed)).isEmpty();
            assertThat(handle.predict(reversed).value()).isEqualTo(10 + 1.0 + 2 * 5.0);
        }
    }

    @Test
    void predictVector_afterTheAliasMoved_predictsWithTheNewVersion() throws Exception {
        registry.promote("wine", version(10)).to("production").because("first");
        version(20);
        try (ModelHandle handle = registry.serve("wine", "production", noPolling())) {
            FeatureVector prepared = handle.layout().vector(1.0, 1.0);
            registry.promote("wine", 2).to("production").because("second");
            await("the handle follows the alias", () -> handle.version().version() == 2);

            assertThat(handle.predict(prepared).value()).isEqualTo(Fixtures.expected(20));
            assertThat(handle.predictDetailed(prepared).version().version()).isEqualTo(2);
        }
    }

    @Test
    void predictNative_flavorWithoutNativePredictions_failsNamingTheFlavorAndCountsNothing() {
        registry.promote("wine", version(10)).to("production").because("first");
        try (ModelHandle handle = registry.serve("wine", "production", noPolling())) {
            FeatureVector vector = handle.layout().vector(1.0, 1.0);

            assertThatThrownBy(() -> handle.predictNative(vector, Object.class))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("linear");
            assertThat(handle.stats().predictions()).isZero();
        }
    }

    // ---------------------------------------------------------------- recording

    @Test
    void recordTo_everyPrediction_reachesTheSinkByClose() {
        registry.promote("wine", version(10)).to("production").because("first");
        List<PredictionRecord> records = Collections.synchronizedList(new ArrayList<>());
        ModelHandle handle = registry.serve("wine", "production", ServingOptions.builder().pollInterval(Duration.ZERO)
                .inputPolicy(InputPolicy.COUNT).recordTo(records::addAll).build());
        for (int i = 0; i < 100; i++) {
            handle.predict(Map.of("a", (double) (i % 10), "b", 0.0));
        }
        handle.predict(Map.of("a", 1.0));

        handle.close();

        assertThat(records).hasSize(101);
        PredictionRecord last = records.get(100);
        assertThat(last.modelName()).isEqualTo("wine");
        assertThat(last.version()).isEqualTo(1);
        assertThat(last.alias()).isEqualTo("production");
        assertThat(last.features()).isEqualTo(Map.of("a", 1.0));
        assertThat(last.prediction().value()).isEqualTo(11);
        assertThat(last.issues()).extracting(InputIssue::kind).containsExactly(InputIssueKind.MISSING_FEATURE);
        // One recorded prediction in 128 is timed, starting with the first; the others say they were not.
        for (int i = 0; i < records.size(); i++) {
            PredictionRecord r = records.get(i);
            if (i % 128 == 0) {
                assertThat(r.timed()).as("record %d", i).isTrue();
                assertThat(r.latencyNanos()).as("record %d", i).isPositive();
            } else {
                assertThat(r.latencyNanos()).as("record %d", i).isEqualTo(PredictionRecord.NOT_TIMED);
            }
        }
        assertThat(handle.stats().recorded()).isEqualTo(101);
        assertThat(handle.stats().dropped()).isZero();
    }

    @Test
    void recordTo_sampleRateZero_recordsNothing() {
        registry.promote("wine", version(10)).to("production").because("first");
        List<PredictionRecord> records = Collections.synchronizedList(new ArrayList<>());
        ModelHandle handle = registry.serve("wine", "production", ServingOptions.builder().pollInterval(Duration.ZERO)
                .recordTo(records::addAll).sampleRate(0.0).build());
        for (int i = 0; i < 50; i++) {
            handle.predict(Fixtures.input());
        }
        handle.close();

        assertThat(records).isEmpty();
        assertThat(handle.stats().predictions()).isEqualTo(50);
    }

    @ParameterizedTest(name = "columns {0}")
    @ValueSource(booleans = {false, true})
    void recordTo_slowSinkAndFullQueue_dropsAndCountsWithoutBlockingPredictions(boolean columns) throws Exception {
        registry.promote("wine", version(10)).to("production").because("first");
        CountDownLatch sinkEntered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Runnable stuck = () -> {
            sinkEntered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        List<PredictionRecord> records = Collections.synchronizedList(new ArrayList<>());
        ColumnSink columnSink = new ColumnSink(stuck);
        PredictionSink sink = columns ? columnSink : batch -> {
            stuck.run();
            records.addAll(batch);
        };
        ModelHandle handle = registry.serve("wine", "production", ServingOptions.builder().pollInterval(Duration.ZERO)
                .queueCapacity(5).recordTo(sink).build());
        handle.predict(Fixtures.input());
        assertThat(sinkEntered.await(PATIENCE_MILLIS, TimeUnit.MILLISECONDS)).isTrue();

        // The sink is stuck; 5 records fit in the queue and the other 95 are dropped, and no call blocks.
        for (int i = 0; i < 100; i++) {
            handle.predict(Fixtures.input());
        }
        assertThat(handle.stats().dropped()).isEqualTo(95);
        release.countDown();
        handle.close();

        assertThat(columns ? columnSink.records() : records).hasSize(6);
        assertThat(handle.stats().recorded()).isEqualTo(6);
        assertThat(handle.stats().predictions()).isEqualTo(101);
    }

    /** What a record carries that its columnar form must carry too: everything but the time and latency. */
    private static List<String> comparable(List<PredictionRecord> records) {
        return records.stream().map(r -> r.modelName() + " v" + r.version() + "@" + r.alias() + " "
                + new java.util.TreeMap<>(present(r.features())) + " -> " + r.prediction() + " " + r.issues()).toList();
    }

    private static Map<String, Double> present(Map<String, Double> features) {
        Map<String, Double> out = new HashMap<>();
        features.forEach((k, v) -> {
            if (!v.isNaN()) {
                out.put(k, v);
            }
        });
        return out;
    }

    @Test
    void recordTo_sinkAcceptingColumns_receivesWhatTheRecordsCarry() {
        registry.promote("wine", version(10)).to("production").because("first");
        List<PredictionRecord> records = Collections.synchronizedList(new ArrayList<>());
        ColumnSink columns = new ColumnSink(() -> { });
        ServingOptions.Builder options = ServingOptions.builder().pollInterval(Duration.ZERO)
                .inputPolicy(InputPolicy.COUNT);
        ModelHandle byRecords = registry.serve("wine", "production", options.recordTo(records::addAll).build());
        ModelHandle byColumns = registry.serve("wine", "production", options.recordTo(columns).build());
        Map<String, Double> withNull = new HashMap<>();
        withNull.put("a", null);
        withNull.put("b", 2.0);
        List<Object> inputs = List.of(Map.of("a", 1.0, "b", 0.5), Map.of("a", 3.0), withNull,
                Map.of("a", 1.0, "b", 2.0, "extra", 7.0), byRecords.layout().vector(4.0, 5.0),
                byRecords.layout().vector(Map.of("b", 6.0)), Map.of("b", Double.NaN, "a", 2.0));
        for (int round = 0; round < 300; round++) {
            for (Object input : inputs) {
                for (ModelHandle h : List.of(byRecords, byColumns)) {
                    if (input instanceof FeatureVector v) {
                        h.predict(v);
                    } else {
                        @SuppressWarnings("unchecked")
                        Map<String, Double> map = (Map<String, Double>) input;
                        h.predict(map);
                    }
                }
            }
        }
        byRecords.close();
        byColumns.close();

        assertThat(records).hasSize(300 * inputs.size());
        assertThat(comparable(columns.records())).isEqualTo(comparable(records));
        assertThat(columns.batches).allSatisfy(b -> assertThat(b.size()).isBetween(1, 500));
        assertThat(byColumns.stats().recorded()).isEqualTo(records.size());
        assertThat(byColumns.stats().dropped()).isZero();
    }

    @Test
    void recordTo_sinkThatThrows_losesThatBatchOnlyAndCountsIt() throws Exception {
        registry.promote("wine", version(10)).to("production").because("first");
        List<PredictionRecord> records = Collections.synchronizedList(new ArrayList<>());
        List<Integer> calls = Collections.synchronizedList(new ArrayList<>());
        ModelHandle handle = registry.serve("wine", "production", ServingOptions.builder().pollInterval(Duration.ZERO)
                .recordTo(batch -> {
                    calls.add(batch.size());
                    if (calls.size() == 1) {
                        throw new IllegalStateException("monitoring database is down");
                    }
                    records.addAll(batch);
                }).build());
        handle.predict(Fixtures.input());
        await("the first batch is attempted", () -> calls.size() == 1);
        handle.predict(Fixtures.input());
        handle.close();

        assertThat(handle.stats().sinkFailures()).isEqualTo(1);
        assertThat(records).hasSize(1);
        assertThat(handle.stats().recorded()).isEqualTo(1);
    }

    // ---------------------------------------------------------------- lifecycle

    @Test
    void close_handleOrMlops_stopsPredictions() {
        registry.promote("wine", version(10)).to("production").because("first");
        ModelHandle first = registry.serve("wine", "production", noPolling());
        first.close();
        first.close();
        assertThatThrownBy(() -> first.predict(Fixtures.input())).isInstanceOf(StoreException.class)
                .hasMessageContaining("closed");

        Mlops other = open("bob");
        ModelHandle second = other.models().serve("wine", "production");
        other.close();
        assertThatThrownBy(() -> second.predict(Fixtures.input())).isInstanceOf(StoreException.class);
    }

    @Test
    void serve_twoHandlesOfOneVersion_shareTheCachedModel() {
        registry.promote("wine", version(10)).to("production").because("first");
        try (ModelHandle a = registry.serve("wine", "production", noPolling());
             ModelHandle b = registry.serve("wine", "production", noPolling())) {
            assertThat(a.model()).isSameAs(b.model());
        }
    }
}
