package dev.mlops4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops4j.Mlops;
import dev.mlops4j.lineage.Artifact;
import dev.mlops4j.monitoring.WindowReport;
import dev.mlops4j.pipeline.components.PromotionRecord;
import dev.mlops4j.registry.AuditAction;
import dev.mlops4j.registry.AuditEntry;
import dev.mlops4j.trigger.FiringOutcome;
import dev.mlops4j.trigger.FiringRecord;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the continuous-training story on a real H2 store in a temporary directory and checks what it did against
 * the numbers it recorded: every firing has a failing window behind it, every retraining's promotion agrees with
 * its gate's numbers, and the production model's lineage names the file it was trained on.
 */
class ContinuousTrainingStoryTest {
    @TempDir
    Path home;

    @Test
    void continuousTrainingStory_firesOnFailingWindowsAndPromotesOnlyChallengersNotWorseThanTheChampion() {
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
            assertThat(windows).anySatisfy(w -> assertThat(w.drift().orElseThrow().isDrift()).isTrue());
            List<WindowReport> failing = windows.stream()
                    .filter(w -> w.predictions() == ContinuousTrainingStory.WINDOW_DAYS)
                    .filter(w -> w.performance().accuracy().getAsDouble() < 0.6).toList();

            // One firing per failing window, for that reason, each running a retraining to its end.
            List<FiringRecord> firings = outcome.firings();
            assertThat(firings).isNotEmpty().hasSize(failing.size())
                    .allSatisfy(r -> assertThat(r.outcome()).isEqualTo(FiringOutcome.COMPLETED))
                    .allSatisfy(r -> assertThat(r.firing().reason())
                            .startsWith("gate 'live-accuracy' failed on live metrics: accuracy >= 0.6"));
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
        assertThat(story).contains("window  0 2014-01-01..2014-01-30", "fired: gate 'live-accuracy' failed",
                "on the same hold-out", "Lineage of models:/seattle-weather/");
    }
}
