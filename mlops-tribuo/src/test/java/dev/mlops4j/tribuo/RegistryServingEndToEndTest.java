package dev.mlops4j.tribuo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops4j.ConflictException;
import dev.mlops4j.Mlops;
import dev.mlops4j.Run;
import dev.mlops4j.core.artifacts.InMemoryArtifactStore;
import dev.mlops4j.core.memory.InMemoryMetadataStore;
import dev.mlops4j.gate.ConditionStatus;
import dev.mlops4j.gate.Gate;
import dev.mlops4j.gate.GateResult;
import dev.mlops4j.model.FeatureDomain;
import dev.mlops4j.model.FeatureVector;
import dev.mlops4j.registry.ApprovalPolicy;
import dev.mlops4j.registry.AuditAction;
import dev.mlops4j.registry.AuditEntry;
import dev.mlops4j.registry.ModelRegistry;
import dev.mlops4j.registry.ModelVersion;
import dev.mlops4j.registry.PromotionOutcome;
import dev.mlops4j.registry.PromotionResult;
import dev.mlops4j.serving.InputIssueKind;
import dev.mlops4j.serving.InputRejectedException;
import dev.mlops4j.serving.ModelHandle;
import dev.mlops4j.serving.PredictionRecord;
import dev.mlops4j.serving.ServedPrediction;
import dev.mlops4j.serving.ServingOptions;
import dev.mlops4j.validation.data.CsvTable;
import dev.mlops4j.validation.profile.Profile;
import dev.mlops4j.validation.schema.Environment;
import dev.mlops4j.validation.schema.Schema;
import dev.mlops4j.validation.schema.SchemaInputCheck;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.optimisers.AdaGrad;

/**
 * The registry and serving end to end on the shared wine data: two Tribuo models trained, evaluated and gated in
 * tracked runs, registered, the better promoted and served, the other promoted under concurrent load (the handle
 * switches with no failed prediction), a protected alias with four-eyes approval, and the audit trail of it all.
 * Two users (a data scientist and a reviewer) share one store, as two processes would.
 */
class RegistryServingEndToEndTest {
    /** Only a hung handle reaches this; waiting for the background swap is not a timing assertion. */
    private static final long PATIENCE_MILLIS = 60_000;
    private static final Gate QUALITY = Gate.metric("accuracy").atLeast(0.80).named("quality");
    private static final Gate RELEASE = Gate.metric("accuracy").atLeast(0.80)
            .and(Gate.metric("macro_f1").notWorseThanChampion()).named("release");

    private final InMemoryMetadataStore store = new InMemoryMetadataStore();
    private final InMemoryArtifactStore artifacts = new InMemoryArtifactStore();
    private Mlops alice;
    private Mlops bob;
    private TestData.Split<Label> wine;

    /** A model trained, evaluated and gated in its run. */
    private record Trained(String runId, Model<Label> model, double accuracy, GateResult gate) {
    }

    @BeforeEach
    void open() {
        alice = Mlops.builder().metadataStore(store).artifactStore(artifacts).user("alice").build();
        bob = Mlops.builder().metadataStore(store).artifactStore(artifacts).user("bob").build();
        wine = TestData.wine();
    }

    @AfterEach
    void close() {
        alice.close();
        bob.close();
        store.close();
        artifacts.close();
    }

    private Trained train(String name, org.tribuo.Trainer<Label> trainer) {
        try (Run run = alice.experiment("wine-registry").startRun(name)) {
            TrackedModel<Label> trained = TribuoTracking.train(run, trainer, wine.train());
            double accuracy = TribuoTracking.evaluateClassifier(run, trained.model(), wine.test()).metrics()
                    .get("accuracy");
            GateResult gate = QUALITY.evaluate(run.record());
            TribuoTracking.recordGate(run, gate);
            // The reviewed data schema goes with the run (validation/schema.json): the version links to it.
            wineSchema().logTo(run);
            return new Trained(run.id(), trained.model(), accuracy, gate);
        }
    }

    /** The schema inferred from all of wine, reviewed: the label stays out of serving requests. */
    private static Schema wineSchema() {
        Schema schema = Schema.infer(Profile.of(CsvTable.of(TestData.file("wine.csv"))));
        schema.column("cultivar").notInEnvironments(Environment.SERVING);
        return schema;
    }

