package dev.mlops4j.validation.drift.internal;

import dev.mlops4j.Run;
import dev.mlops4j.tracking.Limits;
import java.util.LinkedHashMap;
import java.util.Map;

/** Metric keys from column names, and logging many metrics within the tracking API's batch limit. */
public final class MetricNames {
    private MetricNames() {
    }

    /**
     * @param name a column, segment or data-set name
     * @return it with the characters metric keys do not allow (see {@link Limits}) replaced by {@code _}
     */
    public static String sanitize(String name) {
        String s = name.replaceAll("[^A-Za-z0-9_\\-.: ]", "_").trim();
        return s.isEmpty() ? "_" : s;
    }

    /**
     * Logs metrics in batches of at most {@link Limits#MAX_METRICS_PER_BATCH}.
     *
     * @param run an open run
     * @param metrics key to value
     * @param step the step
     */
    public static void log(Run run, Map<String, Double> metrics, long step) {
        Map<String, Double> batch = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : metrics.entrySet()) {
            batch.put(e.getKey(), e.getValue());
            if (batch.size() == Limits.MAX_METRICS_PER_BATCH) {
                run.logMetrics(batch, step);
                batch = new LinkedHashMap<>();
            }
        }
        if (!batch.isEmpty()) {
            run.logMetrics(batch, step);
        }
    }
}
