package dev.mlops4j.validation.drift.internal;

import dev.mlops4j.validation.data.Column;
import dev.mlops4j.validation.data.ColumnType;
import dev.mlops4j.validation.data.Table;
import dev.mlops4j.validation.drift.ColumnDrift;
import dev.mlops4j.validation.drift.DriftStatus;
import dev.mlops4j.validation.drift.Measurement;
import dev.mlops4j.validation.drift.MultipleTesting;
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

/** Compares whole profiles column by column and applies the multiple-testing correction. */
public final class Comparisons {
    private Comparisons() {
    }

    /**
     * Profiles a table in one pass.
     *
     * @param table the data
     * @param settings sketch sizes
     * @param parallelism threads for splittable tables
     * @return its statistics
     */
    public static ProfileData profile(Table table, ProfileSettings settings, int parallelism) {
        return Passes.run(table, parallelism, part -> new ProfileAccumulator(part.columns(), settings),
                ProfileData::merge);
    }

    /**
     * @param profile statistics
     * @return column name to type
     */
    public static Map<String, ColumnType> types(ProfileData profile) {
        Map<String, ColumnType> types = new HashMap<>();
        for (ColumnAccumulator c : profile.columns()) {
            types.put(c.name(), c.type());
        }
        return types;
    }

    /**
     * @param columns columns of a table
     * @param settings sketch sizes
     * @return the statistics of no rows with these columns
     */
    public static ProfileData empty(List<Column> columns, ProfileSettings settings) {
        return new ProfileAccumulator(columns, settings).result();
    }

    /**
     * Compares every column of the two profiles (reference columns first, in order, then columns only in the current
     * data), then corrects the deciding tests' p-values.
     *
     * @param ref reference statistics
     * @param cur current statistics
     * @param settings the settings
     * @return one comparison per compared column
     */
    public static List<ColumnDrift> compare(ProfileData ref, ProfileData cur, DriftSettings settings) {
        Map<String, ColumnData> refColumns = new LinkedHashMap<>();
        for (ColumnAccumulator c : ref.columns()) {
            refColumns.put(c.name(), new ColumnData(c, ref.rows()));
        }
        Map<String, ColumnData> curColumns = new LinkedHashMap<>();
        for (ColumnAccumulator c : cur.columns()) {
            curColumns.put(c.name(), new ColumnData(c, cur.rows()));
        }
        List<String> names = new ArrayList<>(refColumns.keySet());
        for (String n : curColumns.keySet()) {
            if (!refColumns.containsKey(n)) {
                names.add(n);
            }
        }
        ColumnComparator comparator = new ColumnComparator(settings);
        List<ColumnDrift> out = new ArrayList<>();
        for (String n : names) {
            if (settings.compares(n)) {
                out.add(comparator.compare(n, refColumns.get(n), curColumns.get(n)));
            }
        }
        return correct(out, settings.multipleTesting());
    }

    /**
     * Applies a multiple-testing correction to the deciding measurements that are tests, and judges them again on the
     * adjusted p-values.
     *
     * @param columns comparisons
     * @param correction the correction
     * @return the corrected comparisons
     */
    public static List<ColumnDrift> correct(List<ColumnDrift> columns, MultipleTesting correction) {
        if (correction == MultipleTesting.NONE) {
            return columns;
        }
        List<Integer> tested = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            ColumnDrift c = columns.get(i);
            if (c.status().isJudged() && c.measurements().get(0).method().isTest()) {
                tested.add(i);
            }
        }
        double[] p = new double[tested.size()];
        for (int k = 0; k < p.length; k++) {
            p[k] = columns.get(tested.get(k)).measurements().get(0).pValue();
        }
        double[] adjusted = correction.adjust(p);
        List<ColumnDrift> out = new ArrayList<>(columns);
        for (int k = 0; k < p.length; k++) {
            ColumnDrift c = columns.get(tested.get(k));
            Measurement m = c.measurements().get(0);
            DriftStatus status = m.thresholds().judge(true, adjusted[k]);
            List<Measurement> ms = new ArrayList<>(c.measurements());
            ms.set(0, m.withAdjustedPValue(adjusted[k], status));
            out.set(tested.get(k), new ColumnDrift(c.column(), c.referenceType(), c.currentType(),
                    c.referenceValues(), c.currentValues(), status, ms, c.monitors(), c.reason()));
        }
        return out;
    }
}
