package dev.mlops4j.validation.drift;

import static dev.mlops4j.validation.drift.Fixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mlops4j.InvalidInputException;
import dev.mlops4j.Mlops;
import dev.mlops4j.Run;
import dev.mlops4j.tracking.Metric;
import dev.mlops4j.validation.data.Column;
import dev.mlops4j.validation.data.ColumnType;
import dev.mlops4j.validation.data.Table;
import dev.mlops4j.validation.profile.Profile;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Windows over time-ordered data, fixed thresholds and alert bands from the reference's own chunks. */
class WindowedDriftTest {

    @Test
    void compareWindows_monthsAgainstAYear_seasonsDriftButStayInsideTheReferencesOwnBand() {
        Table later = Weather.days(d -> d.getYear() > 2012);
        DriftDetector d = DriftDetector.builder().columns("temp_max").minSampleSize(20).build();

        WindowedDriftReport r = d.compareWindows(Weather.year(2012), later,
                Windowing.byPeriod("date", Period.ofMonths(1)));

        JsonNode expected = at("weather", "monthly_bands_temp_max");
        assertThat(r.referenceChunks()).isEqualTo(12);
        assertThat(r.windows()).hasSize(36);
        AlertBand band = r.band("temp_max").orElseThrow();
        assertThat(band.method()).isEqualTo(DriftMethod.KOLMOGOROV_SMIRNOV);
        assertThat(band.chunks()).isEqualTo(12);
        assertThat(band.mean()).isCloseTo(expected.path("mean").asDouble(), within(1e-12));
        assertThat(band.stddev()).isCloseTo(expected.path("sd").asDouble(), within(1e-12));
        assertThat(band.lower()).isCloseTo(expected.path("lower").asDouble(), within(1e-12));
        assertThat(band.upper()).isCloseTo(expected.path("upper").asDouble(), within(1e-12));
        for (WindowDrift w : r.windows()) {
            String month = w.label().substring(0, 7).replace('-', '/');
            Measurement ks = w.report().column("temp_max").measurement().orElseThrow();
            assertThat(ks.value()).as(month).isCloseTo(expected.path("window_d").path(month).asDouble(), within(1e-12));
            assertThat(ks.pValue()).as(month).isCloseTo(expected.path("window_p").path(month).asDouble(),
                    within(expected.path("window_p").path(month).asDouble() * 1e-9));
        }
        assertThat(r.windows().get(0).label()).isEqualTo("2013-01-01..2013-01-31");
        assertThat(r.windows().get(1).rows()).isEqualTo(28);
        // every month differs from the yearly mix (seasons), yet the 2012 months differed as much from 2012:
        // fixed thresholds alarm every month, the reference's own band none
        assertThat(r.driftingWindows("temp_max")).hasSize(36);
        assertThat(r.bandAlerts("temp_max")).isEqualTo(Fixtures.strings(expected.path("outside"))).isEmpty();
    }

