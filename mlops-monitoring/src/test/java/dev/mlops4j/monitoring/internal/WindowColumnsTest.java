package dev.mlops4j.monitoring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops4j.validation.data.Column;
import dev.mlops4j.validation.data.ColumnType;
import dev.mlops4j.validation.data.Row;
import dev.mlops4j.validation.data.RowCursor;
import dev.mlops4j.validation.data.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A window's columns read as a table: sorted columns, inferred types, missing values, growth past the first size. */
class WindowColumnsTest {

    @Test
    void table_rowsPastTheFirstCapacityAndAColumnWithoutValues_readAsTheMapsWouldBe() {
        WindowColumns window = new WindowColumns(1);
        List<Map<String, Double>> maps = new ArrayList<>();
        for (int r = 0; r < 40; r++) {
            Map<String, Double> m = new HashMap<>();
            m.put("b", (double) r);
            m.put("empty", null);
            if (r % 3 == 0) {
                m.put("a", r % 2 == 0 ? Double.NaN : r / 2.0);
            }
            maps.add(m);
            window.add(m);
        }

        Table table = window.table();

        assertThat(table.columns()).containsExactly(new Column("a", ColumnType.FLOATING),
                new Column("b", ColumnType.FLOATING), new Column("empty", ColumnType.CATEGORICAL));
        List<Map<String, Object>> expected = WindowRows.of(maps);
        assertThat(Table.ofMaps(expected).columns()).isEqualTo(table.columns());
        assertThat(read(table)).isEqualTo(expected.stream().map(m -> new ArrayList<>(m.values())).toList());
    }

    @Test
    void withTypes_otherTypes_readAsTheMapsTableReadsThem() {
        WindowColumns window = new WindowColumns(4);
        List<Map<String, Double>> maps = List.of(Map.of("n", 2.0, "x", 1.5), Map.of("n", Double.NaN, "x", 3.0));
        maps.forEach(window::add);
        Table mapsTable = Table.ofMaps(WindowRows.of(maps));

        for (ColumnType t : List.of(ColumnType.INTEGER, ColumnType.CATEGORICAL, ColumnType.FLOATING)) {
            Map<String, ColumnType> types = Map.of("n", t);
            Table typed = window.table().withTypes(types);

            assertThat(typed.columns()).as("%s", t).isEqualTo(mapsTable.withTypes(types).columns());
            assertThat(read(typed)).as("%s", t).isEqualTo(read(mapsTable.withTypes(types)));
        }
    }

    private static List<List<Object>> read(Table table) {
        List<List<Object>> rows = new ArrayList<>();
        Row row = new Row(table.columns().size());
        try (RowCursor cursor = table.open()) {
            while (cursor.next(row)) {
                List<Object> values = new ArrayList<>();
                for (int c = 0; c < row.width(); c++) {
                    values.add(row.isInvalid(c) ? "invalid " + row.invalidText(c)
                            : row.value(c, table.columns().get(c).type()));
                }
                rows.add(values);
            }
        }
        return rows;
    }
}
