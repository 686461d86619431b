package dev.mlops4j.core.internal;

import dev.mlops4j.tracking.Metric;
import java.util.ArrayList;
import java.util.List;

/**
 * Reduces a long metric history for plotting while keeping its shape: the first and last points, and for each
 * bucket of consecutive points in between the minimum and the maximum (so spikes survive, unlike with averaging
 * or striding). Values compare with {@link Double#compare}, so a NaN counts as the greatest value and shows up.
 */
final class Downsampling {
    private Downsampling() {
    }

    /**
     * @param points a history in order
     * @param maxPoints at least 4
     * @return at most {@code maxPoints} points, a subsequence of {@code points} (same order)
     */
    static List<Metric> downsample(List<Metric> points, int maxPoints) {
        if (maxPoints < 4) {
            throw new IllegalArgumentException("maxPoints must be at least 4, was " + maxPoints);
        }
        int n = points.size();
        if (n <= maxPoints) {
            return List.copyOf(points);
        }
        int buckets = (maxPoints - 2) / 2;
        int middle = n - 2;
        List<Metric> out = new ArrayList<>(maxPoints);
        out.add(points.get(0));
        int start = 1;
        for (int b = 0; b < buckets; b++) {
            // Bucket b covers the middle points [middle*b/buckets, middle*(b+1)/buckets); middle > buckets, so none
            // is empty.
            int end = 1 + (int) ((long) middle * (b + 1) / buckets);
            int min = start;
            int max = start;
            for (int i = start + 1; i < end; i++) {
                double v = points.get(i).value();
                if (Double.compare(v, points.get(min).value()) < 0) {
                    min = i;
                }
                if (Double.compare(v, points.get(max).value()) > 0) {
                    max = i;
                }
            }
            out.add(points.get(Math.min(min, max)));
            if (min != max) {
                out.add(points.get(Math.max(min, max)));
            }
            start = end;
        }
        out.add(points.get(n - 1));
        return List.copyOf(out);
    }
}
