package dev.mlops4j.tck;

import dev.mlops4j.spi.MetadataStore;
import dev.mlops4j.spi.OwnerInfo;
import dev.mlops4j.tracking.ArtifactInfo;
import dev.mlops4j.tracking.ExperimentInfo;
import dev.mlops4j.tracking.Metric;
import dev.mlops4j.tracking.RunInfo;
import dev.mlops4j.tracking.RunRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Everything observable about some runs, captured before and after a call that must change nothing, so that
 * "a throwing call changes nothing" is checked by comparing two snapshots.
 *
 * @param experiments every experiment
 * @param owners every owner, ordered by id
 * @param runs for each watched run id: its record (or empty)
 * @param histories for each watched run and metric key: the full history
 * @param artifacts for each watched run: its artifacts
 * @param children for each watched run: its direct children
 */
record StoreSnapshot(List<ExperimentInfo> experiments, List<OwnerInfo> owners, Map<String, Optional<RunRecord>> runs,
                     Map<String, List<Metric>> histories, Map<String, List<ArtifactInfo>> artifacts,
                     Map<String, List<String>> children) {

    /**
     * @param store the store
     * @param metricKeys metric keys whose histories to capture, beyond the keys each run already has
     * @param runIds the runs to watch (they may not exist)
     * @return the snapshot
     */
    static StoreSnapshot capture(MetadataStore store, List<String> metricKeys, String... runIds) {
        List<OwnerInfo> owners = new ArrayList<>(store.listOwners());
        owners.sort(Comparator.comparing(OwnerInfo::ownerId));
        Map<String, Optional<RunRecord>> runs = new LinkedHashMap<>();
        Map<String, List<Metric>> histories = new LinkedHashMap<>();
        Map<String, List<ArtifactInfo>> artifacts = new LinkedHashMap<>();
        Map<String, List<String>> children = new LinkedHashMap<>();
        for (String runId : runIds) {
            Optional<RunRecord> run = store.findRun(runId);
            runs.put(runId, run);
            if (run.isEmpty()) {
                continue;
            }
            TreeSet<String> keys = new TreeSet<>(metricKeys);
            keys.addAll(run.get().latestMetrics().keySet());
            for (String key : keys) {
                histories.put(runId + "/" + key, store.metricHistory(runId, key, null, 50_000).points());
            }
            artifacts.put(runId, store.listArtifacts(runId));
            children.put(runId, store.childRuns(runId).stream().map(RunInfo::runId).toList());
        }
        return new StoreSnapshot(store.listExperiments(), owners, runs, histories, artifacts, children);
    }
}
