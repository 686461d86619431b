package dev.mlops4j.trigger;

import dev.mlops4j.StoreException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoreFailureTest {
    static final Instant T0 = Instant.parse("2026-08-01T00:00:00Z");

    /** A memory store whose state writes fail while {@code failing} is set. */
    static final class FlakyStore implements TriggerStore {
        final MemoryTriggerStore delegate = new MemoryTriggerStore();
        boolean failing;

        @Override
        public String loadState(String trigger) {
            return delegate.loadState(trigger);
        }

        @Override
        public void saveState(String trigger, String state) {
            if (failing) {
                throw new StoreException("disk full");
            }
            delegate.saveState(trigger, state);
        }

        @Override
        public Object begin(Firing firing, String target) {
            return delegate.begin(firing, target);
        }

        @Override
        public void end(Object token, FiringOutcome outcome, Throwable error) {
            delegate.end(token, outcome, error);
        }

        @Override
        public List<FiringRecord> history(String trigger) {
            return delegate.history(trigger);
        }
    }

    @Test
    void failedStateCommit_runsNothingAndFindsTheSameFilesAgain(@org.junit.jupiter.api.io.TempDir Path dir)
            throws IOException {
        FlakyStore store = new FlakyStore();
        ManualScheduler time = ManualScheduler.startingAt(T0);
        Recorder action = new Recorder();
        try (Triggers triggers = Triggers.builder().scheduler(time).executor(Runnable::run).store(store)
                .pollInterval(Duration.ofMinutes(1)).build()) {
            TriggerHandle h = triggers.define("files").when(Trigger.onNewFiles(dir)).start(action);
            Path file = Files.writeString(dir.resolve("a.csv"), "1\n");
            Files.setLastModifiedTime(file, FileTime.from(T0));
            store.failing = true;
            time.advanceBy(Duration.ofMinutes(1));
            assertThat(action.firings()).isEmpty();
            assertThat(h.runs()).isZero();
            assertThat(triggers.history("files")).extracting(FiringRecord::outcome)
                    .containsExactly(FiringOutcome.CANCELLED);
            store.failing = false;
            time.advanceBy(Duration.ofMinutes(1));
            assertThat(action.firings()).hasSize(1);
            assertThat(action.firings().get(0).reason()).endsWith(": a.csv");
            assertThat(action.firings().get(0).sequence()).isEqualTo(2);     // 1 belongs to the cancelled record
            assertThat(h.runs()).isEqualTo(1);
        }
    }

    @Test
    void failedStateCommit_leavesScheduledTimesToTheMisfirePolicy() {
        FlakyStore store = new FlakyStore();
        ManualScheduler time = ManualScheduler.startingAt(T0);
        Recorder action = new Recorder();
        try (Triggers triggers = Triggers.builder().scheduler(time).executor(Runnable::run).store(store).build()) {
            triggers.define("hourly").when(Trigger.every(Duration.ofHours(1))).misfire(MisfirePolicy.all(5)).start(action);
            store.failing = true;
            time.advanceBy(Duration.ofHours(1));
            store.failing = false;
            time.advanceBy(Duration.ofHours(1));
        }
        // 01:00 could not be committed; at 02:00 it is found again, late, and caught up under all(5).
        assertThat(action.scheduled()).containsExactly(T0.plusSeconds(3600), T0.plusSeconds(7200));
    }

    /**
     * Runs a signal trigger on a flaky store.
     *
     * @param debounce the trigger's debounce
     * @param body what the test does: the store, the clock and the signal
     * @return the reasons of the firings
     */
    static List<String> signalled(Duration debounce, TriConsumer body) {
        FlakyStore store = new FlakyStore();
        ManualScheduler time = ManualScheduler.startingAt(T0);
        Recorder action = new Recorder();
        DataSignal arrivals = Trigger.signal("partitions");
        try (Triggers triggers = Triggers.builder().scheduler(time).executor(Runnable::run).store(store).build()) {
            triggers.define("ingest").when(arrivals).debounce(debounce).start(action);
            body.accept(store, time, arrivals);
        }
        return action.firings().stream().map(Firing::reason).toList();
    }

    interface TriConsumer {
        void accept(FlakyStore store, ManualScheduler time, DataSignal arrivals);
    }

    @Test
    void signal_whenTheStoreCannotRecordIt_failsAndKeepsNothing() {
        assertThat(signalled(Duration.ZERO, (store, time, arrivals) -> {
            store.failing = true;
            assertThatThrownBy(() -> arrivals.signal("lost")).isInstanceOf(StoreException.class)
                    .hasMessage("disk full");
            assertThat(arrivals.pending()).isEmpty();
            store.failing = false;
            arrivals.signal("kept");
            time.runDue();
        })).containsExactly("signal 'partitions': 1 arrival (kept)");
    }

    @Test
    void failedStateCommit_keepsTheSignalledItemsForTheNextFiring() {
        assertThat(signalled(Duration.ofMinutes(1), (store, time, arrivals) -> {
            arrivals.signal("a").signal("b");
            store.failing = true;
            time.advanceBy(Duration.ofMinutes(2));
            assertThat(arrivals.pending()).containsExactly("a", "b");
            store.failing = false;
            time.advanceBy(Duration.ofMinutes(1));
        })).containsExactly("signal 'partitions': 2 arrivals (a, b)");
    }
}
