package dev.mlops4j.monitoring;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.gate.Gate;
import dev.mlops4j.monitoring.internal.NamedTable;
import dev.mlops4j.serving.PredictionRecord;
import dev.mlops4j.serving.PredictionSink;
import dev.mlops4j.trigger.ManualScheduler;
import dev.mlops4j.validation.data.Table;
import dev.mlops4j.validation.drift.DriftDetector;
import dev.mlops4j.validation.drift.DriftReport;
import dev.mlops4j.validation.profile.Profile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PredictionMonitorTest {
    static List<Weather> all;
    static List<Weather> y2012;
    static List<Weather> y2013;
    static Profile reference;
    static final DriftDetector DETECTOR = DriftDetector.defaults();

    @BeforeAll
    static void trainingProfile() {
        all = Weather.read();
        y2012 = Weather.year(all, 2012);
        y2013 = Weather.year(all, 2013);
        reference = DETECTOR.profile(table(y2012));
    }

    static Table table(List<Weather> days) {
        List<Map<String, ?>> rows = new ArrayList<>();
        days.forEach(d -> rows.add(d.features()));
        return Table.ofMaps(rows);
    }

    /** @return the table as the monitor names a window's rows, so that its profile says which window it is */
    static Table window(Table rows, WindowReport w) {
        return new NamedTable(rows, w.model() + " window " + w.index());
    }

    static void feed(PredictionMonitor monitor, List<Weather> days, boolean classified) {
        // In batches, as a serving handle's recording thread delivers them.
        for (int i = 0; i < days.size(); i += 50) {
            List<PredictionRecord> batch = days.subList(i, Math.min(days.size(), i + 50)).stream()
                    .map(d -> classified ? d.classified() : d.regressed()).toList();
            monitor.accept(batch);
        }
    }

    @Test
    void countWindows_compareEachWindowWithTheTrainingProfile() {
        List<WindowReport> closed = new ArrayList<>();
        PredictionMonitor monitor = PredictionMonitor.builder("weather").reference(reference).windowOf(100)
                .listener(new MonitorListener() {
                    @Override
                    public void onAlert(MonitorAlert alert) {
                    }

                    @Override
                    public void onWindowClosed(WindowReport window) {
                        closed.add(window);
                    }
                }).build();
        feed(monitor, y2013, true);
        assertThat(monitor.windowCount()).isEqualTo(3);
        assertThat(monitor.openWindowCount()).isEqualTo(65);
        assertThat(monitor.flush()).isPresent();
        List<WindowReport> windows = monitor.windows();
        assertThat(windows).hasSize(4).isEqualTo(closed);
        for (WindowReport w : windows) {
            int from = (int) w.index() * 100;
            List<Weather> days = y2013.subList(from, Math.min(y2013.size(), from + 100));
            assertThat(w.predictions()).isEqualTo(days.size());
            assertThat(w.start()).isEqualTo(days.get(0).at());
            assertThat(w.end()).isEqualTo(days.get(days.size() - 1).at());
            DriftReport expected = DETECTOR.compare(reference, DETECTOR.profile(window(table(days), w)));
            assertThat(w.drift()).hasValue(expected);
            assertThat(w.metrics()).containsEntry("drift.share", expected.driftShare()).containsEntry("predictions",
                    (double) days.size());
        }
        // Seasons differ from a whole year: some 100-day window drifts in temperature.
        assertThat(windows).anyMatch(w -> w.drift().orElseThrow().driftedColumns().contains("temp_max"));
        assertThat(monitor.latestDrift()).isEqualTo(windows.get(3).drift().orElseThrow());
    }

    @Test
    void lateLabels_joinByKeyAndGiveLiveAccuracyPerWindow() {
        PredictionMonitor monitor = PredictionMonitor.builder("weather").reference(reference).windowOf(120)
                .key(r -> r.at().toString().substring(0, 10)).build();
        List<Weather> early = y2013.subList(0, 300);
        List<Weather> tail = y2013.subList(300, 360);
        // Labels for the last 60 days arrive before their predictions (the truth was known first); they wait.
        for (Weather d : tail) {
            assertThat(monitor.label(d.key(), d.weather())).isFalse();
        }
        assertThat(monitor.labelsPending()).isEqualTo(60);
        feed(monitor, early, true);
        feed(monitor, tail, true);
        assertThat(monitor.labelsPending()).isZero();
        // Late labels for the first 300 days, every third one missing; window 0 and 1 are closed by now.
        for (int i = 0; i < early.size(); i++) {
            if (i % 3 != 2) {
                assertThat(monitor.label(early.get(i).key(), early.get(i).weather())).isTrue();
            }
        }
        assertThat(monitor.label(early.get(0).key(), "snow")).isFalse();    // a repeat is ignored
        monitor.flush();
        List<WindowReport> windows = monitor.windows();
        assertThat(windows).hasSize(3);
        for (WindowReport w : windows) {
            long labelled = 0;
            long correct = 0;
            for (int i = (int) w.index() * 120; i < Math.min(360, (w.index() + 1) * 120); i++) {
                boolean hasLabel = i >= 300 || i % 3 != 2;
                if (hasLabel) {
                    labelled++;
                    correct += y2013.get(i).ruleLabel().equals(y2013.get(i).weather()) ? 1 : 0;
                }
            }
            assertThat(w.performance().labelled()).isEqualTo(labelled);
            assertThat(w.performance().accuracy()).hasValue((double) correct / labelled);
            assertThat(w.performance().rmse()).isEmpty();
        }
        assertThat(monitor.labelsJoined()).isEqualTo(200 + 60);
        assertThat(monitor.latestMetrics()).containsEntry("accuracy", windows.get(2).performance().accuracy().getAsDouble());
    }

    @Test
    void regressionLabels_giveRmseAndMaePerWindow() {
        PredictionMonitor monitor = PredictionMonitor.builder("temp").reference(reference).windowOf(200).build();
        List<Weather> days = y2013.subList(0, 200);
        for (Weather d : days) {
            monitor.record(d.key(), d.regressed());
        }
        for (Weather d : days) {
            monitor.label(d.key(), d.tempMax());
        }
        double sq = 0;
        double abs = 0;
        for (Weather d : days) {
            double e = d.guessedTempMax() - d.tempMax();
            sq += e * e;
            abs += Math.abs(e);
        }
        Performance p = monitor.windows().get(0).performance();
        assertThat(p.rmse().getAsDouble()).isCloseTo(Math.sqrt(sq / 200), within(1e-12));
        assertThat(p.mae().getAsDouble()).isCloseTo(abs / 200, within(1e-12));
        assertThat(p.accuracy()).isEmpty();
        assertThatThrownBy(() -> monitor.label(days.get(0).key(), "rain")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("predicted a number");
    }

    @Test
    void timeWindows_areAlignedTumblingWindowsClosedByLaterPredictionsOrTheClock() {
        ManualScheduler time = ManualScheduler.startingAt(Instant.parse("2014-01-01T00:00:00Z"));
        PredictionMonitor monitor = PredictionMonitor.builder("weather").reference(reference)
                .windowOf(Duration.ofDays(7)).clock(time.clock()).build();
        List<Weather> jan = Weather.year(all, 2014).subList(0, 20);     // 2014-01-01 .. 2014-01-20
        for (Weather d : jan) {
            monitor.record(d.classified());
        }
        // The epoch was a Thursday: weeks run Thursday to Thursday. 2014-01-01 is a Wednesday.
        List<WindowReport> windows = monitor.windows();
        assertThat(windows).extracting(WindowReport::start).containsExactly(Instant.parse("2013-12-26T00:00:00Z"),
                Instant.parse("2014-01-02T00:00:00Z"), Instant.parse("2014-01-09T00:00:00Z"));
        assertThat(windows).extracting(WindowReport::predictions).containsExactly(1L, 7L, 7L);
        assertThat(monitor.openWindowCount()).isEqualTo(5);
        time.advanceTo(Instant.parse("2014-01-22T23:00:00Z"));
        assertThat(monitor.tick()).isEmpty();
        time.advanceTo(Instant.parse("2014-01-23T00:00:00Z"));
        Optional<WindowReport> last = monitor.tick();
        assertThat(last).hasValueSatisfying(w -> {
            assertThat(w.start()).isEqualTo(Instant.parse("2014-01-16T00:00:00Z"));
            assertThat(w.end()).isEqualTo(Instant.parse("2014-01-23T00:00:00Z"));
            assertThat(w.predictions()).isEqualTo(5);
        });
        assertThat(monitor.openWindowCount()).isZero();
    }

    @Test
    void alerts_driftAndFailedPerformanceGateGoToListeners() {
        List<MonitorAlert> alerts = new ArrayList<>();
        ManualScheduler time = ManualScheduler.startingAt(Instant.parse("2014-01-01T00:00:00Z"));
        PredictionMonitor monitor = PredictionMonitor.builder("weather").reference(reference).windowOf(60)
                .key(r -> r.at().toString()).clock(time.clock())
                .performanceGate(Gate.metric("accuracy").atLeast(0.75).named("live-accuracy"), 30)
                .listener(alerts::add)
                .listener(a -> { throw new IllegalStateException("a broken listener does not stop the others"); })
                .analysisExecutor(Runnable::run).build();
        List<Weather> days = y2013.subList(0, 360);
        feed(monitor, days, true);
        List<WindowReport> windows = monitor.windows();
        long drifting = windows.stream().filter(w -> w.drift().orElseThrow().isDrift()).count();
        assertThat(drifting).isPositive();
        assertThat(alerts).filteredOn(a -> a.kind() == MonitorAlert.Kind.DRIFT).hasSize((int) drifting)
                .allSatisfy(a -> assertThat(a.message()).contains("drifted").contains("model 'weather'"));
        assertThat(monitor.alertCount(MonitorAlert.Kind.DRIFT)).isEqualTo(drifting);

        for (Weather d : days) {
            monitor.label(d.at().toString(), d.weather());
        }
        long failing = 0;
        for (int w = 0; w < 6; w++) {
            long correct = days.subList(w * 60, w * 60 + 60).stream().filter(d -> d.ruleLabel().equals(d.weather())).count();
            failing += correct / 60.0 < 0.75 ? 1 : 0;
        }
        List<MonitorAlert> perf = alerts.stream().filter(a -> a.kind() == MonitorAlert.Kind.PERFORMANCE).toList();
        assertThat(failing).isPositive();
        // Checked from the 30th label on, alerted at most once per window: windows below 0.75 at their 30th label or later.
        assertThat(perf).extracting(a -> a.window().index()).doesNotHaveDuplicates();
        assertThat(perf.size()).isGreaterThanOrEqualTo((int) failing);
        assertThat(perf).allSatisfy(a -> {
            assertThat(a.message()).contains("failed gate 'live-accuracy'");
            assertThat(a.window().performance().labelled()).isGreaterThanOrEqualTo(30);
            assertThat(a.window().performance().accuracy().getAsDouble()).isLessThan(0.75);
        });
    }

    @Test
    void alerts_areAlsoLoggedAtWarnWithTheAlertsMessage() {
        List<MonitorAlert> alerts = new ArrayList<>();
        PredictionMonitor monitor = PredictionMonitor.builder("weather-logged").reference(reference).windowOf(60)
                .listener(alerts::add).analysisExecutor(Runnable::run).build();
        feed(monitor, y2013, true);
        assertThat(alerts).isNotEmpty();
        List<RecordedLogs.Line> logged = RecordedLogs.of(PredictionMonitor.class).stream()
                .filter(l -> l.message().contains("model 'weather-logged'")).toList();
        assertThat(logged).containsExactlyElementsOf(alerts.stream().map(a -> new RecordedLogs.Line(Level.WARN,
                "Monitoring alert (" + a.kind() + "): " + a.message())).toList());
    }

    @Test
    void onlyModelAndOnlyVersion_takeTheirOwnRecordsFromASharedSink() {
        PredictionMonitor weather = PredictionMonitor.builder("weather").reference(reference).windowOf(30)
                .onlyModel().build();
        PredictionMonitor challenger = PredictionMonitor.builder("weather").reference(reference).windowOf(30)
                .onlyVersion(2).build();
        PredictionMonitor temp = PredictionMonitor.builder("temp").reference(reference).windowOf(30)
                .onlyModel().build();
        PredictionMonitor everything = PredictionMonitor.builder("all").reference(reference).windowOf(30).build();
        PredictionSink shared = batch -> List.of(weather, challenger, temp, everything).forEach(m -> m.accept(batch));
        List<PredictionRecord> batch = new ArrayList<>();
        List<Weather> days = y2013.subList(0, 90);
        for (int i = 0; i < days.size(); i++) {
            PredictionRecord r = days.get(i).classified();
            // Every third day the challenger (version 2) answers instead of the champion.
            batch.add(i % 3 == 0 ? new PredictionRecord(r.modelName(), 2, r.alias(), r.at(), r.features(),
                    r.prediction(), r.issues(), r.latencyNanos()) : r);
            batch.add(days.get(i).regressed());
        }
        shared.accept(batch);
        assertThat(weather.predictionCount()).isEqualTo(90);
        assertThat(weather.recordsIgnored()).isEqualTo(90);
        assertThat(challenger.predictionCount()).isEqualTo(30);
        assertThat(challenger.recordsIgnored()).isEqualTo(150);
        assertThat(temp.predictionCount()).isEqualTo(90);
        assertThat(everything.predictionCount()).isEqualTo(180);
        assertThat(everything.recordsIgnored()).isZero();
        assertThat(temp.record(days.get(0).classified()).predictionCount()).isEqualTo(90);     // filtered here too
        assertThatThrownBy(() -> PredictionMonitor.builder("m").onlyVersion(0))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("at least 1");
    }

    @Test
    void windowReference_comparesEachWindowWithTheReferenceChosenForIt() {
        // The same month of 2012 for each 30-day window of 2013, found from the dates its keys name.
        Map<java.time.Month, Profile> byMonth = new java.util.EnumMap<>(java.time.Month.class);
        for (java.time.Month m : java.time.Month.values()) {
            byMonth.put(m, DETECTOR.profile(table(y2012.stream().filter(d -> d.at().atZone(java.time.ZoneOffset.UTC)
                    .getMonth() == m).toList())));
        }
        List<WindowSpan> asked = new ArrayList<>();
        PredictionMonitor seasonal = PredictionMonitor.builder("weather").windowOf(30).key(r -> r.at().toString()
                        .substring(0, 10))
                .reference(w -> {
                    asked.add(w);
                    return byMonth.get(java.time.LocalDate.parse(w.keys().get(0)).getMonth());
                }).analysisExecutor(Runnable::run).build();
        PredictionMonitor fixed = PredictionMonitor.builder("weather").windowOf(30).reference(reference)
                .analysisExecutor(Runnable::run).build();
        feed(seasonal, y2013, true);
        feed(fixed, y2013, true);
        assertThat(asked).hasSize(12).allSatisfy(w -> assertThat(w.keys()).hasSize(30));
        List<WindowReport> windows = seasonal.windows();
        for (WindowReport w : windows) {
            List<Weather> days = y2013.subList((int) w.index() * 30, (int) w.index() * 30 + 30);
            assertThat(asked.get((int) w.index()).keys()).containsExactlyElementsOf(days.stream().map(Weather::key)
                    .toList());
            Profile chosen = byMonth.get(java.time.LocalDate.parse(days.get(0).key()).getMonth());
            assertThat(w.drift()).hasValue(DETECTOR.compare(chosen, DETECTOR.profile(window(table(days), w))));
        }
        // A season compared with the same season drifts less often than with a whole year.
        assertThat(windows.stream().filter(w -> w.drift().orElseThrow().isDrift()).count())
                .isLessThan(fixed.windows().stream().filter(w -> w.drift().orElseThrow().isDrift()).count());

        PredictionMonitor none = PredictionMonitor.builder("weather").windowOf(30).reference(w -> null)
                .analysisExecutor(Runnable::run).build();
        feed(none, y2013.subList(0, 30), true);
        assertThat(none.windows()).singleElement().satisfies(w -> assertThat(w.drift()).isEmpty());
    }

    @Test
    void builder_missingOrConflictingSettings_sayWhatToDo() {
        assertThatThrownBy(() -> PredictionMonitor.builder("m").windowOf(10).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("needs the training profile");
        assertThatThrownBy(() -> PredictionMonitor.builder("m").reference(reference).build())
                .hasMessageContaining("needs a window");
        assertThatThrownBy(() -> PredictionMonitor.builder("m").windowOf(10).windowOf(Duration.ofHours(1)))
                .hasMessageContaining("choose a count or a duration");
        assertThatThrownBy(() -> PredictionMonitor.builder(" ")).hasMessageContaining("must not be blank");
        assertThatThrownBy(() -> PredictionMonitor.builder("m").waitingWindowLimit(0))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("waitingWindowLimit must be at least 1");
        assertThatThrownBy(() -> PredictionMonitor.builder("m").analysisTimeout(Duration.ofSeconds(-1)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("must not be negative");
        PredictionMonitor m = PredictionMonitor.builder("m").reference(reference).windowOf(10).build();
        assertThatThrownBy(() -> m.label("k", Double.NaN)).hasMessageContaining("finite");
    }
}
