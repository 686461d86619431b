package dev.mlops4j.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops4j.Mlops;
import dev.mlops4j.NotFoundException;
import dev.mlops4j.Run;
import dev.mlops4j.tracking.ArtifactInfo;
import dev.mlops4j.validation.data.CsvTable;
import dev.mlops4j.validation.profile.Profile;
import dev.mlops4j.validation.report.Anomaly;
import dev.mlops4j.validation.report.AnomalyKind;
import dev.mlops4j.validation.report.ValidationReport;
import dev.mlops4j.validation.report.Validator;
import dev.mlops4j.validation.schema.Schema;
import org.junit.jupiter.api.Test;

/** Profiles, schemas and reports logged on a tracked run (in-memory engine) and read back. */
class RunLoggingTest {

    @Test
    void logTo_profileSchemaAndReport_readBackEqual() {
        CsvTable wine = CsvTable.of(SharedData.path("wine.csv"));
        Profile profile = Profile.of(wine);
        Schema schema = Schema.infer(profile);
        schema.column("alcohol").range(12, 14);
        ValidationReport report = Validator.against(schema).validate(wine);

        try (Mlops mlops = Mlops.inMemory()) {
            String runId;
            try (Run run = mlops.experiment("data-validation").startRun("wine")) {
                runId = run.id();
                ArtifactInfo info = profile.logTo(run);
                assertThat(info.path()).isEqualTo("validation/profile.json");
                schema.logTo(run);
                report.logTo(run);
                report.logTo(run, "validation/reports/wine.json");
            }

            assertThat(mlops.runs().artifacts(runId)).extracting(ArtifactInfo::path).containsExactly(
                    "validation/profile.json", "validation/report.json", "validation/reports/wine.json",
                    "validation/schema.json");
            assertThat(Profile.readFrom(mlops.runs(), runId).toJson()).isEqualTo(profile.toJson());
            assertThat(Schema.readFrom(mlops.runs(), runId)).isEqualTo(schema);
            ValidationReport back = ValidationReport.readFrom(mlops.runs(), runId);
            assertThat(back).isEqualTo(report);
            assertThat(back.isValid()).isFalse();
            assertThat(ValidationReport.readFrom(mlops.runs(), runId, "validation/reports/wine.json")).isEqualTo(report);
            assertThatThrownBy(() -> Profile.readFrom(mlops.runs(), runId, "validation/none.json"))
                    .isInstanceOf(NotFoundException.class);
        }
        assertThat(report.anomaliesOf("alcohol")).extracting(Anomaly::kind)
                .containsExactly(AnomalyKind.VALUE_BELOW_RANGE, AnomalyKind.VALUE_ABOVE_RANGE);
    }
}
