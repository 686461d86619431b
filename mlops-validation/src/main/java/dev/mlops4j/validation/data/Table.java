package dev.mlops4j.validation.data;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.validation.internal.ArrayTable;
import dev.mlops4j.validation.internal.MapTable;
import dev.mlops4j.validation.internal.RecordTable;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Tabular data that validation reads row by row: named, typed {@link Column columns} and a stream of rows
 * opened with {@link #open()}. A table can be opened many times (a profile and a check each read it once);
 * rows are never all held in memory by the validation code, so a table backed by a file may be larger than
 * the heap.
 *
 * <p>Ready-made tables: {@link CsvTable} for CSV files, {@link #ofMaps(List)} and {@link #ofRecords(Class, Iterable)}
 * for in-memory rows, {@link #ofArrays(List, Iterable)} for positional rows, and the Tribuo adapter in
 * {@code mlops-tribuo}. To read another source, implement this interface: for each row, call
 * {@link Row#setLineNumber(long)} first, then set every cell with a typed value, {@link Row#setMissing(int)},
 * or {@link Row#setInvalid(int, String)} for a value that does not fit the column type; a row that cannot be read
 * at all is {@link Row#markMalformed(String, String) marked malformed} rather than thrown. Honour
 * {@link #withTypes(Map)} by converting to the requested types.
 *
 * <pre>{@code
 * Table orders = CsvTable.of(Path.of("orders.csv"));          // types inferred from a sample
 * Table people = Table.ofRecords(Person.class, personList);     // types from the record components
 * }</pre>
 */
public interface Table {

    /** @return the columns, in order; names are unique */
    List<Column> columns();

    /**
     * Opens a new pass over the rows.
     *
     * @return a cursor the caller closes
     * @throws dev.mlops4j.validation.DataSourceException if the source cannot be opened
     */
    RowCursor open();

    /**
     * Returns a view of this table whose named columns are read as the given types, for example the types a
     * schema expects. Values that do not convert become invalid cells. Names that are not columns of this
     * table are ignored.
     *
     * @param types column name to type
     * @return the re-typed view (this table if nothing changes)
     */
    Table withTypes(Map<String, ColumnType> types);

    /**
     * Splits the rows into up to {@code parts} disjoint tables that together hold every row once, so that
     * they can be profiled in parallel and merged. Sources that cannot be split cheaply return just
     * themselves.
     *
     * @param parts the wanted number of parts, at least 1
     * @return the parts, in row order
     */
    default List<Table> split(int parts) {
        return List.of(this);
    }

    /** @return a short description for reports, e.g. the file name */
    default String description() {
        return getClass().getSimpleName();
    }

    /**
     * @param name a column name
     * @return its index in {@link #columns()}, or -1
     */
    default int indexOf(String name) {
        List<Column> cols = columns();
        for (int i = 0; i < cols.size(); i++) {
            if (cols.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Reads a CSV file with the defaults of {@link CsvTable.Builder} (header line, comma, double quote,
     * UTF-8, types inferred from the first 1,000 rows).
     *
     * @param file the file
     * @return the table
     * @throws dev.mlops4j.validation.DataSourceException if the file cannot be read
     */
    static CsvTable csv(Path file) {
        return CsvTable.of(file);
    }

    /**
     * Wraps in-memory rows given as maps from column name to value. Columns are the union of the keys in
     * order of first appearance; types are inferred from the Java classes of the values (numbers, strings,
     * booleans, {@code LocalDate}, {@code Instant} and other {@code java.time} types; strings that all parse
     * as numbers stay categorical). A key absent from a row, or mapped to {@code null}, is a missing cell.
     * The list is scanned once here to find the columns; rows are read again on every pass, not copied.
     *
     * @param rows the rows
     * @return the table
     */
    static Table ofMaps(List<? extends Map<String, ?>> rows) {
        return MapTable.infer(rows);
    }

    /**
     * Wraps in-memory rows given as maps with known columns; nothing is scanned up front, so {@code rows}
     * may be any re-iterable stream of rows. Values are converted to the column types (strings are parsed).
     *
     * @param rows the rows
     * @param columns the columns
     * @return the table
     */
    static Table ofMaps(Iterable<? extends Map<String, ?>> rows, List<Column> columns) {
        return new MapTable(rows, columns);
    }

    /**
     * Wraps Java records: one column per record component, in declaration order, typed from the component's
     * Java type ({@code int}/{@code long}/... integer, {@code double}/{@code float}/{@code BigDecimal}
     * floating, {@code String}/enum/{@code char} categorical, {@code boolean} boolean, {@code LocalDate} date,
     * {@code Instant}/{@code LocalDateTime}/{@code OffsetDateTime}/{@code ZonedDateTime}/{@code Date}
     * timestamp). Components are read by reflection; a {@code null} component is a missing cell.
     *
     * @param type the record class
     * @param rows the rows; re-iterated on every pass
     * @param <R> the record type
     * @return the table
     * @throws InvalidInputException if a component has a type with no column type
     */
    static <R extends Record> Table ofRecords(Class<R> type, Iterable<? extends R> rows) {
        return new RecordTable<>(type, rows);
    }

    /**
     * Wraps positional rows: element {@code i} of each array is the value of column {@code i}, converted to
     * the column's type as for maps. Arrays shorter than the column list have missing trailing cells.
     *
     * @param columns the columns
     * @param rows the rows; re-iterated on every pass
     * @return the table
     */
    static Table ofArrays(List<Column> columns, Iterable<Object[]> rows) {
        return new ArrayTable(columns, rows, "arrays");
    }
}
