package dev.mlops4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops4j.ConflictException;
import dev.mlops4j.InvalidInputException;
import dev.mlops4j.NotFoundException;
import dev.mlops4j.lineage.Artifact;
import dev.mlops4j.lineage.ArtifactQuery;
import dev.mlops4j.lineage.ArtifactState;
import dev.mlops4j.lineage.Context;
import dev.mlops4j.lineage.Event;
import dev.mlops4j.lineage.EventType;
import dev.mlops4j.lineage.Execution;
import dev.mlops4j.lineage.ExecutionOutputs;
import dev.mlops4j.lineage.ExecutionQuery;
import dev.mlops4j.lineage.ExecutionRecord;
import dev.mlops4j.lineage.ExecutionState;
import dev.mlops4j.spi.FinishedRun;
import dev.mlops4j.spi.LineageStore;
import dev.mlops4j.spi.StoreFeature;
import dev.mlops4j.tracking.Metric;
import dev.mlops4j.tracking.RunInfo;
import dev.mlops4j.tracking.RunRecord;
import dev.mlops4j.tracking.RunStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Lineage storage ({@link LineageStore}): contexts unique by type and name under concurrency, one atomic write per
 * execution with its artifacts, events and contexts (and nothing when it throws), the query orders, and retention's
 * state change. Skipped for stores whose {@code lineage()} is empty.
 */
abstract class LineageContract extends ContractBase {
    private static final int THREADS = 8;

    LineageContract(MetadataStoreTck tck) {
        super(tck);
    }

    @BeforeEach
    void onlyForStoresWithLineage() {
        Assumptions.assumeTrue(store().lineage().isPresent(), () -> "skipped: " + store().description()
                + " keeps no lineage (MetadataStore.lineage() is empty), so the lineage contract does not apply");
    }

    private LineageStore lineage() {
        return store().lineage().orElseThrow();
    }

