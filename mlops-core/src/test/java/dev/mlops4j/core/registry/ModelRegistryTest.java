package dev.mlops4j.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops4j.ConflictException;
import dev.mlops4j.IllegalRunStateException;
import dev.mlops4j.InvalidInputException;
import dev.mlops4j.Mlops;
import dev.mlops4j.NotFoundException;
import dev.mlops4j.Run;
import dev.mlops4j.core.MutableClock;
import dev.mlops4j.core.artifacts.InMemoryArtifactStore;
import dev.mlops4j.core.memory.InMemoryMetadataStore;
import dev.mlops4j.gate.ConditionStatus;
import dev.mlops4j.gate.Gate;
import dev.mlops4j.gate.GateRecorder;
import dev.mlops4j.gate.GateResult;
import dev.mlops4j.gate.MetricValues;
import dev.mlops4j.model.ModelArtifacts;
import dev.mlops4j.registry.AliasAssignment;
import dev.mlops4j.registry.ApprovalPolicy;
import dev.mlops4j.registry.AuditAction;
import dev.mlops4j.registry.AuditEntry;
import dev.mlops4j.registry.AuditFilter;
import dev.mlops4j.registry.ModelRegistry;
import dev.mlops4j.registry.ModelUri;
import dev.mlops4j.registry.ModelVersion;
import dev.mlops4j.registry.PromotionOutcome;
import dev.mlops4j.registry.PromotionRejectedException;
import dev.mlops4j.registry.PromotionResult;
import dev.mlops4j.registry.Registration;
import dev.mlops4j.registry.RegistryEvent;
import dev.mlops4j.registry.Subscription;
import dev.mlops4j.registry.VersionStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The registry engine on the in-memory store: registration, promotion, approval, status, events and audit. */
class ModelRegistryTest {
    private static final Instant START = Instant.parse("2024-05-01T10:00:00Z");
    private static final Gate RELEASE = Gate.metric("accuracy").atLeast(0.8)
            .and(Gate.metric("accuracy").notWorseThanChampion().by(0.02)).named("release");

    private final InMemoryMetadataStore store = new InMemoryMetadataStore();
    private final InMemoryArtifactStore artifacts = new InMemoryArtifactStore();
    private final MutableClock clock = new MutableClock(START);
    private final Mlops alice = open("alice");
    private final Mlops bob = open("bob");
    private final ModelRegistry registry = alice.models();

    private Mlops open(String user) {
        return Mlops.builder().metadataStore(store).artifactStore(artifacts).user(user).clock(clock).build();
    }

    @AfterEach
    void close() {
        alice.close();
        bob.close();
        store.close();
        artifacts.close();
    }

    private ModelVersion registered(double bias, double accuracy) {
        clock.advance(Duration.ofSeconds(1));
        return registry.register("wine", Fixtures.trainedRun(alice, bias, accuracy));
    }

    // ---------------------------------------------------------------- registration

    @Test
    void register_finishedRun_recordsRunFlavorFingerprintUserAndTime() {
        String runId = Fixtures.trainedRun(alice, 1, 0.9);
        clock.advance(Duration.ofMinutes(5));

        ModelVersion v = registry.newVersion("wine").fromRun(runId).description("first").tag("team", "q").register();

        assertThat(v.modelName()).isEqualTo("wine");
        assertThat(v.version()).isEqualTo(1);
        assertThat(v.runId()).isEqualTo(runId);
        assertThat(v.artifactPath()).isEqualTo("model");
        assertThat(v.flavor()).isEqualTo("core-test-linear");
        assertThat(v.modelClass()).isEqualTo(LinearFlavor.Linear.class.getName());
        assertThat(v.dataFingerprint()).isEqualTo("f00d1");
        assertThat(v.schemaRef()).isNull();
        assertThat(v.status()).isEqualTo(VersionStatus.ACTIVE);
        assertThat(v.description()).isEqualTo("first");
        assertThat(v.tags()).containsEntry("team", "q");
        assertThat(v.createdBy()).isEqualTo("alice");
        assertThat(v.createdAt()).isEqualTo(START.plus(Duration.ofMinutes(5)));
        assertThat(v.uri()).hasToString("models:/wine/1");
        assertThat(v.source()).hasToString("runs:/" + runId + "/model");
        assertThat(registry.model("wine").latestVersion()).isEqualTo(1);
        assertThat(registry.auditTrail("wine")).extracting(AuditEntry::action)
                .containsExactly(AuditAction.MODEL_CREATED, AuditAction.VERSION_REGISTERED);
    }

