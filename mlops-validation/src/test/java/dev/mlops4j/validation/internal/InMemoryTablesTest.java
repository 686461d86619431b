package dev.mlops4j.validation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.validation.data.Column;
import dev.mlops4j.validation.data.ColumnType;
import dev.mlops4j.validation.data.Row;
import dev.mlops4j.validation.data.RowCursor;
import dev.mlops4j.validation.data.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InMemoryTablesTest {

    enum Status { NEW, PAID }

    record Payment(long id, Status status, BigDecimal amount, boolean refunded, LocalDate day, Instant at,
            LocalDateTime local, char grade, Integer retries) {
    }

    private static List<List<Object>> read(Table t) {
        List<List<Object>> out = new ArrayList<>();
        Row row = new Row(t.columns().size());
        try (RowCursor c = t.open()) {
            while (c.next(row)) {
                List<Object> values = new ArrayList<>();
                values.add(row.lineNumber());
                for (int i = 0; i < t.columns().size(); i++) {
                    values.add(row.isInvalid(i) ? "!" + row.invalidText(i) : row.value(i, t.columns().get(i).type()));
                }
                out.add(values);
            }
        }
        return out;
    }

    @Test
    void ofRecords_componentTypes_becomeColumnTypes() {
        Instant at = Instant.parse("2024-01-02T03:04:05Z");
        Table t = Table.ofRecords(Payment.class, List.of(new Payment(1, Status.PAID, new BigDecimal("9.5"), false,
                LocalDate.of(2024, 1, 2), at, LocalDateTime.of(2024, 1, 2, 3, 4, 5), 'A', null)));

        assertThat(t.columns()).extracting(Column::type).containsExactly(ColumnType.INTEGER, ColumnType.CATEGORICAL,
                ColumnType.FLOATING, ColumnType.BOOLEAN, ColumnType.DATE, ColumnType.TIMESTAMP, ColumnType.TIMESTAMP,
                ColumnType.CATEGORICAL, ColumnType.INTEGER);
        assertThat(read(t).get(0)).containsExactly(1L, 1L, "PAID", 9.5, false, LocalDate.of(2024, 1, 2), at, at, "A",
                null);
        assertThat(t.description()).isEqualTo("Payment records");
    }

    @Test
    void ofRecords_unsupportedComponentType_throwsInvalidInput() {
        record Bad(List<String> tags) {
        }
        assertThatThrownBy(() -> Table.ofRecords(Bad.class, List.of())).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'tags'");
    }

    @Test
    void ofMaps_unionOfKeysAndMajorityTypes_withMinorityValuesInvalid() {
        List<Map<String, ?>> rows = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            Map<String, Object> m = new HashMap<>();
            m.put("n", i == 0 ? "zero" : (Object) (long) i);
            m.put("x", i % 2 == 0 ? (Object) i : (Object) (i + 0.5));
            if (i == 149) {
                m.put("late", true);
            }
            rows.add(m);
        }

        Table t = Table.ofMaps(rows);

        assertThat(t.columns()).containsExactlyInAnyOrder(new Column("n", ColumnType.INTEGER),
                new Column("x", ColumnType.FLOATING), new Column("late", ColumnType.BOOLEAN));
        List<List<Object>> values = read(t);
        int n = t.indexOf("n") + 1;
        assertThat(values.get(0).get(n)).isEqualTo("!zero");
        assertThat(values.get(1).get(t.indexOf("x") + 1)).isEqualTo(1.5);
        assertThat(values.get(149).get(t.indexOf("late") + 1)).isEqualTo(true);
        assertThat(values.get(0).get(t.indexOf("late") + 1)).isNull();
    }

    @Test
    void ofMaps_givenColumns_parseStringsAndRejectWrongClasses() {
        List<Map<String, ?>> rows = List.of(Map.of("a", "12", "b", 3.5), Map.of("a", 4.5, "b", "x"));
        Table t = Table.ofMaps(rows, List.of(new Column("a", ColumnType.INTEGER), new Column("b", ColumnType.CATEGORICAL)));

        assertThat(read(t)).containsExactly(List.of(1L, 12L, "!3.5"), List.of(2L, "!4.5", "x"));
    }

    @Test
    void ofArrays_shortArraysAndNullRows_areMissingAndMalformed() {
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {1L});
        rows.add(null);
        rows.add(new Object[] {2L, "b"});
        Table t = Table.ofArrays(List.of(new Column("n", ColumnType.INTEGER), new Column("s", ColumnType.CATEGORICAL)),
                rows);

        Row row = new Row(2);
        try (RowCursor c = t.open()) {
            c.next(row);
            assertThat(row.isMissing(1)).isTrue();
            c.next(row);
            assertThat(row.isMalformed()).isTrue();
            c.next(row);
            assertThat(row.isMalformed()).isFalse();
            assertThat(row.stringValue(1)).isEqualTo("b");
            assertThat(c.next(row)).isFalse();
        }
    }

    @Test
    void split_largeList_givesContiguousPartsWithGlobalLineNumbers() {
        List<Object[]> rows = new ArrayList<>();
        for (long i = 0; i < 25_000; i++) {
            rows.add(new Object[] {i});
        }
        Table t = Table.ofArrays(List.of(new Column("n", ColumnType.INTEGER)), rows);

        List<Table> parts = t.split(4);

        assertThat(parts).hasSize(2); // at least 10,000 rows per part
        long expectedLine = 1;
        for (Table p : parts) {
            for (List<Object> r : read(p)) {
                assertThat(r.get(0)).isEqualTo(expectedLine);
                assertThat(r.get(1)).isEqualTo(expectedLine - 1);
                expectedLine++;
            }
        }
        assertThat(expectedLine).isEqualTo(25_001);
        assertThat(Table.ofArrays(List.of(new Column("n", ColumnType.INTEGER)), rows::iterator).split(4)).hasSize(1);
    }

    @Test
    void ofArrays_duplicateColumnNames_throwInvalidInput() {
        assertThatThrownBy(() -> Table.ofArrays(List.of(new Column("a", ColumnType.INTEGER),
                new Column("a", ColumnType.INTEGER)), List.of())).isInstanceOf(InvalidInputException.class);
    }
}
