package dev.mlops4j.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops4j.ConflictException;
import dev.mlops4j.IllegalRunStateException;
import dev.mlops4j.tck.Concurrently.Outcome;
import dev.mlops4j.tracking.ExperimentInfo;
import dev.mlops4j.tracking.LogBatch;
import dev.mlops4j.tracking.Metric;
import dev.mlops4j.tracking.RunInfo;
import dev.mlops4j.tracking.RunRecord;
import dev.mlops4j.tracking.RunStatus;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Thread safety: races must leave exactly the state some serial order of the calls would have left. */
abstract class ConcurrencyContract extends ContractBase {
    private static final int THREADS = 8;

    ConcurrencyContract(MetadataStoreTck tck) {
        super(tck);
    }

    @Test
    void getOrCreateExperiment_racingThreads_createOneExperimentPerName() {
        for (int round = 0; round < 5; round++) {
            String name = "race-" + round;
            List<ExperimentInfo> got = Concurrently.values(Concurrently.run(THREADS,
                    i -> () -> store().getOrCreateExperiment(name, at(T0 + i))));

            assertThat(got).as("experiments returned for %s", name).allMatch(e -> e.equals(got.get(0)));
            assertThat(store().listExperiments()).filteredOn(e -> e.name().equals(name)).hasSize(1);
        }
        assertThat(store().listExperiments()).hasSize(5);
    }

    @Test
    void logBatch_manyThreadsIntoSharedAndOwnRuns_losesNothing() {
        String exp = experiment("busy").id();
        RunInfo shared = startRun(exp, "shared");
        List<RunInfo> own = new ArrayList<>();
        for (int i = 0; i < THREADS / 2; i++) {
            own.add(startRun(exp, "own " + i));
        }
        int batches = 30;
        int pointsPerBatch = 5;
        // Thread i writes to the shared run (i < 4) or to its own run; every point is distinct and recorded here.
        List<List<Metric>> logged = Collections.synchronizedList(new ArrayList<>());
        Concurrently.values(Concurrently.run(THREADS, i -> () -> {
            String runId = i < THREADS / 2 ? shared.runId() : own.get(i - THREADS / 2).runId();
            for (int b = 0; b < batches; b++) {
                List<Metric> points = new ArrayList<>();
                for (int p = 0; p < pointsPerBatch; p++) {
                    long step = (long) b * pointsPerBatch + p;
                    points.add(metric("loss", i * 1000 + step, step, T0 + i));
                    points.add(metric("thread-" + i, step, step, T0 + b));
                }
                store().logBatch(runId, new LogBatch(Map.of("t" + i + ".b" + b, runId), points,
                        Map.of("thread-" + i, "batch " + b)));
                logged.add(points.stream().map(m -> new Metric(runId + "|" + m.key(), m.value(), m.step(),
                        m.timestamp())).toList());
            }
            return null;
        }));

        Map<String, List<Metric>> expectedByRunAndKey = new HashMap<>();
        logged.forEach(batch -> batch.forEach(m -> expectedByRunAndKey.computeIfAbsent(m.key(), k -> new ArrayList<>())
                .add(m)));
        for (Map.Entry<String, List<Metric>> e : expectedByRunAndKey.entrySet()) {
            String runId = e.getKey().substring(0, e.getKey().indexOf('|'));
            String key = e.getKey().substring(e.getKey().indexOf('|') + 1);
            List<Metric> expected = e.getValue().stream().map(m -> new Metric(key, m.value(), m.step(), m.timestamp()))
                    .toList();
            List<Metric> history = store().metricHistory(runId, key, null, 50_000).points();
            assertThat(history).as("history of %s in run %s", key, runId).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(store().findRun(runId).orElseThrow().latestMetrics().get(key)).as("latest %s in %s", key, runId)
                    .isEqualTo(Collections.max(expected, Metric.LATEST_ORDER));
        }
        RunRecord sharedRecord = store().findRun(shared.runId()).orElseThrow();
        assertThat(sharedRecord.params()).hasSize(THREADS / 2 * batches);
        assertThat(store().metricHistory(shared.runId(), "loss", null, 50_000).points())
                .hasSize(THREADS / 2 * batches * pointsPerBatch);
        for (int i = 0; i < THREADS / 2; i++) {
            assertThat(sharedRecord.tags()).containsEntry("thread-" + i, "batch " + (batches - 1));
        }
    }

