package dev.mlops4j.trigger;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.Mlops;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScheduleTriggerTest {
    static final Instant T0 = Instant.parse("2026-03-27T00:00:00Z");

    static Triggers engine(ManualScheduler time) {
        return Triggers.builder().scheduler(time).executor(Runnable::run).build();
    }

    @Test
    void every_firesOncePerPeriodAtTheScheduledTimes() {
        ManualScheduler time = ManualScheduler.startingAt(T0);
        Recorder action = new Recorder();
        try (Triggers triggers = engine(time)) {
            TriggerHandle h = triggers.define("hourly").when(Trigger.every(Duration.ofHours(1))).start(action);
            time.advanceBy(Duration.ofMinutes(59));
            assertThat(action.firings()).isEmpty();
            time.advanceBy(Duration.ofHours(2).plusMinutes(1));
            assertThat(action.scheduled()).containsExactly(T0.plusSeconds(3600), T0.plusSeconds(7200),
                    T0.plusSeconds(10800));
            assertThat(action.firings()).extracting(Firing::sequence).containsExactly(1L, 2L, 3L);
            assertThat(action.firings()).allMatch(f -> !f.late());
            assertThat(h.runs()).isEqualTo(3);
            assertThat(triggers.history("hourly")).extracting(FiringRecord::outcome).containsOnly(FiringOutcome.COMPLETED);
            assertThat(action.firings().get(0).reason()).startsWith("every PT1H at 2026-03-27T01:00Z");
        }
    }

    @Test
    void cron_followsTheTimeZoneAcrossDaylightSavingTime() {
        // Paris moves from CET (+1) to CEST (+2) at 02:00 on 2026-03-29: 03:30 local is 02:30Z before, 01:30Z from then.
        ManualScheduler time = ManualScheduler.startingAt(T0);
        Recorder action = new Recorder();
        try (Triggers triggers = engine(time)) {
            triggers.define("nightly").when(Trigger.cron("30 3 * * *").in(ZoneId.of("Europe/Paris"))).start(action);
            time.advanceBy(Duration.ofDays(3));
        }
        assertThat(action.scheduled()).containsExactly(Instant.parse("2026-03-27T02:30:00Z"),
                Instant.parse("2026-03-28T02:30:00Z"), Instant.parse("2026-03-29T01:30:00Z"));
    }

    @Test
    void cron_acceptsQuartzSyntaxWithSeconds() {
        ManualScheduler time = ManualScheduler.startingAt(T0);   // a Friday
        Recorder action = new Recorder();
        try (Triggers triggers = engine(time)) {
            triggers.define("weekdays").when(Trigger.cron("15 0 9 ? * MON-FRI")).start(action);
            time.advanceBy(Duration.ofDays(4));
        }
        assertThat(action.scheduled()).containsExactly(Instant.parse("2026-03-27T09:00:15Z"),
                Instant.parse("2026-03-30T09:00:15Z"));
    }

    @Test
    void cron_invalidExpression_saysWhatIsWrong() {
        assertThatThrownBy(() -> Trigger.cron("0 2 * *")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("has 4 fields").hasMessageContaining("Unix");
        assertThatThrownBy(() -> Trigger.cron("0 25 * * *")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not valid Unix cron");
    }

    @Test
    void startEndAndMaxRuns_boundTheFirings() {
        ManualScheduler time = ManualScheduler.startingAt(T0);
        Recorder bounded = new Recorder();
        Recorder capped = new Recorder();
        try (Triggers triggers = engine(time)) {
            TriggerHandle window = triggers.define("window").when(Trigger.every(Duration.ofMinutes(10)))
                    .startAt(T0.plusSeconds(1800)).endAt(T0.plusSeconds(4200)).start(bounded);
            TriggerHandle max = triggers.define("max").when(Trigger.every(Duration.ofMinutes(10))).maxRuns(3).start(capped);
            time.advanceBy(Duration.ofHours(3));
            assertThat(window.finished()).isTrue();
            assertThat(max.finished()).isTrue();
            assertThat(max.runs()).isEqualTo(3);
        }
        // A fixed rate is anchored at its start: 00:30, 00:40, 00:50, 01:00, 01:10 (01:10 = the end, inclusive).
        assertThat(bounded.scheduled()).containsExactly(T0.plusSeconds(1800), T0.plusSeconds(2400),
                T0.plusSeconds(3000), T0.plusSeconds(3600), T0.plusSeconds(4200));
        assertThat(capped.scheduled()).containsExactly(T0.plusSeconds(600), T0.plusSeconds(1200), T0.plusSeconds(1800));
        assertThat(time.pendingTasks()).isZero();
    }

    /** A host too busy to wake on time: every wake-up runs {@code lag} after it was asked for. */
    record Lagging(ManualScheduler time, Duration lag) implements Scheduler {
        @Override
        public java.time.Clock clock() {
            return time.clock();
        }

        @Override
        public Cancellable schedule(Instant at, Runnable task) {
            return time.schedule(at.plus(lag), task);
        }

        @Override
        public void close() {
        }
    }

    static List<Firing> lateWakeUps(Duration lag, MisfirePolicy policy) {
        ManualScheduler time = ManualScheduler.startingAt(T0);
        Recorder action = new Recorder();
        try (Triggers triggers = Triggers.builder().scheduler(new Lagging(time, lag)).executor(Runnable::run).build()) {
            triggers.define("t").when(Trigger.every(Duration.ofHours(1))).misfire(policy).start(action);
            time.advanceBy(Duration.ofHours(2).plus(lag));
        }
        return action.firings();
    }

    @Test
    void lateWakeUp_withinGrace_firesLateWithoutMisfire() {
        List<Firing> firings = lateWakeUps(Duration.ofSeconds(30), MisfirePolicy.none());
        assertThat(firings).extracting(Firing::scheduledFor).containsExactly(T0.plusSeconds(3600), T0.plusSeconds(7200));
        assertThat(firings).allSatisfy(f -> {
            assertThat(f.late()).isTrue();
            assertThat(f.firedAt()).isEqualTo(f.scheduledFor().plusSeconds(30));
            assertThat(f.reason()).doesNotContain("misfire");
        });
    }

    @Test
    void lateWakeUp_beyondGrace_isAMisfire() {
        assertThat(lateWakeUps(Duration.ofMinutes(2), MisfirePolicy.none())).isEmpty();
        assertThat(lateWakeUps(Duration.ofMinutes(2), MisfirePolicy.once().withGrace(Duration.ofMinutes(5))))
                .allSatisfy(f -> assertThat(f.reason()).doesNotContain("misfire")).hasSize(2);
        assertThat(lateWakeUps(Duration.ofMinutes(2), MisfirePolicy.once())).hasSize(2)
                .allSatisfy(f -> assertThat(f.reason()).contains("misfire once: 1 scheduled time missed"));
    }

    static List<Firing> restartAfterDowntime(Path home, MisfirePolicy policy) {
        Recorder before = new Recorder();
        ManualScheduler time = ManualScheduler.startingAt(T0);
        try (Mlops mlops = Mlops.open(home); Triggers triggers = Triggers.builder().scheduler(time)
                .executor(Runnable::run).store(mlops).build()) {
            triggers.define("hourly").when(Trigger.every(Duration.ofHours(1))).misfire(policy).start(before);
            time.advanceBy(Duration.ofHours(2).plusMinutes(10));
        }
        assertThat(before.scheduled()).containsExactly(T0.plusSeconds(3600), T0.plusSeconds(7200));
        // Down from 02:10 to 05:30: 03:00, 04:00 and 05:00 were missed.
        Recorder after = new Recorder();
        ManualScheduler later = ManualScheduler.startingAt(T0.plus(Duration.ofHours(5).plusMinutes(30)));
        try (Mlops mlops = Mlops.open(home); Triggers triggers = Triggers.builder().scheduler(later)
                .executor(Runnable::run).store(mlops).build()) {
            triggers.define("hourly").when(Trigger.every(Duration.ofHours(1))).misfire(policy).start(after);
            later.runDue();
            List<Firing> atRestart = after.firings();
            later.advanceBy(Duration.ofMinutes(40));    // 06:00 fires normally
            assertThat(after.scheduled()).last().isEqualTo(T0.plusSeconds(6 * 3600));
            assertThat(triggers.history("hourly")).hasSize(2 + after.firings().size())
                    .extracting(r -> r.firing().sequence()).doesNotHaveDuplicates().isSorted();
            return atRestart;
        }
    }

    @Test
    void misfireNone_afterRestart_forgetsMissedTimesAndNeverRepeatsFiredOnes(@TempDir Path home) {
        assertThat(restartAfterDowntime(home, MisfirePolicy.none())).isEmpty();
    }

    @Test
    void misfireOnce_afterRestart_firesOnceForAllMissedTimes(@TempDir Path home) {
        List<Firing> atRestart = restartAfterDowntime(home, MisfirePolicy.once());
        assertThat(atRestart).hasSize(1);
        Firing f = atRestart.get(0);
        assertThat(f.scheduledFor()).isEqualTo(T0.plusSeconds(5 * 3600));
        assertThat(f.sequence()).isEqualTo(3);
        assertThat(f.late()).isTrue();
        assertThat(f.reason()).contains("misfire once: 3 scheduled times missed");
    }

    @Test
    void misfireAll_afterRestart_firesTheLatestMissedTimesUpToTheCap(@TempDir Path home) {
        List<Firing> atRestart = restartAfterDowntime(home, MisfirePolicy.all(2));
        assertThat(atRestart).extracting(Firing::scheduledFor)
                .containsExactly(T0.plusSeconds(4 * 3600), T0.plusSeconds(5 * 3600));
        assertThat(atRestart).extracting(Firing::sequence).containsExactly(3L, 4L);
    }

    @Test
    void maxRuns_countsAcrossRestarts(@TempDir Path home) {
        ManualScheduler time = ManualScheduler.startingAt(T0);
        Recorder first = new Recorder();
        try (Mlops mlops = Mlops.open(home); Triggers triggers = Triggers.builder().scheduler(time)
                .executor(Runnable::run).store(mlops).build()) {
            triggers.define("five").when(Trigger.every(Duration.ofMinutes(1))).maxRuns(5).start(first);
            time.advanceBy(Duration.ofMinutes(3));
        }
        Recorder second = new Recorder();
        try (Mlops mlops = Mlops.open(home); Triggers triggers = Triggers.builder().scheduler(time)
                .executor(Runnable::run).store(mlops).build()) {
            TriggerHandle h = triggers.define("five").when(Trigger.every(Duration.ofMinutes(1))).maxRuns(5).start(second);
            time.advanceBy(Duration.ofMinutes(10));
            assertThat(h.finished()).isTrue();
            assertThat(h.runs()).isEqualTo(5);
        }
        assertThat(first.firings()).hasSize(3);
        assertThat(second.firings()).extracting(Firing::sequence).containsExactly(4L, 5L);
        assertThat(second.scheduled()).containsExactly(T0.plusSeconds(240), T0.plusSeconds(300));
    }

    @Test
    void changedDefinition_afterRestart_startsItsCursorsAfreshButKeepsCounting(@TempDir Path home) {
        ManualScheduler time = ManualScheduler.startingAt(T0);
        try (Mlops mlops = Mlops.open(home); Triggers triggers = Triggers.builder().scheduler(time)
                .executor(Runnable::run).store(mlops).build()) {
            triggers.define("t").when(Trigger.every(Duration.ofHours(1))).start(f -> { });
            time.advanceBy(Duration.ofHours(2));
        }
        Recorder after = new Recorder();
        time.advanceBy(Duration.ofHours(5));
        try (Mlops mlops = Mlops.open(home); Triggers triggers = Triggers.builder().scheduler(time)
                .executor(Runnable::run).store(mlops).build()) {
            // Was a fixed rate, is now a cron: the old cursor is not the cron's; nothing from the downtime fires.
            triggers.define("t").when(Trigger.cron("0 * * * *")).start(after);
            time.advanceBy(Duration.ofMinutes(90));
        }
        assertThat(after.scheduled()).containsExactly(T0.plus(Duration.ofHours(8)));
        assertThat(after.firings().get(0).sequence()).isEqualTo(3);
    }

    @Test
    void systemScheduler_firesOnRealTime() throws InterruptedException {
        java.util.concurrent.CountDownLatch three = new java.util.concurrent.CountDownLatch(3);
        try (Triggers triggers = Triggers.builder().build()) {      // system clock, daemon threads
            TriggerHandle h = triggers.define("fast").when(Trigger.every(Duration.ofMillis(5))).maxRuns(3)
                    .concurrency(ConcurrencyPolicy.queue(3)).start(f -> three.countDown());
            assertThat(three.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(h.runs()).isEqualTo(3);
        }
    }

    @Test
    void define_badSettings_areRejectedWithTheReason() {
        try (Triggers triggers = engine(ManualScheduler.startingAt(T0))) {
            assertThatThrownBy(() -> triggers.define("bad name")).hasMessageContaining("letters, digits");
            assertThatThrownBy(() -> triggers.define("x").start(f -> { })).hasMessageContaining("call when(...)");
            assertThatThrownBy(() -> triggers.define("x").when(Trigger.every(Duration.ofHours(1)))
                    .startAt(T0).endAt(T0).start(f -> { })).hasMessageContaining("must be before endAt");
            assertThatThrownBy(() -> MisfirePolicy.all(0)).hasMessageContaining("cap of at least 1");
            assertThatThrownBy(() -> ConcurrencyPolicy.queue(0)).hasMessageContaining("bound of at least 1");
            triggers.define("x").when(Trigger.every(Duration.ofHours(1))).start(f -> { });
            assertThatThrownBy(() -> triggers.define("x").when(Trigger.every(Duration.ofHours(1))).start(f -> { }))
                    .hasMessageContaining("already registered");
        }
    }
}
