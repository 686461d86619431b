package dev.mlops4j.serving;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Counters of a {@link ModelHandle} since it was opened.
 *
 * @param modelName the registered model
 * @param alias the alias the handle follows
 * @param version the version serving now
 * @param predictions predictions made (including those with issues that were let through)
 * @param rejected predictions refused because of input issues
 * @param withIssues predictions made although their input had issues (policies WARN and COUNT)
 * @param issues issues found, per kind (rejected inputs included)
 * @param recorded predictions handed to the {@link PredictionSink}
 * @param dropped sampled predictions dropped because a recording queue was full (or closing gave up on them)
 * @param sinkFailures batches lost because the sink threw
 * @param swaps times the handle switched to another version
 * @param refreshFailures failed attempts to check the alias or load its new holder (the old version kept serving)
 */
public record ServingStats(String modelName, String alias, int version, long predictions, long rejected,
                           long withIssues, Map<InputIssueKind, Long> issues, long recorded, long dropped,
                           long sinkFailures, long swaps, long refreshFailures) {
    public ServingStats {
        Objects.requireNonNull(modelName, "modelName");
        Objects.requireNonNull(alias, "alias");
        issues = Map.copyOf(issues);
    }

    /**
     * @param kind a kind of issue
     * @return how many were found
     */
    public long issues(InputIssueKind kind) {
        return issues.getOrDefault(kind, 0L);
    }

    /**
     * @return one line for notebooks and logs, e.g. {@code wine@production (v3): 1200 predictions, 2 rejected, 5 with
     *     issues [OUT_OF_DOMAIN=7]; 1200 recorded, 0 dropped, 0 sink failures; 1 swap, 0 refresh failures}
     */
    @Override
    public String toString() {
        return modelName + "@" + alias + " (v" + version + "): " + predictions + " predictions, " + rejected
                + " rejected, " + withIssues + " with issues" + (issues.isEmpty() ? "" : " " + new TreeMap<>(issues))
                + "; " + recorded + " recorded, " + dropped + " dropped, " + sinkFailures + " sink failures; " + swaps
                + (swaps == 1 ? " swap, " : " swaps, ") + refreshFailures + " refresh failures";
    }
}
