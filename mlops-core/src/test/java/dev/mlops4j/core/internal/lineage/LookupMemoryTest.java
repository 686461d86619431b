package dev.mlops4j.core.internal.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops4j.Mlops;
import dev.mlops4j.core.memory.InMemoryMetadataStore;
import dev.mlops4j.lineage.Artifact;
import dev.mlops4j.lineage.ArtifactState;
import dev.mlops4j.lineage.Context;
import dev.mlops4j.lineage.Event;
import dev.mlops4j.lineage.EventType;
import dev.mlops4j.lineage.Execution;
import dev.mlops4j.lineage.ExecutionOutputs;
import dev.mlops4j.lineage.ExecutionQuery;
import dev.mlops4j.lineage.ExecutionRecord;
import dev.mlops4j.lineage.ExecutionState;
import dev.mlops4j.lineage.RetentionPolicy;
import dev.mlops4j.spi.LineageStore;
import dev.mlops4j.spi.MetadataStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Cache-key lookups ({@code executionsWithOutputs} with a cache key) are remembered by the Mlops instance: a real
 * in-memory store, wrapped to count how often the lookup reaches it.
 */
class LookupMemoryTest {
    private static final Instant LONG_AGO = Instant.parse("2020-01-01T00:00:00Z");
    private final AtomicInteger storeLookups = new AtomicInteger();
    private final Mlops mlops = Mlops.builder().metadataStore(counting(new InMemoryMetadataStore())).build();

    @AfterEach
    void close() {
        mlops.close();
    }

    private MetadataStore counting(MetadataStore store) {
        LineageStore lineage = store.lineage().orElseThrow();
        LineageStore countingLineage = (LineageStore) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {LineageStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("findExecutionsWithOutputs")) {
                        storeLookups.incrementAndGet();
                    }
                    return invoke(method, lineage, args);
                });
        return (MetadataStore) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {MetadataStore.class}, (proxy, method, args) -> method.getName().equals("lineage")
                        ? Optional.of(countingLineage) : invoke(method, store, args));
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static Artifact output(String name) {
        return new Artifact(Artifact.newId(), "Dataset", "file:/nowhere/" + name, "%064x".formatted(name.hashCode()), 1, ArtifactState.LIVE,
                LONG_AGO, Map.of());
    }

    private Execution recordComplete(String key, Artifact out) {
        Execution e = new Execution(Execution.newId(), "step", ExecutionState.COMPLETE, key, "", LONG_AGO,
                LONG_AGO.plusSeconds(1), Map.of());
        mlops.lineage().record(new ExecutionRecord(e, List.of(out), List.of(new Event(e.id(), out.id(),
                EventType.OUTPUT, "out", LONG_AGO)), List.of()));
        return e;
    }

    private static ExecutionQuery lookup(String key) {
        return ExecutionQuery.all().withType("step").withCacheKey(key).withStates(ExecutionState.COMPLETE)
                .withLimit(10);
    }

    @Test
    void executionsWithOutputs_sameCacheKeyLookup_isAnsweredFromMemory() {
        Execution first = recordComplete("k", output("a"));

        List<ExecutionOutputs> once = mlops.lineage().executionsWithOutputs(lookup("k"));
        List<ExecutionOutputs> twice = mlops.lineage().executionsWithOutputs(lookup("k"));

        assertThat(once).extracting(ExecutionOutputs::execution).containsExactly(first);
        assertThat(twice).isEqualTo(once);
        assertThat(storeLookups).hasValue(1);
    }

    @Test
    void executionsWithOutputs_cachedExecutionOfTheKey_keepsTheAnswer() {
        Execution first = recordComplete("k", output("a"));
        mlops.lineage().executionsWithOutputs(lookup("k"));
        Execution hit = new Execution(Execution.newId(), "step", ExecutionState.CACHED, "k", "", Instant.now(),
                Instant.now(), Map.of("cachedFrom", first.id()));
        mlops.lineage().record(new ExecutionRecord(hit, List.of(), List.of(), List.of()));

        assertThat(mlops.lineage().executionsWithOutputs(lookup("k"))).extracting(ExecutionOutputs::execution)
                .containsExactly(first);
        assertThat(storeLookups).hasValue(1);
    }

    @Test
    void executionsWithOutputs_newCompleteExecutionOfTheKey_isSeenAtOnce() {
        Execution first = recordComplete("k", output("a"));
        mlops.lineage().executionsWithOutputs(lookup("k"));
        Execution running = new Execution(Execution.newId(), "step", ExecutionState.RUNNING, "k", "",
                Instant.now(), null, Map.of());
        mlops.lineage().record(new ExecutionRecord(running, List.of(), List.of(), List.of()));
        assertThat(mlops.lineage().executionsWithOutputs(lookup("k"))).hasSize(1);
        Artifact out = output("b");
        Execution done = new Execution(running.id(), "step", ExecutionState.COMPLETE, "k", "", running.startedAt(),
                Instant.now(), Map.of());
        mlops.lineage().update(new ExecutionRecord(done, List.of(out), List.of(new Event(done.id(), out.id(),
                EventType.OUTPUT, "out", Instant.now())), List.of()));

        assertThat(mlops.lineage().executionsWithOutputs(lookup("k"))).extracting(ExecutionOutputs::execution)
                .containsExactly(done, first);
        assertThat(mlops.lineage().executionsWithOutputs(lookup("other"))).isEmpty();
    }

    @Test
    void executionsWithOutputs_afterRetention_seesDeletedOutputs() {
        Artifact out = output("a");
        recordComplete("k", out);
        assertThat(mlops.lineage().executionsWithOutputs(lookup("k")).get(0).outputs().get("out").state())
                .isEqualTo(ArtifactState.LIVE);

        mlops.lineage().collectGarbage(RetentionPolicy.olderThan(Duration.ofDays(1)));

        assertThat(mlops.lineage().executionsWithOutputs(lookup("k")).get(0).outputs().get("out").state())
                .isEqualTo(ArtifactState.DELETED);
        assertThat(storeLookups).hasValue(2);
    }

    @Test
    void executionsWithOutputs_inAContext_alwaysAsksTheStore() {
        Context ctx = mlops.lineage().context(Context.PIPELINE, "p");
        mlops.lineage().executionsWithOutputs(lookup("k").inContext(ctx.id()));
        mlops.lineage().executionsWithOutputs(lookup("k").inContext(ctx.id()));
        mlops.lineage().executionsWithOutputs(ExecutionQuery.all().withType("step"));

        assertThat(storeLookups).hasValue(3);
    }
}
