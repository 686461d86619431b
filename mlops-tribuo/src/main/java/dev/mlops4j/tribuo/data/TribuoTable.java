package dev.mlops4j.tribuo.data;

import dev.mlops4j.validation.data.Column;
import dev.mlops4j.validation.data.ColumnType;
import dev.mlops4j.validation.data.Row;
import dev.mlops4j.validation.data.RowCursor;
import dev.mlops4j.validation.data.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.Output;
import org.tribuo.regression.Regressor;

/** A {@link Table} over Tribuo examples; see {@link TribuoTables}. Immutable. */
final class TribuoTable<T extends Output<T>> implements Table {
    /** Below this many examples per part, splitting costs more than it saves. */
    private static final int MIN_ROWS_PER_PART = 10_000;

    private final Iterable<Example<T>> examples;
    private final List<Column> columns;
    private final int featureCount;
    private final boolean hasOutput;
    /** Regression dimensions, one floating column each; {@code null} for other outputs (one categorical column). */
    private final List<String> dimensions;
    private final boolean hasWeight;
    private final AbsentFeature absent;
    private final T unknown;
    private final String description;
    private final long firstLine;
    private final Map<String, Integer> featureIndex = new HashMap<>();

    TribuoTable(Iterable<Example<T>> examples, List<Column> columns, int featureCount, boolean hasOutput,
            List<String> dimensions, boolean hasWeight, AbsentFeature absent, T unknown, String description,
            long firstLine) {
        this.examples = examples;
        this.columns = List.copyOf(columns);
        this.featureCount = featureCount;
        this.hasOutput = hasOutput;
        this.dimensions = dimensions == null ? null : List.copyOf(dimensions);
        this.hasWeight = hasWeight;
        this.absent = absent;
        this.unknown = unknown;
        this.description = description;
        this.firstLine = firstLine;
        for (int i = 0; i < featureCount; i++) {
            featureIndex.put(columns.get(i).name(), i);
        }
    }

    @Override
    public List<Column> columns() {
        return columns;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public Table withTypes(Map<String, ColumnType> types) {
        List<Column> cols = new ArrayList<>(columns.size());
        boolean changed = false;
        for (Column c : columns) {
            ColumnType t = types.get(c.name());
            changed |= t != null && t != c.type();
            cols.add(t == null ? c : c.withType(t));
        }
        return changed ? new TribuoTable<>(examples, cols, featureCount, hasOutput, dimensions, hasWeight, absent,
                unknown, description, firstLine) : this;
    }

    @Override
    public List<Table> split(int parts) {
        if (parts <= 1 || !(examples instanceof List)) {
            return List.of(this);
        }
        List<Example<T>> list = (List<Example<T>>) examples;
        int n = Math.min(parts, Math.max(1, list.size() / MIN_ROWS_PER_PART));
        if (n <= 1) {
            return List.of(this);
        }
        List<Table> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int from = (int) ((long) list.size() * i / n);
            int to = (int) ((long) list.size() * (i + 1) / n);
            out.add(new TribuoTable<>(list.subList(from, to), columns, featureCount, hasOutput, dimensions, hasWeight,
                    absent, unknown, description, firstLine + from));
        }
        return out;
    }

    @Override
    public RowCursor open() {
        Iterator<Example<T>> it = examples.iterator();
        ColumnType[] types = columns.stream().map(Column::type).toArray(ColumnType[]::new);
        int outputIndex = hasOutput ? featureCount : -1;
        int outputWidth = !hasOutput ? 0 : dimensions == null ? 1 : dimensions.size();
        int weightIndex = hasWeight ? featureCount + outputWidth : -1;
        return new RowCursor() {
            private long line = firstLine;

            @Override
            public boolean next(Row row) {
                if (!it.hasNext()) {
                    return false;
                }
                Example<T> e = it.next();
                row.setLineNumber(line++);
                for (int c = 0; c < featureCount; c++) {
                    if (absent == AbsentFeature.ZERO) {
                        writeNumber(row, c, types[c], 0.0);
                    } else {
                        row.setMissing(c);
                    }
                }
                for (Feature f : e) {
                    Integer c = featureIndex.get(f.getName());
                    if (c != null) {
                        writeNumber(row, c, types[c], f.getValue());
                    }
                }
                if (outputIndex >= 0 && dimensions != null) {
                    writeDimensions(row, outputIndex, types, e.getOutput());
                } else if (outputIndex >= 0) {
                    T out = e.getOutput();
                    if (out == null || out.equals(unknown)) {
                        row.setMissing(outputIndex);
                    } else {
                        writeText(row, outputIndex, types[outputIndex], out.getSerializableForm(false));
                    }
                }
                if (weightIndex >= 0) {
                    writeNumber(row, weightIndex, types[weightIndex], e.getWeight());
                }
                return true;
            }

            @Override
            public void close() {
                // examples are in memory
            }
        };
    }

    /**
     * A regression output: each dimension's value in its column. The unknown output (NaN values) and dimensions an
     * example lacks are missing cells; {@code Regressor.equals} compares names only, so NaN is the test.
     */
    private void writeDimensions(Row row, int first, ColumnType[] types, T out) {
        for (int d = 0; d < dimensions.size(); d++) {
            int c = first + d;
            double v = Double.NaN;
            if (out instanceof Regressor) {
                v = ((Regressor) out).getDimension(dimensions.get(d)).map(Regressor.DimensionTuple::getValue)
                        .orElse(Double.NaN);
            }
            if (Double.isNaN(v)) {
                row.setMissing(c);
            } else {
                writeNumber(row, c, types[c], v);
            }
        }
    }

    /** Feature values are doubles; a schema may ask for another type, which they may not fit. */
    private static void writeNumber(Row row, int c, ColumnType type, double v) {
        switch (type) {
            case FLOATING:
                row.setDouble(c, v);
                return;
            case INTEGER:
                if (v == Math.rint(v) && Math.abs(v) < 9.0e18) {
                    row.setLong(c, (long) v);
                } else {
                    row.setInvalid(c, Double.toString(v));
                }
                return;
            case BOOLEAN:
                if (v == 0 || v == 1) {
                    row.setBoolean(c, v == 1);
                } else {
                    row.setInvalid(c, Double.toString(v));
                }
                return;
            default:
                row.setInvalid(c, Double.toString(v));
        }
    }

    /** The output is text; a schema may ask for a number (e.g. a regression target). */
    private static void writeText(Row row, int c, ColumnType type, String text) {
        if (type == ColumnType.CATEGORICAL) {
            row.setString(c, text);
            return;
        }
        try {
            double v = Double.parseDouble(text);
            writeNumber(row, c, type, v);
        } catch (NumberFormatException ex) {
            row.setInvalid(c, text);
        }
    }
}
