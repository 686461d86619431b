package dev.mlops4j.validation.drift.internal;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.validation.data.Column;
import dev.mlops4j.validation.data.ColumnType;
import dev.mlops4j.validation.data.Row;
import dev.mlops4j.validation.data.Table;
import dev.mlops4j.validation.drift.SegmentedDriftReport;
import dev.mlops4j.validation.internal.ColumnAccumulator;
import dev.mlops4j.validation.internal.Passes;
import dev.mlops4j.validation.internal.ProfileAccumulator;
import dev.mlops4j.validation.internal.ProfileAccumulator.ProfileData;
import dev.mlops4j.validation.internal.ProfileSettings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One pass that profiles a table separately within each value of a grouping column. */
public final class SegmentPass {
    /** Name of the segment of rows whose grouping cell does not fit the column's type. */
    public static final String INVALID_SEGMENT = "(invalid)";

    private SegmentPass() {
    }

    /**
     * @param table the data
     * @param column the grouping column
     * @param settings sketch sizes
     * @param maxSegments most segments accepted
     * @param parallelism threads for splittable tables
     * @return segment name to its statistics, in order of first appearance
     * @throws InvalidInputException if the table lacks the column or it has too many values
     */
    public static Map<String, ProfileData> run(Table table, String column, ProfileSettings settings, int maxSegments,
            int parallelism) {
        int index = table.indexOf(column);
        if (index < 0) {
            throw new InvalidInputException(table.description() + " has no column '" + column + "' to segment by; its"
                    + " columns are " + table.columns().stream().map(Column::name).toList());
        }
        return Passes.run(table, parallelism, part -> new Sink(part.columns(), index, settings, maxSegments, column),
                SegmentPass::merge);
    }

    /**
     * @param table a table
     * @return its column types by name
     */
    public static Map<String, ColumnType> types(Table table) {
        Map<String, ColumnType> types = new HashMap<>();
        for (Column c : table.columns()) {
            types.put(c.name(), c.type());
        }
        return types;
    }

    /**
     * @param like statistics of some data
     * @return the statistics of no rows with the same columns and settings
     */
    public static ProfileData emptyLike(ProfileData like) {
        List<Column> columns = new ArrayList<>();
        for (ColumnAccumulator c : like.columns()) {
            columns.add(new Column(c.name(), c.type()));
        }
        return Comparisons.empty(columns, like.settings());
    }

    private static Map<String, ProfileData> merge(Map<String, ProfileData> a, Map<String, ProfileData> b) {
        Map<String, ProfileData> out = new LinkedHashMap<>(a);
        b.forEach((k, v) -> out.merge(k, v, ProfileData::merge));
        return out;
    }

    /** Feeds each row to the accumulator of its segment. */
    private static final class Sink implements Passes.RowSink<Map<String, ProfileData>> {
        private final List<Column> columns;
        private final int index;
        private final ColumnType type;
        private final ProfileSettings settings;
        private final int maxSegments;
        private final String column;
        private final Map<String, ProfileAccumulator> segments = new LinkedHashMap<>();

        Sink(List<Column> columns, int index, ProfileSettings settings, int maxSegments, String column) {
            this.columns = columns;
            this.index = index;
            this.type = columns.get(index).type();
            this.settings = settings;
            this.maxSegments = maxSegments;
            this.column = column;
        }

        @Override
        public void accept(Row row) {
            if (row.isMalformed()) {
                return;
            }
            String key = row.isPresent(index) ? row.format(index, type)
                    : row.isMissing(index) ? SegmentedDriftReport.MISSING_SEGMENT : INVALID_SEGMENT;
            ProfileAccumulator acc = segments.get(key);
            if (acc == null) {
                if (segments.size() == maxSegments) {
                    throw new InvalidInputException("column '" + column + "' has more than " + maxSegments
                            + " values; segment by a column with fewer values, or raise maxSegments");
                }
                acc = new ProfileAccumulator(columns, settings);
                segments.put(key, acc);
            }
            acc.accept(row);
        }

        @Override
        public Map<String, ProfileData> result() {
            Map<String, ProfileData> out = new LinkedHashMap<>();
            segments.forEach((k, v) -> out.put(k, v.result()));
            return out;
        }
    }
}
