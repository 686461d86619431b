package dev.mlops4j.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops4j.model.Prediction;
import dev.mlops4j.monitoring.internal.NamedTable;
import dev.mlops4j.monitoring.internal.WindowRows;
import dev.mlops4j.serving.PredictionColumns;
import dev.mlops4j.serving.PredictionRecord;
import dev.mlops4j.validation.data.Table;
import dev.mlops4j.validation.drift.DriftDetector;
import dev.mlops4j.validation.profile.Profile;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * A monitor given its predictions as columns reports exactly what it reports given the same predictions as records,
 * and what the former path (each window's record maps read as table rows) reported.
 */
class MonitorColumnsTest {
    private static final DriftDetector DETECTOR = DriftDetector.defaults();
    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
    private static final Prediction PREDICTION = new Prediction("yes", Map.of("yes", 0.7, "no", 0.3), true);

    @Property(tries = 40)
    void accept_columnsOrRecords_sameWindowReportsAsTheRecordMapsGave(
            @ForAll @IntRange(min = 1, max = 12) int features,
            @ForAll @IntRange(min = 1, max = 1_500) int predictions,
            @ForAll @IntRange(min = 2, max = 400) int window,
            @ForAll @IntRange(min = 1, max = 500) int batchSize,
            @ForAll @IntRange(min = 0, max = 60) int missingPercent,
            @ForAll boolean byTime,
            @ForAll long seed) {
        Random random = new Random(seed);
        Profile reference = DETECTOR.profile(Table.ofMaps(rows(random, features, 150, missingPercent)));
        List<PredictionColumns> batches = batches(random, features, predictions, batchSize, missingPercent);
        PredictionMonitor byColumns = monitor(reference, window, byTime);
        PredictionMonitor byRecords = monitor(reference, window, byTime);
        List<PredictionRecord> all = new ArrayList<>();

        for (PredictionColumns batch : batches) {
            byColumns.accept(batch);
            List<PredictionRecord> records = batch.records();
            byRecords.accept(records);
            all.addAll(records);
        }

        assertThat(byColumns.windows()).isEqualTo(byRecords.windows());
        assertThat(byColumns.predictionCount()).isEqualTo(predictions).isEqualTo(byRecords.predictionCount());
        assertThat(byColumns.openWindowCount()).isEqualTo(byRecords.openWindowCount());
        assertThat(byColumns.flush()).isEqualTo(byRecords.flush());
        // The former path: each window's record maps as table rows, profiled and compared with the reference.
        int from = 0;
        for (WindowReport w : byColumns.windows()) {
            List<Map<String, Double>> maps = all.subList(from, from + (int) w.predictions()).stream()
                    .map(PredictionRecord::features).toList();
            Table rows = new NamedTable(Table.ofMaps(WindowRows.of(maps)), "m window " + w.index());
            assertThat(w.drift()).contains(DETECTOR.compare(reference, DETECTOR.profile(rows)));
            from += (int) w.predictions();
        }
        assertThat(from).isEqualTo(predictions);
    }

    private static PredictionMonitor monitor(Profile reference, int window, boolean byTime) {
        // Analysed on the feeding thread: no window is skipped, so both monitors' windows compare.
        PredictionMonitor.Builder b = PredictionMonitor.builder("m").reference(reference).retainWindows(10_000)
                .analysisExecutor(Runnable::run);
        return (byTime ? b.windowOf(Duration.ofSeconds(window)) : b.windowOf(window)).build();
    }

    /** Values with ties (small integers, as counts or ratings) and some spread, some missing. */
    private static double value(Random random, int missingPercent) {
        if (random.nextInt(100) < missingPercent) {
            return Double.NaN;
        }
        return random.nextBoolean() ? random.nextInt(8) : Math.round(random.nextGaussian() * 1000) / 100.0;
    }

    private static List<Map<String, ?>> rows(Random random, int features, int n, int missingPercent) {
        List<Map<String, ?>> rows = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            Map<String, Double> row = new HashMap<>();
            for (int f = 0; f < features; f++) {
                double v = value(random, missingPercent);
                if (!Double.isNaN(v)) {
                    row.put("f" + f, v);
                }
            }
            rows.add(row);
        }
        return rows;
    }

    private static List<PredictionColumns> batches(Random random, int features, int predictions, int batchSize,
                                                   int missingPercent) {
        List<PredictionColumns> batches = new ArrayList<>();
        PredictionColumns.Builder b = null;
        for (int r = 0; r < predictions; r++) {
            if (b == null) {
                b = PredictionColumns.builder("m", "production", batchSize);
            }
            // Rows a second apart; a time window of w seconds holds about w of them.
            int row = b.addRow(1, T0.plusSeconds(r), PREDICTION, List.of(), PredictionRecord.NOT_TIMED);
            // Features in a different order per batch, as inputs of another layout or maps would give them.
            for (int k = 0; k < features; k++) {
                int f = (k + batches.size()) % features;
                b.set(b.feature("f" + f), row, value(random, missingPercent));
            }
            if (b.size() == batchSize) {
                batches.add(b.build());
                b = null;
            }
        }
        if (b != null) {
            batches.add(b.build());
        }
        return batches;
    }

    @Property(tries = 5)
    void accept_columnsWithAKeyFunction_takenAsRecords(@ForAll long seed) {
        Random random = new Random(seed);
        Profile reference = DETECTOR.profile(Table.ofMaps(rows(random, 3, 100, 10)));
        PredictionMonitor keyed = PredictionMonitor.builder("m").reference(reference).windowOf(50)
                .key(r -> r.at().toString()).build();
        PredictionMonitor plain = monitor(reference, 50, false);

        for (PredictionColumns batch : batches(random, 3, 120, 40, 10)) {
            keyed.accept(batch);
            plain.accept(batch);
        }

        assertThat(keyed.acceptsColumns()).isFalse();
        assertThat(plain.acceptsColumns()).isTrue();
        assertThat(keyed.windows()).isEqualTo(plain.windows());
        assertThat(keyed.label(T0.plusSeconds(3).toString(), "yes")).isTrue();
        assertThat(keyed.windows().get(0).performance().labelled()).isEqualTo(1);
        assertThat(Optional.ofNullable(keyed.latestDrift())).isPresent();
    }
}
