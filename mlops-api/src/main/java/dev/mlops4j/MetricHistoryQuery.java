package dev.mlops4j;

import dev.mlops4j.tracking.Metric;
import dev.mlops4j.tracking.MetricPage;
import java.util.List;

/**
 * Reading a metric's history, ordered by step, then timestamp, then insertion. From
 * {@link Runs#metricHistory(String, String)}.
 */
public interface MetricHistoryQuery {

    /** @return every point */
    List<Metric> all();

    /**
     * @param pageToken token from the previous page, {@code null} for the first
     * @param pageSize points per page, at least 1
     * @return one page
     */
    MetricPage page(String pageToken, int pageSize);

    /**
     * Down-samples a long history for plotting: at most {@code maxPoints} points, always keeping the first
     * and last point and, per bucket of consecutive points, the minimum and maximum, so spikes survive. The history
     * is read page by page and never held in memory whole, so this is the way to look at a history of millions
     * of points.
     *
     * @param maxPoints at least 4
     * @return at most {@code maxPoints} points, in history order
     */
    List<Metric> downsample(int maxPoints);

    /** @return how many points the history holds */
    long count();
}
