package dev.mlops4j.core.internal;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.MetricHistoryQuery;
import dev.mlops4j.internal.PrintedList;
import dev.mlops4j.tracking.Metric;
import dev.mlops4j.tracking.MetricPage;
import java.util.ArrayList;
import java.util.List;

/** Reads one metric's history from the store, page by page. */
final class CoreMetricHistory implements MetricHistoryQuery {
    /** Page size for reading a whole history: large enough to need few round trips, small enough to bound memory. */
    private static final int READ_PAGE_SIZE = 10_000;

    private final CoreMlops mlops;
    private final String runId;
    private final String key;

    CoreMetricHistory(CoreMlops mlops, String runId, String key) {
        this.mlops = mlops;
        this.runId = runId;
        this.key = key;
    }

    @Override
    public List<Metric> all() {
        mlops.ensureOpen();
        List<Metric> points = new ArrayList<>();
        String token = null;
        do {
            MetricPage page = mlops.store().metricHistory(runId, key, token, READ_PAGE_SIZE);
            points.addAll(page.points());
            token = page.nextPageToken();
        } while (token != null);
        return new PrintedList<>(points, MetricPoints::print);
    }

    @Override
    public MetricPage page(String pageToken, int pageSize) {
        if (pageSize < 1) {
            throw new InvalidInputException("pageSize must be at least 1, was " + pageSize);
        }
        mlops.ensureOpen();
        return mlops.store().metricHistory(runId, key, pageToken, pageSize);
    }

    @Override
    public List<Metric> downsample(int maxPoints) {
        if (maxPoints < 4) {
            throw new InvalidInputException("maxPoints must be at least 4 (first, last, and a minimum and maximum"
                    + " in between), was " + maxPoints);
        }
        mlops.ensureOpen();
        long counted = count();
        if (counted <= maxPoints) {
            List<Metric> all = all();
            // The history of a RUNNING run may have grown since it was counted.
            return all.size() <= maxPoints ? all : new PrintedList<>(Downsampling.downsample(all, maxPoints),
                    MetricPoints::print);
        }
        // Page by page, so that a history of millions of points is reduced without holding it all in memory.
        Downsampling.Sampler sampler = new Downsampling.Sampler(counted, maxPoints);
        String token = null;
        do {
            MetricPage page = mlops.store().metricHistory(runId, key, token, READ_PAGE_SIZE);
            page.points().forEach(sampler::accept);
            token = page.nextPageToken();
        } while (token != null);
        return new PrintedList<>(sampler.finish(), MetricPoints::print);
    }

    @Override
    public long count() {
        mlops.ensureOpen();
        return mlops.store().countMetricHistory(runId, key);
    }

    @Override
    public String toString() {
        return "MetricHistory[run " + runId + ", " + key + "]";
    }
}
