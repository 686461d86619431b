package dev.mlops4j.validation.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mlops4j.validation.data.Column;
import dev.mlops4j.validation.data.ColumnType;
import dev.mlops4j.validation.data.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Merging chunk profiles gives the one-pass profile, within the sketches' stated errors. */
class ProfileMergePropertiesTest {
    private static final List<Column> COLUMNS = List.of(new Column("x", ColumnType.FLOATING),
            new Column("k", ColumnType.INTEGER), new Column("s", ColumnType.CATEGORICAL));

    private static List<Object[]> rows(List<Double> xs, List<Integer> ks) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < xs.size(); i++) {
            int k = ks.get(i % ks.size());
            // a few missing values, and categories with a skewed distribution
            rows.add(new Object[] {i % 17 == 3 ? null : xs.get(i), (long) k, "c" + (k % 5 == 0 ? 0 : k)});
        }
        return rows;
    }

    private static Profile mergedChunks(Profiler profiler, List<Object[]> rows, List<Integer> cuts) {
        List<Integer> bounds = new ArrayList<>();
        for (int c : cuts) {
            bounds.add(Math.floorMod(c, rows.size() + 1));
        }
        bounds.add(0);
        bounds.add(rows.size());
        List<Integer> sorted = bounds.stream().distinct().sorted().toList();
        Profile merged = null;
        for (int i = 0; i + 1 < sorted.size(); i++) {
            Profile p = profiler.profile(Table.ofArrays(COLUMNS, rows.subList(sorted.get(i), sorted.get(i + 1))));
            merged = merged == null ? p : merged.merge(p);
        }
        return merged;
    }

    @Property(tries = 150)
    void merge_chunkProfiles_equalsOnePassProfileWithinSketchErrors(
            @ForAll @Size(min = 1, max = 4000) List<@DoubleRange(min = -1e6, max = 1e6) Double> xs,
            @ForAll @Size(min = 1, max = 50) List<@IntRange(min = -1000, max = 1000) Integer> ks,
            @ForAll @Size(max = 6) List<Integer> cuts, @ForAll boolean smallExactBound) {
        Profiler profiler = Profiler.builder().exactDistinctLimit(smallExactBound ? 8 : 1024).quantileK(64).build();
        List<Object[]> rows = rows(xs, ks);

        Profile one = profiler.profile(Table.ofArrays(COLUMNS, rows));
        Profile merged = mergedChunks(profiler, rows, cuts);

        assertThat(merged.rowCount()).isEqualTo(one.rowCount());
        for (String name : List.of("x", "k", "s")) {
            ColumnProfile a = one.column(name);
            ColumnProfile b = merged.column(name);
            assertThat(b.count()).isEqualTo(a.count());
            assertThat(b.missing()).isEqualTo(a.missing());
            assertThat(b.min()).isEqualTo(a.min());
            assertThat(b.max()).isEqualTo(a.max());
            if (a.mean().isPresent()) {
                double scale = Math.max(1, Math.abs(a.max().getAsDouble()) + Math.abs(a.min().getAsDouble()));
                assertThat(b.mean().getAsDouble()).isCloseTo(a.mean().getAsDouble(), within(1e-9 * scale));
                assertThat(b.stddev().getAsDouble()).isCloseTo(a.stddev().getAsDouble(), within(1e-7 * scale));
            }
            long trueDistinct = distinct(rows, COLUMNS.indexOf(COLUMNS.stream().filter(c -> c.name().equals(name))
                    .findFirst().orElseThrow()));
            DistinctCount d = b.distinct();
            if (d.exact()) {
                assertThat(d.estimate()).isEqualTo(trueDistinct);
                assertThat(a.distinct()).isEqualTo(d);
            } else {
                // HLL with lgK = 12: relative standard error 1.6%; 5% is more than 3 standard errors
                assertThat((double) d.estimate()).isCloseTo(trueDistinct, within(trueDistinct * 0.05 + 1));
                // never more distinct values than values, and the bounds around the estimate
                assertThat(d.lowerBound()).isLessThanOrEqualTo(d.estimate());
                assertThat(d.upperBound()).isBetween(d.estimate(), b.count());
            }
        }
        assertQuantilesWithinRankError(merged.column("x"), rows);
        assertTopValuesAgree(one.column("s"), merged.column("s"));
    }

    private static long distinct(List<Object[]> rows, int column) {
        HashSet<Object> set = new HashSet<>();
        for (Object[] r : rows) {
            if (r[column] != null) {
                set.add(r[column] instanceof Double ? (Object) (((Double) r[column]) + 0.0) : r[column]);
            }
        }
        return set.size();
    }

    private static void assertQuantilesWithinRankError(ColumnProfile merged, List<Object[]> rows) {
        double[] values = rows.stream().filter(r -> r[0] != null).mapToDouble(r -> (Double) r[0]).sorted().toArray();
        if (values.length == 0) {
            return;
        }
        // the sketch's stated normalised rank error (99% confidence); twice it, so the property never flakes
        double eps = 2 * merged.quantileRankError();
        for (double r : new double[] {0.1, 0.5, 0.9}) {
            double q = merged.quantile(r).getAsDouble();
            long atOrBelow = Arrays.stream(values).filter(v -> v <= q).count();
            long below = Arrays.stream(values).filter(v -> v < q).count();
            double target = r * values.length;
            assertThat(atOrBelow + eps * values.length).as("rank of quantile %s", r).isGreaterThanOrEqualTo(target);
            assertThat(below - eps * values.length).as("rank of quantile %s", r).isLessThanOrEqualTo(target);
        }
    }

    private static void assertTopValuesAgree(ColumnProfile one, ColumnProfile merged) {
        Map<String, Long> exact = new HashMap<>();
        one.topValues(100).forEach(f -> exact.put(f.value(), f.count()));
        for (FrequentValue f : merged.topValues(5)) {
            Long truth = exact.get(f.value());
            if (truth != null && one.allValues().isPresent()) {
                assertThat(f.count()).isBetween(truth, truth + f.maxError());
            }
        }
        if (one.allValues().isPresent() && merged.allValues().isPresent()) {
            assertThat(merged.allValues()).isEqualTo(one.allValues());
        }
    }
}
