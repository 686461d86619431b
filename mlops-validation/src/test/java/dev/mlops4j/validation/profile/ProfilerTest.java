package dev.mlops4j.validation.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.NotFoundException;
import dev.mlops4j.validation.SharedData;
import dev.mlops4j.validation.data.Column;
import dev.mlops4j.validation.data.ColumnType;
import dev.mlops4j.validation.data.CsvTable;
import dev.mlops4j.validation.data.Table;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ProfilerTest {

    /** Straightforward reference statistics, independent of the library. */
    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double populationStddev(double[] v) {
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / v.length);
    }

    /** The smallest value whose normalised rank (count of values <= it, over n) is at least {@code rank}. */
    private static double inverseCdf(double[] v, double rank) {
        double[] s = v.clone();
        Arrays.sort(s);
        for (int i = 0; i < s.length; i++) {
            if (i + 1 >= rank * s.length) {
                return s[i];
            }
        }
        return s[s.length - 1];
    }

    @ParameterizedTest
    @ValueSource(strings = {"sepal_length", "sepal_width", "petal_length", "petal_width"})
    void profile_iris_numericStatisticsMatchStraightforwardComputation(String column) {
        double[] values = SharedData.numbers("iris.csv", column);
        Profile profile = Profile.of(CsvTable.of(SharedData.path("iris.csv")));

        ColumnProfile c = profile.column(column);

        assertThat(profile.rowCount()).isEqualTo(150);
        assertThat(c.type()).isEqualTo(ColumnType.FLOATING);
        assertThat(c.count()).isEqualTo(150);
        assertThat(c.missing()).isZero();
        assertThat(c.min().getAsDouble()).isEqualTo(Arrays.stream(values).min().getAsDouble());
        assertThat(c.max().getAsDouble()).isEqualTo(Arrays.stream(values).max().getAsDouble());
        assertThat(c.mean().getAsDouble()).isCloseTo(mean(values), within(1e-12));
        assertThat(c.stddev().getAsDouble()).isCloseTo(populationStddev(values), within(1e-12));
        assertThat(c.distinct()).isEqualTo(DistinctCount.exactly(Arrays.stream(values).distinct().count()));
        for (double r : ColumnProfile.STANDARD_RANKS) {
            assertThat(c.quantile(r).getAsDouble()).as("quantile %s", r).isEqualTo(inverseCdf(values, r));
        }
        assertThat(c.quantileRankError()).isZero();
        assertThat(c.histogram().total()).isEqualTo(150);
        assertThat(c.histogram().exact()).isTrue();
    }

    @Test
    void profile_iris_speciesHasExactTopValuesAndKnownNumbers() {
        Profile profile = Profile.of(CsvTable.of(SharedData.path("iris.csv")));

        ColumnProfile species = profile.column("species");

        assertThat(species.type()).isEqualTo(ColumnType.CATEGORICAL);
        assertThat(species.topValues()).containsExactly(new FrequentValue("setosa", 50, 0),
                new FrequentValue("versicolor", 50, 0), new FrequentValue("virginica", 50, 0));
        assertThat(species.distinct()).isEqualTo(DistinctCount.exactly(3));
    }

    @Test
    void profile_seattleWeather_datesCategoriesAndNumbersMatchStraightforwardComputation() {
        List<String[]> rows = SharedData.rows("seattle-weather.csv");
        Map<String, Long> weather = rows.stream().collect(Collectors.groupingBy(r -> r[5], Collectors.counting()));
        double[] precipitation = SharedData.numbers("seattle-weather.csv", "precipitation");
        long zeros = Arrays.stream(precipitation).filter(x -> x == 0).count();

        Profile profile = Profile.of(CsvTable.of(SharedData.path("seattle-weather.csv")));

        assertThat(profile.rowCount()).isEqualTo(1461);
        ColumnProfile date = profile.column("date");
        assertThat(date.type()).isEqualTo(ColumnType.DATE);
        assertThat(date.format(date.min().getAsDouble())).isEqualTo("2012-01-01");
        assertThat(date.format(date.max().getAsDouble())).isEqualTo("2015-12-31");
        assertThat(date.distinct().exact()).isFalse(); // 1461 > the exact bound of 1024
        assertThat(date.distinct().lowerBound()).isLessThanOrEqualTo(1461);
        assertThat(date.distinct().upperBound()).isGreaterThanOrEqualTo(1461);
        ColumnProfile p = profile.column("precipitation");
        assertThat(p.zeros()).isEqualTo(zeros);
        assertThat(p.mean().getAsDouble()).isCloseTo(mean(precipitation), within(1e-9));
        assertThat(p.stddev().getAsDouble()).isCloseTo(populationStddev(precipitation), within(1e-9));
        assertThat(p.max().getAsDouble()).isEqualTo(Arrays.stream(precipitation).max().getAsDouble());
        ColumnProfile w = profile.column("weather");
        assertThat(w.topValues()).hasSize(5);
        for (FrequentValue f : w.topValues()) {
            assertThat(f.count()).as(f.value()).isEqualTo(weather.get(f.value()));
        }
        assertThat(w.topValues().get(0).value()).isIn("rain", "sun");
    }

    @Test
    void profile_manyDistinctValues_switchesToSketchesWithinStatedErrors() {
        Random random = new Random(42);
        int n = 50_000;
        List<Object[]> rows = new ArrayList<>();
        double[] xs = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = random.nextGaussian() * 10;
            rows.add(new Object[] {xs[i], "id-" + i, (long) (i % 7)});
        }
        Table t = Table.ofArrays(List.of(new Column("x", ColumnType.FLOATING), new Column("id", ColumnType.CATEGORICAL),
                new Column("k", ColumnType.INTEGER)), rows);

        Profile p = Profile.of(t);

        ColumnProfile x = p.column("x");
        assertThat(x.distinct().exact()).isFalse();
        assertThat(x.distinct().lowerBound()).isLessThanOrEqualTo(n);
        assertThat(x.distinct().upperBound()).isGreaterThanOrEqualTo(n);
        assertThat((double) x.distinct().estimate()).isCloseTo(n, within(n * 0.05));
        double eps = x.quantileRankError();
        assertThat(eps).isBetween(0.001, 0.03);
        double[] sorted = xs.clone();
        Arrays.sort(sorted);
        for (double r : new double[] {0.01, 0.25, 0.5, 0.75, 0.99}) {
            double q = x.quantile(r).getAsDouble();
            int rank = Arrays.binarySearch(sorted, q);
            assertThat(Math.abs((double) (rank + 1) / n - r)).as("rank error at %s", r).isLessThanOrEqualTo(eps * 2);
        }
        assertThat(x.histogram().exact()).isFalse();
        assertThat((double) x.histogram().total()).isCloseTo(n, within(n * 0.01));
        assertThat(p.column("id").distinct().exact()).isFalse();
        assertThat((double) p.column("id").distinct().estimate()).isCloseTo(n, within(n * 0.05));
        assertThat(p.column("k").distinct()).isEqualTo(DistinctCount.exactly(7));
        assertThat(p.column("k").topValues(1).get(0)).isEqualTo(new FrequentValue("0", 7143, 0));
    }

    @Test
    void profile_withoutQuantiles_keepsExactQuantilesUnderTheBoundOnly() {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            rows.add(new Object[] {i * 1.5, (long) (i % 10)});
        }
        Table t = Table.ofArrays(List.of(new Column("x", ColumnType.FLOATING), new Column("k", ColumnType.INTEGER)), rows);

        Profile lite = Profiler.builder().quantiles(false).build().profile(t);
        Profile full = Profile.of(t);

        assertThat(lite.column("x").quantile(0.5)).isEmpty();
        assertThat(lite.column("x").quantileRankError()).isNaN();
        assertThat(lite.column("x").histogram().buckets()).isEmpty();
        assertThat(lite.column("x").mean()).isEqualTo(full.column("x").mean());
        assertThat(lite.column("x").distinct()).isEqualTo(full.column("x").distinct());
        assertThat(lite.column("k").quantile(0.5)).isEqualTo(full.column("k").quantile(0.5));
        assertThat(full.column("x").quantile(0.5)).isPresent();
        Profile merged = full.merge(lite);
        assertThat(merged.column("x").quantile(0.5)).isEmpty();
        assertThat(merged.column("x").count()).isEqualTo(10_000);
        assertThat(Profile.fromJson(lite.toJson()).toJson()).isEqualTo(lite.toJson());
    }

    @Test
    void profile_heavyHitterAmongManyValues_isFoundByTheFrequentItemsSketch() {
        List<Map<String, ?>> rows = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            rows.add(Map.of("c", i % 4 == 0 ? "hot" : "v" + i));
        }

        ColumnProfile c = Profile.of(Table.ofMaps(rows)).column("c");

        FrequentValue top = c.topValues().get(0);
        assertThat(top.value()).isEqualTo("hot");
        assertThat(top.count()).isBetween(5000L, 5000L + top.maxError());
        assertThat(top.maxError()).isPositive();
    }

    @Test
    void profile_missingInvalidNaNZerosAndBooleans_areCountedApart() {
        List<Map<String, ?>> rows = new ArrayList<>();
        rows.add(new HashMap<>(Map.of("x", 0.0, "b", true, "n", 5L)));
        rows.add(new HashMap<>(Map.of("x", Double.NaN, "b", false, "n", "five")));
        rows.add(new HashMap<>(Map.of("x", 2.0, "b", true)));
        Map<String, Object> withNull = new HashMap<>();
        withNull.put("x", null);
        withNull.put("b", true);
        withNull.put("n", 1L);
        rows.add(withNull);
        Table t = Table.ofMaps(rows, List.of(new Column("x", ColumnType.FLOATING), new Column("b", ColumnType.BOOLEAN),
                new Column("n", ColumnType.INTEGER)));

        Profile p = Profile.of(t);

        ColumnProfile x = p.column("x");
        assertThat(List.of(x.count(), x.missing(), x.invalid(), x.nanCount(), x.zeros())).containsExactly(3L, 1L, 0L,
                1L, 1L);
        assertThat(x.mean().getAsDouble()).isEqualTo(1.0);
        assertThat(x.distinct().estimate()).isEqualTo(3); // 0.0, 2.0 and NaN
        ColumnProfile b = p.column("b");
        assertThat(b.mean().getAsDouble()).isEqualTo(0.75);
        assertThat(b.topValues()).containsExactly(new FrequentValue("true", 3, 0), new FrequentValue("false", 1, 0));
        ColumnProfile n = p.column("n");
        assertThat(List.of(n.count(), n.missing(), n.invalid())).containsExactly(2L, 1L, 1L);
        assertThat(n.missingFraction()).isEqualTo(0.25);
    }

    @Test
    void profile_withParallelism_equalsSequentialProfile() {
        List<Object[]> rows = new ArrayList<>();
        Random random = new Random(7);
        for (int i = 0; i < 60_000; i++) {
            rows.add(new Object[] {(long) random.nextInt(500), "c" + random.nextInt(20), random.nextDouble()});
        }
        Table t = Table.ofArrays(List.of(new Column("i", ColumnType.INTEGER), new Column("s", ColumnType.CATEGORICAL),
                new Column("d", ColumnType.FLOATING)), rows);

        Profile sequential = Profile.of(t);
        Profile parallel = Profiler.builder().parallelism(3).build().profile(t);

        for (String c : List.of("i", "s")) {
            assertThat(parallel.column(c).allValues()).isEqualTo(sequential.column(c).allValues());
        }
        assertThat(parallel.column("i").mean().getAsDouble())
                .isCloseTo(sequential.column("i").mean().getAsDouble(), within(1e-9));
        assertThat(parallel.column("d").count()).isEqualTo(60_000);
        assertThat(parallel.column("d").mean().getAsDouble())
                .isCloseTo(sequential.column("d").mean().getAsDouble(), within(1e-12));
        assertThat(parallel.column("d").min()).isEqualTo(sequential.column("d").min());
    }

    @Test
    void profile_dateColumnHistogram_coversTheRange() {
        List<Map<String, ?>> rows = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            rows.add(Map.of("d", LocalDate.of(2024, 1, 1).plusDays(i)));
        }
        ColumnProfile d = Profile.of(Table.ofMaps(rows)).column("d");

        assertThat(d.type()).isEqualTo(ColumnType.DATE);
        Histogram h = d.histogram(4);
        assertThat(h.buckets()).extracting(Histogram.Bucket::count).containsExactly(25L, 25L, 25L, 25L);
        assertThat(d.format(h.buckets().get(0).lower())).isEqualTo("2024-01-01");
        assertThat(new HashSet<>(d.quantiles())).hasSize(ColumnProfile.STANDARD_RANKS.size());
    }

    @Test
    void column_unknownName_throwsNotFoundListingColumns() {
        Profile p = Profile.of(Table.ofMaps(List.of(Map.of("a", 1L))));
        assertThatThrownBy(() -> p.column("b")).isInstanceOf(NotFoundException.class).hasMessageContaining("[a]");
    }

    @Test
    void builder_invalidSettings_throwInvalidInput() {
        assertThatThrownBy(() -> Profiler.builder().frequentItemsMapSize(100)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("power of two");
        assertThatThrownBy(() -> Profiler.builder().hllLgK(30)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void toString_listsEveryColumnInAnAlignedTable() {
        String s = Profile.of(CsvTable.of(SharedData.path("iris.csv"))).toString();

        assertThat(s).startsWith("Profile of iris.csv: 150 rows, 5 columns\n");
        assertThat(s.lines().skip(1).map(String::length).collect(Collectors.toSet())).hasSizeLessThanOrEqualTo(6);
        assertThat(s).contains("species").contains("setosa (50)");
    }

    @Test
    void toString_dateColumn_showsMeanAsADateAndStddevInDays() {
        Profile p = Profile.of(CsvTable.of(SharedData.path("seattle-weather.csv")));
        ColumnProfile date = p.column("date");
        String meanDay = java.time.LocalDate.ofEpochDay((long) Math.floor(date.mean().getAsDouble())).toString();

        String table = p.toString();

        assertThat(table.lines().filter(l -> l.startsWith("date ")).findFirst().orElseThrow())
                .contains("2012-01-01", "2015-12-31", meanDay, " days");
        assertThat(date.formatSpread(1.5)).isEqualTo("1.5 days");
    }

    @Test
    void distinct_sketchedColumnOfUniqueDates_neverExceedsTheValueCount() {
        // 1,461 distinct dates exceed the exact bound of 1,024, so HyperLogLog estimates them (it said 1,474)
        DistinctCount d = Profile.of(CsvTable.of(SharedData.path("seattle-weather.csv"))).column("date").distinct();

        assertThat(d.exact()).isFalse();
        assertThat(d.estimate()).isBetween(1400L, 1461L);
        assertThat(d.lowerBound()).isLessThanOrEqualTo(d.estimate());
        assertThat(d.upperBound()).isEqualTo(1461);
    }

    @Test
    void columnToString_numericColumn_listsEveryStatisticQuantilesTopValuesAndHistogram() {
        ColumnProfile c = Profile.of(CsvTable.of(SharedData.path("iris.csv"))).column("petal_length");

        String s = c.toString();

        assertThat(s).startsWith("petal_length (FLOATING): 150 rows, count=150, missing=0 (0.00%), invalid=0,"
                + " distinct=43, NaN=0, zeros=0\n  min=1, max=6.9, mean=3.758");
        assertThat(s).contains("stddev=1.7").contains("quantiles: p0=1, p1=1.1").contains("p50=4.3,")
                .contains("p100=6.9");
        assertThat(s).contains("top values: 1.4 (13), 1.5 (13)");
        assertThat(s).contains("Histogram (10 buckets, 150 values)").contains("[1  1.59]  ");
        // bucket counts as numpy-free straightforward code gives them: 37 13 0 3 8 26 29 18 11 5
        List<String> buckets = c.histogram().toString().lines().skip(2).toList();
        assertThat(buckets).hasSize(10);
        assertThat(buckets.get(0)).endsWith(" 37  " + "#".repeat(30));
        assertThat(buckets.get(2)).isEqualTo("(2.18  2.77]      0");
    }
}
