package dev.mlops4j.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops4j.Mlops;
import dev.mlops4j.Run;
import dev.mlops4j.tracking.Metric;
import dev.mlops4j.tracking.RunStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConcurrencyTest {
    private static final int THREADS = 8;
    private static final int POINTS = 500;

    private final Mlops mlops = Mlops.inMemory();
    private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);

    @AfterEach
    void close() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        mlops.close();
    }

    /** Starts every task at once and waits for all, rethrowing the first failure. */
    private void race(List<Runnable> tasks) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        for (Runnable task : tasks) {
            futures.add(pool.submit(() -> {
                start.await();
                task.run();
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : futures) {
            f.get(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void logMetric_eightThreadsIntoOneRun_keepsEveryPoint() throws Exception {
        Run run = mlops.experiment("e").startRun("shared");
        List<Runnable> tasks = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            tasks.add(() -> {
                for (int i = 0; i < POINTS; i++) {
                    run.logMetric("m", thread * 1_000_000 + i, i);
                    run.logMetric("own-" + thread, i, i);
                }
                run.logParam("p" + thread, thread);
                run.setTag("t" + thread, "x");
            });
        }

        race(tasks);
        run.close();

        List<Metric> shared = mlops.runs().metricHistory(run.id(), "m").all();
        assertThat(shared).hasSize(THREADS * POINTS);
        Set<Double> values = shared.stream().map(Metric::value).collect(Collectors.toSet());
        for (int t = 0; t < THREADS; t++) {
            for (int i = 0; i < POINTS; i++) {
                assertThat(values).contains((double) (t * 1_000_000 + i));
            }
            assertThat(mlops.runs().metricHistory(run.id(), "own-" + t).count()).isEqualTo(POINTS);
        }
        assertThat(shared).isSortedAccordingTo((a, b) -> Long.compare(a.step(), b.step()));
        assertThat(mlops.runs().get(run.id()).params()).hasSize(THREADS);
        assertThat(mlops.runs().get(run.id()).tags()).containsKeys("t0", "t7");
    }

    @Test
    void logMetric_eightThreadsEachWithOwnRun_keepsEveryPoint() throws Exception {
        List<String> runIds = new ArrayList<>();
        List<Runnable> tasks = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            tasks.add(() -> {
                try (Run run = mlops.experiment("exp-" + (thread % 2)).startRun("r" + thread)) {
                    synchronized (runIds) {
                        runIds.add(run.id());
                    }
                    for (int i = 0; i < POINTS; i++) {
                        run.logMetric("loss", i, i);
                    }
                }
            });
        }

        race(tasks);

        assertThat(runIds).hasSize(THREADS);
        for (String id : runIds) {
            assertThat(mlops.runs().metricHistory(id, "loss").all()).extracting(Metric::step)
                    .containsExactlyElementsOf(java.util.stream.LongStream.range(0, POINTS).boxed().toList());
            assertThat(mlops.runs().get(id).status()).isEqualTo(RunStatus.FINISHED);
        }
        assertThat(mlops.experiments()).hasSize(2);
    }
}
