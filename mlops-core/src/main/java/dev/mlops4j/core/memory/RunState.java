package dev.mlops4j.core.memory;

import dev.mlops4j.tracking.ArtifactInfo;
import dev.mlops4j.tracking.Metric;
import dev.mlops4j.tracking.RunInfo;
import dev.mlops4j.tracking.RunRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The mutable state of one run inside {@link InMemoryMetadataStore}. Mutated only under the store's write lock;
 * {@link #record()} may be called under the read lock by several threads at once.
 */
final class RunState {
    /** History order without the insertion sequence; equal points keep insertion order because of how they are added. */
    private static final Comparator<Metric> HISTORY_ORDER =
            Comparator.comparingLong(Metric::step).thenComparing(Metric::timestamp);

    RunInfo info;
    final Map<String, String> params = new HashMap<>();
    final Map<String, String> tags = new HashMap<>();
    final Map<String, Metric> latest = new HashMap<>();
    final Map<String, List<Metric>> history = new HashMap<>();
    final TreeMap<String, ArtifactInfo> artifacts = new TreeMap<>();
    /** Snapshot cache: search reads every run, and copying its maps each time would dominate. */
    private volatile RunRecord snapshot;

    RunState(RunInfo info) {
        this.info = info;
    }

    RunRecord record() {
        RunRecord r = snapshot;
        if (r == null) {
            r = new RunRecord(info, params, latest, tags);
            snapshot = r;
        }
        return r;
    }

    /** Call after every change, under the write lock. */
    void changed() {
        snapshot = null;
    }

    void addMetric(Metric m) {
        List<Metric> points = history.computeIfAbsent(m.key(), k -> new ArrayList<>());
        // Insert after every point that sorts before or equal to it, so equal (step, timestamp) keep insertion
        // order. Most histories grow in step order, so check the end first.
        if (points.isEmpty() || HISTORY_ORDER.compare(points.get(points.size() - 1), m) <= 0) {
            points.add(m);
        } else {
            int lo = 0;
            int hi = points.size();
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (HISTORY_ORDER.compare(points.get(mid), m) <= 0) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            points.add(lo, m);
        }
        Metric current = latest.get(m.key());
        if (current == null || Metric.LATEST_ORDER.compare(m, current) > 0) {
            latest.put(m.key(), m);
        }
    }
}
