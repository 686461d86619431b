package dev.mlops4j.validation.drift.internal;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.validation.data.Column;
import dev.mlops4j.validation.data.ColumnType;
import dev.mlops4j.validation.data.Row;
import dev.mlops4j.validation.data.RowCursor;
import dev.mlops4j.validation.data.Table;
import dev.mlops4j.validation.drift.AlertBand;
import dev.mlops4j.validation.drift.ColumnDrift;
import dev.mlops4j.validation.drift.DriftMethod;
import dev.mlops4j.validation.drift.DriftReport;
import dev.mlops4j.validation.drift.Measurement;
import dev.mlops4j.validation.drift.WindowDrift;
import dev.mlops4j.validation.drift.WindowedDriftReport;
import dev.mlops4j.validation.internal.ColumnAccumulator;
import dev.mlops4j.validation.internal.ProfileAccumulator;
import dev.mlops4j.validation.internal.ProfileAccumulator.ProfileData;
import dev.mlops4j.validation.internal.ProfileSettings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Windowed comparisons: the reference is read three times (for its profile, for its chunk sizes, which fix each
 * column's method, and for its chunks, each compared with the whole reference for the bands) and the current data
 * once, window after window, each window compared as soon as it closes, so memory holds one window's statistics at a
 * time.
 */
public final class WindowPass {
    private WindowPass() {
    }

    /** Receives each closed window. */
    private interface WindowSink {
        void accept(long key, ProfileData window);
    }

    /** Rows skipped by a windowed read. */
    private static final class Skipped {
        long outOfOrder;
        long withoutTime;
    }

    /**
     * @param reference the reference table
     * @param current the current table, in time order
     * @param spec the window assignment
     * @param settings drift settings
     * @param profileSettings sketch sizes
     * @param parallelism threads for profiling the whole reference
     * @param maxWindows most windows read from the current data
     * @param bandWidth k of the bands
     * @param description the windowing, for the report
     * @return the report
     */
    public static WindowedDriftReport compare(Table reference, Table current, WindowSpec spec, DriftSettings settings,
            ProfileSettings profileSettings, int parallelism, int maxWindows, double bandWidth, String description) {
        Table cur = current.withTypes(SegmentPass.types(reference));
        int curIndex = timeIndex(cur, spec, true);
        int refIndex = timeIndex(reference, spec, false);
        ProfileData ref = Comparisons.profile(reference, profileSettings, parallelism);
        // chunk sizes of the reference decide each column's method, so that chunks and windows use the same one
        TreeMap<Long, Long> chunkRows = new TreeMap<>();
        if (refIndex >= 0 || spec.column() == null) {
            ColumnType type = refIndex >= 0 ? reference.columns().get(refIndex).type() : null;
            Row row = new Row(reference.columns().size());
            long ordinal = 0;
            try (RowCursor c = reference.open()) {
                while (c.next(row)) {
                    if (!row.isMalformed()) {
                        long key = spec.key(row, refIndex, type, ordinal++);
                        if (key != WindowSpec.NO_TIME) {
                            chunkRows.merge(key, 1L, Long::sum);
                        }
                    }
                }
            }
        }
        long typical = chunkRows.isEmpty() ? ref.rows() : median(chunkRows.values());
        DriftSettings fixed = fixMethods(ref, settings, typical);
        Map<String, List<Double>> chunkValues = new LinkedHashMap<>();
        int[] chunkCount = {0};
        if (!chunkRows.isEmpty()) {
            read(reference, spec, refIndex, profileSettings, Integer.MAX_VALUE, new Skipped(), (key, chunk) -> {
                chunkCount[0]++;
                collect(Comparisons.compare(ref, chunk, fixed), chunkValues);
            });
        }
        List<AlertBand> bands = bands(ref, fixed, chunkValues, bandWidth);
        List<WindowDrift> windows = new ArrayList<>();
        Skipped skipped = new Skipped();
        read(cur, spec, curIndex, profileSettings, maxWindows, skipped, (key, window) -> windows.add(window(
                reference.description(), ref, spec.label(key, window.rows()), window, fixed, bands)));
        return new WindowedDriftReport(description, reference.description(), ref.rows(), chunkCount[0], bands, windows,
                skipped.outOfOrder, skipped.withoutTime);
    }

    /**
     * @param referenceSource what the reference is
     * @param ref the reference statistics
     * @param chunks statistics of reference chunks
     * @param windows window name to statistics
     * @param settings drift settings
     * @param bandWidth k of the bands
     * @return the report
     */
    public static WindowedDriftReport compareProfiles(String referenceSource, ProfileData ref, List<ProfileData> chunks,
            Map<String, ProfileData> windows, DriftSettings settings, double bandWidth) {
        List<Long> sizes = new ArrayList<>();
        for (ProfileData c : chunks.isEmpty() ? windows.values() : chunks) {
            sizes.add(c.rows());
        }
        long typical = sizes.isEmpty() ? ref.rows() : median(sizes);
        DriftSettings fixed = fixMethods(ref, settings, typical);
        Map<String, List<Double>> chunkValues = new LinkedHashMap<>();
        for (ProfileData c : chunks) {
            collect(Comparisons.compare(ref, c, fixed), chunkValues);
        }
        List<AlertBand> bands = bands(ref, fixed, chunkValues, bandWidth);
        List<WindowDrift> out = new ArrayList<>();
        windows.forEach((label, w) -> out.add(window(referenceSource, ref, label, w, fixed, bands)));
        return new WindowedDriftReport("windows given as profiles", referenceSource, ref.rows(), chunks.size(), bands,
                out, 0, 0);
    }

    private static int timeIndex(Table table, WindowSpec spec, boolean required) {
        if (spec.column() == null) {
            return -1;
        }
        int index = table.indexOf(spec.column());
        if (index < 0) {
            if (required) {
                throw new InvalidInputException(table.description() + " has no column '" + spec.column()
                        + "' to cut windows by; its columns are "
                        + table.columns().stream().map(Column::name).toList());
            }
            return -1;
        }
        spec.checkType(table.columns().get(index).type());
        return index;
    }

    private static long median(java.util.Collection<Long> values) {
        long[] v = values.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(v);
        return v[(v.length - 1) / 2];
    }

    /** Each column keeps the method chosen for a typical window, so every window's value is comparable. */
    private static DriftSettings fixMethods(ProfileData ref, DriftSettings settings, long typicalRows) {
        ColumnComparator comparator = new ColumnComparator(settings);
        Map<String, DriftMethod> methods = new HashMap<>();
        for (ColumnAccumulator c : ref.columns()) {
            if (!settings.compares(c.name())) {
                continue;
            }
            ColumnData data = new ColumnData(c, ref.rows());
            long values = ref.rows() == 0 ? 0 : Math.round((double) typicalRows * data.values() / ref.rows());
            DriftMethod m = comparator.chooseForWindows(c.name(), data, values);
            if (m != null) {
                methods.put(c.name(), m);
            }
        }
        return settings.withPreferredMethods(methods);
    }

    private static void collect(List<ColumnDrift> columns, Map<String, List<Double>> values) {
        for (ColumnDrift c : columns) {
            c.measurement().ifPresent(m -> values.computeIfAbsent(c.column(), k -> new ArrayList<>()).add(m.value()));
        }
    }

    private static List<AlertBand> bands(ProfileData ref, DriftSettings fixed, Map<String, List<Double>> values,
            double k) {
        List<AlertBand> out = new ArrayList<>();
        for (ColumnAccumulator c : ref.columns()) {
            if (!fixed.compares(c.name())) {
                continue;
            }
            DriftMethod method = fixed.preferredMethods().get(c.name());
            List<Double> v = values.getOrDefault(c.name(), List.of());
            if (v.size() < 2) {
                out.add(new AlertBand(c.name(), method, v.size(), Double.NaN, Double.NaN, k, Double.NaN, Double.NaN));
                continue;
            }
            double mean = 0;
            for (double x : v) {
                mean += x;
            }
            mean /= v.size();
            double ss = 0;
            for (double x : v) {
                ss += (x - mean) * (x - mean);
            }
            double sd = Math.sqrt(ss / v.size());
            double lower = mean - k * sd;
            if (method != DriftMethod.Z_TEST) {
                lower = Math.max(0, lower);
            }
            out.add(new AlertBand(c.name(), method, v.size(), mean, sd, k, lower, mean + k * sd));
        }
        return out;
    }

    private static WindowDrift window(String referenceSource, ProfileData ref, String label, ProfileData window,
            DriftSettings fixed, List<AlertBand> bands) {
        List<ColumnDrift> columns = Comparisons.compare(ref, window, fixed);
        DriftReport report = new DriftReport(referenceSource, ref.rows(), label, window.rows(), fixed.preset(),
                fixed.multipleTesting(), fixed.driftShare(), columns);
        List<String> outside = new ArrayList<>();
        for (AlertBand b : bands) {
            report.find(b.column()).flatMap(ColumnDrift::measurement).filter(m -> m.method() == b.method())
                    .map(Measurement::value).filter(b::isOutside).ifPresent(v -> outside.add(b.column()));
        }
        return new WindowDrift(label, window.rows(), report, outside);
    }

    /** Reads a table window by window, in one pass, handing each window to the sink when it closes. */
    private static void read(Table table, WindowSpec spec, int index, ProfileSettings settings, int maxWindows,
            Skipped skipped, WindowSink sink) {
        List<Column> columns = table.columns();
        ColumnType type = index >= 0 ? columns.get(index).type() : null;
        Row row = new Row(columns.size());
        ProfileAccumulator open = null;
        long openKey = 0;
        long ordinal = 0;
        int windows = 0;
        try (RowCursor cursor = table.open()) {
            while (cursor.next(row)) {
                if (row.isMalformed()) {
                    if (open != null) {
                        open.accept(row);
                    }
                    continue;
                }
                long key = spec.key(row, index, type, ordinal++);
                if (key == WindowSpec.NO_TIME) {
                    skipped.withoutTime++;
                    continue;
                }
                if (open != null && key < openKey) {
                    skipped.outOfOrder++;
                    continue;
                }
                if (open == null || key > openKey) {
                    if (open != null) {
                        sink.accept(openKey, open.result());
                    }
                    if (++windows > maxWindows) {
                        throw new InvalidInputException(table.description() + " has more than " + maxWindows
                                + " windows; use longer windows or raise maxWindows");
                    }
                    open = new ProfileAccumulator(columns, settings);
                    openKey = key;
                }
                open.accept(row);
            }
        }
        if (open != null) {
            sink.accept(openKey, open.result());
        }
    }
}
