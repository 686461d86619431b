package dev.mlops4j.trigger;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.Mlops;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DataTriggerTest {
    static final Instant T0 = Instant.parse("2026-05-01T12:00:00Z");

    @Test
    void signal_arrivalsBeforeARunCoalesceIntoOneFiring() {
        ManualScheduler time = ManualScheduler.startingAt(T0);
        Recorder action = new Recorder();
        DataSignal arrivals = Trigger.signal("partitions");
        try (Triggers triggers = Triggers.builder().scheduler(time).executor(Runnable::run).build()) {
            triggers.define("ingest").when(arrivals).start(action);
            arrivals.signal("2026-05-01").signal("2026-05-02");
            time.runDue();
            assertThat(action.firings()).hasSize(1);
            assertThat(action.firings().get(0).reason()).isEqualTo("signal 'partitions': 2 arrivals (2026-05-01, 2026-05-02)");
            assertThat(arrivals.pending()).isEmpty();
            time.advanceBy(Duration.ofHours(1));
            assertThat(action.firings()).hasSize(1);
            arrivals.signal("2026-05-03");
            time.runDue();
            assertThat(action.firings()).hasSize(2);
            assertThat(action.firings().get(1).scheduledFor()).isEqualTo(T0.plusSeconds(3600));
        }
    }

    @Test
    void debounce_waitsForAQuietPeriodAfterTheLastArrival() {
        ManualScheduler time = ManualScheduler.startingAt(T0);
        Recorder action = new Recorder();
        DataSignal arrivals = Trigger.signal();
        try (Triggers triggers = Triggers.builder().scheduler(time).executor(Runnable::run).build()) {
            triggers.define("ingest").when(arrivals).debounce(Duration.ofMinutes(5)).start(action);
            arrivals.signal("a");
            time.advanceBy(Duration.ofMinutes(2));
            arrivals.signal("b");
            time.advanceBy(Duration.ofMinutes(4));
            arrivals.signal("c");
            time.advanceBy(Duration.ofMinutes(4).plusSeconds(59));
            assertThat(action.firings()).isEmpty();
            time.advanceBy(Duration.ofMinutes(5));
        }
        assertThat(action.firings()).hasSize(1);
        Firing f = action.firings().get(0);
        assertThat(f.firedAt()).isEqualTo(T0.plus(Duration.ofMinutes(11)));
        assertThat(f.scheduledFor()).isEqualTo(T0.plus(Duration.ofMinutes(6)));     // the last arrival
        assertThat(f.reason()).contains("3 arrivals (a, b, c)");
    }

    static void write(Path file, Instant modified) throws IOException {
        Files.writeString(file, "x," + modified + "\n");
        Files.setLastModifiedTime(file, FileTime.from(modified));
    }

    @Test
    void newFiles_firesOncePerBatchOfArrivalsAndAgainOnModification(@TempDir Path tmp) throws IOException {
        Path incoming = tmp.resolve("incoming");     // created only later: a missing directory is simply empty
        ManualScheduler time = ManualScheduler.startingAt(T0);
        Recorder action = new Recorder();
        try (Triggers triggers = Triggers.builder().scheduler(time).executor(Runnable::run)
                .pollInterval(Duration.ofMinutes(1)).build()) {
            triggers.define("files").when(Trigger.onNewFiles(incoming).matching("*.csv")).start(action);
            time.advanceBy(Duration.ofMinutes(3));
            assertThat(action.firings()).isEmpty();
            Files.createDirectories(incoming);
            write(incoming.resolve("a.csv"), T0.minusSeconds(5));
            write(incoming.resolve("b.csv"), T0.minusSeconds(5));
            write(incoming.resolve("notes.txt"), T0);
            Files.createDirectory(incoming.resolve("sub.csv"));
            time.advanceBy(Duration.ofMinutes(1));
            assertThat(action.firings()).hasSize(1);
            assertThat(action.firings().get(0).reason()).isEqualTo("2 new files in " + incoming + ": a.csv, b.csv");
            time.advanceBy(Duration.ofMinutes(5));
            assertThat(action.firings()).hasSize(1);
            write(incoming.resolve("b.csv"), T0.plusSeconds(1));           // new data under an old name
            write(incoming.resolve("c.csv"), T0.minusSeconds(5));          // as old as the cursor, but unseen
            time.advanceBy(Duration.ofMinutes(1));
            assertThat(action.firings()).hasSize(2);
            assertThat(action.firings().get(1).reason()).endsWith(": b.csv, c.csv");
        }
    }

    @Test
    void newFiles_afterRestart_firesForFilesThatArrivedWhileDownButNotForConsumedOnes(@TempDir Path tmp)
            throws IOException {
        Path home = tmp.resolve("home");
        Path incoming = Files.createDirectories(tmp.resolve("incoming"));
        ManualScheduler time = ManualScheduler.startingAt(T0);
        Recorder before = new Recorder();
        try (Mlops mlops = Mlops.open(home); Triggers triggers = Triggers.builder().scheduler(time)
                .executor(Runnable::run).store(mlops).pollInterval(Duration.ofMinutes(1)).build()) {
            triggers.define("files").when(Trigger.onNewFiles(incoming)).start(before);
            write(incoming.resolve("day1.csv"), T0);
            time.advanceBy(Duration.ofMinutes(2));
        }
        assertThat(before.firings()).hasSize(1);
        write(incoming.resolve("day2.csv"), T0.plusSeconds(3600));     // arrives while the application is down
        Recorder after = new Recorder();
        try (Mlops mlops = Mlops.open(home); Triggers triggers = Triggers.builder().scheduler(time)
                .executor(Runnable::run).store(mlops).pollInterval(Duration.ofMinutes(1)).build()) {
            TriggerHandle h = triggers.define("files").when(Trigger.onNewFiles(incoming)).start(after);
            time.advanceBy(Duration.ofMinutes(5));
            assertThat(h.history()).hasSize(2);
        }
        assertThat(after.firings()).hasSize(1);
        assertThat(after.firings().get(0).reason()).endsWith(": day2.csv");
        assertThat(after.firings().get(0).sequence()).isEqualTo(2);
    }

    /** One application run on the store in {@code home}: a debounced signal trigger, and what the test does with it. */
    static void session(Path home, ManualScheduler time, Recorder action,
                        java.util.function.BiConsumer<Triggers, DataSignal> body) {
        DataSignal arrivals = Trigger.signal("partitions");     // a new instance, as a new process would have
        try (Mlops mlops = Mlops.open(home); Triggers triggers = Triggers.builder().scheduler(time)
                .executor(Runnable::run).store(mlops).build()) {
            triggers.define("ingest").when(arrivals).debounce(Duration.ofMinutes(10)).start(action);
            body.accept(triggers, arrivals);
        }
    }

    @Test
    void signal_afterRestart_firesForItemsSignalledBeforeTheStopAndNeverTwice(@TempDir Path home) {
        ManualScheduler time = ManualScheduler.startingAt(T0);
        Recorder first = new Recorder();
        session(home, time, first, (triggers, arrivals) -> {
            arrivals.signal("p1");
            time.advanceBy(Duration.ofMinutes(11));
            assertThat(first.firings()).hasSize(1);
            arrivals.signal("p2").signal("p3");
            time.advanceBy(Duration.ofMinutes(2));      // still in the debounce when the application stops
        });
        assertThat(first.firings()).extracting(Firing::reason).containsExactly("signal 'partitions': 1 arrival (p1)");

        Recorder second = new Recorder();
        session(home, time, second, (triggers, arrivals) -> {
            // Written when signalled; p1 was consumed by the write that recorded its firing.
            assertThat(arrivals.pending()).containsExactly("p2", "p3");
            arrivals.signal("p4");
            time.advanceBy(Duration.ofMinutes(11));
        });
        assertThat(second.firings()).singleElement().satisfies(f -> {
            assertThat(f.reason()).isEqualTo("signal 'partitions': 3 arrivals (p2, p3, p4)");
            assertThat(f.sequence()).isEqualTo(2);
        });

        Recorder third = new Recorder();
        session(home, time, third, (triggers, arrivals) -> {
            assertThat(arrivals.pending()).isEmpty();
            time.advanceBy(Duration.ofHours(1));
            assertThat(triggers.history("ingest")).hasSize(2);
        });
        assertThat(third.firings()).isEmpty();
    }

    @Test
    void signal_beyondWhatOneStateTagHolds_isRefusedWithAClearErrorAndKeepsTheOthers() {
        ManualScheduler time = ManualScheduler.startingAt(T0);
        Recorder action = new Recorder();
        DataSignal arrivals = Trigger.signal("partitions");
        String big = "p".repeat(999);
        try (Mlops mlops = Mlops.inMemory(); Triggers triggers = Triggers.builder().scheduler(time)
                .executor(Runnable::run).store(mlops).build()) {
            triggers.define("ingest").when(arrivals).debounce(Duration.ofHours(1)).start(action);
            for (int i = 0; i < 7; i++) {
                arrivals.signal(big + i);      // 7,000 characters of items: the state still fits in 8,000
            }
            assertThatThrownBy(() -> arrivals.signal(big + 7)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("the state of trigger 'ingest' would be")
                    .hasMessageContaining("signal fewer, shorter items");
            assertThat(arrivals.pending()).hasSize(7);
            time.advanceBy(Duration.ofHours(1));
        }
        assertThat(action.firings()).singleElement()
                .satisfies(f -> assertThat(f.reason()).startsWith("signal 'partitions': 7 arrivals ("));
    }

    @Test
    void signal_afterTheEnd_neverFiresAndTheTriggerFinishesAtItsEnd() {
        ManualScheduler time = ManualScheduler.startingAt(T0);
        Recorder action = new Recorder();
        DataSignal arrivals = Trigger.signal();
        try (Triggers triggers = Triggers.builder().scheduler(time).executor(Runnable::run).build()) {
            TriggerHandle h = triggers.define("until-one").when(arrivals).endAt(T0.plusSeconds(3600)).start(action);
            time.advanceBy(Duration.ofMinutes(61));
            assertThat(h.finished()).isTrue();
            arrivals.signal("late");
            time.runDue();
            assertThat(action.firings()).isEmpty();
            assertThatThrownBy(() -> triggers.define("other").when(Trigger.every(Duration.ofHours(1)).or(arrivals))
                    .start(f -> { })).hasMessageContaining("already belongs to trigger 'until-one'");
        }
    }
}
