package dev.mlops4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops4j.ConflictException;
import dev.mlops4j.InvalidInputException;
import dev.mlops4j.NotFoundException;
import dev.mlops4j.registry.AliasAssignment;
import dev.mlops4j.registry.Approval;
import dev.mlops4j.registry.AuditAction;
import dev.mlops4j.registry.AuditEntry;
import dev.mlops4j.registry.AuditFilter;
import dev.mlops4j.registry.ModelVersion;
import dev.mlops4j.registry.RegisteredModel;
import dev.mlops4j.registry.VersionStatus;
import dev.mlops4j.spi.Audited;
import dev.mlops4j.spi.NewModelVersion;
import dev.mlops4j.spi.RegistryChange;
import dev.mlops4j.spi.RegistryStore;
import dev.mlops4j.spi.StoreFeature;
import dev.mlops4j.tck.Concurrently.Outcome;
import dev.mlops4j.tracking.RunInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The model registry's storage ({@link RegistryStore}): dense, unique version numbers under concurrency,
 * compare-and-set alias moves that serialise concurrent promotions, status rules, approvals, and an audit trail
 * written atomically with each change. Skipped for stores whose {@code registry()} is empty.
 */
abstract class RegistryContract extends ContractBase {
    private static final int THREADS = 8;

    RegistryContract(MetadataStoreTck tck) {
        super(tck);
    }

    @BeforeEach
    void onlyForStoresWithARegistry() {
        Assumptions.assumeTrue(store().registry().isPresent(), () -> "skipped: " + store().description()
                + " provides no model registry (MetadataStore.registry() is empty), so the registry contract does"
                + " not apply");
    }

    private RegistryStore registry() {
        return store().registry().orElseThrow();
    }

    private static RegistryChange change(String user, long millis) {
        return new RegistryChange(user, at(millis), "", Map.of());
    }

    private static RegistryChange change(String user, long millis, String reason, Map<String, String> details) {
        return new RegistryChange(user, at(millis), reason, details);
    }

    /** A finished-or-not run to register versions from; the store only needs it to exist. */
    private String aRunId() {
        return startRun(experiment("registry").id(), "trained").runId();
    }

    private static NewModelVersion newVersion(String model, String runId) {
        return new NewModelVersion(model, runId, "model", "test-flavor", "com.example.Model", null, null, "",
                Map.of());
    }

    private ModelVersion register(String model, String runId, String user, long millis) {
        return registry().createVersion(newVersion(model, runId), change(user, millis)).value();
    }

    private List<AuditEntry> trail() {
        return registry().audit(AuditFilter.builder().limit(AuditFilter.MAX_LIMIT).build());
    }

    @SafeVarargs
    private void assertNothingChanged(ThrowingCallable call, Class<? extends Throwable>... failures) {
        List<AuditEntry> before = trail();
        List<RegisteredModel> models = registry().listModels();
        Map<String, List<ModelVersion>> versions = new HashMap<>();
        Map<String, List<AliasAssignment>> aliases = new HashMap<>();
        for (RegisteredModel m : models) {
            versions.put(m.name(), registry().listVersions(m.name()));
            aliases.put(m.name(), registry().listAliases(m.name()));
        }
        assertThatThrownBy(call).isInstanceOfAny(failures);
        assertThat(trail()).as("audit trail after a failed call").isEqualTo(before);
        assertThat(registry().listModels()).isEqualTo(models);
        for (RegisteredModel m : models) {
            assertThat(registry().listVersions(m.name())).isEqualTo(versions.get(m.name()));
            assertThat(registry().listAliases(m.name())).isEqualTo(aliases.get(m.name()));
        }
    }

    // ---------------------------------------------------------------- models

    @Test
    void registry_calledTwice_returnsTheSameStore() {
        assertThat(store().registry().orElseThrow()).isSameAs(registry());
    }