    @Test
    void register_runWithGateResultAndSchema_copiesGateTagsAndReferencesTheSchema() {
        String runId;
        try (Run run = alice.experiment("linear").startRun("gated")) {
            ModelArtifacts.log(run, "model", new LinearFlavor(),
                    new LinearFlavor.Linear(Map.of("a", 1.0), 0, Fixtures.DOMAINS));
            run.logMetric("accuracy", 0.95);
            GateRecorder.record(run, RELEASE.evaluate(run.record()));
            run.logArtifact("validation/schema.json", "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            runId = run.id();
        }

        ModelVersion v = registry.register("wine", runId);

        assertThat(v.gateResults()).containsOnlyKeys("release");
        assertThat(v.gateResults().get("release").status()).isEqualTo(ConditionStatus.PASSED);
        assertThat(v.gateResults().get("release").summary()).contains("1 passed", "1 skipped", "no champion");
        assertThat(v.schemaRef()).isEqualTo("runs:/" + runId + "/validation/schema.json");
        assertThat(v.dataFingerprint()).isNull();
    }

    @Test
    void register_runningRun_throwsIllegalRunState() {
        try (Run run = alice.experiment("linear").startRun("still running")) {
            ModelArtifacts.log(run, "model", new LinearFlavor(), new LinearFlavor.Linear(Map.of("a", 1.0), 0, Map.of()));

            assertThatThrownBy(() -> registry.register("wine", run.id())).isInstanceOf(IllegalRunStateException.class)
                    .hasMessageContaining("RUNNING").hasMessageContaining("End the run");
        }
        assertThat(registry.findModel("wine")).isEmpty();
    }

    @Test
    void register_unknownRunOrNoModel_throwsNotFound() {
        String runWithoutModel;
        try (Run run = alice.experiment("linear").startRun("empty")) {
            runWithoutModel = run.id();
        }

        assertThatThrownBy(() -> registry.register("wine", "0".repeat(32))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> registry.register("wine", runWithoutModel)).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("has no model at 'model'");
        assertThatThrownBy(() -> registry.newVersion("wine").register()).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("fromRun");
        assertThat(registry.listModels()).isEmpty();
    }

    @Test
    void register_badNames_areRejectedBeforeAnythingIsWritten() {
        String runId = Fixtures.trainedRun(alice, 1, 0.9);

        for (String bad : List.of("", "a/b", "-x", "x y", "wine@prod")) {
            assertThatThrownBy(() -> registry.register(bad, runId)).isInstanceOf(InvalidInputException.class);
        }
        assertThatThrownBy(() -> registry.newVersion("wine").tag("mlops.x", "y"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("reserved");
        assertThat(registry.listModels()).isEmpty();
    }

    @Test
    void register_eightThreadsAtOnce_getDenseUniqueVersions() throws Exception {
        String runId = Fixtures.trainedRun(alice, 1, 0.9);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<List<Integer>>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                Mlops who = t % 2 == 0 ? alice : bob;
                futures.add(pool.submit(() -> {
                    go.await();
                    List<Integer> mine = new ArrayList<>();
                    for (int i = 0; i < 10; i++) {
                        mine.add(who.models().register("wine", runId).version());
                    }
                    return mine;
                }));
            }
            go.countDown();
            List<Integer> all = new ArrayList<>();
            for (Future<List<Integer>> f : futures) {
                all.addAll(f.get(60, TimeUnit.SECONDS));
            }
            Collections.sort(all);
            assertThat(all).isEqualTo(IntStream.rangeClosed(1, 80).boxed().toList());
            assertThat(registry.versions("wine")).hasSize(80);
        } finally {
            pool.shutdownNow();
        }
    }

    // ---------------------------------------------------------------- promotion
    private String evaluationRun(double accuracy) {
        try (Run run = alice.experiment("linear").startRun("holdout")) {
            run.logMetric("accuracy", accuracy).logMetric("holdout.rows", 50);
            return run.id();
        }
    }

    @Test
    void register_evaluatedBy_recordsTheRunAndPromotionGatesReadItsMetricsOverTheTrainingOnes() {
        // Training accuracies say both are fine; the hold-out evaluations say the challenger is worse.
        ModelVersion champion = registry.newVersion("wine").fromRun(Fixtures.trainedRun(alice, 1, 0.99))
                .evaluatedBy(evaluationRun(0.90)).register();
        registry.promote("wine", champion.version()).to("production").because("first").throwIfRejected();
        String holdout = evaluationRun(0.85);
        ModelVersion challenger = registry.newVersion("wine").fromRun(Fixtures.trainedRun(alice, 2, 0.99))
                .evaluatedBy(holdout).register();

        PromotionResult r = registry.promote("wine", challenger.version()).to("production").requiring(RELEASE)
                .because("nightly");

        assertThat(challenger.evaluationRunId()).contains(holdout);
        assertThat(challenger.tags()).containsEntry(Registration.EVALUATION_RUN_TAG, holdout);
        assertThat(MetricValues.of(alice.runs(), challenger).values()).containsEntry("accuracy", 0.85)
                .containsEntry("holdout.rows", 50.0);
        assertThat(MetricValues.of(alice.runs(), challenger).source()).isEqualTo(challenger.uri() + " (run "
                + challenger.runId() + ", evaluated by run " + holdout + ")");
        assertThat(r.outcome()).isEqualTo(PromotionOutcome.REJECTED_BY_GATE);
        assertThat(r.gate().champion()).isEqualTo(champion.uri() + " @production (run " + champion.runId()
                + ", evaluated by run " + champion.evaluationRunId().orElseThrow() + ")");
        assertThatThrownBy(() -> registry.setVersionTag("wine", challenger.version(), Registration.EVALUATION_RUN_TAG,
                "other")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void register_evaluatedByUnknownOrRunningRun_isRejectedAndRegistersNothing() {
        String trained = Fixtures.trainedRun(alice, 1, 0.9);
        assertThatThrownBy(() -> registry.newVersion("wine").fromRun(trained).evaluatedBy("no-such-run").register())
                .isInstanceOf(NotFoundException.class).hasMessageContaining("evaluated by run no-such-run");
        try (Run running = alice.experiment("linear").startRun("still evaluating")) {
            assertThatThrownBy(() -> registry.newVersion("wine").fromRun(trained).evaluatedBy(running.id()).register())
                    .isInstanceOf(IllegalRunStateException.class).hasMessageContaining("it is RUNNING");
        }
        assertThat(registry.findModel("wine")).isEmpty();
    }


    @Test
    void promote_firstVersion_changeConditionSkippedAndAliasAssigned() {
        ModelVersion v1 = registered(1, 0.90);

        PromotionResult r = registry.promote("wine", 1).to("production").requiring(RELEASE).because("first release");

        assertThat(r.outcome()).isEqualTo(PromotionOutcome.PROMOTED);
        assertThat(r.previousVersion()).isNull();
        assertThat(r.gate().passed()).isTrue();
        assertThat(r.gate().skipped()).hasSize(1);
        assertThat(registry.findByAlias("wine", "production")).hasValueSatisfying(v -> {
            assertThat(v.version()).isEqualTo(1);
            assertThat(v.gateResults().get("release").status()).isEqualTo(ConditionStatus.PASSED);
        });
        assertThat(registry.resolve("models:/wine@production")).isEqualTo(registry.version("wine", 1));
        assertThat(r.audit()).satisfies(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.ALIAS_MOVED);
            assertThat(e.reason()).isEqualTo("first release");
            assertThat(e.user()).isEqualTo("alice");
            assertThat(e.details()).containsEntry("gate", "release").containsEntry("gate.status", "PASSED");
        });
        assertThat(v1.uri()).hasToString("models:/wine/1");
    }

    @Test
    void promote_worseThanChampion_isRejectedAuditedAndTheAliasStays() {
        registered(1, 0.90);
        registry.promote("wine", 1).to("production").requiring(RELEASE).because("first");
        registered(2, 0.85);

        PromotionResult r = registry.promote("wine", 2).to("production").requiring(RELEASE).because("nightly");

        assertThat(r.outcome()).isEqualTo(PromotionOutcome.REJECTED_BY_GATE);
        assertThat(r.promoted()).isFalse();
        assertThat(r.previousVersion()).isEqualTo(1);
        GateResult gate = r.gate();
        assertThat(gate.failures()).singleElement().satisfies(c -> {
            assertThat(c.champion()).isEqualTo(0.90);
            assertThat(c.observed()).isEqualTo(0.85);
        });
        assertThat(gate.champion()).contains("models:/wine/1 @production");
        assertThat(registry.findByAlias("wine", "production").orElseThrow().version()).isEqualTo(1);
        assertThat(r.audit().action()).isEqualTo(AuditAction.PROMOTION_REJECTED);
        assertThat(r.audit().details()).containsEntry("outcome", "REJECTED_BY_GATE").containsKey("gate.table");
        assertThatThrownBy(r::throwIfRejected).isInstanceOf(PromotionRejectedException.class)
                .hasMessageContaining("gate 'release' failed");
    }

    @Test
    void promote_betterThanChampion_movesTheAliasFromTheChampion() {
        registered(1, 0.90);
        registry.promote("wine", 1).to("production").requiring(RELEASE).because("first");
        registered(2, 0.89);

        PromotionResult r = registry.promote("wine", 2).to("production").requiring(RELEASE).because("within 0.02");

        assertThat(r.outcome()).isEqualTo(PromotionOutcome.PROMOTED);
        assertThat(r.previousVersion()).isEqualTo(1);
        assertThat(r.audit().previousVersion()).isEqualTo(1);
        assertThat(r.candidate().gateResults().get("release").summary()).contains("champion models:/wine/1");
        assertThat(registry.aliases("wine")).extracting(AliasAssignment::alias, AliasAssignment::version)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("production", 2));
    }

