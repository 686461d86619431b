package dev.mlops4j.monitoring;

import dev.mlops4j.validation.drift.DriftDetector;
import dev.mlops4j.validation.profile.Profile;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

/** Closed windows are analysed off the recording thread, in order, with a bounded wait and no lost report. */
class WindowAnalysisTest {
    static List<Weather> y2013;
    static Profile reference;

    @BeforeAll
    static void trainingProfile() {
        List<Weather> all = Weather.read();
        y2013 = Weather.year(all, 2013);
        reference = DriftDetector.defaults().profile(PredictionMonitorTest.table(Weather.year(all, 2012)));
    }

    /** Collects what listeners see, with the thread that called them. */
    static final class Seen implements MonitorListener {
        final List<WindowReport> windows = new CopyOnWriteArrayList<>();
        final List<Thread> threads = new CopyOnWriteArrayList<>();

        @Override
        public void onAlert(MonitorAlert alert) {
        }

        @Override
        public void onWindowClosed(WindowReport window) {
            windows.add(window);
            threads.add(Thread.currentThread());
        }

        List<Long> indexes() {
            return windows.stream().map(WindowReport::index).toList();
        }
    }

    /** A reference that blocks window 0's analysis until released, and says when that analysis has started. */
    static final class Blocking implements WindowReference {
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public Profile referenceFor(WindowSpan window) {
            if (window.index() == 0) {
                started.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return reference;
        }
    }

    @Test
    void closedWindows_analysedInOrderOnAnotherThread() {
        Seen seen = new Seen();
        PredictionMonitor monitor = PredictionMonitor.builder("weather").reference(reference).windowOf(30)
                .waitingWindowLimit(100).listener(seen).build();

        PredictionMonitorTest.feed(monitor, y2013, true);
        monitor.flush();

        assertThat(seen.indexes()).containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(0, 12).boxed()
                .toList());
        assertThat(seen.threads).doesNotContain(Thread.currentThread());
        assertThat(seen.windows).allSatisfy(w -> assertThat(w.drift()).isPresent());
        assertThat(monitor.windows()).containsExactlyElementsOf(seen.windows);
        assertThat(monitor.windowsSkipped()).isZero();
        monitor.close();
    }

    @Test
    void recording_whileAnAnalysisIsBlocked_continuesAndSkipsTheOldestWaitingWindowsBeyondTheLimit() throws Exception {
        Blocking blocking = new Blocking();
        Seen seen = new Seen();
        PredictionMonitor monitor = PredictionMonitor.builder("weather").reference(blocking).windowOf(30)
                .key(r -> r.at().toString().substring(0, 10)).waitingWindowLimit(2).listener(seen).build();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new MonitorMeters(monitor).bindTo(registry);

        PredictionMonitorTest.feed(monitor, y2013.subList(0, 30), true);
        blocking.started.await();
        // Windows 1..6 close while window 0 is being analysed: 1..4 are skipped, 5 and 6 wait.
        PredictionMonitorTest.feed(monitor, y2013.subList(30, 210), true);
        assertThat(monitor.windowCount()).isEqualTo(7);
        assertThat(monitor.windowsSkipped()).isEqualTo(4);
        assertThat(registry.get("mlops.monitor.windows.skipped").functionCounter().count()).isEqualTo(4);
        assertThat(monitor.latestWindow()).isEmpty();
        // Labels join windows whose analysis is running, skipped or still waiting.
        for (Weather d : y2013.subList(0, 210)) {
            assertThat(monitor.label(d.key(), d.weather())).isTrue();
        }

        blocking.release.countDown();
        monitor.flush();

        assertThat(seen.indexes()).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(seen.windows).extracting(WindowReport::skipped)
                .containsExactly(false, true, true, true, true, false, false);
        assertThat(seen.windows).allSatisfy(w -> assertThat(w.drift().isPresent()).isEqualTo(!w.skipped()));
        assertThat(monitor.windows()).allSatisfy(w -> assertThat(w.performance().labelled()).isEqualTo(30));
        assertThat(monitor.latestWindow()).hasValueSatisfying(w -> assertThat(w.index()).isEqualTo(6));
        assertThat(seen.windows.get(1).toString()).contains("analysis skipped");
        assertThat(monitor.windows().toString()).contains("skipped");
        monitor.close();
    }

    @Test
    void close_waitsForPendingAnalyses_andLaterWindowsAreAnalysedByTheirCaller() {
        Seen seen = new Seen();
        PredictionMonitor monitor = PredictionMonitor.builder("weather").reference(reference).windowOf(100)
                .listener(seen).build();
        PredictionMonitorTest.feed(monitor, y2013.subList(0, 300), true);

        monitor.close();

        assertThat(seen.indexes()).containsExactly(0L, 1L, 2L);
        PredictionMonitorTest.feed(monitor, y2013.subList(300, 365), true);
        monitor.flush();
        assertThat(seen.indexes()).containsExactly(0L, 1L, 2L, 3L);
        assertThat(seen.threads.get(3)).isEqualTo(Thread.currentThread());
    }

    @Test
    void analysis_failingReferenceOrListener_loggedAndCountedAndLaterWindowsStillAnalysed() {
        Seen seen = new Seen();
        PredictionMonitor monitor = PredictionMonitor.builder("weather").windowOf(50)
                .reference(w -> {
                    if (w.index() == 1) {
                        throw new IllegalStateException("no reference for window 1");
                    }
                    return reference;
                })
                .listener(new MonitorListener() {
                    @Override
                    public void onAlert(MonitorAlert alert) {
                        throw new IllegalStateException("alert listener down");
                    }

                    @Override
                    public void onWindowClosed(WindowReport window) {
                        throw new IllegalStateException("window listener down");
                    }
                })
                .listener(seen).waitingWindowLimit(100).build();

        PredictionMonitorTest.feed(monitor, y2013.subList(0, 200), true);
        monitor.flush();

        assertThat(seen.indexes()).containsExactly(0L, 1L, 2L, 3L);
        assertThat(seen.windows.get(1).drift()).isEmpty();
        assertThat(seen.windows).filteredOn(w -> w.index() != 1).allSatisfy(w -> assertThat(w.drift()).isPresent());
        assertThat(monitor.analysisFailures()).isEqualTo(1);
        assertThat(RecordedLogs.of(PredictionMonitor.class)).anySatisfy(l -> assertThat(l.message())
                .contains("window 1 could not be compared"));
        monitor.close();
    }
}