    @Test
    void createModel_new_isStoredAndAudited() {
        Audited<RegisteredModel> created = registry().createModel("wine", "cultivars", change("alice", T0 + 1));

        RegisteredModel m = created.value();
        assertThat(m).isEqualTo(new RegisteredModel("wine", "cultivars", Map.of(), "alice", at(T0 + 1), at(T0 + 1), 0));
        assertThat(registry().findModel("wine")).contains(m);
        assertThat(created.audit()).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.MODEL_CREATED);
            assertThat(e.modelName()).isEqualTo("wine");
            assertThat(e.user()).isEqualTo("alice");
            assertThat(e.at()).isEqualTo(at(T0 + 1));
            assertThat(e.version()).isNull();
            assertThat(e.sequence()).isEqualTo(1);
        });
        assertThat(trail()).isEqualTo(created.audit());
    }

    @Test
    void createModel_existingName_throwsConflictAndWritesNothing() {
        registry().createModel("wine", "", change("alice", T0));

        assertNothingChanged(() -> registry().createModel("wine", "again", change("bob", T0 + 1)),
                ConflictException.class);
    }

    @Test
    void listModels_severalModels_orderedByNameWithBinaryCollation() {
        for (String name : List.of("b", "a", "B", "a-2", "A_1")) {
            registry().createModel(name, "", change("u", T0));
        }

        assertThat(registry().listModels()).extracting(RegisteredModel::name)
                .containsExactly("A_1", "B", "a", "a-2", "b");
        assertThat(registry().findModel("c")).isEmpty();
    }

    @Test
    void updateModel_descriptionAndTags_mergedAndAuditedWithTheGivenAction() {
        registry().createModel("wine", "old", change("alice", T0));
        registry().updateModel("wine", null, Map.of("team", "quality", "k", "1"), AuditAction.MODEL_UPDATED,
                change("bob", T0 + 1));

        Audited<RegisteredModel> updated = registry().updateModel("wine", "new", Map.of("k", "2"),
                AuditAction.POLICY_CHANGED, change("carol", T0 + 2, "release", Map.of("protected_aliases", "prod")));

        assertThat(updated.value()).isEqualTo(new RegisteredModel("wine", "new", Map.of("team", "quality", "k", "2"),
                "alice", at(T0), at(T0 + 2), 0));
        assertThat(registry().findModel("wine")).contains(updated.value());
        assertThat(updated.audit()).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.POLICY_CHANGED);
            assertThat(e.user()).isEqualTo("carol");
            assertThat(e.reason()).isEqualTo("release");
            assertThat(e.details()).containsEntry("protected_aliases", "prod");
        });
        assertThat(trail()).extracting(AuditEntry::action).containsExactly(AuditAction.MODEL_CREATED,
                AuditAction.MODEL_UPDATED, AuditAction.POLICY_CHANGED);
    }

    @Test
    void updateModel_unknownModel_throwsNotFound() {
        assertNothingChanged(() -> registry().updateModel("nope", "d", Map.of(), AuditAction.MODEL_UPDATED,
                change("u", T0)), NotFoundException.class);
    }

    // ---------------------------------------------------------------- versions

    @Test
    void createVersion_firstOfAModel_createsTheModelAndAuditsBoth() {
        String runId = aRunId();
        NewModelVersion v = new NewModelVersion("wine", runId, "models/lr", "tribuo",
                "org.tribuo.classification.sgd.linear.LinearSGDModel", "ab12", "runs:/" + runId + "/schema.json",
                "logistic", Map.of("gate.release.status", "PASSED", "team", "q"));

        Audited<ModelVersion> created = registry().createVersion(v, change("alice", T0 + 5, "",
                Map.of("run", runId)));

        ModelVersion expected = new ModelVersion("wine", 1, runId, "models/lr", "tribuo",
                "org.tribuo.classification.sgd.linear.LinearSGDModel", "ab12", "runs:/" + runId + "/schema.json",
                VersionStatus.ACTIVE, "logistic", Map.of("gate.release.status", "PASSED", "team", "q"), "alice",
                at(T0 + 5), at(T0 + 5));
        assertThat(created.value()).isEqualTo(expected);
        assertThat(registry().findVersion("wine", 1)).contains(expected);
        assertThat(registry().findModel("wine")).hasValueSatisfying(m -> {
            assertThat(m.latestVersion()).isEqualTo(1);
            assertThat(m.createdBy()).isEqualTo("alice");
        });
        assertThat(created.audit()).extracting(AuditEntry::action)
                .containsExactly(AuditAction.MODEL_CREATED, AuditAction.VERSION_REGISTERED);
        assertThat(created.audit().get(1).version()).isEqualTo(1);
        assertThat(created.audit().get(1).details()).containsEntry("run", runId);
        assertThat(trail()).isEqualTo(created.audit());
    }

    @Test
    void createVersion_nullableFields_roundTripAsNull() {
        ModelVersion v = register("wine", aRunId(), "alice", T0);

        assertThat(v.dataFingerprint()).isNull();
        assertThat(v.schemaRef()).isNull();
        assertThat(registry().findVersion("wine", 1).orElseThrow().dataFingerprint()).isNull();
        assertThat(registry().findVersion("wine", 1).orElseThrow().schemaRef()).isNull();
    }

    @Test
    void createVersion_repeatedly_numbersDensePerModel() {
        String runId = aRunId();
        registry().createModel("other", "", change("u", T0));
        for (int i = 1; i <= 3; i++) {
            assertThat(register("wine", runId, "u", T0 + i).version()).isEqualTo(i);
        }
        assertThat(register("other", runId, "u", T0 + 9).version()).isEqualTo(1);

        assertThat(registry().listVersions("wine")).extracting(ModelVersion::version).containsExactly(1, 2, 3);
        assertThat(registry().findVersion("wine", 4)).isEmpty();
        assertThat(registry().findVersion("wine", 0)).isEmpty();
        assertThat(registry().listVersions("nope")).isEmpty();
        assertThat(registry().findModel("wine").orElseThrow().latestVersion()).isEqualTo(3);
    }

    @Test
    void createVersion_unknownRun_throwsNotFoundAndCreatesNoModel() {
        assertNothingChanged(() -> registry().createVersion(newVersion("wine", newRunId()), change("u", T0)),
                NotFoundException.class);
        assertThat(registry().findModel("wine")).isEmpty();
    }

    @Test
    void createVersion_concurrentRegistrations_getDenseUniqueNumbers() {
        String runId = aRunId();
        int perThread = 10;
        List<List<Integer>> numbers = Concurrently.values(Concurrently.run(THREADS, i -> () -> {
            List<Integer> mine = new ArrayList<>();
            for (int n = 0; n < perThread; n++) {
                // Two models at once: numbering is per model, and a new model is created exactly once.
                String model = n % 2 == 0 ? "wine" : "iris";
                mine.add(register(model, runId, "thread-" + i, T0 + n).version() * (n % 2 == 0 ? 1 : -1));
            }
            return mine;
        }));

        List<Integer> all = numbers.stream().flatMap(List::stream).toList();
        int perModel = THREADS * perThread / 2;
        assertThat(all.stream().filter(n -> n > 0).sorted().toList())
                .isEqualTo(IntStream.rangeClosed(1, perModel).boxed().toList());
        assertThat(all.stream().filter(n -> n < 0).map(n -> -n).sorted().toList())
                .isEqualTo(IntStream.rangeClosed(1, perModel).boxed().toList());
        assertThat(registry().listVersions("wine")).extracting(ModelVersion::version)
                .isEqualTo(IntStream.rangeClosed(1, perModel).boxed().toList());
        List<AuditEntry> trail = trail();
        assertThat(trail).filteredOn(e -> e.action() == AuditAction.MODEL_CREATED).hasSize(2);
        assertThat(trail).filteredOn(e -> e.action() == AuditAction.VERSION_REGISTERED && e.modelName().equals("wine"))
                .extracting(AuditEntry::version).containsExactlyInAnyOrderElementsOf(
                        IntStream.rangeClosed(1, perModel).boxed().toList());
        assertThat(trail).extracting(AuditEntry::sequence)
                .isEqualTo(IntStream.rangeClosed(1, trail.size()).mapToObj(i -> (long) i).toList());
    }

    @Test
    void setVersionStatus_transitions_auditedWithTheFormerStatus() {
        register("wine", aRunId(), "alice", T0);

        Audited<ModelVersion> archived = registry().setVersionStatus("wine", 1, VersionStatus.ARCHIVED,
                change("bob", T0 + 1, "retired", Map.of()));
        Audited<ModelVersion> deleted = registry().setVersionStatus("wine", 1, VersionStatus.DELETED,
                change("bob", T0 + 2, "mistake", Map.of()));
        Audited<ModelVersion> restored = registry().setVersionStatus("wine", 1, VersionStatus.ACTIVE,
                change("carol", T0 + 3, "needed", Map.of()));

        assertThat(archived.value().status()).isEqualTo(VersionStatus.ARCHIVED);
        assertThat(archived.value().updatedAt()).isEqualTo(at(T0 + 1));
        assertThat(deleted.value().status()).isEqualTo(VersionStatus.DELETED);
        assertThat(restored.value().status()).isEqualTo(VersionStatus.ACTIVE);
        assertThat(registry().findVersion("wine", 1)).contains(restored.value());
        assertThat(List.of(archived, deleted, restored)).flatExtracting(Audited::audit).satisfiesExactly(
                e -> assertThat(e).extracting(AuditEntry::action, AuditEntry::reason, x -> x.details().get("from"))
                        .containsExactly(AuditAction.ARCHIVED, "retired", "ACTIVE"),
                e -> assertThat(e).extracting(AuditEntry::action, AuditEntry::reason, x -> x.details().get("from"))
                        .containsExactly(AuditAction.DELETED, "mistake", "ARCHIVED"),
                e -> assertThat(e).extracting(AuditEntry::action, AuditEntry::user, x -> x.details().get("from"))
                        .containsExactly(AuditAction.RESTORED, "carol", "DELETED"));
    }

    @Test
    void setVersionStatus_sameStatus_changesAndAuditsNothing() {
        ModelVersion v = register("wine", aRunId(), "alice", T0);
        int before = trail().size();

        Audited<ModelVersion> same = registry().setVersionStatus("wine", 1, VersionStatus.ACTIVE, change("bob", T0 + 1));

        assertThat(same.value()).isEqualTo(v);
        assertThat(same.audit()).isEmpty();
        assertThat(trail()).hasSize(before);
    }

    @Test
    void setVersionStatus_versionHoldingAnAlias_cannotLeaveActive() {
        register("wine", aRunId(), "alice", T0);
        registry().moveAlias("wine", "production", RegistryStore.NO_VERSION, 1, Map.of(), change("alice", T0 + 1));

        assertNothingChanged(() -> registry().setVersionStatus("wine", 1, VersionStatus.ARCHIVED,
                change("bob", T0 + 2)), ConflictException.class);
        assertNothingChanged(() -> registry().setVersionStatus("wine", 1, VersionStatus.DELETED,
                change("bob", T0 + 2)), ConflictException.class);
    }

    @Test
    void setVersionStatus_unknownVersion_throwsNotFound() {
        register("wine", aRunId(), "alice", T0);

        assertNothingChanged(() -> registry().setVersionStatus("wine", 2, VersionStatus.ARCHIVED, change("u", T0)),
                NotFoundException.class);
        assertNothingChanged(() -> registry().setVersionStatus("nope", 1, VersionStatus.ARCHIVED, change("u", T0)),
                NotFoundException.class);
    }

    @Test
    void setVersionTags_merged_andAudited() {
        register("wine", aRunId(), "alice", T0);
        registry().setVersionTags("wine", 1, Map.of("a", "1", "b", "1"), change("bob", T0 + 1));

        Audited<ModelVersion> updated = registry().setVersionTags("wine", 1, Map.of("b", "2"), change("bob", T0 + 2));

        assertThat(updated.value().tags()).isEqualTo(Map.of("a", "1", "b", "2"));
        assertThat(updated.value().updatedAt()).isEqualTo(at(T0 + 2));
        assertThat(registry().findVersion("wine", 1)).contains(updated.value());
        assertThat(updated.audit()).singleElement().extracting(AuditEntry::action, AuditEntry::version)
                .containsExactly(AuditAction.VERSION_UPDATED, 1);
    }

    // ---------------------------------------------------------------- aliases

    @Test
    void moveAlias_assignThenMove_holderAndAuditFollow() {
        String runId = aRunId();
        register("wine", runId, "alice", T0);
        register("wine", runId, "alice", T0 + 1);

        Audited<AliasAssignment> first = registry().moveAlias("wine", "production", RegistryStore.NO_VERSION, 1,
                Map.of(), change("alice", T0 + 2, "first", Map.of()));
        Audited<AliasAssignment> second = registry().moveAlias("wine", "production", 1, 2,
                Map.of("gate.release.status", "PASSED"), change("bob", T0 + 3, "better", Map.of("gate", "release")));
        registry().moveAlias("wine", "champion", RegistryStore.NO_VERSION, 1, Map.of(), change("bob", T0 + 4));

        assertThat(first.value()).isEqualTo(new AliasAssignment("wine", "production", 1, "alice", at(T0 + 2)));
        assertThat(second.value()).isEqualTo(new AliasAssignment("wine", "production", 2, "bob", at(T0 + 3)));
        assertThat(registry().findAlias("wine", "production")).contains(second.value());
        assertThat(registry().listAliases("wine")).extracting(AliasAssignment::alias, AliasAssignment::version)
                .containsExactly(Tuple.tuple("champion", 1),
                        Tuple.tuple("production", 2));
        assertThat(registry().findVersion("wine", 2).orElseThrow().tags())
                .containsEntry("gate.release.status", "PASSED");
        assertThat(first.audit()).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.ALIAS_MOVED);
            assertThat(e.version()).isEqualTo(1);
            assertThat(e.alias()).isEqualTo("production");
            assertThat(e.previousVersion()).isNull();
            assertThat(e.reason()).isEqualTo("first");
        });
        assertThat(second.audit()).singleElement().satisfies(e -> {
            assertThat(e.version()).isEqualTo(2);
            assertThat(e.previousVersion()).isEqualTo(1);
            assertThat(e.user()).isEqualTo("bob");
            assertThat(e.details()).containsEntry("gate", "release");
        });
        assertThat(registry().findAlias("wine", "staging")).isEmpty();
        assertThat(registry().findAlias("nope", "production")).isEmpty();
        assertThat(registry().listAliases("nope")).isEmpty();
    }

    @Test
    void moveAlias_wrongExpectedHolder_throwsConflictAndChangesNothing() {
        String runId = aRunId();
        for (int i = 0; i < 3; i++) {
            register("wine", runId, "alice", T0 + i);
        }
        registry().moveAlias("wine", "production", RegistryStore.NO_VERSION, 1, Map.of(), change("alice", T0));

        assertNothingChanged(() -> registry().moveAlias("wine", "production", 2, 3, Map.of("x", "y"),
                change("bob", T0 + 1)), ConflictException.class);
        assertNothingChanged(() -> registry().moveAlias("wine", "production", RegistryStore.NO_VERSION, 3, Map.of(),
                change("bob", T0 + 1)), ConflictException.class);
        assertNothingChanged(() -> registry().moveAlias("wine", "staging", 1, 3, Map.of(), change("bob", T0 + 1)),
                ConflictException.class);
        assertThat(registry().findVersion("wine", 3).orElseThrow().tags()).doesNotContainKey("x");
    }

    @Test
    void moveAlias_toAVersionThatIsNotActive_throwsConflict() {
        String runId = aRunId();
        register("wine", runId, "alice", T0);
        register("wine", runId, "alice", T0);
        registry().setVersionStatus("wine", 2, VersionStatus.ARCHIVED, change("alice", T0 + 1));

        assertNothingChanged(() -> registry().moveAlias("wine", "production", RegistryStore.NO_VERSION, 2, Map.of(),
                change("bob", T0 + 2)), ConflictException.class);
    }

    @Test
    void moveAlias_unknownVersionOrModel_throwsNotFound() {
        register("wine", aRunId(), "alice", T0);

        assertNothingChanged(() -> registry().moveAlias("wine", "production", RegistryStore.NO_VERSION, 5, Map.of(),
                change("bob", T0)), NotFoundException.class);
        assertNothingChanged(() -> registry().moveAlias("nope", "production", RegistryStore.NO_VERSION, 1, Map.of(),
                change("bob", T0)), NotFoundException.class);
    }

    @Test
    void moveAlias_expectedEqualsNewHolder_isRejectedAsInvalid() {
        register("wine", aRunId(), "alice", T0);
        registry().moveAlias("wine", "production", RegistryStore.NO_VERSION, 1, Map.of(), change("alice", T0));

        assertNothingChanged(() -> registry().moveAlias("wine", "production", 1, 1, Map.of(), change("bob", T0)),
                InvalidInputException.class);
    }

    @Test
    void moveAlias_concurrentFirstAssignments_exactlyOneWins() {
        String runId = aRunId();
        for (int i = 0; i < THREADS; i++) {
            register("wine", runId, "alice", T0);
        }

        List<Outcome<AliasAssignment>> outcomes = Concurrently.run(THREADS, i -> () -> registry().moveAlias("wine",
                "production", RegistryStore.NO_VERSION, i + 1, Map.of(), change("thread-" + i, T0 + 1)).value());

        List<AliasAssignment> winners = outcomes.stream().filter(Outcome::succeeded).map(Outcome::value).toList();
        assertThat(winners).hasSize(1);
        assertThat(outcomes).filteredOn(o -> !o.succeeded())
                .allSatisfy(o -> assertThat(o.failure()).isInstanceOf(ConflictException.class));
        assertThat(registry().findAlias("wine", "production")).contains(winners.get(0));
        assertThat(trail()).filteredOn(e -> e.action() == AuditAction.ALIAS_MOVED).singleElement()
                .extracting(AuditEntry::version, AuditEntry::user)
                .containsExactly(winners.get(0).version(), winners.get(0).assignedBy());
    }

    @Test
    void moveAlias_concurrentPromotionLoops_serialiseIntoOneConsistentChain() {
        String runId = aRunId();
        for (int i = 0; i < 2 * THREADS; i++) {
            register("wine", runId, "alice", T0);
        }
        int movesPerThread = 15;

        // Thread i promotes its versions 2i+1 and 2i+2 in turn, deciding against the holder it read, as the engine
        // does; a failed compare-and-set means someone else moved the alias in between, so it reads again.
        List<Integer> conflicts = Concurrently.values(Concurrently.run(THREADS, i -> () -> {
            int lost = 0;
            int done = 0;
            while (done < movesPerThread) {
                int holder = registry().findAlias("wine", "production").map(AliasAssignment::version)
                        .orElse(RegistryStore.NO_VERSION);
                int target = holder == 2 * i + 1 ? 2 * i + 2 : 2 * i + 1;
                try {
                    registry().moveAlias("wine", "production", holder, target, Map.of(), change("thread-" + i, T0));
                    done++;
                } catch (ConflictException e) {
                    lost++;
                }
            }
            return lost;
        }));

        List<AuditEntry> moves = trail().stream().filter(e -> e.action() == AuditAction.ALIAS_MOVED).toList();
        assertThat(moves).hasSize(THREADS * movesPerThread);
        // Serialised: every move replaced exactly the holder the move before it installed.
        Integer holder = null;
        for (AuditEntry move : moves) {
            assertThat(move.previousVersion()).as("previous holder of move #%s", move.sequence()).isEqualTo(holder);
            holder = move.version();
        }
        assertThat(registry().findAlias("wine", "production").orElseThrow().version()).isEqualTo(holder);
        assertThat(conflicts).hasSize(THREADS);
    }

    @Test
    void removeAlias_expectedHolder_removesAndAudits() {
        register("wine", aRunId(), "alice", T0);
        registry().moveAlias("wine", "production", RegistryStore.NO_VERSION, 1, Map.of(), change("alice", T0));

        AuditEntry removed = registry().removeAlias("wine", "production", 1, change("bob", T0 + 1, "rollback", Map.of()));

        assertThat(registry().findAlias("wine", "production")).isEmpty();
        assertThat(removed.action()).isEqualTo(AuditAction.ALIAS_REMOVED);
        assertThat(removed.alias()).isEqualTo("production");
        assertThat(removed.previousVersion()).isEqualTo(1);
        assertThat(removed.version()).isNull();
        assertThat(removed.reason()).isEqualTo("rollback");
        assertThat(trail()).last().isEqualTo(removed);
    }

    @Test
    void removeAlias_otherHolderOrNone_throwsConflict() {
        String runId = aRunId();
        register("wine", runId, "alice", T0);
        register("wine", runId, "alice", T0);
        registry().moveAlias("wine", "production", RegistryStore.NO_VERSION, 1, Map.of(), change("alice", T0));

        assertNothingChanged(() -> registry().removeAlias("wine", "production", 2, change("bob", T0)),
                ConflictException.class);
        assertNothingChanged(() -> registry().removeAlias("wine", "staging", 1, change("bob", T0)),
                ConflictException.class);
    }

    // ---------------------------------------------------------------- approvals

    @Test
    void addApproval_recordedListedAndAudited() {
        String runId = aRunId();
        register("wine", runId, "alice", T0);
        register("wine", runId, "alice", T0);

        Audited<Approval> approval = registry().addApproval("wine", 2, "production",
                change("bob", T0 + 1, "reviewed", Map.of()));
        registry().addApproval("wine", 2, "production", change("carol", T0 + 2, "also", Map.of()));
        registry().addApproval("wine", 2, "staging", change("bob", T0 + 3, "fine", Map.of()));

        assertThat(approval.value()).isEqualTo(new Approval("wine", 2, "production", "bob", at(T0 + 1), "reviewed"));
        assertThat(registry().listApprovals("wine", 2)).extracting(Approval::approver, Approval::alias)
                .containsExactly(Tuple.tuple("bob", "production"),
                        Tuple.tuple("carol", "production"),
                        Tuple.tuple("bob", "staging"));
        assertThat(registry().listApprovals("wine", 1)).isEmpty();
        assertThat(approval.audit()).singleElement().extracting(AuditEntry::action, AuditEntry::version,
                AuditEntry::alias, AuditEntry::user).containsExactly(AuditAction.APPROVED, 2, "production", "bob");
    }

    @Test
    void addApproval_duplicateOrUnknownVersion_failsAndWritesNothing() {
        register("wine", aRunId(), "alice", T0);
        registry().addApproval("wine", 1, "production", change("bob", T0));

        assertNothingChanged(() -> registry().addApproval("wine", 1, "production", change("bob", T0 + 1)),
                ConflictException.class);
        assertNothingChanged(() -> registry().addApproval("wine", 2, "production", change("bob", T0 + 1)),
                NotFoundException.class);
    }

    // ---------------------------------------------------------------- audit

    @Test
    void appendAudit_decisionWithoutChange_isAppended() {
        register("wine", aRunId(), "alice", T0);

        AuditEntry entry = registry().appendAudit("wine", 1, "production", AuditAction.PROMOTION_REJECTED,
                change("bob", T0 + 1, "nightly", Map.of("gate.status", "FAILED")));

        assertThat(entry.action()).isEqualTo(AuditAction.PROMOTION_REJECTED);
        assertThat(entry.details()).containsEntry("gate.status", "FAILED");
        assertThat(trail()).last().isEqualTo(entry);
        assertNothingChanged(() -> registry().appendAudit("nope", null, null, AuditAction.PROMOTION_REJECTED,
                change("bob", T0)), NotFoundException.class);
    }

    @Test
    void audit_filters_selectByModelVersionActionUserTimeAndPage() {
        String runId = aRunId();
        register("wine", runId, "alice", T0 + 10);                   // #1 MODEL_CREATED, #2 VERSION_REGISTERED v1
        register("wine", runId, "bob", T0 + 20);                     // #3 VERSION_REGISTERED v2
        register("iris", runId, "bob", T0 + 30);                     // #4, #5
        registry().moveAlias("wine", "production", RegistryStore.NO_VERSION, 2, Map.of(), change("carol", T0 + 40));
        registry().setVersionStatus("wine", 1, VersionStatus.ARCHIVED, change("bob", T0 + 50));   // #7

        assertThat(seq(AuditFilter.builder().model("wine").build())).containsExactly(1L, 2L, 3L, 6L, 7L);
        assertThat(seq(AuditFilter.builder().version("wine", 1).build())).containsExactly(2L, 7L);
        assertThat(seq(AuditFilter.builder().action(AuditAction.VERSION_REGISTERED).build())).containsExactly(2L, 3L, 5L);
        assertThat(seq(AuditFilter.builder().action(AuditAction.ALIAS_MOVED, AuditAction.ARCHIVED).build()))
                .containsExactly(6L, 7L);
        assertThat(seq(AuditFilter.builder().user("bob").build())).containsExactly(3L, 4L, 5L, 7L);
        assertThat(seq(AuditFilter.builder().since(at(T0 + 20)).until(at(T0 + 40)).build()))
                .containsExactly(3L, 4L, 5L);
        assertThat(seq(AuditFilter.builder().afterSequence(3).limit(2).build())).containsExactly(4L, 5L);
        assertThat(seq(AuditFilter.builder().model("wine").user("bob").action(AuditAction.ARCHIVED).build()))
                .containsExactly(7L);
        assertThat(seq(AuditFilter.builder().model("nope").build())).isEmpty();
    }

    private List<Long> seq(AuditFilter filter) {
        return registry().audit(filter).stream().map(AuditEntry::sequence).toList();
    }

    @Test
    void audit_pagingThroughTheWholeTrail_yieldsEveryEntryOnceInOrder() {
        String runId = aRunId();
        for (int i = 0; i < 25; i++) {
            register("m" + (i % 3), runId, "u", T0 + i);
        }
        List<AuditEntry> all = trail();
        List<AuditEntry> paged = new ArrayList<>();
        AuditFilter filter = AuditFilter.builder().limit(4).build();
        while (true) {
            List<AuditEntry> page = registry().audit(filter);
            paged.addAll(page);
            if (page.size() < 4) {
                break;
            }
            filter = filter.after(page.get(page.size() - 1));
        }

        assertThat(all).hasSize(28);
        assertThat(paged).isEqualTo(all);
        Set<Long> distinct = new HashSet<>(all.stream().map(AuditEntry::sequence).toList());
        assertThat(distinct).hasSize(all.size());
    }

    @Test
    void audit_detailsAndReasons_roundTripExactly() {
        String text = "line 1\nline 2\t'quoted' \"double\" % _ \\ ünïcödé 🚀";
        registry().createModel("wine", text, change("alice", T0, text, Map.of("k1", text, "empty", "", "k.2", "v"))
        );

        AuditEntry e = trail().get(0);
        assertThat(e.reason()).isEqualTo(text);
        assertThat(e.details()).isEqualTo(Map.of("k1", text, "empty", "", "k.2", "v"));
        assertThat(registry().findModel("wine").orElseThrow().description()).isEqualTo(text);
    }

    // ---------------------------------------------------------------- nulls and durability

    @Test
    void everyRegistryMethod_nullArgument_failsLoudlyAndWritesNothing() {
        String runId = aRunId();
        register("wine", runId, "alice", T0);
        RegistryStore r = registry();
        RegistryChange c = change("u", T0);
        List<ThrowingCallable> calls = List.of(
                () -> r.createModel(null, "", c), () -> r.createModel("m", null, c), () -> r.createModel("m", "", null),
                () -> r.findModel(null), () -> r.updateModel(null, "", Map.of(), AuditAction.MODEL_UPDATED, c),
                () -> r.updateModel("wine", "", null, AuditAction.MODEL_UPDATED, c),
                () -> r.updateModel("wine", "", Map.of(), null, c),
                () -> r.updateModel("wine", "", Map.of(), AuditAction.MODEL_UPDATED, null),
                () -> r.createVersion(null, c), () -> r.createVersion(newVersion("wine", runId), null),
                () -> r.findVersion(null, 1), () -> r.listVersions(null),
                () -> r.setVersionStatus(null, 1, VersionStatus.ARCHIVED, c),
                () -> r.setVersionStatus("wine", 1, null, c), () -> r.setVersionStatus("wine", 1, VersionStatus.ARCHIVED, null),
                () -> r.setVersionTags("wine", 1, null, c), () -> r.setVersionTags("wine", 1, Map.of("a", "b"), null),
                () -> r.findAlias(null, "p"), () -> r.findAlias("wine", null), () -> r.listAliases(null),
                () -> r.moveAlias(null, "p", 0, 1, Map.of(), c), () -> r.moveAlias("wine", null, 0, 1, Map.of(), c),
                () -> r.moveAlias("wine", "p", 0, 1, null, c), () -> r.moveAlias("wine", "p", 0, 1, Map.of(), null),
                () -> r.removeAlias("wine", null, 1, c), () -> r.removeAlias("wine", "p", 1, null),
                () -> r.addApproval("wine", 1, null, c), () -> r.addApproval("wine", 1, "p", null),
                () -> r.listApprovals(null, 1), () -> r.appendAudit(null, 1, "p", AuditAction.PROMOTION_REJECTED, c),
                () -> r.appendAudit("wine", 1, "p", null, c),
                () -> r.appendAudit("wine", 1, "p", AuditAction.PROMOTION_REJECTED, null), () -> r.audit(null));
        for (ThrowingCallable call : calls) {
            assertNothingChanged(call, NullPointerException.class, InvalidInputException.class);
        }
        assertThat(registry().findAlias("wine", "p")).isEmpty();
    }

    @Test
    void registry_written_isThereAfterReopenAndNumberingContinues() {
        requireFeature(StoreFeature.DURABLE);
        RunInfo run = startRun(experiment("durable").id(), "run");
        registry().createModel("wine", "desc", change("alice", T0));
        registry().updateModel("wine", null, Map.of("t", "v"), AuditAction.MODEL_UPDATED, change("alice", T0 + 1));
        register("wine", run.runId(), "alice", T0 + 2);
        register("wine", run.runId(), "alice", T0 + 3);
        registry().setVersionTags("wine", 2, Map.of("k", "v"), change("bob", T0 + 4));
        registry().moveAlias("wine", "production", RegistryStore.NO_VERSION, 2, Map.of("g", "PASSED"),
                change("bob", T0 + 5, "go", Map.of("d", "x")));
        registry().addApproval("wine", 2, "production", change("carol", T0 + 6, "ok", Map.of()));
        registry().setVersionStatus("wine", 1, VersionStatus.ARCHIVED, change("bob", T0 + 7));
        List<RegisteredModel> models = registry().listModels();
        List<ModelVersion> versions = registry().listVersions("wine");
        List<AliasAssignment> aliases = registry().listAliases("wine");
        List<Approval> approvals = registry().listApprovals("wine", 2);
        List<AuditEntry> trail = trail();

        reopenStore();

        assertThat(registry().listModels()).isEqualTo(models);
        assertThat(registry().listVersions("wine")).isEqualTo(versions);
        assertThat(registry().listAliases("wine")).isEqualTo(aliases);
        assertThat(registry().listApprovals("wine", 2)).isEqualTo(approvals);
        assertThat(trail()).isEqualTo(trail);
        assertThat(register("wine", run.runId(), "alice", T0 + 8).version()).isEqualTo(3);
        assertThat(trail().get(trail().size() - 1).sequence()).isGreaterThan(trail.get(trail.size() - 1).sequence());
        assertThat(trail().stream().map(AuditEntry::sequence).collect(Collectors.toSet())).hasSize(trail.size() + 1);
    }
}
