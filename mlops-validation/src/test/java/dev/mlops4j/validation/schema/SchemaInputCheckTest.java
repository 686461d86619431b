package dev.mlops4j.validation.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.Mlops;
import dev.mlops4j.Run;
import dev.mlops4j.registry.ModelVersion;
import dev.mlops4j.registry.VersionStatus;
import dev.mlops4j.serving.InputIssue;
import dev.mlops4j.serving.InputIssueKind;
import dev.mlops4j.validation.Severity;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The serving-time check of inputs against a registered version's data schema. */
class SchemaInputCheckTest {
    private static final Set<String> MODEL_FEATURES = Set.of("alcohol", "proline", "hue");

    /** A reviewed wine schema: ranges, an integer column, a label kept out of serving, a warning-level column. */
    private static Schema wineSchema() {
        Schema schema = Schema.create();
        schema.column("alcohol").floating().range(11.0, 15.0).required().disallowNaN();
        schema.column("proline").integer().range(270, 1700).required();
        schema.column("hue").floating().min(0.4).severity(Severity.WARNING);
        schema.column("cultivar").categorical().required().notInEnvironments(Environment.SERVING);
        schema.column("batch").integer().required();
        return schema;
    }

    private static Map<String, Double> clean() {
        Map<String, Double> f = new HashMap<>();
        f.put("alcohol", 13.2);
        f.put("proline", 1050.0);
        f.put("hue", 1.0);
        return f;
    }

    private static List<InputIssue> check(Map<String, Double> input) {
        return SchemaInputCheck.of(wineSchema(), MODEL_FEATURES, Severity.ERROR).check(input);
    }

    @Test
    void check_cleanInput_noIssues() {
        assertThat(check(clean())).isEmpty();
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
            "alcohol, 10.99, outside the schema's range",
            "alcohol, 15.01, outside the schema's range",
            "alcohol, NaN, is NaN",
            "proline, 1050.5, not a whole number",
            "proline, 1800, outside the schema's range",
            "proline, Infinity, not a whole number"})
    void check_valueBreakingTheColumn_isOneSchemaViolation(String column, double value, String message) {
        Map<String, Double> input = clean();
        input.put(column, value);

        assertThat(check(input)).singleElement().satisfies(issue -> {
            assertThat(issue.kind()).isEqualTo(InputIssueKind.SCHEMA_VIOLATION);
            assertThat(issue.feature()).isEqualTo(column);
            assertThat(issue.message()).contains(message);
        });
    }

    @Test
    void check_nanInAFloatingColumnThatAllowsIt_passes() {
        Map<String, Double> input = clean();
        input.put("hue", Double.NaN);

        assertThat(SchemaInputCheck.of(wineSchema(), MODEL_FEATURES, Severity.WARNING).check(input)).isEmpty();
    }

    @Test
    void check_boundsThemselves_areInside() {
        Map<String, Double> input = clean();
        input.put("alcohol", 11.0);
        input.put("proline", 1700.0);

        assertThat(check(input)).isEmpty();
    }

    @Test
    void check_requiredModelFeatureAbsentOrNull_isReported() {
        Map<String, Double> input = clean();
        input.remove("alcohol");
        input.put("proline", null);

        assertThat(check(input)).extracting(InputIssue::feature, InputIssue::kind).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("alcohol", InputIssueKind.SCHEMA_VIOLATION),
                org.assertj.core.groups.Tuple.tuple("proline", InputIssueKind.SCHEMA_VIOLATION));
    }

    @Test
    void check_requiredColumnTheModelDoesNotRead_isNotDemandedOfServing() {
        // "batch" is required in the schema, but neither a model feature nor declared for SERVING.
        assertThat(check(clean())).noneMatch(i -> i.feature().equals("batch"));
    }

    @Test
    void check_labelExcludedFromServing_isAViolationWhenSent() {
        Map<String, Double> input = clean();
        input.put("cultivar", 1.0);

        assertThat(check(input)).singleElement().satisfies(i -> {
            assertThat(i.feature()).isEqualTo("cultivar");
            assertThat(i.message()).contains("must not appear in SERVING");
        });
    }

    @Test
    void check_unexpectedColumn_reportedUnlessTheSchemaAllowsIt() {
        Map<String, Double> input = clean();
        input.put("colour", 3.0);

        assertThat(check(input)).singleElement().satisfies(i -> assertThat(i.message()).contains("not in the schema"));
        Schema lenient = wineSchema().allowUnexpectedColumns();
        assertThat(SchemaInputCheck.of(lenient, MODEL_FEATURES, Severity.ERROR).check(input)).isEmpty();
    }

    @Test
    void check_nullFeatureName_isAViolationNotACrash() {
        Map<String, Double> input = clean();
        input.put(null, 1.0);

        assertThat(check(input)).singleElement().satisfies(i -> assertThat(i.message()).contains("name is null"));
    }

    @Test
    void check_warningColumns_checkedOnlyWhenAsked() {
        Map<String, Double> input = clean();
        input.put("hue", 0.1);

        assertThat(check(input)).isEmpty();
        assertThat(SchemaInputCheck.of(wineSchema(), MODEL_FEATURES, Severity.WARNING).check(input))
                .singleElement().satisfies(i -> assertThat(i.feature()).isEqualTo("hue"));
    }

    @Test
    void of_schemaEditedAfterwards_checkUnchanged() {
        Schema schema = wineSchema();
        SchemaInputCheck check = SchemaInputCheck.of(schema, MODEL_FEATURES, Severity.ERROR);
        schema.column("alcohol").range(0, 1);

        assertThat(check.check(clean())).isEmpty();
    }

    @Test
    void factory_versionWithTheRunsSchema_readsAndChecksIt() {
        try (Mlops mlops = Mlops.inMemory()) {
            String runId;
            try (Run run = mlops.experiment("schema").startRun("train")) {
                runId = run.id();
                wineSchema().logTo(run);
            }
            ModelVersion version = version(runId, "runs:/" + runId + "/" + Schema.DEFAULT_ARTIFACT_PATH);

            assertThat(SchemaInputCheck.read(mlops.runs(), version)).isEqualTo(wineSchema());
            ModelVersion none = version(runId, null);
            assertThatThrownBy(() -> SchemaInputCheck.read(mlops.runs(), none))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("without a schema reference");
            ModelVersion foreign = version(runId, "models:/wine/1");
            assertThatThrownBy(() -> SchemaInputCheck.read(mlops.runs(), foreign))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("runs:/");
        }
    }

    private static ModelVersion version(String runId, String schemaRef) {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        return new ModelVersion("wine", 1, runId, "model", "tribuo", "org.tribuo.Model", null, schemaRef,
                VersionStatus.ACTIVE, "", Map.of(), "alice", now, now);
    }
}
