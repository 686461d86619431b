package dev.mlops4j.examples;

import static dev.mlops4j.examples.ContinuousTrainingStory.DRIFT_SHARE;
import static dev.mlops4j.examples.ContinuousTrainingStory.WINDOW_DAYS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops4j.Mlops;
import dev.mlops4j.lineage.Artifact;
import dev.mlops4j.monitoring.WindowReport;
import dev.mlops4j.pipeline.components.PromotionRecord;
import dev.mlops4j.registry.AuditAction;
import dev.mlops4j.registry.AuditEntry;
import dev.mlops4j.validation.drift.DriftDetector;
import dev.mlops4j.validation.profile.Profile;
import dev.mlops4j.trigger.Firing;
import dev.mlops4j.trigger.FiringOutcome;
import dev.mlops4j.trigger.FiringRecord;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the continuous-training story on a real H2 store in a temporary directory and checks what it did against
 * the numbers it recorded: each window was compared with the same dates of the training years, every firing has a
 * drifted or failing window behind it and names which, every retraining's promotion agrees with its gate's numbers,
 * and the production model's lineage names the file it was trained on.
 */
class ContinuousTrainingStoryTest {
    @TempDir
    Path home;

    @Test
    void continuousTrainingStory_firesOnDriftedOrFailingWindowsAndPromotesOnlyChallengersNotWorseThanTheChampion() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        ContinuousTrainingStory.Outcome outcome;
        try (Mlops mlops = Mlops.open(home); PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
            outcome = ContinuousTrainingStory.run(mlops, home.resolve("data"), out);

            assertThat(outcome.initial().promoted()).isTrue();
            assertThat(outcome.initial().version()).isEqualTo(1);

            // 730 served days: 24 windows of 30 and the short last one.
            List<WindowReport> windows = outcome.windows();
            assertThat(windows).hasSize(25);
            assertThat(windows).allSatisfy(w -> assertThat(w.performance().labelled()).isEqualTo(w.predictions()));
            // Each window was compared with the training days on its own dates in 2012 and 2013, and so drifts far
            // less often than against all of 2012-2013, where most 30-day windows differ by season alone.
            List<ContinuousTrainingStory.Day> all = ContinuousTrainingStory.read(ExampleData.file("seattle-weather.csv"));
            List<ContinuousTrainingStory.Day> training = all.stream().filter(d -> d.date().getYear() <= 2013).toList();
            List<ContinuousTrainingStory.Day> served = all.stream().filter(d -> d.date().getYear() >= 2014).toList();
            DriftDetector detector = DriftDetector.defaults();
            Profile wholeTraining = detector.profile(ContinuousTrainingStory.table(training));
            int driftingAgainstAll = 0;
            for (WindowReport w : windows) {
                List<ContinuousTrainingStory.Day> days = served.subList((int) w.index() * WINDOW_DAYS,
                        (int) (w.index() * WINDOW_DAYS + w.predictions()));
                long sameDates = training.stream().filter(t -> ContinuousTrainingStory.SameDates.sameDates(t.date(),
                        days.get(0).date(), days.get(days.size() - 1).date())).count();
                assertThat(w.drift().orElseThrow().referenceRows()).isEqualTo(sameDates).isBetween(
                        2 * w.predictions() - 2, 2 * w.predictions() + 2);
                if (w.predictions() == WINDOW_DAYS && detector.compare(wholeTraining,
                        detector.profile(ContinuousTrainingStory.table(days))).driftShare() >= DRIFT_SHARE) {
                    driftingAgainstAll++;
                }
            }
            Predicate<WindowReport> full = w -> w.predictions() == WINDOW_DAYS;
            Predicate<WindowReport> drifted = w -> w.drift().orElseThrow().driftShare() >= DRIFT_SHARE;
            Predicate<WindowReport> failing = w -> w.performance().accuracy().getAsDouble() < 0.6;
            List<WindowReport> judged = windows.stream().filter(full).filter(drifted.or(failing)).toList();
            assertThat(windows.stream().filter(full.and(drifted)).count()).isPositive().isLessThan(driftingAgainstAll);
            // Each condition catches windows the other misses: the drift is in the features, the relabelling of wet
            // days (rain to fog) only in the labels.
            assertThat(judged).anyMatch(drifted.and(failing.negate())).anyMatch(failing.and(drifted.negate()));

            // One firing per drifted or failing window, naming what happened, a day after its last event (the
            // debounce lets the accuracy, known a day after the drift, join it), each running a retraining to its end.
            List<FiringRecord> firings = outcome.firings();
            assertThat(firings).hasSize(judged.size())
                    .allSatisfy(r -> assertThat(r.outcome()).isEqualTo(FiringOutcome.COMPLETED));
            Instant firstDay = served.get(0).date().atStartOfDay(ZoneOffset.UTC).toInstant();
            for (int i = 0; i < judged.size(); i++) {
                WindowReport w = judged.get(i);
                Firing f = firings.get(i).firing();
                assertThat(f.reason().contains("drift in 'seattle-weather window " + w.index() + "': share "))
                        .as("%s for window %d", f.reason(), w.index()).isEqualTo(drifted.test(w));
                assertThat(f.reason().contains("gate 'live-accuracy' failed on live metrics: accuracy >= 0.6"))
                        .as("%s for window %d", f.reason(), w.index()).isEqualTo(failing.test(w));
                long lastEventDay = (w.index() + 1) * WINDOW_DAYS + (failing.test(w) ? 1 : 0);
                assertThat(f.firedAt()).isEqualTo(firstDay.plus(Duration.ofDays(lastEventDay + 1)));
            }
            assertThat(outcome.retrainings()).hasSize(firings.size());
            assertThat(mlops.runs().search("mlops.triggers").list()).hasSize(firings.size());

            // Each promotion outcome follows from the two accuracies on the same hold-out.
            List<ContinuousTrainingStory.Retraining> gated = outcome.retrainings().stream()
                    .filter(r -> r.promotion().isPresent()).toList();
            assertThat(gated).isNotEmpty();
            for (ContinuousTrainingStory.Retraining r : gated) {
                PromotionRecord p = r.promotion().orElseThrow();
                assertThat(r.challengerAccuracy()).isBetween(0.6, 1.0);
                assertThat(r.championAccuracy()).isBetween(0.0, 1.0);
                boolean notWorse = r.challengerAccuracy() >= r.championAccuracy();
                assertThat(p.promoted()).as("v%d: %s vs %s", p.version(), r.challengerAccuracy(),
                        r.championAccuracy()).isEqualTo(notWorse);
                assertThat(p.outcome()).isEqualTo(notWorse ? "PROMOTED" : "REJECTED_BY_GATE");
                assertThat(mlops.runs().get(mlops.models().version(p.name(), p.version()).runId())
                        .metric("accuracy").orElseThrow()).isEqualTo(r.challengerAccuracy());
            }
            outcome.retrainings().stream().filter(r -> r.promotion().isEmpty())
                    .forEach(r -> assertThat(r.failure()).hasValueSatisfying(f -> assertThat(f).startsWith("gate: ")));
            List<AuditEntry> audit = mlops.models().auditTrail(ContinuousTrainingStory.MODEL);
            assertThat(audit.stream().filter(e -> e.action() == AuditAction.PROMOTION_REJECTED).count())
                    .isEqualTo(gated.stream().filter(r -> !r.promotion().orElseThrow().promoted()).count());

            // Production is the last promoted version, and its lineage names the file it learned from.
            int lastPromoted = gated.stream().map(r -> r.promotion().orElseThrow()).filter(PromotionRecord::promoted)
                    .mapToInt(PromotionRecord::version).max().orElse(1);
            assertThat(outcome.production().version()).isEqualTo(lastPromoted);
            Path trainedOn = outcome.retrainings().stream()
                    .filter(r -> r.promotion().map(p -> p.version() == lastPromoted).orElse(false))
                    .map(ContinuousTrainingStory.Retraining::dataFile).findFirst().orElse(outcome.trainingFile());
            assertThat(outcome.lineage().artifactsOfType("Dataset")).extracting(Artifact::uri)
                    .contains(trainedOn.toUri().toString());
            assertThat(outcome.lineage().toText()).contains(outcome.production().uri().toString())
                    .contains(trainedOn.toUri().toString());
        }
        String story = printed.toString(StandardCharsets.UTF_8);
        assertThat(story).contains("window  0 2014-01-01..2014-01-30", " OR gate 'live-accuracy' failed",
                "on the same hold-out", "Lineage of models:/seattle-weather/");
    }
}
