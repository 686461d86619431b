package dev.mlops4j.monitoring.internal;

import dev.mlops4j.validation.data.Column;
import dev.mlops4j.validation.data.ColumnType;
import dev.mlops4j.validation.data.RowCursor;
import dev.mlops4j.validation.data.Table;

import java.util.List;
import java.util.Map;

/**
 * A table under another description: a window's profile takes its name from it, and so do the drift reports and
 * trigger reasons that name the window ("drift in 'rain window 3'" rather than the in-memory table's "maps").
 *
 * @param table the rows
 * @param description what they are
 */
public record NamedTable(Table table, String description) implements Table {

    @Override
    public List<Column> columns() {
        return table.columns();
    }

    @Override
    public RowCursor open() {
        return table.open();
    }

    @Override
    public Table withTypes(Map<String, ColumnType> types) {
        Table typed = table.withTypes(types);
        return typed == table ? this : new NamedTable(typed, description);
    }

    @Override
    public List<Table> split(int parts) {
        return table.split(parts).stream().<Table>map(t -> t == table ? this : new NamedTable(t, description)).toList();
    }
}