    static String sha(String content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Artifact artifact(String type, String uri, String content, long millis) {
        return new Artifact(Artifact.newId(), type, uri, sha(content), content.length(), ArtifactState.LIVE, at(millis),
                Map.of("slot", type.toLowerCase()));
    }

    private static Execution execution(String type, ExecutionState state, String cacheKey, long startMillis) {
        return new Execution(Execution.newId(), type, state, cacheKey, "run-" + type, at(startMillis),
                state.isTerminal() ? at(startMillis + 10) : null, Map.of("codeVersion", "declared:1"));
    }

    private Context context(String type, String name) {
        return lineage().putContext(Context.create(type, name, at(T0)));
    }

    private static Event event(Execution e, Artifact a, EventType type, String name) {
        return new Event(e.id(), a.id(), type, name, e.startedAt());
    }

    @Test
    void putContext_sameTypeAndName_returnsTheFirst() {
        Context first = context(Context.PIPELINE, "wine");
        Context again = lineage().putContext(Context.create(Context.PIPELINE, "wine", at(T0 + 5)));
        Context other = context(Context.EXPERIMENT, "wine");
        assertThat(again).isEqualTo(first);
        assertThat(other.id()).isNotEqualTo(first.id());
        assertThat(lineage().findContext(Context.PIPELINE, "wine")).contains(first);
        assertThat(lineage().findContext(Context.PIPELINE, "beer")).isEmpty();
    }

    @Test
    void putContext_concurrently_createsOne() {
        List<Context> made = Concurrently.values(Concurrently.run(THREADS, i -> () ->
                lineage().putContext(Context.create(Context.PIPELINE_RUN, "race", at(T0 + i)))));
        assertThat(made.stream().map(Context::id).distinct()).hasSize(1);
    }

    @Test
    void recordExecution_roundTripsEverything() {
        Context run = context(Context.PIPELINE_RUN, "r1");
        Context pipeline = context(Context.PIPELINE, "wine");
        Artifact csv = artifact("Dataset", "file:/data/wine.csv", "csv", T0);
        Execution importer = execution("pipeline-inputs", ExecutionState.COMPLETE, "", T0);
        lineage().recordExecution(new ExecutionRecord(importer, List.of(csv),
                List.of(event(importer, csv, EventType.OUTPUT, "csv")), List.of(run.id())));

        Artifact model = artifact("Model", "runs:/abc/outputs/model", "model", T0 + 100);
        Artifact metrics = artifact("Metrics", "runs:/abc/outputs/metrics", "metrics", T0 + 100);
        Execution train = execution("train", ExecutionState.COMPLETE, sha("key"), T0 + 50);
        lineage().recordExecution(new ExecutionRecord(train, List.of(model, metrics), List.of(
                event(train, model, EventType.OUTPUT, "model"), event(train, csv, EventType.INPUT, "csv"),
                event(train, metrics, EventType.OUTPUT, "metrics")), List.of(run.id(), pipeline.id())));

        assertThat(lineage().findExecution(train.id())).contains(train);
        assertThat(lineage().findArtifact(model.id())).contains(model);
        assertThat(lineage().findArtifact(model.id()).orElseThrow().properties()).containsEntry("slot", "model");
        assertThat(lineage().eventsOfExecution(train.id())).extracting(e -> e.type() + ":" + e.name())
                .containsExactly("INPUT:csv", "OUTPUT:metrics", "OUTPUT:model");
        assertThat(lineage().eventsOfArtifact(csv.id())).extracting(Event::executionId)
                .containsExactly(importer.id(), train.id());
        assertThat(lineage().contextsOfExecution(train.id())).containsExactly(pipeline, run);
        assertThat(lineage().findExecutions(ExecutionQuery.all().inContext(run.id()))).extracting(Execution::id)
                .containsExactly(train.id(), importer.id());
        assertThat(lineage().findExecutions(ExecutionQuery.all().inContext(pipeline.id()))).containsExactly(train);
        assertThat(lineage().findExecutions(ExecutionQuery.all().withCacheKey(sha("key")).withType("train")))
                .containsExactly(train);
        assertThat(lineage().findExecutions(ExecutionQuery.all().withCacheKey(sha("other")))).isEmpty();
    }

    @Test
    void findExecutionsWithOutputs_returnsEachExecutionsOutputArtifactsByName() {
        Artifact csv = recordedInput();
        Artifact model = artifact("Model", "runs:/abc/outputs/model", "model", T0 + 100);
        Artifact metrics = artifact("Metrics", "runs:/abc/outputs/metrics", "metrics", T0 + 100);
        Execution train = execution("train", ExecutionState.COMPLETE, sha("key"), T0 + 50);
        lineage().recordExecution(new ExecutionRecord(train, List.of(model, metrics), List.of(
                event(train, model, EventType.OUTPUT, "model"), event(train, csv, EventType.INPUT, "csv"),
                event(train, metrics, EventType.OUTPUT, "metrics")), List.of()));
        Execution reuse = execution("train", ExecutionState.CACHED, sha("key"), T0 + 60);
        lineage().recordExecution(new ExecutionRecord(reuse, List.of(), List.of(
                event(reuse, model, EventType.OUTPUT, "model")), List.of()));
        lineage().markArtifactsDeleted(List.of(metrics.id()), at(T0 + 200));

        List<ExecutionOutputs> found = lineage().findExecutionsWithOutputs(ExecutionQuery.all().withType("train")
                .withCacheKey(sha("key")));
        assertThat(found).extracting(ExecutionOutputs::execution).containsExactly(reuse, train);
        assertThat(found.get(0).outputs()).containsExactly(Map.entry("model", model));
        assertThat(found.get(1).outputs()).containsOnlyKeys("metrics", "model");
        assertThat(found.get(1).outputs().get("model")).isEqualTo(model);
        assertThat(found.get(1).outputs().get("metrics").state()).isEqualTo(ArtifactState.DELETED);
        assertThat(lineage().findExecutionsWithOutputs(ExecutionQuery.all().withType("train")
                .withStates(ExecutionState.FAILED))).isEmpty();
    }

    @Test
    void recordExecution_unknownArtifact_writesNothing() {
        Artifact fresh = artifact("Model", "runs:/x/model", "m", T0);
        Artifact unknown = artifact("Dataset", "file:/nowhere", "d", T0);
        Execution e = execution("train", ExecutionState.COMPLETE, "", T0);
        assertThatThrownBy(() -> lineage().recordExecution(new ExecutionRecord(e, List.of(fresh), List.of(
                event(e, fresh, EventType.OUTPUT, "model"), event(e, unknown, EventType.INPUT, "data")), List.of())))
                .isInstanceOf(NotFoundException.class).hasMessageContaining(unknown.id());
        assertThat(lineage().findExecution(e.id())).isEmpty();
        assertThat(lineage().findArtifact(fresh.id())).isEmpty();
        assertThat(lineage().eventsOfArtifact(fresh.id())).isEmpty();
    }

    @Test
    void recordExecution_unknownContext_writesNothing() {
        Artifact fresh = artifact("Model", "runs:/x/model", "m", T0);
        Execution e = execution("train", ExecutionState.COMPLETE, "", T0);
        String missing = Context.create("pipeline", "x", at(T0)).id();
        assertThatThrownBy(() -> lineage().recordExecution(new ExecutionRecord(e, List.of(fresh),
                List.of(event(e, fresh, EventType.OUTPUT, "model")), List.of(missing))))
                .isInstanceOf(NotFoundException.class);
        assertThat(lineage().findExecution(e.id())).isEmpty();
        assertThat(lineage().findArtifact(fresh.id())).isEmpty();
    }

    @Test
    void recordExecution_duplicateIds_conflictAndWriteNothing() {
        Artifact a = artifact("Model", "runs:/x/model", "m", T0);
        Execution e = execution("train", ExecutionState.COMPLETE, "", T0);
        lineage().recordExecution(new ExecutionRecord(e, List.of(a), List.of(event(e, a, EventType.OUTPUT, "m")),
                List.of()));
        Artifact b = artifact("Model", "runs:/x/other", "o", T0);
        assertThatThrownBy(() -> lineage().recordExecution(new ExecutionRecord(e, List.of(b), List.of(), List.of())))
                .isInstanceOf(ConflictException.class);
        assertThat(lineage().findArtifact(b.id())).isEmpty();
        Execution e2 = execution("train", ExecutionState.COMPLETE, "", T0);
        assertThatThrownBy(() -> lineage().recordExecution(new ExecutionRecord(e2, List.of(a), List.of(), List.of())))
                .isInstanceOf(ConflictException.class);
        assertThat(lineage().findExecution(e2.id())).isEmpty();
    }

    @Test
    void recordExecution_runningWithoutEndTime_isStored() {
        Execution running = execution("train", ExecutionState.RUNNING, "", T0);
        lineage().recordExecution(new ExecutionRecord(running, List.of(), List.of(), List.of()));
        assertThat(lineage().findExecution(running.id()).orElseThrow().endedAt()).isNull();
    }

    @Test
    void findExecutions_newestFirstFilteredByStateWithLimit() {
        Execution old = execution("s", ExecutionState.COMPLETE, "k", T0);
        Execution failed = execution("s", ExecutionState.FAILED, "k", T0 + 1000);
        Execution cached = execution("s", ExecutionState.CACHED, "k", T0 + 2000);
        Execution otherType = execution("t", ExecutionState.COMPLETE, "k", T0 + 3000);
        for (Execution e : List.of(old, failed, cached, otherType)) {
            lineage().recordExecution(new ExecutionRecord(e, List.of(), List.of(), List.of()));
        }
        assertThat(lineage().findExecutions(ExecutionQuery.all().withType("s"))).containsExactly(cached, failed, old);
        assertThat(lineage().findExecutions(ExecutionQuery.all().withType("s")
                .withStates(ExecutionState.COMPLETE, ExecutionState.CACHED))).containsExactly(cached, old);
        assertThat(lineage().findExecutions(ExecutionQuery.all().withCacheKey("k").withLimit(2)))
                .containsExactly(otherType, cached);
    }

    @Test
    void findArtifacts_filtersAndOrders() {
        Artifact a1 = artifact("Dataset", "file:/a", "same", T0 + 20);
        Artifact a2 = artifact("Dataset", "file:/a", "changed", T0 + 10);
        Artifact m = artifact("Model", "runs:/r/model", "same", T0 + 30);
        Execution e = execution("s", ExecutionState.COMPLETE, "", T0);
        lineage().recordExecution(new ExecutionRecord(e, List.of(a1, a2, m), List.of(), List.of()));

        assertThat(lineage().findArtifacts(ArtifactQuery.all())).containsExactly(a2, a1, m);
        assertThat(lineage().findArtifacts(ArtifactQuery.all().withUri("file:/a"))).containsExactly(a2, a1);
        assertThat(lineage().findArtifacts(ArtifactQuery.all().withFingerprint(sha("same")))).containsExactly(a1, m);
        assertThat(lineage().findArtifacts(ArtifactQuery.all().withType("Model"))).containsExactly(m);
        assertThat(lineage().findArtifacts(ArtifactQuery.all().withCreatedBefore(at(T0 + 30)))).containsExactly(a2, a1);
        assertThat(lineage().findArtifacts(ArtifactQuery.all().withLimit(1))).containsExactly(a2);
    }

    @Test
    void markArtifactsDeleted_changesOnlyLiveOnes() {
        Artifact a = artifact("Dataset", "file:/a", "a", T0);
        Artifact b = artifact("Dataset", "file:/b", "b", T0);
        Execution e = execution("s", ExecutionState.COMPLETE, "", T0);
        lineage().recordExecution(new ExecutionRecord(e, List.of(a, b), List.of(event(e, a, EventType.OUTPUT, "a")),
                List.of()));
        Instant when = at(T0 + 5000);
        assertThat(lineage().markArtifactsDeleted(List.of(a.id(), Artifact.newId()), when)).isEqualTo(1);
        assertThat(lineage().markArtifactsDeleted(List.of(a.id()), when)).isZero();

        Artifact deleted = lineage().findArtifact(a.id()).orElseThrow();
        assertThat(deleted.state()).isEqualTo(ArtifactState.DELETED);
        assertThat(deleted.properties()).containsEntry("deletedAt", when.toString()).containsEntry("slot", "dataset");
        assertThat(lineage().findArtifact(b.id()).orElseThrow().state()).isEqualTo(ArtifactState.LIVE);
        assertThat(lineage().eventsOfArtifact(a.id())).hasSize(1); // lineage stays whole
        assertThat(lineage().findArtifacts(ArtifactQuery.all().withState(ArtifactState.LIVE))).containsExactly(b);
    }

    @Test
    void recordExecution_concurrently_keepsEveryExecution() {
        Context run = context(Context.PIPELINE_RUN, "parallel");
        List<Execution> recorded = Concurrently.values(Concurrently.run(THREADS, i -> () -> {
            Artifact out = artifact("Dataset", "runs:/r/out" + i, "content " + i, T0 + i);
            Execution e = execution("step" + i, ExecutionState.COMPLETE, sha("k" + i), T0 + i);
            lineage().recordExecution(new ExecutionRecord(e, List.of(out),
                    List.of(event(e, out, EventType.OUTPUT, "out")), List.of(run.id())));
            return e;
        }));
        assertThat(lineage().findExecutions(ExecutionQuery.all().inContext(run.id())))
                .containsExactlyInAnyOrderElementsOf(recorded);
        assertThat(lineage().findArtifacts(ArtifactQuery.all())).hasSize(THREADS);
    }

    @Test
    void nullArguments_failLoudly() {
        assertThatThrownBy(() -> lineage().putContext(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> lineage().recordExecution(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> lineage().updateExecution(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> lineage().recordAll(null, List.of(), List.of())).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> lineage().recordAll(List.of(), List.of(), null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> lineage().findArtifact(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> lineage().findExecutions(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> lineage().findExecutionsWithOutputs(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> lineage().eventsOfArtifact(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> lineage().markArtifactsDeleted(List.of(), null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void durable_lineageSurvivesReopen() {
        requireFeature(StoreFeature.DURABLE);
        Context run = context(Context.PIPELINE_RUN, "durable");
        Artifact a = artifact("Model", "runs:/r/model", "m", T0);
        Execution e = execution("train", ExecutionState.COMPLETE, sha("k"), T0);
        lineage().recordExecution(new ExecutionRecord(e, List.of(a), List.of(event(e, a, EventType.OUTPUT, "model")),
                List.of(run.id())));
        reopenStore();
        assertThat(lineage().findExecution(e.id())).contains(e);
        assertThat(lineage().findArtifact(a.id())).contains(a);
        assertThat(lineage().eventsOfExecution(e.id())).hasSize(1);
        assertThat(lineage().contextsOfExecution(e.id())).containsExactly(run);
        assertThat(Set.copyOf(lineage().findExecutions(ExecutionQuery.all().withCacheKey(sha("k"))))).containsExactly(e);
    }

    // ---------------------------------------------------------------- lifecycle: updateExecution

    private static Execution moved(Execution e, ExecutionState state, long endMillis, Map<String, String> props) {
        return new Execution(e.id(), e.type(), state, e.cacheKey(), e.runId(), e.startedAt(),
                state.isTerminal() ? at(endMillis) : null, props);
    }

    private Execution runningWithInput(Context run, Artifact input) {
        Execution running = execution("train", ExecutionState.RUNNING, sha("key"), T0 + 50);
        lineage().recordExecution(new ExecutionRecord(running, List.of(),
                List.of(event(running, input, EventType.INPUT, "csv")), List.of(run.id())));
        return running;
    }

    private Artifact recordedInput() {
        Artifact csv = artifact("Dataset", "file:/data/wine.csv", "csv", T0);
        Execution importer = execution("pipeline-inputs", ExecutionState.COMPLETE, "", T0);
        lineage().recordExecution(new ExecutionRecord(importer, List.of(csv),
                List.of(event(importer, csv, EventType.OUTPUT, "csv")), List.of()));
        return csv;
    }

    @Test
    void updateExecution_runningToComplete_addsOutputsAndKeepsInputsAndContexts() {
        Context run = context(Context.PIPELINE_RUN, "r1");
        Artifact csv = recordedInput();
        Execution running = runningWithInput(run, csv);
        assertThat(lineage().findExecutions(ExecutionQuery.all().withStates(ExecutionState.RUNNING)))
                .containsExactly(running);

        Artifact model = artifact("Model", "runs:/abc/outputs/model", "model", T0 + 100);
        Execution complete = moved(running, ExecutionState.COMPLETE, T0 + 100, Map.of("attempts", "1"));
        lineage().updateExecution(new ExecutionRecord(complete, List.of(model),
                List.of(new Event(running.id(), model.id(), EventType.OUTPUT, "model", at(T0 + 100))), List.of()));

        assertThat(lineage().findExecution(running.id())).contains(complete);
        assertThat(lineage().findExecution(running.id()).orElseThrow().properties())
                .containsExactly(Map.entry("attempts", "1"));
        assertThat(lineage().findArtifact(model.id())).contains(model);
        assertThat(lineage().eventsOfExecution(running.id())).extracting(e -> e.type() + ":" + e.name())
                .containsExactly("INPUT:csv", "OUTPUT:model");
        assertThat(lineage().eventsOfArtifact(model.id())).extracting(Event::executionId).containsExactly(running.id());
        assertThat(lineage().contextsOfExecution(running.id())).containsExactly(run);
        assertThat(lineage().findExecutions(ExecutionQuery.all().withCacheKey(sha("key"))
                .withStates(ExecutionState.COMPLETE))).containsExactly(complete);
        assertThat(lineage().findExecutions(ExecutionQuery.all().withCacheKey(sha("key"))
                .withStates(ExecutionState.RUNNING))).isEmpty();
    }

    @Test
    void updateExecution_fromAnEndedState_conflictsAndChangesNothing() {
        Execution running = execution("train", ExecutionState.RUNNING, "", T0);
        lineage().recordExecution(new ExecutionRecord(running, List.of(), List.of(), List.of()));
        Execution failed = moved(running, ExecutionState.FAILED, T0 + 10, Map.of("error", "boom"));
        lineage().updateExecution(new ExecutionRecord(failed, List.of(), List.of(), List.of()));

        for (ExecutionState next : List.of(ExecutionState.RUNNING, ExecutionState.COMPLETE, ExecutionState.FAILED,
                ExecutionState.CANCELED)) {
            Artifact out = artifact("Model", "runs:/x/model", "m", T0);
            assertThatThrownBy(() -> lineage().updateExecution(new ExecutionRecord(moved(running, next, T0 + 20,
                    Map.of()), List.of(out), List.of(event(running, out, EventType.OUTPUT, "model")), List.of())))
                    .isInstanceOf(ConflictException.class).hasMessageContaining("FAILED");
            assertThat(lineage().findArtifact(out.id())).isEmpty();
        }
        assertThat(lineage().findExecution(running.id())).contains(failed);
        assertThat(lineage().eventsOfExecution(running.id())).isEmpty();
    }

    @Test
    void updateExecution_runningToRunningOrNew_conflicts() {
        Execution running = execution("train", ExecutionState.RUNNING, "", T0);
        lineage().recordExecution(new ExecutionRecord(running, List.of(), List.of(), List.of()));
        for (ExecutionState next : List.of(ExecutionState.RUNNING, ExecutionState.NEW)) {
            assertThatThrownBy(() -> lineage().updateExecution(new ExecutionRecord(moved(running, next, T0, Map.of()),
                    List.of(), List.of(), List.of()))).isInstanceOf(ConflictException.class);
        }
        assertThat(lineage().findExecution(running.id())).contains(running);
    }

    @Test
    void updateExecution_unknownArtifactOrExecution_notFoundAndWritesNothing() {
        Execution running = execution("train", ExecutionState.RUNNING, "", T0);
        lineage().recordExecution(new ExecutionRecord(running, List.of(), List.of(), List.of()));
        Artifact fresh = artifact("Model", "runs:/x/model", "m", T0);
        Artifact unknown = artifact("Dataset", "file:/nowhere", "d", T0);
        assertThatThrownBy(() -> lineage().updateExecution(new ExecutionRecord(moved(running,
                ExecutionState.COMPLETE, T0 + 5, Map.of()), List.of(fresh), List.of(event(running, fresh,
                EventType.OUTPUT, "model"), event(running, unknown, EventType.OUTPUT, "data")), List.of())))
                .isInstanceOf(NotFoundException.class).hasMessageContaining(unknown.id());
        assertThat(lineage().findExecution(running.id())).contains(running);
        assertThat(lineage().findArtifact(fresh.id())).isEmpty();

        Execution never = execution("train", ExecutionState.COMPLETE, "", T0);
        assertThatThrownBy(() -> lineage().updateExecution(new ExecutionRecord(never, List.of(), List.of(),
                List.of()))).isInstanceOf(NotFoundException.class);
        assertThat(lineage().findExecution(never.id())).isEmpty();
    }

    @Test
    void updateExecution_changingWhatIsFixed_isRejected() {
        Context run = context(Context.PIPELINE_RUN, "fixed");
        Execution running = execution("train", ExecutionState.RUNNING, "", T0);
        lineage().recordExecution(new ExecutionRecord(running, List.of(), List.of(), List.of()));
        Execution otherType = new Execution(running.id(), "other", ExecutionState.COMPLETE, "", running.runId(),
                running.startedAt(), at(T0 + 5), Map.of());
        assertThatThrownBy(() -> lineage().updateExecution(new ExecutionRecord(otherType, List.of(), List.of(),
                List.of()))).isInstanceOf(InvalidInputException.class).hasMessageContaining("type");
        assertThatThrownBy(() -> lineage().updateExecution(new ExecutionRecord(moved(running, ExecutionState.COMPLETE,
                T0 + 5, Map.of()), List.of(), List.of(), List.of(run.id()))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("contexts");
        assertThat(lineage().findExecution(running.id())).contains(running);
    }

    @Test
    void updateExecution_sameEventTwice_conflicts() {
        Artifact csv = recordedInput();
        Execution running = runningWithInput(context(Context.PIPELINE_RUN, "twice"), csv);
        assertThatThrownBy(() -> lineage().updateExecution(new ExecutionRecord(moved(running,
                ExecutionState.COMPLETE, T0 + 60, Map.of()), List.of(), List.of(event(running, csv, EventType.INPUT,
                "csv")), List.of()))).isInstanceOf(ConflictException.class);
        assertThat(lineage().findExecution(running.id())).contains(running);
    }

    @Test
    void updateExecution_concurrently_exactlyOneWins() {
        Execution running = execution("train", ExecutionState.RUNNING, "", T0);
        lineage().recordExecution(new ExecutionRecord(running, List.of(), List.of(), List.of()));
        List<Concurrently.Outcome<Boolean>> outcomes = Concurrently.run(THREADS, i -> () -> {
            try {
                lineage().updateExecution(new ExecutionRecord(moved(running, i % 2 == 0 ? ExecutionState.COMPLETE
                        : ExecutionState.FAILED, T0 + i, Map.of("writer", Integer.toString(i))), List.of(), List.of(),
                        List.of()));
                return true;
            } catch (ConflictException lost) {
                return false;
            }
        });
        assertThat(Concurrently.values(outcomes)).filteredOn(won -> won).hasSize(1);
        assertThat(lineage().findExecution(running.id()).orElseThrow().state().isTerminal()).isTrue();
    }

    // ---------------------------------------------------------------- batches: recordAll

    private FinishedRun finishedChild(RunInfo parent, String name, Execution e) {
        return new FinishedRun(new RunInfo(e.runId(), parent.experimentId(), name, RunStatus.FINISHED,
                e.startedAt(), e.endedAt(), "tck-user", "dev.mlops4j.tck", parent.runId(), null),
                Map.of("pipeline.state", "CACHED"));
    }

    private static Execution cachedOf(String type, long startMillis) {
        return new Execution(Execution.newId(), type, ExecutionState.CACHED, sha(type), newRunId(), at(startMillis),
                at(startMillis + 1), Map.of("cachedFrom", Execution.newId()));
    }

    @Test
    void recordAll_runsAndExecutions_areWrittenTogether() {
        RunInfo parent = aRun();
        Context run = Context.create(Context.PIPELINE_RUN, parent.runId(), at(T0));
        Artifact csv = recordedInput();
        Execution first = cachedOf("step0", T0 + 10);
        Execution second = cachedOf("step1", T0 + 20);
        Artifact made = artifact("Dataset", "runs:/r/out", "out", T0 + 10);
        lineage().recordAll(List.of(run), List.of(finishedChild(parent, "step0", first),
                        finishedChild(parent, "step1", second)),
                List.of(new ExecutionRecord(first, List.of(made), List.of(event(first, csv, EventType.INPUT, "csv"),
                                event(first, made, EventType.OUTPUT, "out")), List.of(run.id())),
                        new ExecutionRecord(second, List.of(), List.of(event(second, made, EventType.INPUT, "out")),
                                List.of(run.id()))));

        RunInfo child = store().findRunInfo(first.runId()).orElseThrow();
        assertThat(child.status()).isEqualTo(RunStatus.FINISHED);
        assertThat(child.endTime()).isEqualTo(first.endedAt());
        assertThat(child.parentRunId()).isEqualTo(parent.runId());
        assertThat(store().findRun(first.runId()).orElseThrow().tags()).containsEntry("pipeline.state", "CACHED");
        assertThat(store().childRuns(parent.runId())).extracting(RunInfo::runId)
                .containsExactlyInAnyOrder(first.runId(), second.runId());
        assertThat(lineage().findContext(Context.PIPELINE_RUN, parent.runId())).contains(run);
        assertThat(lineage().findExecutions(ExecutionQuery.all().inContext(run.id()))).containsExactly(second, first);
        assertThat(lineage().eventsOfArtifact(made.id())).extracting(Event::executionId)
                .containsExactlyInAnyOrder(first.id(), second.id());
    }

    @Test
    void recordAll_topLevelRunWithMetrics_isCreatedWithItsChildren() {
        String experimentId = experiment("tck").id();
        RunInfo top = new RunInfo(newRunId(), experimentId, "pipeline", RunStatus.FINISHED, at(T0), at(T0 + 50),
                "tck-user", "dev.mlops4j.tck", null, null);
        List<Metric> summary = List.of(metric("pipeline.steps_cached", 2, 0, T0 + 50),
                metric("pipeline.duration_ms", 50, 0, T0 + 50));
        Context run = Context.create(Context.PIPELINE_RUN, top.runId(), at(T0));
        Execution step = cachedOf("step0", T0 + 10);
        lineage().recordAll(List.of(run), List.of(new FinishedRun(top, Map.of("pipeline.name", "p"), summary),
                finishedChild(top, "step0", step)), List.of(new ExecutionRecord(step, List.of(), List.of(),
                List.of(run.id()))));

        RunRecord stored = store().findRun(top.runId()).orElseThrow();
        assertThat(stored.info()).isEqualTo(top);
        assertThat(stored.tags()).containsEntry("pipeline.name", "p");
        assertThat(stored.latestMetrics()).containsOnlyKeys("pipeline.steps_cached", "pipeline.duration_ms");
        assertThat(stored.latestMetrics().get("pipeline.steps_cached").value()).isEqualTo(2.0);
        assertThat(store().metricHistory(top.runId(), "pipeline.duration_ms", null, 10).points())
                .containsExactly(summary.get(1));
        assertThat(store().childRuns(top.runId())).extracting(RunInfo::runId).containsExactly(step.runId());
        assertThat(lineage().findExecutions(ExecutionQuery.all().inContext(run.id()))).containsExactly(step);
    }

    @Test
    void recordAll_topLevelRunThatExists_conflictsAndWritesNothing() {
        RunInfo existing = aRun();
        RunInfo again = new RunInfo(existing.runId(), existing.experimentId(), "again", RunStatus.FINISHED, at(T0),
                at(T0 + 5), "tck-user", "dev.mlops4j.tck", null, null);
        Execution step = cachedOf("step0", T0 + 1);
        assertThatThrownBy(() -> lineage().recordAll(List.of(), List.of(new FinishedRun(again, Map.of(),
                List.of(metric("m", 1, 0, T0))), finishedChild(again, "step0", step)),
                List.of(new ExecutionRecord(step, List.of(), List.of(), List.of()))))
                .isInstanceOf(ConflictException.class);
        assertThat(store().findRun(existing.runId()).orElseThrow().info()).isEqualTo(existing);
        assertThat(store().findRun(existing.runId()).orElseThrow().latestMetrics()).isEmpty();
        assertThat(store().findRunInfo(step.runId())).isEmpty();
        assertThat(lineage().findExecution(step.id())).isEmpty();
    }

    @Test
    void recordAll_oneBadRecord_writesNothing() {
        RunInfo parent = aRun();
        Artifact csv = recordedInput();
        Execution good = cachedOf("good", T0 + 10);
        Execution bad = cachedOf("bad", T0 + 20);
        Artifact unknown = artifact("Dataset", "file:/nowhere", "d", T0);
        Context run = Context.create(Context.PIPELINE_RUN, parent.runId(), at(T0));
        assertThatThrownBy(() -> lineage().recordAll(List.of(run), List.of(finishedChild(parent, "good", good),
                finishedChild(parent, "bad", bad)), List.of(
                new ExecutionRecord(good, List.of(), List.of(event(good, csv, EventType.INPUT, "csv")), List.of()),
                new ExecutionRecord(bad, List.of(), List.of(event(bad, unknown, EventType.INPUT, "x")), List.of()))))
                .isInstanceOf(NotFoundException.class).hasMessageContaining(unknown.id());
        assertThat(store().findRunInfo(good.runId())).isEmpty();
        assertThat(store().findRunInfo(bad.runId())).isEmpty();
        assertThat(store().childRuns(parent.runId())).isEmpty();
        assertThat(lineage().findExecution(good.id())).isEmpty();
        assertThat(lineage().eventsOfArtifact(csv.id())).hasSize(1);
        assertThat(lineage().findContext(Context.PIPELINE_RUN, parent.runId())).isEmpty();
    }

    @Test
    void recordAll_existingRunOrExecution_conflictsAndWritesNothing() {
        RunInfo parent = aRun();
        Execution e = cachedOf("step", T0 + 10);
        lineage().recordAll(List.of(), List.of(finishedChild(parent, "step", e)),
                List.of(new ExecutionRecord(e, List.of(), List.of(), List.of())));
        Execution again = cachedOf("again", T0 + 20);
        Execution reusingRun = new Execution(again.id(), again.type(), again.state(), again.cacheKey(), e.runId(),
                again.startedAt(), again.endedAt(), Map.of());
        assertThatThrownBy(() -> lineage().recordAll(List.of(), List.of(finishedChild(parent, "again", reusingRun)),
                List.of(new ExecutionRecord(reusingRun, List.of(), List.of(), List.of()))))
                .isInstanceOf(ConflictException.class);
        Execution other = cachedOf("other", T0 + 30);
        assertThatThrownBy(() -> lineage().recordAll(List.of(), List.of(finishedChild(parent, "other", other)),
                List.of(new ExecutionRecord(other, List.of(), List.of(), List.of()),
                        new ExecutionRecord(e, List.of(), List.of(), List.of()))))
                .isInstanceOf(ConflictException.class);
        assertThat(lineage().findExecution(again.id())).isEmpty();
        assertThat(lineage().findExecution(other.id())).isEmpty();
        assertThat(store().findRunInfo(other.runId())).isEmpty();
        assertThat(store().childRuns(parent.runId())).hasSize(1);
    }

    @Test
    void recordAll_existingContext_conflictsAndWritesNothing() {
        RunInfo parent = aRun();
        Context existing = context(Context.PIPELINE, "wine");
        Context sameName = Context.create(Context.PIPELINE, "wine", at(T0 + 1));
        Execution e = cachedOf("step", T0 + 10);
        for (Context clash : List.of(sameName, existing)) {
            assertThatThrownBy(() -> lineage().recordAll(List.of(clash), List.of(finishedChild(parent, "step", e)),
                    List.of(new ExecutionRecord(e, List.of(), List.of(), List.of(clash.id())))))
                    .isInstanceOf(ConflictException.class);
        }
        assertThat(lineage().findContext(Context.PIPELINE, "wine")).contains(existing);
        assertThat(lineage().findExecution(e.id())).isEmpty();
        assertThat(store().findRunInfo(e.runId())).isEmpty();
    }

    @Test
    void recordAll_unknownParentRun_notFoundAndWritesNothing() {
        RunInfo parent = aRun();
        RunInfo ghost = new RunInfo(newRunId(), parent.experimentId(), "ghost", RunStatus.RUNNING, at(T0), null, "u",
                "s", null, null);
        Execution e = cachedOf("step", T0 + 10);
        assertThatThrownBy(() -> lineage().recordAll(List.of(), List.of(finishedChild(ghost, "step", e)),
                List.of(new ExecutionRecord(e, List.of(), List.of(), List.of()))))
                .isInstanceOf(NotFoundException.class);
        assertThat(store().findRunInfo(e.runId())).isEmpty();
        assertThat(lineage().findExecution(e.id())).isEmpty();
    }

    @Test
    void durable_recordAllAndUpdatesSurviveReopen() {
        requireFeature(StoreFeature.DURABLE);
        RunInfo parent = aRun();
        Execution cached = cachedOf("step", T0 + 10);
        Execution running = execution("train", ExecutionState.RUNNING, "", T0);
        lineage().recordAll(List.of(), List.of(finishedChild(parent, "step", cached)), List.of(
                new ExecutionRecord(cached, List.of(), List.of(), List.of()),
                new ExecutionRecord(running, List.of(), List.of(), List.of())));
        Execution done = moved(running, ExecutionState.COMPLETE, T0 + 30, Map.of("attempts", "2"));
        lineage().updateExecution(new ExecutionRecord(done, List.of(), List.of(), List.of()));
        reopenStore();
        assertThat(lineage().findExecution(cached.id())).contains(cached);
        assertThat(lineage().findExecution(running.id())).contains(done);
        assertThat(store().findRunInfo(cached.runId()).orElseThrow().status()).isEqualTo(RunStatus.FINISHED);
    }
}