    @Test
    void logParam_concurrentConflictingValues_exactlyOneValueWins() {
        RunInfo run = aRun();
        for (int round = 0; round < 5; round++) {
            String key = "p" + round;
            List<Outcome<String>> outcomes = Concurrently.run(THREADS, i -> () -> {
                store().logBatch(run.runId(), params(Map.of(key, "value-" + i)));
                return "value-" + i;
            });

            List<String> winners = outcomes.stream().filter(Outcome::succeeded).map(Outcome::value).toList();
            assertThat(winners).as("successful writers of %s", key).hasSize(1);
            assertThat(outcomes).filteredOn(o -> !o.succeeded()).allSatisfy(o -> assertThat(o.failure())
                    .isInstanceOf(ConflictException.class));
            assertThat(store().findRun(run.runId()).orElseThrow().params()).containsEntry(key, winners.get(0));
        }
    }

    @Test
    void logParam_concurrentSameValue_allSucceed() {
        RunInfo run = aRun();

        Concurrently.values(Concurrently.run(THREADS, i -> () -> {
            store().logBatch(run.runId(), params(Map.of("model", "cart", "thread-" + i, "x")));
            return null;
        }));

        assertThat(store().findRun(run.runId()).orElseThrow().params()).hasSize(THREADS + 1).containsEntry("model", "cart");
    }

    @Test
    void endRun_racingThreads_exactlyOneEndsTheRun() {
        RunInfo run = aRun();
        RunStatus[] statuses = {RunStatus.FINISHED, RunStatus.FAILED, RunStatus.KILLED};

        List<Outcome<RunInfo>> outcomes = Concurrently.run(THREADS, i -> () -> store().endRun(run.runId(),
                statuses[i % 3], at(T0 + 1_000 + i), Map.of("ender", "thread-" + i)));

        List<RunInfo> ended = outcomes.stream().filter(Outcome::succeeded).map(Outcome::value).toList();
        assertThat(ended).hasSize(1);
        assertThat(outcomes).filteredOn(o -> !o.succeeded()).allSatisfy(o -> assertThat(o.failure())
                .isInstanceOf(IllegalRunStateException.class));
        RunRecord stored = store().findRun(run.runId()).orElseThrow();
        assertThat(stored.info()).isEqualTo(ended.get(0));
        assertThat(stored.tags()).hasSize(1);
        int winner = Integer.parseInt(stored.tags().get("ender").substring("thread-".length()));
        assertThat(stored.info().endTime()).isEqualTo(at(T0 + 1_000 + winner));
    }

    @Test
    void logBatch_racingEndRun_keepsExactlyTheAcknowledgedPoints() throws Exception {
        RunInfo run = aRun();
        CountDownLatch someLogged = new CountDownLatch(20);
        List<Outcome<Integer>> outcomes = Concurrently.run(2, i -> () -> {
            if (i == 1) {
                // Ends the run while the other thread is still logging; the writer stops at its first refusal.
                if (!someLogged.await(60, TimeUnit.SECONDS)) {
                    throw new AssertionError("the writer thread never got going");
                }
                store().endRun(run.runId(), RunStatus.KILLED, at(T0 + 1), Map.of());
                return -1;
            }
            int acknowledged = 0;
            try {
                for (int step = 0; step < 10_000; step++) {
                    store().logBatch(run.runId(), metrics(metric("m", step, step, T0)));
                    acknowledged++;
                    someLogged.countDown();
                }
            } catch (IllegalRunStateException expected) {
                return acknowledged;
            }
            return acknowledged;
        });

        int acknowledged = Concurrently.values(outcomes).get(0);
        List<Metric> history = store().metricHistory(run.runId(), "m", null, 50_000).points();
        assertThat(history).hasSize(acknowledged);
        for (int step = 0; step < acknowledged; step++) {
            assertThat(history.get(step)).isEqualTo(metric("m", step, step, T0));
        }
        assertThat(store().findRunInfo(run.runId()).orElseThrow().status()).isEqualTo(RunStatus.KILLED);
    }
}
