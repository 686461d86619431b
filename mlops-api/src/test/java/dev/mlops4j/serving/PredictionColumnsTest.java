package dev.mlops4j.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops4j.model.Prediction;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A columnar batch: columns added as features appear, NaN for missing, rows as records without missing values. */
class PredictionColumnsTest {
    private static final Instant AT = Instant.parse("2026-03-01T00:00:00Z");
    private static final Prediction P = new Prediction("yes", Map.of("yes", 1.0), true);

    @Test
    void record_featuresAddedLaterAndMissingValues_recordHasThePresentValuesOnly() {
        PredictionColumns.Builder b = PredictionColumns.builder("m", "prod", 3);
        int first = b.addRow(1, AT, P, List.of(), 5);
        for (int f = 0; f < 10; f++) { // more columns than the builder starts with
            b.set(b.feature("f" + f), first, f);
        }
        int second = b.addRow(2, AT.plusSeconds(1), P, List.of(), PredictionRecord.NOT_TIMED);
        b.set(b.feature("late"), second, 7.5);
        b.set(b.feature("f3"), second, Double.NaN);

        PredictionColumns batch = b.build();

        assertThat(batch.size()).isEqualTo(2);
        assertThat(batch.features()).hasSize(11).startsWith("f0").endsWith("late");
        assertThat(batch.value(batch.features().indexOf("late"), first)).isNaN();
        Map<String, Double> expectedFirst = new HashMap<>();
        for (int f = 0; f < 10; f++) {
            expectedFirst.put("f" + f, (double) f);
        }
        assertThat(batch.record(first)).isEqualTo(new PredictionRecord("m", 1, "prod", AT, expectedFirst, P,
                List.of(), 5));
        assertThat(batch.record(second).features()).isEqualTo(Map.of("late", 7.5));
        assertThat(batch.records()).extracting(PredictionRecord::version).containsExactly(1, 2);
        double[] column = new double[2];
        batch.copyColumn(batch.features().indexOf("f3"), 0, column, 0, 2);
        assertThat(column).containsExactly(3.0, Double.NaN);
    }

    @Test
    void addRow_fullOrBuiltBatch_failsAndTruncateDropsRows() {
        PredictionColumns.Builder b = PredictionColumns.builder("m", "prod", 2);
        b.addRow(1, AT, P, List.of(), 1);
        int dropped = b.addRow(1, AT, P, List.of(), 1);
        b.set(b.feature("a"), dropped, 1.0);
        assertThatThrownBy(() -> b.addRow(1, AT, P, List.of(), 1)).hasMessageContaining("full (2 rows)");

        b.truncate(1);
        int again = b.addRow(1, AT, P, List.of(), 1);
        PredictionColumns batch = b.build();

        assertThat(batch.value(0, again)).isNaN();
        assertThatThrownBy(() -> b.addRow(1, AT, P, List.of(), 1)).hasMessageContaining("built already");
        assertThatThrownBy(() -> batch.value(0, 2)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
