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

    /**
     * The same reduction over a history read page by page, holding only the output and one bucket's minimum and
     * maximum instead of the whole history: {@code new Sampler(n, maxPoints)} fed the {@code n} points of a history
     * in order returns exactly {@link #downsample(List, int)} of them. The history of a RUNNING run may grow while
     * it is read; points beyond the counted {@code n} are then skipped except the very last, which stays the last
     * point of the result, so the result never exceeds {@code maxPoints}.
     */
    static final class Sampler {
        private final long counted;
        private final long middle;
        private final int buckets;
        private final List<Metric> out;
        private long seen;
        private int bucket;
        private long bucketEnd;
        private Metric min;
        private Metric max;
        private long minIndex;
        private long maxIndex;
        private Metric last;
        private long lastIndex = -1;
        private long lastAddedIndex = -1;

        /**
         * @param counted how many points the history held when it was counted; more than {@code maxPoints}
         * @param maxPoints at least 4
         */
        Sampler(long counted, int maxPoints) {
            if (maxPoints < 4 || counted <= maxPoints) {
                throw new IllegalArgumentException("a sampler needs maxPoints >= 4 below the count, got " + maxPoints
                        + " for " + counted + " points");
            }
            this.counted = counted;
            this.middle = counted - 2;
            this.buckets = (maxPoints - 2) / 2;
            this.out = new ArrayList<>(maxPoints);
            this.bucketEnd = bucketEnd(0);
        }

        private long bucketEnd(int b) {
            // As in downsample: bucket b covers the middle points [1 + middle*b/buckets, 1 + middle*(b+1)/buckets).
            // Computed as q*(b+1) + r*(b+1)/buckets with middle = q*buckets + r, which cannot overflow.
            long q = middle / buckets;
            long r = middle % buckets;
            return 1 + q * (b + 1) + r * (b + 1) / buckets;
        }

        /** @param point the next point of the history, in history order */
        void accept(Metric point) {
            long i = seen++;
            if (i == 0) {
                add(point, 0);
            } else if (i <= counted - 2) {
                while (i >= bucketEnd) {
                    flushBucket();
                    bucket++;
                    bucketEnd = bucketEnd(bucket);
                }
                if (min == null) {
                    min = point;
                    max = point;
                    minIndex = i;
                    maxIndex = i;
                } else {
                    if (Double.compare(point.value(), min.value()) < 0) {
                        min = point;
                        minIndex = i;
                    }
                    if (Double.compare(point.value(), max.value()) > 0) {
                        max = point;
                        maxIndex = i;
                    }
                }
            }
            last = point;
            lastIndex = i;
        }

        /** @return the sampled points, in history order */
        List<Metric> finish() {
            flushBucket();
            if (last != null && lastIndex > lastAddedIndex) {
                add(last, lastIndex);
            }
            return List.copyOf(out);
        }

        private void flushBucket() {
            if (min == null) {
                return;
            }
            if (minIndex <= maxIndex) {
                add(min, minIndex);
                if (minIndex != maxIndex) {
                    add(max, maxIndex);
                }
            } else {
                add(max, maxIndex);
                add(min, minIndex);
            }
            min = null;
            max = null;
        }

        private void add(Metric point, long index) {
            out.add(point);
            lastAddedIndex = index;
        }
    }
}
