package dev.mlops4j.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops4j.tracking.Metric;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricChunksTest {

    @Test
    void decode_encodedPoints_returnsThemExactly() {
        List<Metric> points = List.of(new Metric("m", -0.0, -5, Instant.ofEpochMilli(0)),
                new Metric("m", Double.NaN, Long.MAX_VALUE, Instant.ofEpochMilli(Long.MAX_VALUE / 1000)),
                new Metric("m", Double.NEGATIVE_INFINITY, 3, Instant.ofEpochMilli(-1)));

        List<Metric> decoded = new ArrayList<>();
        MetricChunks.decode("m", MetricChunks.encode(points), decoded);

        assertThat(decoded).isEqualTo(points);
        assertThat(Double.doubleToRawLongBits(decoded.get(0).value())).isEqualTo(Double.doubleToRawLongBits(-0.0));
    }

    @Test
    void sortHistory_unsortedPoints_ordersByStepThenTimeKeepingInsertionForTies() {
        List<Metric> points = new ArrayList<>(List.of(point(2, 5, 1), point(1, 9, 2), point(2, 5, 3), point(1, 1, 4),
                point(2, 4, 5)));

        MetricChunks.sortHistory(points);

        assertThat(points).extracting(Metric::value).containsExactly(4.0, 2.0, 5.0, 1.0, 3.0);
    }

    @Test
    void split_longHistory_makesChunksOfAtMostTheLimit() {
        List<Metric> points = new ArrayList<>();
        for (int i = 0; i < 2 * MetricChunks.MAX_POINTS_PER_CHUNK + 1; i++) {
            points.add(point(i, i, i));
        }

        List<List<Metric>> chunks = MetricChunks.split(points);

        assertThat(chunks).extracting(List::size).containsExactly(MetricChunks.MAX_POINTS_PER_CHUNK,
                MetricChunks.MAX_POINTS_PER_CHUNK, 1);
        assertThat(chunks.stream().flatMap(List::stream).toList()).isEqualTo(points);
    }

    private static Metric point(long step, long millis, double value) {
        return new Metric("m", value, step, Instant.ofEpochMilli(millis));
    }
}
