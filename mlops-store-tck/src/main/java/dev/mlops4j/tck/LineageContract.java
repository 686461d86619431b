package dev.mlops4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops4j.ConflictException;
import dev.mlops4j.NotFoundException;
import dev.mlops4j.lineage.Artifact;
import dev.mlops4j.lineage.ArtifactQuery;
import dev.mlops4j.lineage.ArtifactState;
import dev.mlops4j.lineage.Context;
import dev.mlops4j.lineage.Event;
import dev.mlops4j.lineage.EventType;
import dev.mlops4j.lineage.Execution;
import dev.mlops4j.lineage.ExecutionQuery;
import dev.mlops4j.lineage.ExecutionRecord;
import dev.mlops4j.lineage.ExecutionState;
import dev.mlops4j.spi.LineageStore;
import dev.mlops4j.spi.StoreFeature;
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
        assertThatThrownBy(() -> lineage().findArtifact(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> lineage().findExecutions(null)).isInstanceOf(NullPointerException.class);
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
}
