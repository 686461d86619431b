package dev.mlops4j.validation.internal;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.validation.data.Column;
import dev.mlops4j.validation.data.ColumnType;
import dev.mlops4j.validation.data.Row;
import dev.mlops4j.validation.data.RowCursor;
import dev.mlops4j.validation.data.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Base of the in-memory tables: rows are Java objects of type {@code E}, read through an {@link Iterable}
 * on every pass. A {@link List} source can be split into sub-list views for parallel passes; line numbers
 * are 1-based row indexes into the whole list.
 *
 * @param <E> the row object type
 */
public abstract class ObjectTable<E> implements Table {
    /** Below this many rows per part, splitting costs more than it saves. */
    private static final int MIN_ROWS_PER_PART = 10_000;

    private final Iterable<? extends E> rows;
    private final List<Column> columns;
    private final ColumnType[] types;
    private final long firstLine;
    private final String description;
    /** Converts values; strings in non-categorical columns are parsed with the default text rules. */
    protected final ValueConverter converter = new ValueConverter(TextParser.defaults());

    /**
     * @param rows the rows
     * @param columns the columns
     * @param firstLine line number of the first row
     * @param description for reports
     */
    protected ObjectTable(Iterable<? extends E> rows, List<Column> columns, long firstLine, String description) {
        this.rows = rows;
        this.columns = List.copyOf(columns);
        Set<String> names = new HashSet<>();
        for (Column c : this.columns) {
            if (!names.add(c.name())) {
                throw new InvalidInputException("column '" + c.name() + "' appears twice; column names must be unique");
            }
        }
        this.types = this.columns.stream().map(Column::type).toArray(ColumnType[]::new);
        this.firstLine = firstLine;
        this.description = description;
    }

    /**
     * Creates the same kind of table over other rows or columns.
     *
     * @param rows the rows
     * @param columns the columns
     * @param firstLine line number of the first row
     * @return the new table
     */
    protected abstract ObjectTable<E> copy(Iterable<? extends E> rows, List<Column> columns, long firstLine);

    /**
     * Fills the row's cells from one row object.
     *
     * @param element the row object, never null
     * @param row the row to fill
     * @param types the column types
     */
    protected abstract void fill(E element, Row row, ColumnType[] types);

    @Override
    public final List<Column> columns() {
        return columns;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final RowCursor open() {
        Iterator<? extends E> it = rows.iterator();
        return new RowCursor() {
            private long line = firstLine;

            @Override
            public boolean next(Row row) {
                if (!it.hasNext()) {
                    return false;
                }
                E element = it.next();
                row.setLineNumber(line++);
                if (element == null) {
                    row.clear();
                    row.markMalformed("the row object is null", "null");
                } else {
                    fill(element, row, types);
                }
                return true;
            }

            @Override
            public void close() {
                // nothing to release
            }
        };
    }

    @Override
    public final Table withTypes(Map<String, ColumnType> newTypes) {
        boolean changed = false;
        List<Column> cols = new ArrayList<>(columns.size());
        for (Column c : columns) {
            ColumnType t = newTypes.get(c.name());
            if (t != null && t != c.type()) {
                changed = true;
                cols.add(c.withType(t));
            } else {
                cols.add(c);
            }
        }
        return changed ? copy(rows, cols, firstLine) : this;
    }

    @Override
    public final List<Table> split(int parts) {
        if (parts <= 1 || !(rows instanceof List)) {
            return List.of(this);
        }
        List<? extends E> list = (List<? extends E>) rows;
        int n = Math.min(parts, Math.max(1, list.size() / MIN_ROWS_PER_PART));
        if (n <= 1) {
            return List.of(this);
        }
        List<Table> out = new ArrayList<>(n);
        int size = list.size();
        for (int i = 0; i < n; i++) {
            int from = (int) ((long) size * i / n);
            int to = (int) ((long) size * (i + 1) / n);
            out.add(copy(list.subList(from, to), columns, firstLine + from));
        }
        return out;
    }
}
