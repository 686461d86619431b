package dev.mlops4j.validation.internal;

import dev.mlops4j.validation.data.Column;
import dev.mlops4j.validation.data.ColumnType;
import dev.mlops4j.validation.data.Row;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** In-memory rows as maps from column name to value. */
public final class MapTable extends ObjectTable<Map<String, ?>> {
    private final String[] names;

    /**
     * @param rows the rows
     * @param columns the columns
     */
    public MapTable(Iterable<? extends Map<String, ?>> rows, List<Column> columns) {
        this(rows, columns, 1);
    }

    private MapTable(Iterable<? extends Map<String, ?>> rows, List<Column> columns, long firstLine) {
        super(rows, columns, firstLine, "maps");
        this.names = columns.stream().map(Column::name).toArray(String[]::new);
    }

    /**
     * Scans the rows once for the union of keys (in order of first appearance) and their types.
     *
     * @param rows the rows
     * @return the table
     */
    public static MapTable infer(List<? extends Map<String, ?>> rows) {
        Map<String, TypeVotes> votes = new LinkedHashMap<>();
        for (Map<String, ?> row : rows) {
            if (row == null) {
                continue;
            }
            for (Map.Entry<String, ?> e : row.entrySet()) {
                TypeVotes v = votes.computeIfAbsent(e.getKey(), k -> new TypeVotes());
                if (e.getValue() != null) {
                    ValueConverter.vote(v, e.getValue());
                }
            }
        }
        List<Column> columns = new ArrayList<>();
        votes.forEach((name, v) -> columns.add(new Column(name, v.result())));
        return new MapTable(rows, columns, 1);
    }

    @Override
    protected ObjectTable<Map<String, ?>> copy(Iterable<? extends Map<String, ?>> rows, List<Column> columns,
            long firstLine) {
        return new MapTable(rows, columns, firstLine);
    }

    @Override
    protected void fill(Map<String, ?> element, Row row, ColumnType[] types) {
        for (int c = 0; c < names.length; c++) {
            converter.write(row, c, types[c], element.get(names[c]));
        }
    }
}
