package dev.mlops4j.validation.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mlops4j.validation.DataValidationException;
import dev.mlops4j.validation.Severity;
import dev.mlops4j.validation.SharedData;
import dev.mlops4j.validation.data.CsvTable;
import dev.mlops4j.validation.profile.Profile;
import dev.mlops4j.validation.schema.Schema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real wine data set against a copy corrupted here, with anomalies of known counts planted on known
 * lines: every planted anomaly must be reported, with the right count, fraction and sample lines, and nothing
 * else.
 */
class WineCorruptionTest {
    private static final int ROWS = 178;

    @TempDir
    static Path tmp;

    private static Schema schema;
    private static ValidationReport report;

    /** Data row index (0-based) to its 1-based line number in the file (the header is line 1). */
    private static long line(int row) {
        return row + 2;
    }

    @BeforeAll
    static void corruptAndValidate() throws Exception {
        List<String> lines = SharedData.lines("wine.csv");
        List<String> header = new ArrayList<>(List.of(lines.get(0).split(",")));
        List<List<String>> rows = new ArrayList<>();
        for (String l : lines.subList(1, lines.size())) {
            rows.add(new ArrayList<>(List.of(l.split(",", -1))));
        }
        int alcohol = header.indexOf("alcohol");
        int malic = header.indexOf("malic_acid");
        int magnesium = header.indexOf("magnesium");
        int hue = header.indexOf("hue");
        int cultivar = header.indexOf("cultivar");
        int proline = header.indexOf("proline");
        // out of range: alcohol above the max (3 rows) and below the min (2 rows), magnesium above (2 rows)
        for (int r : new int[] {10, 20, 30}) {
            rows.get(r).set(alcohol, "99.5");
        }
        for (int r : new int[] {40, 50}) {
            rows.get(r).set(alcohol, "-1.0");
        }
        for (int r : new int[] {60, 61}) {
            rows.get(r).set(magnesium, "999");
        }
        // missing values: 4 rows without malic_acid
        for (int r : new int[] {70, 80, 90, 100}) {
            rows.get(r).set(malic, "");
        }
        // unexpected category: 2 rows
        for (int r : new int[] {110, 120}) {
            rows.get(r).set(cultivar, "class_9");
        }
        // a wrong-typed value
        rows.get(130).set(hue, "abc");
        // a missing column and an extra column
        header.remove(proline);
        header.add("batch_id");
        for (int i = 0; i < rows.size(); i++) {
            rows.get(i).remove(proline);
            rows.get(i).add("B" + (i % 4));
        }
        StringBuilder csv = new StringBuilder(String.join(",", header)).append('\n');
        rows.forEach(r -> csv.append(String.join(",", r)).append('\n'));
        Path corrupted = Files.writeString(tmp.resolve("wine-corrupted.csv"), csv);

        schema = Schema.infer(Profile.of(CsvTable.of(SharedData.path("wine.csv"))));
        report = Validator.against(schema).validate(CsvTable.of(corrupted));
    }

    private static Anomaly anomaly(String column, AnomalyKind kind) {
        return report.find(column, kind).orElseThrow(() -> new AssertionError("no " + kind + " on " + column
                + " in\n" + report));
    }

    private static void assertCountAndLines(Anomaly a, long count, int... rows) {
        assertThat(a.count()).isEqualTo(count);
        assertThat(a.fraction()).isCloseTo((double) count / ROWS, within(1e-12));
        assertThat(a.severity()).isEqualTo(Severity.ERROR);
        assertThat(a.samples()).extracting(Anomaly.Sample::line)
                .containsExactlyElementsOf(java.util.Arrays.stream(rows).mapToObj(r -> line(r)).toList());
    }

    @Test
    void validate_originalWine_isValid() {
        ValidationReport clean = Validator.against(schema).validate(CsvTable.of(SharedData.path("wine.csv")));

        assertThat(clean.anomalies()).isEmpty();
        assertThat(clean.isValid()).isTrue();
        assertThat(clean.rowCount()).isEqualTo(ROWS);
    }

    @Test
    void validate_corruptedWine_reportsExactlyThePlantedAnomalies() {
        Set<String> found = report.anomalies().stream().map(a -> a.column() + "/" + a.kind())
                .collect(Collectors.toSet());

        assertThat(found).containsExactlyInAnyOrder("alcohol/VALUE_ABOVE_RANGE", "alcohol/VALUE_BELOW_RANGE",
                "magnesium/VALUE_ABOVE_RANGE", "malic_acid/TOO_MANY_MISSING", "cultivar/UNEXPECTED_CATEGORICAL_VALUE",
                "hue/WRONG_TYPE", "proline/MISSING_COLUMN", "batch_id/UNEXPECTED_COLUMN");
        assertThat(report.isValid()).isFalse();
        assertThat(report.rowCount()).isEqualTo(ROWS);
    }

