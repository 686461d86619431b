package dev.mlops4j.validation.drift.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops4j.Mlops;
import dev.mlops4j.validation.data.Column;
import dev.mlops4j.validation.data.ColumnType;
import dev.mlops4j.validation.data.Table;
import dev.mlops4j.validation.profile.Profile;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data-quality history on the default embedded store, a real H2 file: what one process records, a later one
 * (the store reopened) reads back and judges, across more dates than one page of a run search.
 */
class QualityHistoryH2Test {
    private static final LocalDate START = LocalDate.of(2024, 1, 1);
    private static final int DAYS = 105;

    @TempDir
    Path home;

    private static Table day(long seed, double missing) {
        Random r = new Random(seed);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            rows.add(new Object[] {r.nextDouble() < missing ? null : 50 + 10 * r.nextGaussian()});
        }
        return Table.ofArrays(List.of(new Column("amount", ColumnType.FLOATING)), rows);
    }

    @Test
    void check_afterReopeningTheH2Store_seesTheWholeHistoryAndFlagsTodaysNullRate() {
        Random r = new Random(5);
        List<Double> recordedRows = new ArrayList<>();
        Profile lastNormalDay;
        try (Mlops mlops = Mlops.open(home)) {
            QualityHistory history = QualityHistory.in(mlops);
            // metrics only for most days (cheap), a profile for the last ten normal days
            for (int d = 0; d < DAYS - 10; d++) {
                double rows = 950 + r.nextInt(100);
                recordedRows.add(rows);
                history.record("orders", START.plusDays(d), Map.of(QualityMetrics.ROWS, rows,
                        "amount.missing_fraction", 0.01 + 0.002 * r.nextGaussian(), "amount.mean",
                        50 + 0.5 * r.nextGaussian()));
            }
            Profile p = null;
            for (int d = DAYS - 10; d < DAYS; d++) {
                p = Profile.of(day(d, 0.01));
                recordedRows.add((double) p.rowCount());
                history.record("orders", START.plusDays(d), p);
            }
            lastNormalDay = p;
        }

        LocalDate today = START.plusDays(DAYS);
        HistoryReport report;
        try (Mlops mlops = Mlops.open(home)) {
            QualityHistory history = QualityHistory.in(mlops);
            assertThat(history.dates("orders")).hasSize(DAYS).startsWith(START).endsWith(today.minusDays(1));
            assertThat(history.series("orders", QualityMetrics.ROWS)).extracting(HistoryPoint::value)
                    .containsExactlyElementsOf(recordedRows);
            assertThat(history.profile("orders", today.minusDays(1)).orElseThrow().toJson())
                    .isEqualTo(lastNormalDay.toJson());

            history.record("orders", today, Profile.of(day(999, 0.2)));
            report = history.check("orders", today);
        }

        assertThat(report.anomalies()).extracting(HistoryFinding::metric).contains("amount.missing_fraction");
        HistoryFinding nulls = report.finding("amount.missing_fraction").orElseThrow();
        assertThat(nulls.history()).isEqualTo(DAYS);
        assertThat(nulls.value()).isGreaterThan(0.1);
        assertThat(nulls.expectation().upper()).isLessThan(0.03);
        // the store file persists what was recorded today, too
        try (Mlops mlops = Mlops.open(home)) {
            assertThat(QualityHistory.in(mlops).dates("orders")).hasSize(DAYS + 1);
        }
    }
}
