package dev.mlops4j.validation.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mlops4j.validation.data.Column;
import dev.mlops4j.validation.data.ColumnType;
import dev.mlops4j.validation.data.Table;
import dev.mlops4j.validation.profile.Profile;
import dev.mlops4j.validation.profile.Profiler;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Drift from profiles' sketches agrees with drift from the exact values within the sketches' stated errors, so a
 * profile kept from last month can stand in for its rows.
 */
class SketchDriftTest {
    private static final List<Column> COLUMNS = List.of(new Column("x", ColumnType.FLOATING),
            new Column("channel", ColumnType.CATEGORICAL));
    private static final String[] CHANNELS = {"web", "store", "phone", "partner", "mail", "app"};

    private static Table reference;
    private static Table current;
    private static DriftReport exact;
    private static DriftReport sketched;

    @BeforeAll
    static void compare() {
        reference = data(1, 60_000, 0.0, 1.0, 0.0);
        current = data(2, 40_000, 0.15, 1.1, 0.25);
        DriftDetector detector = DriftDetector.builder().measureAll(true).exactValueLimit(1 << 20).build();
        exact = detector.compare(reference, current);
        Profiler sketching = Profiler.builder().exactDistinctLimit(0).build();
        sketched = detector.compare(sketching.profile(reference), sketching.profile(current));
    }

    /** Normal numbers (mean, sd) and channels whose first one gains {@code tilt} of the share. */
    private static Table data(long seed, int n, double mean, double sd, double tilt) {
        Random r = new Random(seed);
        List<Object[]> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String channel = r.nextDouble() < tilt ? CHANNELS[0] : CHANNELS[r.nextInt(CHANNELS.length)];
            rows.add(new Object[] {mean + sd * r.nextGaussian(), channel});
        }
        return Table.ofArrays(COLUMNS, rows);
    }

    @Test
    void compare_sketchedNumbers_withinRankErrorsOfExact() {
        ColumnDrift e = exact.column("x");
        ColumnDrift s = sketched.column("x");
        assertThat(e.measurement().orElseThrow().basis()).startsWith("exact values");
        assertThat(s.measurement().orElseThrow().basis())
                .isEqualTo("KLL quantile sketches: reference 60000 values, rank error 1.33%, current 40000 values,"
                        + " rank error 1.33%");
        // 60,000 and 40,000 values: the DEFAULT preset measures PSI, not p-values
        assertThat(s.measurement().orElseThrow().method()).isEqualTo(DriftMethod.PSI);

        double eps = 0.0133;
        assertThat(value(s, DriftMethod.KOLMOGOROV_SMIRNOV)).isCloseTo(value(e, DriftMethod.KOLMOGOROV_SMIRNOV),
                within(2 * eps));
        assertThat(value(s, DriftMethod.L_INFINITY)).isCloseTo(value(e, DriftMethod.L_INFINITY), within(4 * eps));
        assertThat(value(s, DriftMethod.PSI)).isCloseTo(value(e, DriftMethod.PSI), within(0.02));
        assertThat(value(s, DriftMethod.JENSEN_SHANNON_DISTANCE))
                .isCloseTo(value(e, DriftMethod.JENSEN_SHANNON_DISTANCE), within(0.02));
        // the Wasserstein integral is within the rank error times the range of the values (about 8 sd here)
        assertThat(value(s, DriftMethod.WASSERSTEIN_NORMED)).isCloseTo(value(e, DriftMethod.WASSERSTEIN_NORMED),
                within(2 * eps * 8));
        assertThat(s.measurement(DriftMethod.KOLMOGOROV_SMIRNOV).orElseThrow().pValueKind())
                .isEqualTo(PValueKind.ASYMPTOTIC);
        assertThat(s.status()).isEqualTo(e.status());
        MonitorResult outside = s.monitor(Monitor.OUTSIDE_REFERENCE_2_SIGMA).orElseThrow();
        assertThat(outside.exact()).isFalse();
        assertThat(outside.value()).isCloseTo(e.monitor(Monitor.OUTSIDE_REFERENCE_2_SIGMA).orElseThrow().value(),
                within(4 * eps));
    }

    @Test
    void compare_sketchedCategories_sameAsExactWhileTheSketchHoldsEveryValue() {
        ColumnDrift e = exact.column("channel");
        ColumnDrift s = sketched.column("channel");

        assertThat(s.measurement().orElseThrow().basis()).startsWith("frequent-items sketches");
        for (DriftMethod m : List.of(DriftMethod.PSI, DriftMethod.CHI_SQUARED, DriftMethod.L_INFINITY,
                DriftMethod.JENSEN_SHANNON_DIVERGENCE)) {
            assertThat(value(s, m)).as(m.name()).isCloseTo(value(e, m), within(1e-12));
        }
        assertThat(s.status()).isEqualTo(e.status()).isEqualTo(DriftStatus.WARNING);
    }

    @Test
    void compare_profileFromJsonAgainstRawData_usesTheSketchAndTheRows() {
        Profile lastMonth = Profile.fromJson(Profiler.builder().exactDistinctLimit(0).build().profile(reference)
                .toJson());

        DriftReport report = DriftDetector.builder().measureAll(true).build().compare(lastMonth, current);

        ColumnDrift x = report.column("x");
        assertThat(x.measurement().orElseThrow().basis()).startsWith("KLL quantile sketches: reference 60000 values,"
                + " rank error 1.33%, current 40000 values, rank error");
        assertThat(value(x, DriftMethod.KOLMOGOROV_SMIRNOV))
                .isCloseTo(value(exact.column("x"), DriftMethod.KOLMOGOROV_SMIRNOV), within(2 * 0.0133));
        assertThat(x.status()).isEqualTo(exact.column("x").status());
    }

    @Test
    void compare_numbersWithoutQuantileSketch_notComparableWithTheFix() {
        Profile noQuantiles = Profiler.builder().exactDistinctLimit(0).quantiles(false).build().profile(reference);

        ColumnDrift x = DriftDetector.defaults().compare(noQuantiles, current).column("x");

        assertThat(x.status()).isEqualTo(DriftStatus.NOT_COMPARABLE);
        assertThat(x.reason()).contains("without quantile sketches").contains("quantiles(true)");
        assertThat(x.monitor(Monitor.MISSING_FRACTION_CHANGE).orElseThrow().status()).isEqualTo(DriftStatus.NO_DRIFT);
    }

    private static double value(ColumnDrift c, DriftMethod m) {
        return c.measurement(m).orElseThrow(() -> new AssertionError("no " + m + " for " + c.column())).value();
    }
}
