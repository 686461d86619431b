package dev.mlops4j.validation.drift.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops4j.Mlops;
import dev.mlops4j.NotFoundException;
import dev.mlops4j.validation.data.Column;
import dev.mlops4j.validation.data.ColumnType;
import dev.mlops4j.validation.data.Table;
import dev.mlops4j.validation.drift.DriftDetector;
import dev.mlops4j.validation.drift.DriftReport;
import dev.mlops4j.validation.drift.DriftStatus;
import dev.mlops4j.validation.profile.Profile;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A data-quality history kept in the in-memory store: recording, reading back, and today's anomalies. */
class QualityHistoryTest {
    private static final List<Column> COLUMNS = List.of(new Column("amount", ColumnType.FLOATING),
            new Column("channel", ColumnType.CATEGORICAL));
    private static final LocalDate START = LocalDate.of(2024, 5, 1);

    private Mlops mlops;
    private QualityHistory history;

    @BeforeEach
    void open() {
        mlops = Mlops.inMemory();
        history = QualityHistory.in(mlops);
    }

    @AfterEach
    void close() {
        mlops.close();
    }

    /** One day of orders: about 1,000 rows, amounts missing with the given probability. */
    private static Table day(long seed, int rows, double missing, double shift) {
        Random r = new Random(seed);
        List<Object[]> out = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            Double amount = r.nextDouble() < missing ? null : 50 + shift + 10 * r.nextGaussian();
            out.add(new Object[] {amount, r.nextInt(3) == 0 ? "web" : "store"});
        }
        return Table.ofArrays(COLUMNS, out);
    }

    private void recordTwoWeeks() {
        Random r = new Random(9);
        for (int d = 0; d < 14; d++) {
            history.record("orders", START.plusDays(d), Profile.of(day(d, 950 + r.nextInt(100), 0.01, 0)));
        }
    }

    @Test
    void check_todaysNullRateJumps_anomalyWithTheExpectedRange() {
        recordTwoWeeks();
        LocalDate today = START.plusDays(14);
        history.record("orders", today, Profile.of(day(99, 1000, 0.08, 0)));

        HistoryReport report = history.check("orders", today);

        assertThat(report.isAnomalous()).isTrue();
        assertThat(report.anomalies()).extracting(HistoryFinding::metric).containsExactly("amount.missing_fraction");
        HistoryFinding f = report.finding("amount.missing_fraction").orElseThrow();
        assertThat(f.value()).isGreaterThan(0.06);
        assertThat(f.expectation().upper()).isLessThan(0.03);
        assertThat(f.expectation().lower()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(f.history()).isEqualTo(14);
        assertThat(report.finding("rows").orElseThrow().isAnomalous()).isFalse();
        assertThat(report.finding("amount.mean").orElseThrow().isAnomalous()).isFalse();
        assertThat(report.toString()).startsWith("Data quality of orders on 2024-05-15: 1 anomaly in")
                .containsPattern("amount\\.missing_fraction +0\\.0\\d+ +-Infinity +0\\.0\\d+ +14 +ANOMALY");
        // the day before was judged normal, as it was that day
        assertThat(history.check("orders", today.minusDays(1)).isAnomalous()).isFalse();
    }

    @Test
    void check_rowsCollapse_relativeRateFlagsIt() {
        recordTwoWeeks();
        LocalDate today = START.plusDays(14);
        history.record("orders", today, Profile.of(day(99, 300, 0.01, 0)));

        HistoryReport report = history.check("orders", today);

        assertThat(report.anomalies()).extracting(HistoryFinding::metric).containsExactly("rows");
        assertThat(report.finding("rows").orElseThrow().strategy())
                .isEqualTo("ratio to the previous value within [0.5, 2]");
    }

    @Test
    void record_sameDateAgain_latestRecordWins() {
        history.record("orders", START, Map.of("rows", 10.0));
        history.record("orders", START, Map.of("rows", 12.0));
        history.record("orders", START.plusDays(1), Map.of("rows", 11.0, "late", 1.0));

        assertThat(history.dates("orders")).containsExactly(START, START.plusDays(1));
        assertThat(history.series("orders", "rows")).containsExactly(new HistoryPoint(START, 12.0),
                new HistoryPoint(START.plusDays(1), 11.0));
        assertThat(history.series("orders", "late")).containsExactly(new HistoryPoint(START.plusDays(1), 1.0));
        assertThat(history.metrics("orders")).containsExactly("late", "rows");
        assertThat(history.profile("orders", START)).isEmpty();
        assertThat(mlops.findExperiment(QualityHistory.EXPERIMENT_PREFIX + "orders")).isPresent();
    }

    @Test
    void profile_recordedDay_servesAsReferenceForTodaysDrift() {
        Profile firstDay = Profile.of(day(1, 1000, 0.01, 0));
        history.record("orders", START, firstDay);

        Profile back = history.profile("orders", START).orElseThrow();
        DriftReport drift = DriftDetector.defaults().compare(back, day(2, 1000, 0.01, 5));

        assertThat(back.toJson()).isEqualTo(firstDay.toJson());
        assertThat(drift.column("amount").status()).isEqualTo(DriftStatus.DRIFT);
        assertThat(drift.column("channel").status()).isNotEqualTo(DriftStatus.DRIFT);
        // the drift metrics can join the history
        history.record("orders", START.plusDays(1), Profile.of(day(2, 1000, 0.01, 5)), drift.metrics());
        assertThat(history.series("orders", "drift.amount.ks.p_value")).hasSize(1);
        assertThat(history.series("orders", "amount.mean").get(1).value()).isGreaterThan(54);
    }

    @Test
    void evaluate_wholeSeries_oneFindingPerDate() {
        recordTwoWeeks();
        List<HistoryFinding> f = history.evaluate("orders", "amount.missing_fraction", OnlineNormal.above(3));
        assertThat(f).hasSize(14);
        assertThat(f.get(0).expectation().judged()).isFalse();
        assertThat(f.get(7).expectation().judged()).isTrue();
        assertThat(f).noneMatch(HistoryFinding::isAnomalous);
    }

    @Test
    void check_unrecordedDate_notFoundWithTheRecordedRange() {
        recordTwoWeeks();
        assertThatThrownBy(() -> history.check("orders", START.minusDays(1))).isInstanceOf(NotFoundException.class)
                .hasMessage("no quality metrics recorded for data set 'orders' on 2024-04-30; recorded dates run from"
                        + " 2024-05-01 to 2024-05-14. Record them with QualityHistory.record");
        assertThat(history.dates("unknown")).isEmpty();
    }
}
