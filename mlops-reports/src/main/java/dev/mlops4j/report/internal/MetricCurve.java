package dev.mlops4j.report.internal;

import dev.mlops4j.tracking.Metric;
import java.util.List;

/**
 * The points of one run's metric history that a report draws.
 *
 * @param points the points, in history order (possibly down-sampled)
 * @param totalPoints how many points the full history holds
 */
public record MetricCurve(List<Metric> points, long totalPoints) {
    public MetricCurve {
        points = List.copyOf(points);
    }

    /** @return true if fewer points are drawn than the history holds */
    public boolean downsampled() {
        return points.size() < totalPoints;
    }
}
