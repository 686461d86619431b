package dev.mlops4j.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops4j.Experiment;
import dev.mlops4j.Mlops;
import dev.mlops4j.Run;
import dev.mlops4j.core.artifacts.InMemoryArtifactStore;
import dev.mlops4j.core.memory.InMemoryMetadataStore;
import dev.mlops4j.spi.MetadataStore;
import dev.mlops4j.tracking.RunRecord;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The engine caches what cannot change (experiment ids by name, records of ended runs) so that repeated look-ups
 * do not reach the store, and never caches what can (a RUNNING run). Checked by counting the calls that reach a
 * real in-memory store through a delegating proxy.
 */
class CachingTest {
    private final InMemoryMetadataStore delegate = new InMemoryMetadataStore();
    private final InMemoryArtifactStore artifacts = new InMemoryArtifactStore();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Mlops mlops = Mlops.builder().metadataStore(counting(delegate)).artifactStore(artifacts).build();

    @AfterEach
    void close() {
        mlops.close();
        delegate.close();
        artifacts.close();
    }

    private MetadataStore counting(MetadataStore store) {
        return (MetadataStore) Proxy.newProxyInstance(MetadataStore.class.getClassLoader(),
                new Class<?>[] {MetadataStore.class}, (proxy, method, args) -> {
                    calls.computeIfAbsent(method.getName(), k -> new AtomicInteger()).incrementAndGet();
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private int calls(String method) {
        AtomicInteger n = calls.get(method);
        return n == null ? 0 : n.get();
    }

    @Test
    void experiment_sameNameRepeatedly_reachesTheStoreOnce() {
        Experiment first = mlops.experiment("churn");
        Experiment again = mlops.experiment("churn");
        mlops.findExperiment("churn");
        mlops.runs().search("churn").list();

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(calls("getOrCreateExperiment")).isEqualTo(1);
        assertThat(calls("findExperimentByName")).isZero();
    }

    @Test
    void findExperiment_existingButUnseenName_isLookedUpOnceThenCached() {
        delegate.getOrCreateExperiment("made-elsewhere", java.time.Instant.EPOCH);

        assertThat(mlops.findExperiment("made-elsewhere")).isPresent();
        assertThat(mlops.findExperiment("made-elsewhere")).isPresent();
        mlops.experiment("made-elsewhere");

        assertThat(calls("findExperimentByName")).isEqualTo(1);
        assertThat(calls("getOrCreateExperiment")).isZero();
    }

    @Test
    void findExperiment_unknownName_isNotCachedAsAbsent() {
        assertThat(mlops.findExperiment("later")).isEmpty();
        delegate.getOrCreateExperiment("later", java.time.Instant.EPOCH);

        assertThat(mlops.findExperiment("later")).isPresent();
        assertThat(calls("findExperimentByName")).isEqualTo(2);
    }

    @Test
    void runsGet_endedRun_readsTheStoreOnce() {
        String id;
        try (Run run = mlops.experiment("churn").startRun("r")) {
            run.logMetric("accuracy", 0.9);
            id = run.id();
        }

        RunRecord first = mlops.runs().get(id);
        RunRecord second = mlops.runs().get(id);
        mlops.runs().find(id);

        assertThat(second).isEqualTo(first);
        assertThat(first.metric("accuracy")).hasValue(0.9);
        assertThat(calls("findRun")).isEqualTo(1);
    }

    @Test
    void runsGet_runningRun_isReadFreshEveryTime() {
        try (Run run = mlops.experiment("churn").startRun("r")) {
            run.logMetric("accuracy", 0.5);
            assertThat(mlops.runs().get(run.id()).metric("accuracy")).hasValue(0.5);

            run.logMetric("accuracy", 0.7, 1);

            assertThat(mlops.runs().get(run.id()).metric("accuracy")).hasValue(0.7);
            assertThat(calls("findRun")).isEqualTo(2);
        }
    }

    @Test
    void runsGet_runEndedAfterAnUncachedRead_returnsTheEndedRecord() {
        Run run = mlops.experiment("churn").startRun("r");
        assertThat(mlops.runs().get(run.id()).status().isTerminal()).isFalse();

        run.finish();

        assertThat(mlops.runs().get(run.id()).status().isTerminal()).isTrue();
        assertThat(mlops.runs().get(run.id()).status().isTerminal()).isTrue();
        assertThat(calls("findRun")).isEqualTo(2);
    }
}