    /** 2,000 reference rows N(0, 1); 3,000 current rows, rows 2,001-2,500 shifted by one standard deviation. */
    private static List<Object[]> shifted(long seed, int n, int shiftFrom, int shiftTo) {
        Random r = new Random(seed);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(new Object[] {r.nextGaussian() + (i >= shiftFrom && i < shiftTo ? 1.0 : 0.0)});
        }
        return rows;
    }

    @Test
    void compareWindows_byRowsWithAPlantedShift_bandFlagsExactlyThatWindow() {
        List<Column> cols = List.of(new Column("x", ColumnType.FLOATING));
        Table ref = Table.ofArrays(cols, shifted(1, 2000, 0, 0));
        Table cur = Table.ofArrays(cols, shifted(2, 3000, 2000, 2500));

        WindowedDriftReport r = DriftDetector.defaults().compareWindows(ref, cur, Windowing.byRows(500));

        assertThat(r.referenceChunks()).isEqualTo(4);
        assertThat(r.windows()).extracting(WindowDrift::label).containsExactly("rows 1-500", "rows 501-1000",
                "rows 1001-1500", "rows 1501-2000", "rows 2001-2500", "rows 2501-3000");
        assertThat(r.bandAlerts("x")).containsExactly("rows 2001-2500");
        assertThat(r.driftingWindows("x")).containsExactly("rows 2001-2500");
        assertThat(r.band("x").orElseThrow().upper()).isLessThan(0.2);
        assertThat(r.windows().get(4).report().column("x").measurement().orElseThrow().value()).isGreaterThan(0.3);
        assertThat(WindowedDriftReport.fromJson(r.toJson())).isEqualTo(r);
        assertThat(r.toString()).contains("Drift over 6 windows of 500 rows against arrays (2000 rows, 4 reference"
                + " chunks)").containsPattern("rows 2001-2500 +500 +x +KS D +0\\.\\d+ +\\S+ +DRIFT +OUTSIDE");
    }

    @Test
    void compareWindows_timestampsOutOfOrderOrMissing_countedAndSkipped() {
        List<Column> cols = List.of(new Column("at", ColumnType.TIMESTAMP), new Column("x", ColumnType.FLOATING));
        Random rnd = new Random(3);
        List<Object[]> ref = new ArrayList<>();
        List<Object[]> cur = new ArrayList<>();
        Instant start = Instant.parse("2024-03-01T00:00:00Z");
        for (int i = 0; i < 240; i++) {
            ref.add(new Object[] {start.plusSeconds(60L * i), rnd.nextGaussian()});
            cur.add(new Object[] {start.plusSeconds(86_400 + 60L * i), rnd.nextGaussian()});
        }
        cur.add(new Object[] {start, 0.0});
        cur.add(new Object[] {null, 0.0});

        WindowedDriftReport r = DriftDetector.defaults().compareWindows(Table.ofArrays(cols, ref),
                Table.ofArrays(cols, cur), Windowing.byDuration("at", Duration.ofHours(1)));

        assertThat(r.outOfOrderRows()).isEqualTo(1);
        assertThat(r.rowsWithoutTime()).isEqualTo(1);
        assertThat(r.windows()).extracting(WindowDrift::label).containsExactly(
                "2024-03-02T00:00:00Z..2024-03-02T00:59:59.999Z", "2024-03-02T01:00:00Z..2024-03-02T01:59:59.999Z",
                "2024-03-02T02:00:00Z..2024-03-02T02:59:59.999Z", "2024-03-02T03:00:00Z..2024-03-02T03:59:59.999Z");
        assertThat(r.referenceChunks()).isEqualTo(4);
        assertThat(r.toString()).contains("skipped 1 rows out of time order and 1 without a time");
    }

    @Test
    void compareWindows_weeksStartOnMonday() {
        WindowedDriftReport r = DriftDetector.builder().minSampleSize(5).build().compareWindows(Weather.year(2012),
                Weather.days(d -> d.getYear() == 2013 && d.getMonthValue() == 1), Windowing.byPeriod("date",
                        Period.ofWeeks(1)));

        // 2013-01-01 was a Tuesday
        assertThat(r.windows().get(0).label()).isEqualTo("2012-12-31..2013-01-06");
        assertThat(r.windows().get(0).rows()).isEqualTo(6);
        assertThat(r.windows().get(1).label()).isEqualTo("2013-01-07..2013-01-13");
        assertThat(LocalDate.parse("2013-01-07").getDayOfWeek()).isEqualTo(java.time.DayOfWeek.MONDAY);
    }

    @Test
    void compareWindows_withoutATimeColumn_failsWithAdvice() {
        Table t = Fixtures.numbers("x", List.of(1.0, 2.0));
        assertThatThrownBy(() -> DriftDetector.defaults().compareWindows(t, t, Windowing.byPeriod("date",
                Period.ofDays(1)))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("has no column 'date' to cut windows by");
        assertThatThrownBy(() -> DriftDetector.defaults().compareWindows(t, t, Windowing.byPeriod("x",
                Period.ofDays(1)))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("windows by time need a DATE or TIMESTAMP column; 'x' is FLOATING");
        assertThatThrownBy(() -> Windowing.byPeriod("date", Period.of(0, 1, 3)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("(one unit)");
    }

    @Test
    void compareWindows_dailyProfiles_bandsFromReferenceChunkProfiles() {
        DriftDetector d = DriftDetector.builder().columns("temp_max").minSampleSize(20).build();
        List<Profile> chunks = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            int month = m;
            chunks.add(d.profile(Weather.days(x -> x.getYear() == 2012 && x.getMonthValue() == month)));
        }
        Map<String, Profile> windows = new LinkedHashMap<>();
        windows.put("2015-07", d.profile(Weather.days(x -> x.getYear() == 2015 && x.getMonthValue() == 7)));
        windows.put("2015-12", d.profile(Weather.days(x -> x.getYear() == 2015 && x.getMonthValue() == 12)));

        WindowedDriftReport r = d.compareWindows(d.profile(Weather.year(2012)), chunks, windows);

        JsonNode expected = at("weather", "monthly_bands_temp_max");
        assertThat(r.band("temp_max").orElseThrow().upper()).isCloseTo(expected.path("upper").asDouble(),
                within(1e-12));
        assertThat(r.windows().get(0).report().column("temp_max").measurement().orElseThrow().value())
                .isCloseTo(expected.path("window_d").path("2015/07").asDouble(), within(1e-12));
        assertThat(r.bandAlerts("temp_max")).isEmpty();
    }

    @Test
    void logTo_run_oneStepPerWindow() {
        List<Column> cols = List.of(new Column("x", ColumnType.FLOATING));
        WindowedDriftReport r = DriftDetector.defaults().compareWindows(Table.ofArrays(cols, shifted(1, 2000, 0, 0)),
                Table.ofArrays(cols, shifted(2, 3000, 2000, 2500)), Windowing.byRows(500));
        try (Mlops mlops = Mlops.inMemory()) {
            String runId;
            try (Run run = mlops.experiment("drift").startRun()) {
                runId = run.id();
                r.logTo(run);
            }
            List<Metric> outside = mlops.runs().metricHistory(runId, "drift.x.outside_band").all();
            assertThat(outside).extracting(Metric::step).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
            assertThat(outside).extracting(Metric::value).containsExactly(0.0, 0.0, 0.0, 0.0, 1.0, 0.0);
            assertThat(mlops.runs().metricHistory(runId, "drift.x.ks").all()).hasSize(6);
            assertThat(mlops.runs().get(runId).metric("drift.x.band_upper").orElseThrow())
                    .isEqualTo(r.band("x").orElseThrow().upper());
            assertThat(WindowedDriftReport.readFrom(mlops.runs(), runId)).isEqualTo(r);
        }
    }
}
