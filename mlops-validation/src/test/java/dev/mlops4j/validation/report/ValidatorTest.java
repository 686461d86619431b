package dev.mlops4j.validation.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.validation.Severity;
import dev.mlops4j.validation.SharedData;
import dev.mlops4j.validation.data.Column;
import dev.mlops4j.validation.data.ColumnType;
import dev.mlops4j.validation.data.CsvTable;
import dev.mlops4j.validation.data.Table;
import dev.mlops4j.validation.profile.Profile;
import dev.mlops4j.validation.schema.Environment;
import dev.mlops4j.validation.schema.Schema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValidatorTest {

    private static Schema irisSchema() {
        Schema s = Schema.infer(Profile.of(CsvTable.of(SharedData.path("iris.csv"))));
        s.column("species").notInEnvironments(Environment.SERVING);
        return s.environments(Environment.TRAINING, Environment.SERVING);
    }

    /** Counts the passes over a table and its re-typed views. */
    private static final class CountingTable implements Table {
        private final Table inner;
        private final int[] opens;

        CountingTable(Table inner, int[] opens) {
            this.inner = inner;
            this.opens = opens;
        }

        @Override
        public List<Column> columns() {
            return inner.columns();
        }

        @Override
        public dev.mlops4j.validation.data.RowCursor open() {
            opens[0]++;
            return inner.open();
        }

        @Override
        public Table withTypes(Map<String, ColumnType> types) {
            return new CountingTable(inner.withTypes(types), opens);
        }
    }

    @Test
    void validate_schemaWithEveryKindOfRule_readsTheDataOnceAndProfilesInTheSamePass() {
        int[] opens = new int[1];
        Table iris = new CountingTable(CsvTable.of(SharedData.path("iris.csv")), opens);
        Schema s = irisSchema();
        s.column("sepal_length").range(4.5, 7.5).distinctCount(10, 20);
        s.column("species").domain("setosa", "versicolor").maxMissingFraction(0);

        ValidationReport report = Validator.against(s).inEnvironment(Environment.TRAINING).validate(iris);

        assertThat(opens[0]).isEqualTo(1);
        assertThat(report.anomalies()).extracting(Anomaly::kind).contains(AnomalyKind.VALUE_BELOW_RANGE,
                AnomalyKind.VALUE_ABOVE_RANGE, AnomalyKind.DISTINCT_COUNT_ABOVE_MAX,
                AnomalyKind.UNEXPECTED_CATEGORICAL_VALUE);
        assertThat(report.profile().orElseThrow().rowCount()).isEqualTo(150);
    }

    @Test
    void validate_datesAndTimestampsOutOfRange_reportedAsDatesWithPasteableFixes() {
        Schema s = Schema.create();
        s.column("day").date().min(java.time.LocalDate.parse("2024-01-01")).max(java.time.LocalDate.parse("2024-12-31"));
        s.column("at").timestamp().min(java.time.Instant.parse("2024-01-01T00:00:00Z"));
        CsvTable csv = CsvTable.ofText("day,at\n2024-03-01,2024-03-01 10:00:00\n2025-02-01,2023-12-31 23:00:00\n");

        ValidationReport report = Validator.against(s).validate(csv);

        Anomaly late = report.find("day", AnomalyKind.VALUE_ABOVE_RANGE).orElseThrow();
        assertThat(late.samples()).containsExactly(new Anomaly.Sample("2025-02-01", 3));
        assertThat(late.description()).isEqualTo("1 value is above the maximum 2024-12-31 (largest 2025-02-01); fix"
                + " the data or widen the range: schema.column(\"day\").max(LocalDate.parse(\"2025-02-01\"))");
        Anomaly early = report.find("at", AnomalyKind.VALUE_BELOW_RANGE).orElseThrow();
        assertThat(early.description()).endsWith(".min(Instant.parse(\"2023-12-31T23:00:00Z\"))");
        // the suggested call is real API: applying it makes the data valid
        s.column("day").max(java.time.LocalDate.parse("2025-02-01"));
        s.column("at").min(java.time.Instant.parse("2023-12-31T23:00:00Z"));
        assertThat(Validator.against(s).validate(csv).isValid()).isTrue();
        assertThat(late.toString()).isEqualTo("ERROR day VALUE_ABOVE_RANGE: 1 row (50.00%): " + late.description()
                + " e.g. 2025-02-01 (line 3)");
    }

    @Test
    void validate_csvWithMalformedLines_reportsThemByLineNumberAndValidatesTheRest() {
        List<String> lines = SharedData.lines("iris.csv");
        lines.set(4, lines.get(4) + ",extra");                 // line 5: one field too many
        lines.set(9, "4.9,3.1,1.5,setosa");                      // line 10: one field missing
        lines.set(20, "5.4,3.4,1.7,0.2,\"setosa\"x");          // line 21: text after a closing quote
        lines.add("5.0,3.3,1.4,0.2,\"setosa");                  // line 152: unterminated quote
        CsvTable csv = CsvTable.builder("iris-malformed.csv", String.join("\n", lines) + "\n").build();

        ValidationReport report = Validator.against(irisSchema()).validate(csv);

        Anomaly malformed = report.find(null, AnomalyKind.MALFORMED_ROWS).orElseThrow();
        assertThat(malformed.count()).isEqualTo(4);
        assertThat(malformed.samples()).extracting(Anomaly.Sample::line).containsExactly(5L, 10L, 21L, 152L);
        assertThat(malformed.samples().get(0).value()).startsWith("expected 5 fields, found 6");
        assertThat(malformed.samples().get(3).value()).startsWith("unterminated quoted field opened on line 152");
        assertThat(malformed.description()).contains("first at line 5");
        assertThat(malformed.fraction()).isEqualTo(4.0 / 151);
        assertThat(report.rowCount()).isEqualTo(147);
        assertThat(report.malformedRows()).isEqualTo(4);
        assertThat(report.anomalies()).hasSize(1);
        assertThat(report.isValid()).isFalse();
    }

    @Test
    void validate_servingEnvironment_labelMayBeAbsentButMustNotBePresent() {
        Schema schema = irisSchema();
        List<Map<String, ?>> withoutLabel = new ArrayList<>();
        List<Map<String, ?>> withLabel = new ArrayList<>();
        for (String[] r : SharedData.rows("iris.csv")) {
            Map<String, Object> m = new HashMap<>();
            m.put("sepal_length", Double.parseDouble(r[0]));
            m.put("sepal_width", Double.parseDouble(r[1]));
            m.put("petal_length", Double.parseDouble(r[2]));
            m.put("petal_width", Double.parseDouble(r[3]));
            withoutLabel.add(m);
            Map<String, Object> labelled = new HashMap<>(m);
            labelled.put("species", r[4]);
            withLabel.add(labelled);
        }
        Validator serving = Validator.against(schema).inEnvironment(Environment.SERVING);

        assertThat(serving.validate(Table.ofMaps(withoutLabel)).anomalies()).isEmpty();
        ValidationReport leaked = serving.validate(Table.ofMaps(withLabel));
        assertThat(leaked.anomalies()).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AnomalyKind.UNEXPECTED_COLUMN);
            assertThat(a.column()).isEqualTo("species");
            assertThat(a.description()).contains("must not appear in SERVING data");
        });
        ValidationReport training = Validator.against(schema).inEnvironment(Environment.TRAINING)
                .validate(Table.ofMaps(withoutLabel));
        assertThat(training.find("species", AnomalyKind.MISSING_COLUMN)).isPresent();
        assertThat(training.environment()).contains(Environment.TRAINING);
    }

    @Test
    void inEnvironment_undeclared_throwsInvalidInput() {
        assertThatThrownBy(() -> Validator.against(irisSchema()).inEnvironment(Environment.of("STAGING")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not declared");
    }

    @Test
    void validate_emptyDataSet_isAnErrorUnlessAllowed() {
        Schema schema = Schema.create();
        schema.column("a").integer().optional();
        Table empty = Table.ofArrays(List.of(new Column("a", ColumnType.INTEGER)), List.of());

        ValidationReport report = Validator.against(schema).validate(empty);

        assertThat(report.anomalies()).extracting(Anomaly::kind).containsExactly(AnomalyKind.EMPTY_DATA_SET);
        assertThat(Validator.against(schema.rowCount(0, null)).validate(empty).isValid()).isTrue();
    }

    @Test
    void validate_rowCountBounds_reportTooFewAndTooMany() {
        Schema schema = Schema.create().rowCount(5, 6L);
        schema.column("a").integer();
        List<Object[]> three = List.of(new Object[] {1L}, new Object[] {2L}, new Object[] {3L});
        List<Object[]> seven = new ArrayList<>();
        for (long i = 0; i < 7; i++) {
            seven.add(new Object[] {i});
        }
        List<Column> cols = List.of(new Column("a", ColumnType.INTEGER));

        assertThat(Validator.against(schema).validate(Table.ofArrays(cols, three)).anomalies())
                .extracting(Anomaly::kind).containsExactly(AnomalyKind.TOO_FEW_ROWS);
        assertThat(Validator.against(schema).validate(Table.ofArrays(cols, seven)).anomalies())
                .extracting(Anomaly::kind).containsExactly(AnomalyKind.TOO_MANY_ROWS);
    }

    @Test
    void validate_distinctBoundsNaNAndWarnings_areReportedWithTheirSeverity() {
        Schema schema = Schema.create().unexpectedColumns(Severity.WARNING);
        schema.column("k").integer().distinctCount(5, 10);
        schema.column("x").floating().disallowNaN().severity(Severity.WARNING);
        schema.column("s").categorical().distinctCount(1, 2);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            rows.add(new Object[] {(long) (i % 3), i == 4 ? Double.NaN : i * 1.0, "s" + i, "extra"});
        }
        Table t = Table.ofArrays(List.of(new Column("k", ColumnType.INTEGER), new Column("x", ColumnType.FLOATING),
                new Column("s", ColumnType.CATEGORICAL), new Column("e", ColumnType.CATEGORICAL)), rows);

        ValidationReport report = Validator.against(schema).validate(t);

        Anomaly low = report.find("k", AnomalyKind.DISTINCT_COUNT_BELOW_MIN).orElseThrow();
        assertThat(low.description()).startsWith("3 distinct values, fewer than the minimum 5");
        assertThat(report.find("s", AnomalyKind.DISTINCT_COUNT_ABOVE_MAX)).isPresent();
        Anomaly nan = report.find("x", AnomalyKind.NAN_VALUES).orElseThrow();
        assertThat(nan.severity()).isEqualTo(Severity.WARNING);
        assertThat(nan.samples()).containsExactly(new Anomaly.Sample("NaN", 5));
        assertThat(report.find("e", AnomalyKind.UNEXPECTED_COLUMN).orElseThrow().severity())
                .isEqualTo(Severity.WARNING);
        assertThat(report.errors()).hasSize(2);
        assertThat(report.warnings()).hasSize(2);
        assertThat(report.isValid()).isFalse();
    }

    @Test
    void validate_warningsOnly_isValidAndThrowIfInvalidReturnsTheReport() {
        Schema schema = Schema.create().unexpectedColumns(Severity.WARNING);
        Table t = Table.ofMaps(List.of(Map.of("new", 1L)));

        ValidationReport report = Validator.against(schema).validate(t);

        assertThat(report.isValid()).isTrue();
        assertThat(report.throwIfInvalid()).isSameAs(report);
        assertThat(report.warnings()).hasSize(1);
        assertThat(Validator.against(Schema.create().allowUnexpectedColumns()).validate(t).anomalies()).isEmpty();
    }

    @Test
    void validate_recordsReadAsTheSchemaTypes_reportWrongTypes() {
        record Order(String id, String amount, int qty) {
        }
        Schema schema = Schema.create();
        schema.column("id").categorical().required();
        schema.column("amount").floating().range(0, 1000);
        schema.column("qty").integer().range(1, 10);
        List<Order> orders = List.of(new Order("a", "12.5", 1), new Order("b", "twelve", 2), new Order(null, "5", 0));

        ValidationReport report = Validator.against(schema).validate(Table.ofRecords(Order.class, orders));

        assertThat(report.find("amount", AnomalyKind.WRONG_TYPE).orElseThrow().samples())
                .containsExactly(new Anomaly.Sample("twelve", 2));
        assertThat(report.find("id", AnomalyKind.TOO_MANY_MISSING).orElseThrow().samples())
                .containsExactly(new Anomaly.Sample("null", 3));
        assertThat(report.find("qty", AnomalyKind.VALUE_BELOW_RANGE).orElseThrow().count()).isEqualTo(1);
    }

    @Test
    void validate_withParallelism_matchesSequentialReport() {
        Schema schema = Schema.create();
        schema.column("v").integer().range(0, 90);
        schema.column("c").categorical().domain("a", "b");
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            rows.add(new Object[] {(long) (i % 100), i % 1000 == 0 ? "z" : i % 2 == 0 ? "a" : "b"});
        }
        Table t = Table.ofArrays(List.of(new Column("v", ColumnType.INTEGER), new Column("c", ColumnType.CATEGORICAL)),
                rows);

        ValidationReport sequential = Validator.against(schema).validate(t);
        ValidationReport parallel = Validator.against(schema).parallelism(2).validate(t);

        assertThat(parallel).isEqualTo(sequential);
        assertThat(parallel.find("v", AnomalyKind.VALUE_ABOVE_RANGE).orElseThrow().count()).isEqualTo(4500);
        assertThat(parallel.find("c", AnomalyKind.UNEXPECTED_CATEGORICAL_VALUE).orElseThrow().count()).isEqualTo(50);
    }

    @Test
    void validate_profileOfThePass_hasQuantilesOnlyWhenAsked() {
        Schema schema = Schema.create();
        schema.column("x").floating();
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            rows.add(new Object[] {i * 0.25});
        }
        Table t = Table.ofArrays(List.of(new Column("x", ColumnType.FLOATING)), rows);

        Profile fast = Validator.against(schema).validate(t).profile().orElseThrow();
        Profile full = Validator.against(schema).withQuantiles(true).validate(t).profile().orElseThrow();

        assertThat(fast.column("x").quantile(0.5)).isEmpty();
        assertThat(fast.column("x").max().getAsDouble()).isEqualTo(749.75);
        assertThat(full.column("x").quantile(0.5).getAsDouble()).isBetween(350.0, 400.0);
    }

    @Test
    void against_laterSchemaEdits_doNotChangeTheValidator() {
        Schema schema = Schema.create();
        schema.column("a").integer().range(0, 10);
        Validator v = Validator.against(schema);
        schema.column("a").range(0, 1);

        assertThat(v.validate(Table.ofMaps(List.of(Map.of("a", 5L)))).isValid()).isTrue();
    }
}
