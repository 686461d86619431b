package dev.mlops4j.report.internal.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mlops4j.report.DataFiles;
import dev.mlops4j.validation.profile.ColumnProfile;
import dev.mlops4j.validation.profile.Profile;
import dev.mlops4j.validation.profile.Profiler;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class DistributionTest {

    /** A column's numbers from the file, by plain parsing independent of the library. */
    private static double[] numbers(Predicate<String> rows, int column) {
        List<String> lines = DataFiles.lines("seattle-weather.csv");
        return lines.subList(1, lines.size()).stream().filter(rows)
                .mapToDouble(l -> Double.parseDouble(l.split(",")[column])).toArray();
    }

    /** Shares of values in {@code [lo, lo+w]} then {@code (lo+w*i, lo+w*(i+1)]}, counted directly. */
    private static double[] shares(double[] values, double lo, double hi, int bins) {
        double w = (hi - lo) / bins;
        double[] out = new double[bins];
        for (double v : values) {
            int b = 0;
            while (b < bins - 1 && v > lo + w * (b + 1)) {
                b++;
            }
            out[b] += 1.0 / values.length;
        }
        return out;
    }

    @Test
    void of_twoYearsOfTemperatures_sharesOnCommonBinsEqualDirectCounts() {
        Predicate<String> y2012 = l -> l.startsWith("2012/");
        Predicate<String> y2015 = l -> l.startsWith("2015/");
        ColumnProfile a = Profile.of(DataFiles.weather("2012", y2012)).column("temp_max");
        ColumnProfile b = Profile.of(DataFiles.weather("2015", y2015)).column("temp_max");
        double[] va = numbers(y2012, 2);
        double[] vb = numbers(y2015, 2);
        double lo = Math.min(java.util.Arrays.stream(va).min().orElseThrow(), java.util.Arrays.stream(vb).min()
                .orElseThrow());
        double hi = Math.max(java.util.Arrays.stream(va).max().orElseThrow(), java.util.Arrays.stream(vb).max()
                .orElseThrow());

        Distribution d = Distribution.of(List.of(a, b)).orElseThrow();

        assertThat(d.labels()).hasSize(Distribution.BINS);
        assertThat(d.basis()).contains("exact value counts");
        double[] ea = shares(va, lo, hi, Distribution.BINS);
        double[] eb = shares(vb, lo, hi, Distribution.BINS);
        for (int i = 0; i < Distribution.BINS; i++) {
            assertThat(d.shares().get(0).get(i)).as("2012 bin " + i).isCloseTo(ea[i], within(1e-9));
            assertThat(d.shares().get(1).get(i)).as("2015 bin " + i).isCloseTo(eb[i], within(1e-9));
        }
    }

    @Test
    void of_sketchedColumn_sharesWithinTheSketchError() {
        // 200,000 normal values: far beyond the exact bound, so the profile answers from its KLL sketch.
        Random random = new Random(7);
        double[] values = new double[200_000];
        StringBuilder csv = new StringBuilder("x\n");
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextGaussian();
            csv.append(values[i]).append('\n');
        }
        ColumnProfile c = Profiler.defaults().profile(dev.mlops4j.validation.data.CsvTable.ofText(csv.toString()))
                .column("x");
        assertThat(c.quantileRankError()).isPositive();
        double lo = java.util.Arrays.stream(values).min().orElseThrow();
        double hi = java.util.Arrays.stream(values).max().orElseThrow();

        Distribution d = Distribution.of(List.of(c)).orElseThrow();

        double[] expected = shares(values, lo, hi, Distribution.BINS);
        for (int i = 0; i < Distribution.BINS; i++) {
            // Each share is a difference of two CDF values, each within the rank error.
            assertThat(d.shares().get(0).get(i)).as("bin " + i)
                    .isCloseTo(expected[i], within(2 * c.quantileRankError() + 1e-9));
        }
        assertThat(d.basis()).contains("quantile sketches");
    }

    @Test
    void of_categories_unionOfBothSidesWithTheRestInOneBar() {
        ColumnProfile a = Profile.of(DataFiles.weather("2012", l -> l.startsWith("2012/"))).column("weather");
        ColumnProfile b = Profile.of(DataFiles.weather("2015", l -> l.startsWith("2015/"))).column("weather");
        List<String> lines = DataFiles.lines("seattle-weather.csv");
        long rain2012 = lines.stream().filter(l -> l.startsWith("2012/") && l.endsWith(",rain")).count();
        long sun2015 = lines.stream().filter(l -> l.startsWith("2015/") && l.endsWith(",sun")).count();

        Distribution d = Distribution.of(List.of(a, b)).orElseThrow();

        assertThat(d.labels()).contains("rain", "sun", "fog", "drizzle", "snow").doesNotContain("(other values)");
        assertThat(d.shares().get(0).get(d.labels().indexOf("rain"))).isCloseTo(rain2012 / 366.0, within(1e-12));
        assertThat(d.shares().get(1).get(d.labels().indexOf("sun"))).isCloseTo(sun2015 / 365.0, within(1e-12));
        for (List<Double> side : d.shares()) {
            assertThat(side.stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, within(1e-12));
        }
    }

    @Test
    void of_manyCategories_restBecomesOneBar() {
        StringBuilder csv = new StringBuilder("city\n");
        for (int i = 0; i < 40; i++) {
            for (int k = 0; k <= i; k++) {
                csv.append("c").append(i).append('\n');
            }
        }
        ColumnProfile c = Profile.of(dev.mlops4j.validation.data.CsvTable.ofText(csv.toString())).column("city");

        Distribution d = Distribution.of(List.of(c)).orElseThrow();

        assertThat(d.labels()).hasSize(Distribution.TOP_CATEGORIES + 1).startsWith("c39").endsWith("(other values)");
        double total = 40 * 41 / 2.0;
        assertThat(d.shares().get(0).get(0)).isCloseTo(40 / total, within(1e-12));
        double drawn = 0;
        for (int i = 39; i > 39 - Distribution.TOP_CATEGORIES; i--) {
            drawn += (i + 1) / total;
        }
        assertThat(d.shares().get(0).get(Distribution.TOP_CATEGORIES)).isCloseTo(1 - drawn, within(1e-12));
    }
}
