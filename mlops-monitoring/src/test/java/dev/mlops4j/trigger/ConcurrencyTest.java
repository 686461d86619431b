package dev.mlops4j.trigger;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.Mlops;
import dev.mlops4j.tracking.RunRecord;
import dev.mlops4j.tracking.RunStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConcurrencyTest {
    static final Instant T0 = Instant.parse("2026-07-01T00:00:00Z");

    /** Holds submitted actions until the test runs them: an action is "running" until then. */
    static final class HeldExecutor implements Executor {
        final Deque<Runnable> tasks = new ArrayDeque<>();

        @Override
        public synchronized void execute(Runnable command) {
            tasks.add(command);
        }

        void runOne() {
            Runnable r;
            synchronized (this) {
                r = tasks.poll();
            }
            r.run();
        }

        void runAll() {
            while (true) {
                Runnable r;
                synchronized (this) {
                    r = tasks.poll();
                }
                if (r == null) {
                    return;
                }
                r.run();
            }
        }
    }

    static List<FiringOutcome> outcomes(Triggers triggers, String name) {
        return triggers.history(name).stream().map(FiringRecord::outcome).toList();
    }

    @Test
    void skip_dropsFiringsWhileTheTargetRuns() {
        ManualScheduler time = ManualScheduler.startingAt(T0);
        HeldExecutor executor = new HeldExecutor();
        Recorder action = new Recorder();
        try (Triggers triggers = Triggers.builder().scheduler(time).executor(executor).build()) {
            triggers.define("t").when(Trigger.every(Duration.ofMinutes(1))).start(action);
            time.advanceBy(Duration.ofMinutes(3));
            assertThat(outcomes(triggers, "t")).containsExactly(FiringOutcome.PENDING, FiringOutcome.SKIPPED,
                    FiringOutcome.SKIPPED);
            executor.runAll();
            time.advanceBy(Duration.ofMinutes(1));
            executor.runAll();
            assertThat(outcomes(triggers, "t")).containsExactly(FiringOutcome.COMPLETED, FiringOutcome.SKIPPED,
                    FiringOutcome.SKIPPED, FiringOutcome.COMPLETED);
        }
        assertThat(action.firings()).extracting(Firing::sequence).containsExactly(1L, 4L);
    }

    @Test
    void queue_keepsUpToTheBoundInOrderAndDropsTheRest() {
        ManualScheduler time = ManualScheduler.startingAt(T0);
        HeldExecutor executor = new HeldExecutor();
        Recorder action = new Recorder();
        try (Triggers triggers = Triggers.builder().scheduler(time).executor(executor).build()) {
            triggers.define("t").when(Trigger.every(Duration.ofMinutes(1))).concurrency(ConcurrencyPolicy.queue(2))
                    .start(action);
            time.advanceBy(Duration.ofMinutes(4));
            assertThat(outcomes(triggers, "t")).containsExactly(FiringOutcome.PENDING, FiringOutcome.PENDING,
                    FiringOutcome.PENDING, FiringOutcome.DROPPED);
            executor.runOne();
            assertThat(executor.tasks).hasSize(1);      // the next queued one starts only after the first ended
            executor.runAll();
            assertThat(outcomes(triggers, "t")).containsExactly(FiringOutcome.COMPLETED, FiringOutcome.COMPLETED,
                    FiringOutcome.COMPLETED, FiringOutcome.DROPPED);
        }
        assertThat(action.firings()).extracting(Firing::sequence).containsExactly(1L, 2L, 3L);
    }

    @Test
    void replace_discardsWaitingAndRunsTheNewest() {
        ManualScheduler time = ManualScheduler.startingAt(T0);
        HeldExecutor executor = new HeldExecutor();
        Recorder action = new Recorder();
        try (Triggers triggers = Triggers.builder().scheduler(time).executor(executor).build()) {
            triggers.define("t").when(Trigger.every(Duration.ofMinutes(1))).concurrency(ConcurrencyPolicy.replace())
                    .start(action);
            time.advanceBy(Duration.ofMinutes(3));
            executor.runAll();
        }
        assertThat(action.firings()).extracting(Firing::sequence).containsExactly(3L);
    }

    @Test
    void replace_interruptsARunningAction() throws Exception {
        ManualScheduler time = ManualScheduler.startingAt(T0);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch secondRan = new CountDownLatch(1);
        try (Triggers triggers = Triggers.builder().scheduler(time).build()) {   // real threads
            DataSignal signal = Trigger.signal();
            triggers.define("t").when(signal).concurrency(ConcurrencyPolicy.replace()).start(f -> {
                if (f.sequence() == 1) {
                    started.countDown();
                    new CountDownLatch(1).await();      // blocks until interrupted
                } else {
                    secondRan.countDown();
                }
            });
            signal.signal("first");
            time.runDue();
            assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
            signal.signal("second");
            time.runDue();
            assertThat(secondRan.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(outcomes(triggers, "t")).first().isEqualTo(FiringOutcome.REPLACED);
        }
    }

    @Test
    void sharedTarget_runsOneActionAtATimeAcrossTriggers() {
        ManualScheduler time = ManualScheduler.startingAt(T0);
        HeldExecutor executor = new HeldExecutor();
        try (Triggers triggers = Triggers.builder().scheduler(time).executor(executor).build()) {
            DataSignal a = Trigger.signal("a");
            DataSignal b = Trigger.signal("b");
            triggers.define("a").when(a).target("pipeline").concurrency(ConcurrencyPolicy.queue(1)).start(f -> { });
            triggers.define("b").when(b).target("pipeline").start(f -> { });      // inherits queue(1)
            a.signal("x");
            b.signal("y");
            time.runDue();
            assertThat(executor.tasks).hasSize(1);
            executor.runAll();
            assertThat(outcomes(triggers, "a")).containsExactly(FiringOutcome.COMPLETED);
            assertThat(outcomes(triggers, "b")).containsExactly(FiringOutcome.COMPLETED);
            assertThatThrownBy(() -> triggers.define("c").when(Trigger.signal()).target("pipeline")
                    .concurrency(ConcurrencyPolicy.skip()).start(f -> { }))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("already has concurrency policy queue(1)");
        }
    }

    @Test
    void failingAction_isRecordedAndTheTriggerKeepsFiring(@TempDir Path home) {
        ManualScheduler time = ManualScheduler.startingAt(T0);
        try (Mlops mlops = Mlops.open(home)) {
            try (Triggers triggers = Triggers.builder().scheduler(time).executor(Runnable::run).store(mlops).build()) {
                triggers.define("flaky").when(Trigger.every(Duration.ofMinutes(1))).start(f -> {
                    if (f.sequence() == 1) {
                        throw new IllegalStateException("no data for " + f.scheduledFor());
                    }
                });
                time.advanceBy(Duration.ofMinutes(2));
                List<FiringRecord> history = triggers.history("flaky");
                assertThat(history).extracting(FiringRecord::outcome)
                        .containsExactly(FiringOutcome.FAILED, FiringOutcome.COMPLETED);
                assertThat(history.get(0).error()).hasValueSatisfying(e -> assertThat(e)
                        .contains("IllegalStateException").contains("no data for 2026-07-01T00:01:00Z"));
                RunRecord run = mlops.runs().get(history.get(0).runId().orElseThrow());
                assertThat(run.status()).isEqualTo(RunStatus.FAILED);
                assertThat(run.tag("trigger.reason")).hasValue("every PT1M at 2026-07-01T00:01Z");
                assertThat(mlops.runs().get(history.get(1).runId().orElseThrow()).status()).isEqualTo(RunStatus.FINISHED);
                assertThat(mlops.experiment("mlops.triggers").info().tags()).containsKey("trigger.flaky.state");
            }
        }
    }

    @Test
    void close_cancelsWaitingFiringsAndStopsFiring(@TempDir Path home) {
        ManualScheduler time = ManualScheduler.startingAt(T0);
        HeldExecutor executor = new HeldExecutor();
        try (Mlops mlops = Mlops.open(home)) {
            Triggers triggers = Triggers.builder().scheduler(time).executor(executor).store(mlops).build();
            Recorder action = new Recorder();
            triggers.define("t").when(Trigger.every(Duration.ofMinutes(1))).concurrency(ConcurrencyPolicy.queue(5))
                    .start(action);
            time.advanceBy(Duration.ofMinutes(2));
            triggers.close();
            executor.runAll();      // the running one was handed over before close and completes
            time.advanceBy(Duration.ofMinutes(10));
            assertThat(action.firings()).extracting(Firing::sequence).containsExactly(1L);
            assertThat(outcomes(triggers, "t")).containsExactly(FiringOutcome.COMPLETED, FiringOutcome.CANCELLED);
            assertThat(time.pendingTasks()).isZero();
        }
    }

    @Test
    void close_waitsForRunningActionsThenInterruptsThem() throws InterruptedException {
        ManualScheduler time = ManualScheduler.startingAt(T0);
        CountDownLatch started = new CountDownLatch(2);
        Triggers triggers = Triggers.builder().scheduler(time).shutdownTimeout(Duration.ZERO).build();
        DataSignal quick = Trigger.signal();
        DataSignal stuck = Trigger.signal();
        CountDownLatch release = new CountDownLatch(1);
        triggers.define("quick").when(quick).start(f -> {
            started.countDown();
            release.await();
        });
        triggers.define("stuck").when(stuck).start(f -> {
            started.countDown();
            new CountDownLatch(1).await();      // only an interrupt ends it
        });
        quick.signal("a");
        stuck.signal("b");
        time.runDue();
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
        triggers.close();
        assertThat(outcomes(triggers, "quick")).containsExactly(FiringOutcome.CANCELLED);
        assertThat(outcomes(triggers, "stuck")).containsExactly(FiringOutcome.CANCELLED);
        assertThatThrownBy(() -> triggers.define("late").when(Trigger.signal()).start(f -> { }))
                .hasMessageContaining("closed");
    }
}
