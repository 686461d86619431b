package dev.mlops4j.validation.drift;

import static dev.mlops4j.validation.drift.Fixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mlops4j.validation.data.Table;
import dev.mlops4j.validation.profile.Profile;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Real data: Seattle's daily weather 2012-2015 (shared/data/seattle-weather.csv). What the data shows (checked with
 * scipy, see drift_reference.py): 2015 was warmer than 2012 (mean daily maximum 17.4 vs 15.3 C), so both temperature
 * columns drift (KS p = 0.0003 and 0.011), precipitation and wind do not (p = 0.066 and 0.22), and the weather labels
 * changed completely (2012 is mostly "rain", 2015 mostly "sun" and "fog"); winter and summer months differ by far more
 * (KS D = 0.99 for temp_max); two random halves of one year do not drift.
 */
class SeattleWeatherDriftTest {
    private static final List<String> COLUMNS = List.of("precipitation", "temp_max", "temp_min", "wind");

    /** The date column drifts by construction between years; it is not a feature. */
    private static final DriftDetector DETECTOR = DriftDetector.builder().ignore("date").build();

    @Test
    void compare_2012Against2015_temperaturesAndLabelsDrift() {
        DriftReport report = DETECTOR.compare(Weather.year(2012), Weather.year(2015));

        assertThat(report.column("temp_max").status()).isEqualTo(DriftStatus.DRIFT);
        assertThat(report.column("temp_min").status()).isEqualTo(DriftStatus.DRIFT);
        assertThat(report.column("weather").status()).isEqualTo(DriftStatus.DRIFT);
        assertThat(report.column("precipitation").status()).isEqualTo(DriftStatus.WARNING);
        assertThat(report.column("wind").status()).isEqualTo(DriftStatus.NO_DRIFT);
        assertThat(report.driftedColumns()).containsExactly("temp_max", "temp_min", "weather");
        assertThat(report.status()).isEqualTo(DriftStatus.DRIFT);
        assertThat(report.find("date")).isEmpty();
        // n = 366 and 365: the DEFAULT preset tests (exact KS, chi-squared) rather than measuring distances
        assertThat(report.column("temp_max").measurement().orElseThrow().method())
                .isEqualTo(DriftMethod.KOLMOGOROV_SMIRNOV);
        assertThat(report.column("weather").measurement().orElseThrow().method()).isEqualTo(DriftMethod.CHI_SQUARED);
        assertMatchesScipy(report, at("weather", "2012_vs_2015"));
    }

    @Test
    void compare_2012Against2013_matchesScipy() {
        DriftReport report = DETECTOR.compare(Weather.year(2012), Weather.year(2013));

        assertMatchesScipy(report, at("weather", "2012_vs_2013"));
        assertThat(report.column("temp_min").status()).isEqualTo(DriftStatus.DRIFT);
        assertThat(report.column("temp_max").status()).isEqualTo(DriftStatus.WARNING);
    }

    @Test
    void compare_winterAgainstSummer_temperaturesDriftStrongly() {
        Set<Month> winter = Set.of(Month.DECEMBER, Month.JANUARY, Month.FEBRUARY);
        Set<Month> summer = Set.of(Month.JUNE, Month.JULY, Month.AUGUST);
        Table w = Weather.days(d -> d.getYear() == 2015 && winter.contains(d.getMonth()));
        Table s = Weather.days(d -> d.getYear() == 2015 && summer.contains(d.getMonth()));

        DriftReport report = DETECTOR.compare(w, s);

        JsonNode expected = at("weather", "2015_winter_vs_summer");
        for (String c : COLUMNS) {
            Measurement ks = report.column(c).measurement().orElseThrow();
            assertThat(ks.value()).as(c).isCloseTo(expected.path(c).path("ks").path("statistic").asDouble(),
                    within(1e-12));
        }
        assertThat(report.column("temp_max").measurement().orElseThrow().value()).isGreaterThan(0.98);
        assertThat(report.column("temp_max").measurement().orElseThrow().pValue()).isLessThan(1e-50);
        assertThat(report.driftedColumns()).contains("temp_max", "temp_min");
    }

