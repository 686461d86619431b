package dev.mlops4j.validation.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mlops4j.validation.data.Column;
import dev.mlops4j.validation.data.ColumnType;
import dev.mlops4j.validation.data.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The presets' selection rules (the table in DriftPreset's documentation) and their end-to-end behaviour. */
class DriftPresetTest {

    @ParameterizedTest(name = "{0} {1} distinct={2} n_ref={3} n_cur={4} -> {5}")
    @CsvSource({
        // DEFAULT: tests while the smaller side has at most 1,000 values, then PSI
        "DEFAULT, FLOATING, -1, 500, 100000, KOLMOGOROV_SMIRNOV",
        "DEFAULT, FLOATING, -1, 100000, 1000, KOLMOGOROV_SMIRNOV",
        "DEFAULT, INTEGER, 4, 800, 900, CHI_SQUARED",
        "DEFAULT, CATEGORICAL, 12, 900, 5000, CHI_SQUARED",
        "DEFAULT, BOOLEAN, 2, 900, 900, CHI_SQUARED",
        "DEFAULT, FLOATING, -1, 1001, 1001, PSI",
        "DEFAULT, CATEGORICAL, 12, 5000, 5000, PSI",
        "DEFAULT, DATE, 300, 5000, 5000, PSI",
        // EVIDENTLY: the reference size decides
        "EVIDENTLY, FLOATING, -1, 1000, 50, KOLMOGOROV_SMIRNOV",
        "EVIDENTLY, INTEGER, 5, 1000, 50, CHI_SQUARED_GOODNESS_OF_FIT",
        "EVIDENTLY, INTEGER, 2, 1000, 50, Z_TEST",
        "EVIDENTLY, CATEGORICAL, 3, 10, 50, CHI_SQUARED_GOODNESS_OF_FIT",
        "EVIDENTLY, BOOLEAN, 2, 10, 50, Z_TEST",
        "EVIDENTLY, FLOATING, -1, 1001, 50, WASSERSTEIN_NORMED",
        "EVIDENTLY, INTEGER, 5, 1001, 50, JENSEN_SHANNON_DISTANCE",
        "EVIDENTLY, CATEGORICAL, 30, 1001, 50, JENSEN_SHANNON_DISTANCE",
        // TFDV: by kind only
        "TFDV, FLOATING, -1, 10, 10, JENSEN_SHANNON_DIVERGENCE",
        "TFDV, INTEGER, 3, 10, 10, JENSEN_SHANNON_DIVERGENCE",
        "TFDV, CATEGORICAL, 3, 100000, 100000, L_INFINITY",
        "TFDV, BOOLEAN, 2, 100000, 100000, L_INFINITY",
    })
    void select_rules_asDocumented(DriftPreset preset, ColumnType type, long distinct, long nRef, long nCur,
            DriftMethod expected) {
        assertThat(preset.select(type, distinct, nRef, nCur)).isEqualTo(expected);
    }

    @Test
    void evidently_smallYears_ksAndGoodnessOfFitWithoutWarnings() {
        DriftReport r = DriftDetector.builder().preset(DriftPreset.EVIDENTLY).ignore("date").build()
                .compare(Weather.year(2012), Weather.year(2015));

        assertThat(r.column("temp_max").measurement().orElseThrow().method())
                .isEqualTo(DriftMethod.KOLMOGOROV_SMIRNOV);
        assertThat(r.column("weather").measurement().orElseThrow().method())
                .isEqualTo(DriftMethod.CHI_SQUARED_GOODNESS_OF_FIT);
        // no warning band: precipitation (p = 0.066) is simply not drift
        assertThat(r.column("precipitation").status()).isEqualTo(DriftStatus.NO_DRIFT);
        assertThat(r.driftedColumns()).containsExactly("temp_max", "temp_min", "weather");
        assertThat(r.status()).isEqualTo(DriftStatus.DRIFT);
    }

    @Test
    void evidently_largeSamples_distancesWithEvidentlyBinning() {
        Random rnd = new Random(5);
        List<Object[]> ref = new ArrayList<>();
        List<Object[]> cur = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            ref.add(new Object[] {rnd.nextGaussian(), rnd.nextInt(4) == 0 ? "a" : "b"});
            cur.add(new Object[] {0.3 + rnd.nextGaussian(), rnd.nextInt(2) == 0 ? "a" : "b"});
        }
        List<Column> cols = List.of(new Column("x", ColumnType.FLOATING), new Column("c", ColumnType.CATEGORICAL));

        DriftReport r = DriftDetector.builder().preset(DriftPreset.EVIDENTLY).build()
                .compare(Table.ofArrays(cols, ref), Table.ofArrays(cols, cur));

        Measurement w = r.column("x").measurement().orElseThrow();
        assertThat(w.method()).isEqualTo(DriftMethod.WASSERSTEIN_NORMED);
        assertThat(w.value()).isCloseTo(0.3, within(0.06));
        assertThat(w.status()).isEqualTo(DriftStatus.DRIFT);
        Measurement js = r.column("c").measurement().orElseThrow();
        assertThat(js.method()).isEqualTo(DriftMethod.JENSEN_SHANNON_DISTANCE);
        assertThat(js.definition()).contains("log base 2.71828").contains("one bin per value (2 values)");
        // Evidently's value: scipy.spatial.distance.jensenshannon(ref_shares, cur_shares), natural log
        double[] rs = shares(ref, 1);
        double[] cs = shares(cur, 1);
        double jsd = 0;
        for (int i = 0; i < 2; i++) {
            double m = (rs[i] + cs[i]) / 2;
            jsd += (rs[i] * Math.log(rs[i] / m) + cs[i] * Math.log(cs[i] / m)) / 2;
        }
        assertThat(js.value()).isCloseTo(Math.sqrt(jsd), within(1e-12));
        assertThat(js.status()).isEqualTo(DriftStatus.DRIFT);
        assertThat(js.thresholds()).isEqualTo(Thresholds.single(0.1));
    }

    /** @return the shares of "a" and "b" in a column of rows, by straightforward counting */
    private static double[] shares(List<Object[]> rows, int column) {
        long a = rows.stream().filter(row -> "a".equals(row[column])).count();
        return new double[] {(double) a / rows.size(), (double) (rows.size() - a) / rows.size()};
    }

    @Test
    void tfdv_anyDriftedColumnFailsTheDataSet() {
        DriftReport r = DriftDetector.builder().preset(DriftPreset.TFDV).ignore("date").build()
                .compare(Weather.year(2012), Weather.year(2015));

        assertThat(r.column("temp_max").measurement().orElseThrow().method())
                .isEqualTo(DriftMethod.JENSEN_SHANNON_DIVERGENCE);
        assertThat(r.column("temp_max").measurement().orElseThrow().definition()).contains("(TFDV)");
        Measurement linf = r.column("weather").measurement().orElseThrow();
        assertThat(linf.method()).isEqualTo(DriftMethod.L_INFINITY);
        assertThat(linf.detail()).isEqualTo("largest at 'rain': reference 52.19%, current 1.37%");
        assertThat(r.driftedColumns()).containsExactly("weather");
        assertThat(r.driftShare()).isEqualTo(0.2);
        assertThat(r.status()).isEqualTo(DriftStatus.DRIFT);
    }
}