    private Trained logisticRegression() {
        return train("logreg", new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.5, 0.01), 10, 1000, 1,
                TestData.SEED));
    }

    private Trained shallowTree() {
        return train("cart", new CARTClassificationTrainer(2));
    }

    private static Map<String, Double> features(Example<Label> example) {
        Map<String, Double> f = new HashMap<>();
        example.forEach(feature -> f.put(feature.getName(), feature.getValue()));
        return f;
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

    @Test
    void trainGateRegisterPromoteServeAndSwapUnderLoad_noPredictionFailsAndTheAuditShowsEveryStep()
            throws Exception {
        // 1. Train and gate two models on wine.
        Trained logreg = logisticRegression();
        Trained cart = shallowTree();
        assertThat(logreg.gate().passed()).isTrue();
        assertThat(cart.gate().passed()).isTrue();
        Trained better = logreg.accuracy() >= cart.accuracy() ? logreg : cart;
        Trained worse = better == logreg ? cart : logreg;
        assertThat(better.accuracy()).as("the two models differ on wine").isGreaterThan(worse.accuracy());

        // 2. Register both; the versions carry their runs, fingerprints and recorded gates.
        ModelRegistry registry = alice.models();
        ModelVersion vBetter = registry.newVersion("wine").fromRun(better.runId())
                .description(better.model().getClass().getSimpleName()).register();
        ModelVersion vWorse = registry.register("wine", worse.runId());
        assertThat(List.of(vBetter.version(), vWorse.version())).containsExactly(1, 2);
        assertThat(vBetter.flavor()).isEqualTo(TribuoModelFlavor.ID);
        assertThat(vBetter.dataFingerprint()).isEqualTo(DatasetFingerprint.of(wine.train()).sha256());
        assertThat(vBetter.gateResults().get("quality").status()).isEqualTo(ConditionStatus.PASSED);
        assertThat(vBetter.schemaRef()).isEqualTo("runs:/" + better.runId() + "/validation/schema.json");
        assertThat(SchemaInputCheck.read(alice.runs(), vBetter)).isEqualTo(wineSchema());

        // 3. Promote the better one through the release gate (no champion yet: the change condition is skipped).
        PromotionResult first = registry.promote("wine", vBetter.version()).to("production").requiring(RELEASE)
                .because("best accuracy on the wine hold-out");
        assertThat(first.outcome()).isEqualTo(PromotionOutcome.PROMOTED);
        assertThat(first.gate().skipped()).hasSize(1);

        // 4. Serve it: predictions equal Tribuo's own, input problems are caught.
        List<PredictionRecord> recorded = Collections.synchronizedList(new ArrayList<>());
        try (ModelHandle handle = registry.serve("wine", "production", ServingOptions.builder()
                .pollInterval(Duration.ofSeconds(1)).recordTo(recorded::addAll).sampleRate(1.0).build())) {
            assertThat(handle.version().version()).isEqualTo(vBetter.version());
            Map<Integer, Map<Integer, String>> expected = Map.of(
                    vBetter.version(), labels(better.model()), vWorse.version(), labels(worse.model()));
            for (int i = 0; i < wine.test().size(); i++) {
                assertThat(handle.predict(features(wine.test().getExample(i))).label())
                        .isEqualTo(expected.get(vBetter.version()).get(i));
            }
            checkInputsAgainstTheTribuoModel(handle);
            checkInputsAgainstTheRegisteredSchema(registry);

            // 5. The worse model cannot replace the champion through the release gate...
            PromotionResult rejected = registry.promote("wine", vWorse.version()).to("production").requiring(RELEASE)
                    .because("nightly challenger");
            assertThat(rejected.outcome()).isEqualTo(PromotionOutcome.REJECTED_BY_GATE);
            assertThat(rejected.gate().failures()).singleElement().satisfies(c -> assertThat(c.metric())
                    .isEqualTo("macro_f1"));
            assertThat(handle.refresh().version()).isEqualTo(vBetter.version());

            // 6. ...but a deliberate rollback drill promotes it while four threads predict without pause.
            SwapLoad load = new SwapLoad(handle, wine.test(), expected);
            load.start(4);
            load.awaitPredictions(200);
            PromotionResult drill = registry.promote("wine", vWorse.version()).to("production")
                    .requiring(QUALITY).because("rollback drill: serve the tree for a while");
            assertThat(drill.outcome()).isEqualTo(PromotionOutcome.PROMOTED);
            await("the handle switches to the promoted version", () -> handle.version().version() == vWorse.version());
            load.awaitPredictionsBy(vWorse.version(), 200);
            load.stop();

            assertThat(load.failures).as("failed predictions during the swap").isEmpty();
            assertThat(load.mismatches.get()).as("predictions that differ from the serving version's own").isZero();
            assertThat(load.byVersion.get(vBetter.version()).get()).isPositive();
            assertThat(load.byVersion.get(vWorse.version()).get()).isPositive();
            assertThat(handle.stats().swaps()).isEqualTo(1);
            assertThat(handle.stats().refreshFailures()).isZero();

            // 7. Production becomes protected: going back needs a second person's approval (four eyes).
            registry.setApprovalPolicy("wine", ApprovalPolicy.protect("production"), "release policy v2");
            PromotionResult needsApproval = registry.promote("wine", vBetter.version()).to("production")
                    .requiring(QUALITY).because("back to the better model");
            assertThat(needsApproval.outcome()).isEqualTo(PromotionOutcome.APPROVAL_REQUIRED);
            assertThatThrownBy(() -> registry.approve("wine", vBetter.version(), "production", "self-approval"))
                    .isInstanceOf(ConflictException.class).hasMessageContaining("four-eyes");
            bob.models().approve("wine", vBetter.version(), "production", "checked the evaluation report");
            PromotionResult approved = registry.promote("wine", vBetter.version()).to("production")
                    .requiring(QUALITY).because("back to the better model");
            assertThat(approved.outcome()).isEqualTo(PromotionOutcome.PROMOTED);
            await("the handle switches back", () -> handle.version().version() == vBetter.version());
        }
        assertThat(recorded).isNotEmpty().allSatisfy(r -> assertThat(r.modelName()).isEqualTo("wine"));
        assertThat(recorded).extracting(PredictionRecord::version).contains(vBetter.version(), vWorse.version());

        // 8. The audit trail shows every step, who did it and why.
        List<AuditEntry> trail = registry.auditTrail("wine");
        assertThat(trail).extracting(e -> e.action() + " " + e.user() + " v"
                        + (e.version() == null ? "-" : e.version()) + (e.alias() == null ? "" : " @" + e.alias()))
                .containsExactly(
                        "MODEL_CREATED alice v-",
                        "VERSION_REGISTERED alice v1",
                        "VERSION_REGISTERED alice v2",
                        "ALIAS_MOVED alice v1 @production",
                        "PROMOTION_REJECTED alice v2 @production",
                        "ALIAS_MOVED alice v2 @production",
                        "POLICY_CHANGED alice v-",
                        "PROMOTION_REJECTED alice v1 @production",
                        "APPROVED bob v1 @production",
                        "ALIAS_MOVED alice v1 @production");
        assertThat(trail.get(5).reason()).isEqualTo("rollback drill: serve the tree for a while");
        assertThat(trail.get(5).previousVersion()).isEqualTo(1);
        assertThat(trail.get(4).details()).containsEntry("outcome", "REJECTED_BY_GATE")
                .containsEntry("gate.status", "FAILED");
        assertThat(trail.get(7).details()).containsEntry("outcome", "APPROVAL_REQUIRED");
        assertThat(trail).extracting(AuditEntry::sequence).isSorted();
    }

    /** Tribuo's own predictions of a model on the test split, by example index. */
    private Map<Integer, String> labels(Model<Label> model) {
        Map<Integer, String> out = new HashMap<>();
        for (int i = 0; i < wine.test().size(); i++) {
            out.put(i, model.predict(wine.test().getExample(i)).getOutput().getLabel());
        }
        return out;
    }

    private void checkInputsAgainstTheTribuoModel(ModelHandle handle) {
        // Hold-out rows may lie outside the training ranges (that is what OUT_OF_DOMAIN reports); start from one inside.
        Map<String, Double> good = IntStream.range(0, wine.test().size()).mapToObj(i -> features(wine.test().getExample(i)))
                .filter(f -> handle.check(f).isEmpty()).findFirst().orElseThrow();
        assertThat(handle.model().featureDomains()).containsOnlyKeys(good.keySet());
        String feature = good.keySet().iterator().next();
        FeatureDomain domain = handle.model().featureDomains().get(feature);

        Map<String, Double> misspelt = new HashMap<>(good);
        misspelt.put(feature.toUpperCase(java.util.Locale.ROOT), misspelt.remove(feature));
        assertThatThrownBy(() -> handle.predict(misspelt)).isInstanceOfSatisfying(InputRejectedException.class,
                e -> assertThat(e.issues()).extracting(i -> i.kind()).containsExactlyInAnyOrder(
                        InputIssueKind.UNKNOWN_FEATURE, InputIssueKind.MISSING_FEATURE));

        Map<String, Double> nan = new HashMap<>(good);
        nan.put(feature, Double.NaN);
        assertThatThrownBy(() -> handle.predict(nan)).isInstanceOf(InputRejectedException.class)
                .hasMessageContaining("NaN");

        Map<String, Double> extreme = new HashMap<>(good);
        extreme.put(feature, domain.max() + 10 * (domain.max() - domain.min()));
        ServedPrediction warned = handle.predictDetailed(extreme);
        assertThat(warned.issues()).singleElement().extracting(i -> i.kind()).isEqualTo(InputIssueKind.OUT_OF_DOMAIN);
        assertThat(handle.stats().rejected()).isEqualTo(2);
    }

    /** A handle with the schema check: a value the model's training range would only warn about, the schema rejects. */
    private void checkInputsAgainstTheRegisteredSchema(ModelRegistry registry) {
        try (ModelHandle checked = registry.serve("wine", "production", ServingOptions.builder()
                .pollInterval(Duration.ZERO).inputCheck(SchemaInputCheck.factory()).build())) {
            Schema schema = wineSchema();
            Map<String, Double> good = IntStream.range(0, wine.test().size())
                    .mapToObj(i -> features(wine.test().getExample(i))).filter(f -> checked.check(f).isEmpty())
                    .findFirst().orElseThrow();
            assertThat(checked.predict(good).label()).isNotNull();

            Map<String, Double> tooStrong = new HashMap<>(good);
            double max = schema.find("alcohol").orElseThrow().max();
            tooStrong.put("alcohol", max + 1);
            assertThatThrownBy(() -> checked.predict(tooStrong)).isInstanceOfSatisfying(InputRejectedException.class,
                    e -> assertThat(e.issues()).extracting(i -> i.kind()).contains(InputIssueKind.SCHEMA_VIOLATION));

            Map<String, Double> leaking = new HashMap<>(good);
            leaking.put("cultivar", 1.0);
            assertThat(checked.check(leaking)).filteredOn(i -> i.kind() == InputIssueKind.SCHEMA_VIOLATION)
                    .singleElement().satisfies(i -> assertThat(i.feature()).isEqualTo("cultivar"));
            assertThat(checked.stats().issues(InputIssueKind.SCHEMA_VIOLATION)).isEqualTo(1L);
        }
    }

    @Test
    void registerAndPromote_concurrently_versionsDenseAndAliasMovesSerialised() throws Exception {
        Trained logreg = logisticRegression();
        Trained cart = shallowTree();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> registrations = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                Mlops who = t % 2 == 0 ? alice : bob;
                String runId = t % 2 == 0 ? logreg.runId() : cart.runId();
                registrations.add(pool.submit(() -> {
                    go.await();
                    return who.models().register("wine", runId).version();
                }));
            }
            go.countDown();
            List<Integer> versions = new ArrayList<>();
            for (Future<Integer> f : registrations) {
                versions.add(f.get(PATIENCE_MILLIS, TimeUnit.MILLISECONDS));
            }
            assertThat(versions).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 8).boxed().toList());

            CountDownLatch race = new CountDownLatch(1);
            List<Future<PromotionResult>> promotions = new ArrayList<>();
            for (int v = 1; v <= 8; v++) {
                int version = v;
                Mlops who = v % 2 == 0 ? alice : bob;
                promotions.add(pool.submit(() -> {
                    race.await();
                    return who.models().promote("wine", version).to("champion").requiring(QUALITY).because("race");
                }));
            }
            race.countDown();
            for (Future<PromotionResult> f : promotions) {
                assertThat(f.get(PATIENCE_MILLIS, TimeUnit.MILLISECONDS).outcome()).isEqualTo(PromotionOutcome.PROMOTED);
            }
        } finally {
            pool.shutdownNow();
        }
        List<AuditEntry> moves = alice.models().auditTrail("wine").stream()
                .filter(e -> e.action() == AuditAction.ALIAS_MOVED).toList();
        assertThat(moves).hasSize(8);
        Integer holder = null;
        for (AuditEntry move : moves) {
            assertThat(move.previousVersion()).isEqualTo(holder);
            holder = move.version();
        }
        assertThat(alice.models().findByAlias("wine", "champion").orElseThrow().version()).isEqualTo(holder);
    }

    /** Threads predicting without pause, checking each prediction against the serving version's own model. */
    private static final class SwapLoad {
        private final ModelHandle handle;
        private final org.tribuo.MutableDataset<Label> test;
        private final Map<Integer, Map<Integer, String>> expected;
        private final List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        private final AtomicInteger mismatches = new AtomicInteger();
        private final AtomicInteger total = new AtomicInteger();
        private final Map<Integer, AtomicInteger> byVersion = new ConcurrentHashMap<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final List<Thread> threads = new ArrayList<>();
        private final FeatureVector[] prepared;

        SwapLoad(ModelHandle handle, org.tribuo.MutableDataset<Label> test,
                 Map<Integer, Map<Integer, String>> expected) {
            this.handle = handle;
            this.test = test;
            this.expected = expected;
            expected.keySet().forEach(v -> byVersion.put(v, new AtomicInteger()));
            this.prepared = new FeatureVector[test.size()];
            for (int i = 0; i < test.size(); i++) {
                prepared[i] = handle.layout().vector(features(test.getExample(i)));
            }
        }

        void start(int n) {
            for (int t = 0; t < n; t++) {
                int offset = t;
                Thread thread = new Thread(() -> {
                    int i = offset;
                    while (running.get()) {
                        int index = i++ % test.size();
                        try {
                            if (offset < 2) {
                                // From a map, or from a vector prepared on the first version's layout.
                                ServedPrediction p = offset == 0
                                        ? handle.predictDetailed(features(test.getExample(index)))
                                        : handle.predictDetailed(prepared[index]);
                                int version = p.version().version();
                                if (!p.prediction().label().equals(expected.get(version).get(index))) {
                                    mismatches.incrementAndGet();
                                }
                                byVersion.get(version).incrementAndGet();
                            } else {
                                // Prepared vectors, neutral or Tribuo's own prediction: these do not say which
                                // version answered, so either version's label is right, and nothing else.
                                String label = offset == 2 ? handle.predict(prepared[index]).label()
                                        : ((Label) handle.predictNative(prepared[index], org.tribuo.Prediction.class)
                                        .getOutput()).getLabel();
                                if (expected.values().stream().noneMatch(e -> e.get(index).equals(label))) {
                                    mismatches.incrementAndGet();
                                }
                            }
                            total.incrementAndGet();
                        } catch (Throwable e) {
                            failures.add(e);
                        }
                    }
                }, "wine-load-" + t);
                threads.add(thread);
                thread.start();
            }
        }

        void awaitPredictions(int n) throws InterruptedException {
            int target = total.get() + n;
            await(n + " more predictions", () -> total.get() >= target || !failures.isEmpty());
        }

        void awaitPredictionsBy(int version, int n) throws InterruptedException {
            await(n + " predictions by v" + version, () -> byVersion.get(version).get() >= n || !failures.isEmpty());
        }

        void stop() throws InterruptedException {
            running.set(false);
            for (Thread t : threads) {
                t.join(PATIENCE_MILLIS);
            }
        }
    }
}
