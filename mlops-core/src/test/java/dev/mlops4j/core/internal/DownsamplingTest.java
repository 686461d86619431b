package dev.mlops4j.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops4j.tracking.Metric;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class DownsamplingTest {

    private static Arbitrary<Double> values() {
        return Arbitraries.oneOf(
                Arbitraries.doubles().between(-1e6, 1e6),
                Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0));
    }

    @Provide
    Arbitrary<List<Double>> histories() {
        return values().list().ofMinSize(0).ofMaxSize(600);
    }

    /**
     * Histories longer than any max-points plus growth the properties draw (100 and 50), so that their assumptions
     * always hold: drawn from all sizes, most were too short and jqwik could give up after too many rejections.
     */
    @Provide
    Arbitrary<List<Double>> longHistories() {
        return values().list().ofMinSize(151).ofMaxSize(600);
    }

    private static List<Metric> points(List<Double> values) {
        List<Metric> points = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            // Distinct steps identify each point, so order and membership can be checked.
            points.add(new Metric("m", values.get(i), i, Instant.EPOCH));
        }
        return points;
    }

    @Property
    void sampler_fedTheCountedHistory_equalsTheInMemoryResult(@ForAll("longHistories") List<Double> values,
                                                              @ForAll @IntRange(min = 4, max = 100) int maxPoints) {
        List<Metric> all = points(values);
        Assume.that(all.size() > maxPoints);
        Downsampling.Sampler sampler = new Downsampling.Sampler(all.size(), maxPoints);

        all.forEach(sampler::accept);

        assertThat(sampler.finish()).containsExactlyElementsOf(Downsampling.downsample(all, maxPoints));
    }

    @Property
    void sampler_historyGrownSinceCounted_staysWithinMaxPointsAndEndsWithTheNewestPoint(
            @ForAll("longHistories") List<Double> values, @ForAll @IntRange(min = 4, max = 100) int maxPoints,
            @ForAll @IntRange(min = 1, max = 50) int grownBy) {
        List<Metric> all = points(values);
        int counted = all.size() - grownBy;
        Assume.that(counted > maxPoints);
        Downsampling.Sampler sampler = new Downsampling.Sampler(counted, maxPoints);

        all.forEach(sampler::accept);
        List<Metric> sampled = sampler.finish();

        assertThat(sampled).hasSizeLessThanOrEqualTo(maxPoints).doesNotHaveDuplicates()
                .isSortedAccordingTo(Comparator.comparingLong(Metric::step));
        assertThat(sampled.get(0)).isEqualTo(all.get(0));
        assertThat(sampled.get(sampled.size() - 1)).isEqualTo(all.get(all.size() - 1));
    }

    @Example
    void sampler_countNotAboveMaxPoints_isRejected() {
        assertThatThrownBy(() -> new Downsampling.Sampler(10, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Downsampling.Sampler(100, 3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void downsample_neverExceedsMaxPoints(@ForAll("histories") List<Double> values,
                                          @ForAll @IntRange(min = 4, max = 100) int maxPoints) {
        assertThat(Downsampling.downsample(points(values), maxPoints)).hasSizeLessThanOrEqualTo(maxPoints);
    }

    @Property
    void downsample_isOrderedSubsequenceKeepingFirstAndLast(@ForAll("histories") List<Double> values,
                                                            @ForAll @IntRange(min = 4, max = 100) int maxPoints) {
        List<Metric> all = points(values);
        List<Metric> sampled = Downsampling.downsample(all, maxPoints);

        assertThat(all).containsAll(sampled);
        assertThat(sampled).isSortedAccordingTo(Comparator.comparingLong(Metric::step));
        assertThat(sampled).doesNotHaveDuplicates();
        if (!all.isEmpty()) {
            assertThat(sampled.get(0)).isEqualTo(all.get(0));
            assertThat(sampled.get(sampled.size() - 1)).isEqualTo(all.get(all.size() - 1));
        }
    }

    @Property
    void downsample_keepsGlobalMinimumAndMaximum(@ForAll("histories") List<Double> values,
                                                 @ForAll @IntRange(min = 4, max = 100) int maxPoints) {
        List<Metric> sampled = Downsampling.downsample(points(values), maxPoints);
        if (values.isEmpty()) {
            assertThat(sampled).isEmpty();
            return;
        }
        Comparator<Double> order = Double::compare;
        double min = values.stream().min(order).orElseThrow();
        double max = values.stream().max(order).orElseThrow();

        assertThat(sampled).anySatisfy(m -> assertThat(Double.compare(m.value(), min)).isZero());
        assertThat(sampled).anySatisfy(m -> assertThat(Double.compare(m.value(), max)).isZero());
    }

    @Property
    void downsample_shortHistory_isReturnedWhole(@ForAll("histories") List<Double> values) {
        List<Metric> all = points(values);

        assertThat(Downsampling.downsample(all, Math.max(4, all.size()))).isEqualTo(all);
    }

    @Example
    void downsample_spikeInLongHistory_survives() {
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            values.add(i == 6_543 ? 1e9 : 1.0);
        }

        assertThat(Downsampling.downsample(points(values), 10)).extracting(Metric::step).contains(6_543L);
    }

    @Example
    void downsample_maxPointsBelowFour_isRejected() {
        assertThatThrownBy(() -> Downsampling.downsample(List.of(), 3)).isInstanceOf(IllegalArgumentException.class);
    }
}
