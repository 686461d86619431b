package dev.mlops4j.monitoring.internal;

import dev.mlops4j.serving.PredictionColumns;
import dev.mlops4j.validation.data.Column;
import dev.mlops4j.validation.data.ColumnType;
import dev.mlops4j.validation.data.Row;
import dev.mlops4j.validation.data.RowCursor;
import dev.mlops4j.validation.data.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A window's feature values as primitive columns, filled from records' maps or straight from {@link
 * PredictionColumns}, and read back as the rows of a table to profile: every column of the window in sorted name
 * order, a column {@code FLOATING} if it has a value and {@code CATEGORICAL} if it has none (as a table of the
 * records' maps infers them), NaN (how serving records a missing value) and features a row lacks as missing.
 *
 * <p>The monitor used to keep each record's boxed map and read the window through row views of them; at 100% sampling
 * the maps, their boxed values and the records were most of what the recording thread spent per prediction.
 */
public final class WindowColumns {
    private final List<String> names = new ArrayList<>();
    private final Map<String, Integer> index = new HashMap<>();
    private double[][] columns = new double[8][];
    private int capacity;
    private int rows;

    /** @param expectedRows rows to make room for at first (more grow the columns) */
    public WindowColumns(int expectedRows) {
        this.capacity = Math.max(16, expectedRows);
    }

    /** @return the number of rows */
    public int size() {
        return rows;
    }

    /**
     * Adds a row from a record's map.
     *
     * @param features the values by name; NaN or null is missing
     */
    public void add(Map<String, Double> features) {
        int r = newRow();
        for (Map.Entry<String, Double> e : features.entrySet()) {
            // The column first: adding one may replace the array of columns.
            int c = column(e.getKey()); // a column even if no row has a value: as in a table of the maps
            Double v = e.getValue();
            if (v != null) {
                columns[c][r] = v;
            }
        }
    }

    /**
     * @param batch a batch about to be added
     * @return this window's column of each of the batch's features, -1 for one the window has no column for yet; for
     *     {@link #add(PredictionColumns, int[], int)}, which updates it
     */
    public int[] columnsOf(PredictionColumns batch) {
        List<String> features = batch.features();
        int[] map = new int[features.size()];
        for (int f = 0; f < map.length; f++) {
            map[f] = index.getOrDefault(features.get(f), -1);
        }
        return map;
    }

    /**
     * Adds a row of a batch. A feature gets its column with its first value, as if the row were the batch's
     * {@link PredictionColumns#record(int) record}, whose map leaves missing features out.
     *
     * @param batch the batch
     * @param map what {@link #columnsOf} returned for it (and this method updated) while this window was filled
     * @param row the batch's row
     */
    public void add(PredictionColumns batch, int[] map, int row) {
        int r = newRow();
        for (int f = 0; f < map.length; f++) {
            double v = batch.value(f, row);
            if (!Double.isNaN(v)) {
                int c = map[f];
                if (c < 0) {
                    c = column(batch.features().get(f));
                    map[f] = c;
                }
                columns[c][r] = v;
            }
        }
    }

    private int newRow() {
        if (rows == capacity) {
            capacity *= 2;
            for (int c = 0; c < names.size(); c++) {
                double[] grown = Arrays.copyOf(columns[c], capacity);
                Arrays.fill(grown, rows, capacity, Double.NaN);
                columns[c] = grown;
            }
        }
        return rows++;
    }

    private int column(String name) {
        Integer i = index.get(name);
        if (i != null) {
            return i;
        }
        int c = names.size();
        if (c == columns.length) {
            columns = Arrays.copyOf(columns, c * 2);
        }
        double[] column = new double[capacity];
        Arrays.fill(column, Double.NaN);
        columns[c] = column;
        names.add(name);
        index.put(name, c);
        return c;
    }

    /** @return the rows as a table (a view: add nothing afterwards) */
    public Table table() {
        String[] sorted = names.toArray(String[]::new);
        Arrays.sort(sorted);
        double[][] ordered = new double[sorted.length][];
        List<Column> cols = new ArrayList<>(sorted.length);
        for (int c = 0; c < sorted.length; c++) {
            double[] values = columns[index.get(sorted[c])];
            ordered[c] = values;
            cols.add(new Column(sorted[c], hasValue(values, rows) ? ColumnType.FLOATING : ColumnType.CATEGORICAL));
        }
        return new ColumnTable(List.copyOf(cols), ordered, rows);
    }

    private static boolean hasValue(double[] values, int n) {
        for (int r = 0; r < n; r++) {
            if (!Double.isNaN(values[r])) {
                return true;
            }
        }
        return false;
    }

    /** The window's columns read row by row. */
    private record ColumnTable(List<Column> columns, double[][] values, int rows) implements Table {

        @Override
        public RowCursor open() {
            return new RowCursor() {
                private int next;

                @Override
                public boolean next(Row row) {
                    if (next == rows) {
                        return false;
                    }
                    int r = next++;
                    row.setLineNumber(r + 1L);
                    for (int c = 0; c < values.length; c++) {
                        double v = values[c][r];
                        if (Double.isNaN(v)) {
                            row.setMissing(c);
                        } else {
                            row.setDouble(c, v);
                        }
                    }
                    return true;
                }

                @Override
                public void close() {
                    // nothing to release
                }
            };
        }

        /** Other types (not asked by the monitor, which profiles the window as it is): through boxed rows. */
        @Override
        public Table withTypes(Map<String, ColumnType> types) {
            boolean same = columns.stream().allMatch(c -> types.getOrDefault(c.name(), c.type()) == c.type());
            if (same) {
                return this;
            }
            List<Object[]> boxed = new ArrayList<>(rows);
            for (int r = 0; r < rows; r++) {
                Object[] row = new Object[values.length];
                for (int c = 0; c < values.length; c++) {
                    double v = values[c][r];
                    row[c] = Double.isNaN(v) ? null : v;
                }
                boxed.add(row);
            }
            return Table.ofArrays(columns, boxed).withTypes(types);
        }
    }
}
