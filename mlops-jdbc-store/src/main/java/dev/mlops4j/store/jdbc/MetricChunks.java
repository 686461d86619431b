package dev.mlops4j.store.jdbc;

import dev.mlops4j.tracking.Metric;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The packed form of metric history in {@code mlops_metric_chunks}: each point is 24 bytes, big-endian
 * step, timestamp (epoch ms) and the raw IEEE-754 bits of the value, so every double (NaN, the
 * infinities, -0.0) comes back exactly.
 */
final class MetricChunks {
    /** Bytes per point. */
    static final int POINT_BYTES = 24;
    /** Most points per stored chunk, which keeps a row at 24 KB. */
    static final int MAX_POINTS_PER_CHUNK = 1000;

    /** History order: step, then timestamp; a stable sort keeps insertion order for ties. */
    static final Comparator<Metric> HISTORY_ORDER = Comparator.comparingLong(Metric::step)
            .thenComparing(Metric::timestamp);

    private MetricChunks() {
    }

    static byte[] encode(List<Metric> points) {
        ByteBuffer buf = ByteBuffer.allocate(points.size() * POINT_BYTES);
        for (Metric m : points) {
            buf.putLong(m.step());
            buf.putLong(m.timestamp().toEpochMilli());
            buf.putLong(Double.doubleToRawLongBits(m.value()));
        }
        return buf.array();
    }

    /**
     * Appends the points of a chunk to {@code out}.
     *
     * @param key the metric key
     * @param bytes the chunk
     * @param out where to add the points, in stored order
     */
    static void decode(String key, byte[] bytes, List<Metric> out) {
        if (bytes.length % POINT_BYTES != 0) {
            throw new IllegalStateException("corrupt metric chunk of " + bytes.length + " bytes for key " + key);
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        while (buf.hasRemaining()) {
            long step = buf.getLong();
            long ts = buf.getLong();
            double value = Double.longBitsToDouble(buf.getLong());
            out.add(new Metric(key, value, step, Instant.ofEpochMilli(ts)));
        }
    }

    /**
     * Sorts a history into (step, timestamp, insertion) order. Already-sorted histories, the common case,
     * cost one linear pass.
     *
     * @param points points in insertion order; sorted in place
     */
    static void sortHistory(List<Metric> points) {
        for (int i = 1; i < points.size(); i++) {
            if (HISTORY_ORDER.compare(points.get(i - 1), points.get(i)) > 0) {
                points.sort(HISTORY_ORDER); // List.sort is stable, so ties keep insertion order
                return;
            }
        }
    }

    /**
     * Splits a key's points into chunks of at most {@link #MAX_POINTS_PER_CHUNK}.
     *
     * @param points the points of one key, in logging order
     * @return the chunks
     */
    static List<List<Metric>> split(List<Metric> points) {
        if (points.size() <= MAX_POINTS_PER_CHUNK) {
            return List.of(points);
        }
        List<List<Metric>> chunks = new ArrayList<>();
        for (int from = 0; from < points.size(); from += MAX_POINTS_PER_CHUNK) {
            chunks.add(points.subList(from, Math.min(points.size(), from + MAX_POINTS_PER_CHUNK)));
        }
        return chunks;
    }
}
