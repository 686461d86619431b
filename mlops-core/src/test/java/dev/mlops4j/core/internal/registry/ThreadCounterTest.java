package dev.mlops4j.core.internal.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The per-thread prediction counter is exact: every increment of every thread, live or ended, is in the sum. */
class ThreadCounterTest {

    @Test
    void sum_threadsThatEndedAndThreadsStillRunning_countsEveryIncrement() throws Exception {
        ThreadCounter counter = new ThreadCounter();
        List<Thread> ended = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 100_000; i++) {
                    counter.increment();
                }
            });
            ended.add(thread);
            thread.start();
        }
        CountDownLatch counted = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        Thread running = new Thread(() -> {
            for (int i = 0; i < 5; i++) {
                counter.increment();
            }
            counted.countDown();
            try {
                finish.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        running.start();
        for (Thread thread : ended) {
            thread.join();
        }
        counted.await();
        counter.increment();

        assertThat(counter.sum()).isEqualTo(8 * 100_000 + 5 + 1);
        assertThat(counter.sum()).as("summing again, after folding the ended threads").isEqualTo(800_006);
        finish.countDown();
        running.join();
        assertThat(counter.sum()).isEqualTo(800_006);
    }
}
