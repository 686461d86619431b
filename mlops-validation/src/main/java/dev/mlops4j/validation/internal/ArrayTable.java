package dev.mlops4j.validation.internal;

import dev.mlops4j.validation.data.Column;
import dev.mlops4j.validation.data.ColumnType;
import dev.mlops4j.validation.data.Row;
import java.util.List;

/** In-memory positional rows: element {@code i} of an array is the value of column {@code i}. */
public final class ArrayTable extends ObjectTable<Object[]> {

    /**
     * @param columns the columns
     * @param rows the rows
     * @param description for reports
     */
    public ArrayTable(List<Column> columns, Iterable<? extends Object[]> rows, String description) {
        this(rows, columns, 1, description);
    }

    private ArrayTable(Iterable<? extends Object[]> rows, List<Column> columns, long firstLine, String description) {
        super(rows, columns, firstLine, description);
    }

    @Override
    protected ObjectTable<Object[]> copy(Iterable<? extends Object[]> rows, List<Column> columns, long firstLine) {
        return new ArrayTable(rows, columns, firstLine, description());
    }

    @Override
    protected void fill(Object[] element, Row row, ColumnType[] types) {
        int n = Math.min(element.length, types.length);
        for (int c = 0; c < n; c++) {
            converter.write(row, c, types[c], element[c]);
        }
        for (int c = n; c < types.length; c++) {
            row.setMissing(c);
        }
    }
}
