package dev.mlops4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops4j.Mlops;
import dev.mlops4j.registry.AuditAction;
import dev.mlops4j.registry.AuditEntry;
import dev.mlops4j.registry.PromotionOutcome;
import dev.mlops4j.tracking.RunRecord;
import dev.mlops4j.tracking.RunStatus;
import dev.mlops4j.validation.drift.DriftStatus;
import dev.mlops4j.validation.report.Anomaly;
import dev.mlops4j.validation.report.AnomalyKind;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the story examples on a real H2 store in a temporary directory, so they never rot. */
class StoriesTest {
    @TempDir
    Path home;

    @Test
    void wineRegistryStory_promotesTheBetterModelAndRejectsTheWorseChallenger() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        WineRegistryStory.Outcome outcome;
        try (Mlops mlops = Mlops.open(home); PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
            outcome = WineRegistryStory.run(mlops, home.resolve("reports"), out);

            assertThat(outcome.promotion().outcome()).isEqualTo(PromotionOutcome.PROMOTED);
            assertThat(outcome.challenge().outcome()).isEqualTo(PromotionOutcome.REJECTED_BY_GATE);
            assertThat(mlops.models().findByAlias("wine", "production").orElseThrow().version())
                    .isEqualTo(outcome.champion().version());
            double championF1 = mlops.runs().get(outcome.champion().runId()).metric("macro_f1").orElseThrow();
            double challengerF1 = mlops.runs().get(outcome.challenger().runId()).metric("macro_f1").orElseThrow();
            assertThat(championF1).isGreaterThan(challengerF1);
            assertThat(outcome.champion().schemaRefOpt()).hasValueSatisfying(ref -> assertThat(ref)
                    .isEqualTo("runs:/" + outcome.champion().runId() + "/validation/schema.json"));
            List<AuditAction> actions = mlops.models().auditTrail("wine").stream().map(AuditEntry::action).toList();
            assertThat(actions).containsSubsequence(AuditAction.VERSION_REGISTERED, AuditAction.VERSION_REGISTERED,
                    AuditAction.ALIAS_MOVED, AuditAction.PROMOTION_REJECTED);
            assertThat(mlops.runs().search(WineRegistryStory.EXPERIMENT).list()).hasSize(2)
                    .allMatch(r -> r.status() == RunStatus.FINISHED);
        }
        String story = printed.toString(StandardCharsets.UTF_8);
        assertThat(story).containsPattern("PROMOTION_REJECTED +wine +v2 +@production")
                .contains("a request with a misspelt feature is refused", "alcohl");
        assertThat(outcome.modelCard()).exists();
        assertThat(Files.readString(outcome.modelCard(), StandardCharsets.UTF_8)).contains("@production");
    }

    @Test
    void dataQualityStory_findsEveryPlantedFaultAndTheSeasonalDrift() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        DataQualityStory.Outcome outcome;
        try (Mlops mlops = Mlops.open(home); PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
            outcome = DataQualityStory.run(mlops, home.resolve("reports"), out);

            List<RunRecord> runs = mlops.runs().search(DataQualityStory.EXPERIMENT).list();
            assertThat(runs).hasSize(2).allMatch(r -> r.status() == RunStatus.FINISHED);
        }
        Anomaly alcohol = outcome.validation().find("alcohol", AnomalyKind.VALUE_ABOVE_RANGE).orElseThrow();
        assertThat(alcohol.count()).isEqualTo(1);
        assertThat(alcohol.samples()).singleElement().satisfies(s -> {
            assertThat(s.value()).isEqualTo("99.5");
            assertThat(s.line()).isEqualTo(2);
        });
        Anomaly magnesium = outcome.validation().find("magnesium", AnomalyKind.WRONG_TYPE).orElseThrow();
        assertThat(magnesium.samples()).singleElement().satisfies(s -> assertThat(s.line()).isEqualTo(3));
        assertThat(outcome.validation().find("cultivar", AnomalyKind.UNEXPECTED_CATEGORICAL_VALUE)).isPresent();
        assertThat(outcome.validation().anomalies()).hasSize(3);
        assertThat(outcome.checks().toString()).contains("cultivar");
        assertThat(outcome.yearsApart().status()).isEqualTo(DriftStatus.DRIFT);
        assertThat(outcome.yearsApart().driftedColumns()).contains("temp_max", "temp_min");
        // Two random halves of one year: no column drifts (a warning at p < 0.1 among six tests is chance).
        assertThat(outcome.halves().status()).isNotEqualTo(DriftStatus.DRIFT);
        assertThat(outcome.halves().driftedColumns()).isEmpty();
        assertThat(outcome.reports()).hasSize(2).allMatch(Files::exists);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("VALUE_ABOVE_RANGE", "Drift of");
    }
}