    @Test
    void promote_holderAgainOrWithoutGate_isNoOpOrPlainMove() {
        registered(1, 0.5);
        registered(2, 0.4);
        registry.promote("wine", 1).to("staging").because("try");
        int trail = registry.auditTrail("wine").size();

        PromotionResult again = registry.promote("wine", 1).to("staging").because("again");
        PromotionResult plain = registry.promote("wine", 2).to("staging").because("no gate asked");

        assertThat(again.outcome()).isEqualTo(PromotionOutcome.ALREADY_HELD);
        assertThat(again.audit()).isNull();
        assertThat(plain.outcome()).isEqualTo(PromotionOutcome.PROMOTED);
        assertThat(plain.gate()).isNull();
        assertThat(registry.auditTrail("wine")).hasSize(trail + 1);
    }

    @Test
    void promote_invalidCalls_throwBeforeAnythingChanges() {
        registered(1, 0.9);
        registry.archive("wine", 1, "old");

        assertThatThrownBy(() -> registry.promote("wine", 1).to("production").because("x"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("ARCHIVED");
        assertThatThrownBy(() -> registry.promote("wine", 9).to("production").because("x"))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("numbered 1 to 1");
        assertThatThrownBy(() -> registry.promote("wine", 1).to("production").because(" "))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("reason is required");
        assertThatThrownBy(() -> registry.promote("wine", 1).to("latest")).isInstanceOf(InvalidInputException.class);
        assertThat(registry.aliases("wine")).isEmpty();
    }

    @Test
    void promote_eightThreadsRacing_serialiseAndEveryGateSawItsRealChampion() throws Exception {
        for (int i = 1; i <= 8; i++) {
            registered(i, 0.80 + i * 0.001);
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<PromotionResult> results = new ArrayList<>();
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<PromotionResult>> futures = new ArrayList<>();
            for (int i = 1; i <= 8; i++) {
                int version = i;
                Callable<PromotionResult> task = () -> {
                    go.await();
                    return (version % 2 == 0 ? bob : alice).models().promote("wine", version).to("production")
                            .requiring(Gate.metric("accuracy").notWorseThanChampion().by(1.0)).because("race");
                };
                futures.add(pool.submit(task));
            }
            go.countDown();
            for (Future<PromotionResult> f : futures) {
                results.add(f.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(results).allSatisfy(r -> assertThat(r.outcome()).isEqualTo(PromotionOutcome.PROMOTED));
        List<AuditEntry> moves = registry.audit(AuditFilter.builder().model("wine").action(AuditAction.ALIAS_MOVED)
                .build());
        assertThat(moves).hasSize(8);
        Integer holder = null;
        for (AuditEntry move : moves) {
            assertThat(move.previousVersion()).isEqualTo(holder);
            holder = move.version();
        }
        // Each promotion's gate compared with exactly the version it replaced.
        for (PromotionResult r : results) {
            String champion = r.gate().champion();
            if (r.previousVersion() == null) {
                assertThat(champion).isNull();
            } else {
                assertThat(champion).startsWith("models:/wine/" + r.previousVersion() + " @production");
            }
        }
    }

    // ---------------------------------------------------------------- approvals

    @Test
    void promote_protectedAliasWithoutApproval_isRejectedUntilAnotherUserApproves() {
        registered(1, 0.9);
        registry.setApprovalPolicy("wine", ApprovalPolicy.protect("production"), "four-eyes for production");

        PromotionResult unapproved = registry.promote("wine", 1).to("production").because("ship it");
        assertThatThrownBy(() -> registry.approve("wine", 1, "production", "self-approval"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("four-eyes");
        bob.models().approve("wine", 1, "staging", "wrong alias");
        PromotionResult stillUnapproved = registry.promote("wine", 1).to("production").because("ship it");
        bob.models().approve("wine", 1, "production", "reviewed the gate table");
        PromotionResult approved = registry.promote("wine", 1).to("production").because("ship it");
        PromotionResult unprotected = registry.promote("wine", 1).to("staging").because("no approval needed");

        assertThat(unapproved.outcome()).isEqualTo(PromotionOutcome.APPROVAL_REQUIRED);
        assertThat(unapproved.message()).contains("protected", "'alice'");
        assertThat(stillUnapproved.outcome()).isEqualTo(PromotionOutcome.APPROVAL_REQUIRED);
        assertThat(approved.outcome()).isEqualTo(PromotionOutcome.PROMOTED);
        assertThat(unprotected.outcome()).isEqualTo(PromotionOutcome.PROMOTED);
        assertThatThrownBy(() -> bob.models().approve("wine", 1, "production", "twice"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("already approved");
        assertThat(registry.approvals("wine", 1)).extracting(a -> a.approver() + "@" + a.alias())
                .containsExactly("bob@staging", "bob@production");
        assertThat(registry.approvalPolicy("wine").protectedAliases()).containsExactly("production");
        assertThat(registry.auditTrail("wine")).extracting(e -> e.action() + " " + e.user()).containsExactly(
                "MODEL_CREATED alice", "VERSION_REGISTERED alice", "POLICY_CHANGED alice",
                "PROMOTION_REJECTED alice", "APPROVED bob", "PROMOTION_REJECTED alice", "APPROVED bob",
                "ALIAS_MOVED alice", "ALIAS_MOVED alice");
    }

    // ---------------------------------------------------------------- status, aliases, URIs

    @Test
    void archiveDeleteRestore_respectAliasesAndListings() {
        registered(1, 0.9);
        registered(2, 0.9);
        registered(3, 0.9);
        registry.promote("wine", 2).to("production").because("live");

        assertThatThrownBy(() -> registry.archive("wine", 2, "retire")).isInstanceOf(ConflictException.class)
                .hasMessageContaining("holds alias [production]");
        registry.archive("wine", 1, "superseded");
        registry.delete("wine", 3, "trained on the wrong data");

        assertThat(registry.versions("wine")).extracting(ModelVersion::version).containsExactly(1, 2);
        assertThat(registry.versions("wine", VersionStatus.DELETED)).extracting(ModelVersion::version)
                .containsExactly(3);
        assertThat(registry.version("wine", 3).status()).isEqualTo(VersionStatus.DELETED);
        assertThat(registry.latestVersion("wine").orElseThrow().version()).isEqualTo(2);
        assertThat(registry.resolve(ModelUri.latest("wine")).version()).isEqualTo(2);
        assertThat(registry.archive("wine", 1, "again").status()).isEqualTo(VersionStatus.ARCHIVED);

        registry.restore("wine", 3, "it was fine after all");
        assertThat(registry.latestVersion("wine").orElseThrow().version()).isEqualTo(3);
        assertThat(registry.removeAlias("wine", "production", "rollback")).isPresent();
        assertThat(registry.removeAlias("wine", "production", "again")).isEmpty();
        registry.archive("wine", 2, "no longer live");
        assertThat(registry.audit(AuditFilter.builder().model("wine").action(AuditAction.ARCHIVED,
                AuditAction.DELETED, AuditAction.RESTORED, AuditAction.ALIAS_REMOVED).build()))
                .extracting(e -> e.action() + " v" + (e.version() == null ? e.previousVersion() : e.version()) + ": "
                        + e.reason())
                .containsExactly("ARCHIVED v1: superseded", "DELETED v3: trained on the wrong data",
                        "RESTORED v3: it was fine after all", "ALIAS_REMOVED v2: rollback", "ARCHIVED v2: no longer live");
    }

    @Test
    void resolveAndLoad_everyUriKind_givesTheRightVersionAndModel() {
        registered(1, 0.9);
        ModelVersion v2 = registered(2, 0.9);
        registry.promote("wine", 1).to("champion").because("x");

        assertThat(registry.resolve("models:/wine/2")).isEqualTo(v2);
        assertThat(registry.resolve("models:/wine@champion").version()).isEqualTo(1);
        assertThat(registry.resolve("models:/wine/latest")).isEqualTo(v2);
        assertThat(registry.load(ModelUri.parse("models:/wine@champion")).predict(Fixtures.input()).value())
                .isEqualTo(Fixtures.expected(1));
        assertThat(registry.load(v2.source()).predict(Fixtures.input()).value()).isEqualTo(Fixtures.expected(2));
        assertThatThrownBy(() -> registry.resolve("models:/wine@production")).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("holds alias 'production'");
        assertThatThrownBy(() -> registry.resolve(v2.source())).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> registry.resolve("models:/nope/1")).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("registered models: 'wine'");
    }

    @Test
    void load_sameVersionTwice_deserializesOnce() {
        registered(1, 0.9);
        registry.load(ModelUri.version("wine", 1));
        int loads = LinearFlavor.LOADS.get();

        registry.load(ModelUri.version("wine", 1));
        registry.load(ModelUri.latest("wine"));

        assertThat(LinearFlavor.LOADS.get()).isEqualTo(loads);
    }

    // ---------------------------------------------------------------- events

    @Test
    void listeners_receiveCommittedChangesInOrder_andAFailingListenerChangesNothing() {
        List<RegistryEvent> events = Collections.synchronizedList(new ArrayList<>());
        Subscription s = registry.addListener(events::add);
        registry.addListener(e -> {
            throw new IllegalStateException("a broken listener");
        });

        registered(1, 0.9);
        registry.promote("wine", 1).to("production").because("go");
        bob.models().approve("wine", 1, "production", "made through bob's instance: not announced to alice's");
        s.close();
        registry.promote("wine", 1).to("canary").because("not delivered: unsubscribed");

        assertThat(events).extracting(RegistryEvent::type).containsExactly(AuditAction.MODEL_CREATED,
                AuditAction.VERSION_REGISTERED, AuditAction.ALIAS_MOVED);
        assertThat(events.get(2).changesAlias("wine", "production")).isTrue();
        assertThat(events.get(2).version()).contains(1);
        assertThat(events.get(2).audit().reason()).isEqualTo("go");
        // The broken listener threw on every change; each change stood.
        assertThat(registry.aliases("wine")).extracting(AliasAssignment::alias).containsExactly("canary", "production");
    }
}