    @Test
    void validate_corruptedWine_outOfRangeValuesHaveTheirCountsAndLines() {
        Anomaly above = anomaly("alcohol", AnomalyKind.VALUE_ABOVE_RANGE);
        assertCountAndLines(above, 3, 10, 20, 30);
        assertThat(above.samples()).extracting(Anomaly.Sample::value).containsOnly("99.5");
        assertThat(above.description()).contains("above the maximum 14.83").contains(".max(99.5)");
        assertCountAndLines(anomaly("alcohol", AnomalyKind.VALUE_BELOW_RANGE), 2, 40, 50);
        Anomaly magnesium = anomaly("magnesium", AnomalyKind.VALUE_ABOVE_RANGE);
        assertCountAndLines(magnesium, 2, 60, 61);
        assertThat(magnesium.samples()).extracting(Anomaly.Sample::value).containsOnly("999");
    }

    @Test
    void validate_corruptedWine_missingValuesCategoryAndTypeHaveTheirCounts() {
        Anomaly missing = anomaly("malic_acid", AnomalyKind.TOO_MANY_MISSING);
        assertCountAndLines(missing, 4, 70, 80, 90, 100);
        assertThat(missing.description()).contains("4 of 178 rows (2.25%)").contains("maxMissingFraction(0.03)");
        Anomaly category = anomaly("cultivar", AnomalyKind.UNEXPECTED_CATEGORICAL_VALUE);
        assertThat(category.count()).isEqualTo(2);
        assertThat(category.samples()).containsExactly(new Anomaly.Sample("class_9", line(110)),
                new Anomaly.Sample("class_9", line(120)));
        assertThat(category.description()).contains("addToDomain(\"class_9\")");
        Anomaly type = anomaly("hue", AnomalyKind.WRONG_TYPE);
        assertCountAndLines(type, 1, 130);
        assertThat(type.samples().get(0).value()).isEqualTo("abc");
    }

    @Test
    void validate_corruptedWine_missingAndExtraColumnsAreReported() {
        Anomaly missing = anomaly("proline", AnomalyKind.MISSING_COLUMN);
        assertThat(missing.count()).isEqualTo(ROWS);
        assertThat(missing.fraction()).isEqualTo(1.0);
        assertThat(missing.description()).contains("optional()");
        Anomaly extra = anomaly("batch_id", AnomalyKind.UNEXPECTED_COLUMN);
        assertThat(extra.count()).isEqualTo(ROWS);
        assertThat(extra.samples()).extracting(Anomaly.Sample::value).containsExactly("B0", "B1", "B2", "B3");
    }

    @Test
    void throwIfInvalid_corruptedWine_listsEveryErrorWithItsFix() {
        assertThatThrownBy(report::throwIfInvalid).isInstanceOf(DataValidationException.class)
                .hasMessageContaining("failed with 8 errors")
                .hasMessageContaining("column 'alcohol': VALUE_ABOVE_RANGE")
                .hasMessageContaining("column 'proline': MISSING_COLUMN")
                .satisfies(e -> assertThat(((DataValidationException) e).details()).isSameAs(report));
    }

    @Test
    void toString_corruptedWine_isAnAlignedTable() {
        String text = report.toString();

        assertThat(text).startsWith("Validation of wine-corrupted.csv: INVALID, 178 rows, 8 errors, 0 warnings\n");
        List<String> tableLines = text.lines().skip(1).limit(9).toList();
        assertThat(tableLines.get(0)).startsWith("SEVERITY  COLUMN");
        int countColumn = tableLines.get(0).indexOf("COUNT") + "COUNT".length();
        for (String l : tableLines.subList(1, tableLines.size())) {
            assertThat(l.charAt(countColumn - 1)).as(l).isBetween('0', '9');
        }
        assertThat(text).contains("99.5 (line 12)");
    }

    @Test
    void toJson_fromJson_roundTripsTheReport() {
        ValidationReport back = ValidationReport.fromJson(report.toJson());

        assertThat(back).isEqualTo(report);
        assertThat(back.profile()).isEmpty();
        assertThat(report.profile()).isPresent();
        assertThat(report.toJson()).contains("\"format\" : \"mlops4j-validation-report\"").contains("\"valid\" : false");
    }

    @Test
    void validate_corruptedWine_profileOfTheSamePassHasTheDataStatistics() {
        Profile p = report.profile().orElseThrow();

        assertThat(p.column("malic_acid").missing()).isEqualTo(4);
        assertThat(p.column("hue").invalid()).isEqualTo(1);
        assertThat(p.column("alcohol").max().getAsDouble()).isEqualTo(99.5);
        assertThat(p.columnNames()).contains("batch_id").doesNotContain("proline");
        assertThat(Map.of("rows", p.rowCount())).containsEntry("rows", (long) ROWS);
    }
}