    @Test
    void compare_randomHalvesOfOneYear_noColumnDrifts() {
        Set<String> firstDates = new HashSet<>(Fixtures.strings(at("weather", "2015_random_halves",
                "first_half_dates")));
        Table first = Weather.days(d -> d.getYear() == 2015 && firstDates.contains(slash(d)));
        Table second = Weather.days(d -> d.getYear() == 2015 && !firstDates.contains(slash(d)));

        DriftReport report = DETECTOR.compare(first, second);

        assertThat(report.driftedColumns()).isEmpty();
        assertThat(report.columns()).allSatisfy(c -> assertThat(c.status()).isEqualTo(DriftStatus.NO_DRIFT));
        assertThat(report.status()).isEqualTo(DriftStatus.NO_DRIFT);
        assertMatchesScipy(report, at("weather", "2015_random_halves"));
    }

    @ParameterizedTest(name = "year {0}")
    @ValueSource(ints = {2012, 2013, 2014, 2015})
    void compare_twentyRandomSplitsOfAYear_dataSetNeverDrifts(int year) {
        List<Object[]> days = Weather.rows().stream().filter(r -> ((LocalDate) r[0]).getYear() == year)
                .collect(Collectors.toList());
        int flagged = 0;
        for (long seed = 1; seed <= 20; seed++) {
            List<Object[]> shuffled = new ArrayList<>(days);
            Collections.shuffle(shuffled, new Random(seed));
            int half = shuffled.size() / 2;
            DriftReport report = DETECTOR.compare(Table.ofArrays(Weather.COLUMNS, shuffled.subList(0, half)),
                    Table.ofArrays(Weather.COLUMNS, shuffled.subList(half, shuffled.size())));
            assertThat(report.status()).as("seed %d", seed).isNotEqualTo(DriftStatus.DRIFT);
            flagged += report.driftedColumns().size();
        }
        // 100 tests at the 5% level: about 5 false alarms expected by chance; far fewer than year against year
        assertThat(flagged).isLessThanOrEqualTo(12);
    }

    @Test
    void compare_lastYearsProfileReadBackAgainstThisYearsRows_sameVerdicts() {
        Profile lastYear = Profile.fromJson(Profile.of(Weather.year(2012)).toJson());

        DriftReport fromProfile = DETECTOR.compare(lastYear, Weather.year(2015));
        DriftReport fromRows = DETECTOR.compare(Weather.year(2012), Weather.year(2015));

        // 366 values are counted exactly in the profile, so the numbers are the same as from the rows
        for (ColumnDrift c : fromRows.columns()) {
            Measurement a = c.measurement().orElseThrow();
            Measurement b = fromProfile.column(c.column()).measurement().orElseThrow();
            assertThat(b.value()).as(c.column()).isEqualTo(a.value());
            assertThat(b.pValue()).as(c.column()).isEqualTo(a.pValue());
            assertThat(b.status()).isEqualTo(a.status());
        }
    }

    private static String slash(LocalDate d) {
        return d.toString().replace('-', '/');
    }

    private static void assertMatchesScipy(DriftReport report, JsonNode expected) {
        for (String c : COLUMNS) {
            Measurement ks = report.column(c).measurement().orElseThrow();
            JsonNode e = expected.path(c).path("ks");
            assertThat(ks.value()).as(c).isCloseTo(e.path("statistic").asDouble(), within(1e-12));
            assertThat(ks.pValue()).as(c).isCloseTo(e.path("pvalue").asDouble(),
                    within(e.path("pvalue").asDouble() * 1e-9));
        }
        Measurement chi2 = report.column("weather").measurement().orElseThrow();
        JsonNode e = expected.path("weather").path("chi2");
        assertThat(chi2.value()).isCloseTo(e.path("statistic").asDouble(), within(1e-9));
        assertThat(chi2.pValue()).isCloseTo(e.path("pvalue").asDouble(), within(e.path("pvalue").asDouble() * 1e-6));
    }
}
