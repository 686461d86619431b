package dev.mlops4j.gate;

import dev.mlops4j.Run;
import dev.mlops4j.registry.ModelRegistry;
import dev.mlops4j.registry.ModelVersion;
import dev.mlops4j.registry.RecordedGate;
import dev.mlops4j.tracking.ArtifactInfo;
import dev.mlops4j.tracking.LogBatch;
import dev.mlops4j.tracking.RunRecord;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * Records a {@link GateResult} on a run, so that searches and the registry can see which gates a model passed.
 * For a gate named {@code release} it writes, in one atomic batch:
 * <ul>
 *   <li>tag {@code gate.release.status}: {@code PASSED} or {@code FAILED} (search with
 *       {@code tags.`gate.release.status` = 'PASSED'});</li>
 *   <li>tag {@code gate.release.summary}: counts of passed, failed and skipped conditions, and the champion;</li>
 *   <li>metrics {@code gate.release.passed} (1 or 0), {@code gate.release.failed_conditions} and
 *       {@code gate.release.skipped_conditions};</li>
 * </ul>
 * and then the readable table as the artifact {@code gates/release.txt}. Recording again replaces the tags and the
 * artifact and appends to the metrics' history. The run must still be RUNNING: evaluate the gate before the run
 * ends (gates on ended runs are recorded where the decision is made, e.g. on a registry's model version).
 *
 * <p>On a registered model version ({@link #record(ModelRegistry, ModelVersion, GateResult)}) it writes the same
 * two tags, which {@link ModelVersion#gateResults()} reads back. A registry promotion that requires a gate records
 * its result that way itself, and registering a run copies the gate tags the run recorded.
 *
 * <p>This API-level recorder writes only tags, metrics and text. Modules that have a JSON library add a
 * structured copy next to it (mlops-tribuo writes {@code gates/release.json}).
 */
public final class GateRecorder {
    /** Prefix of the tags and metrics written for a gate. */
    public static final String PREFIX = "gate.";
    /** Artifact directory of the recorded tables. */
    public static final String ARTIFACT_DIRECTORY = "gates";

    private GateRecorder() {
    }

    /**
     * Records the result on the run.
     *
     * @param run a RUNNING run
     * @param result the result to record
     * @return the table artifact that was logged
     * @throws dev.mlops4j.IllegalRunStateException if the run has ended
     */
    public static ArtifactInfo record(Run run, GateResult result) {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(result, "result");
        String p = PREFIX + result.gate() + ".";
        String summary = summary(result);
        run.log(LogBatch.builder()
                .tag(p + "status", result.status().name())
                .tag(p + "summary", summary)
                .metric(p + "passed", result.passed() ? 1.0 : 0.0, 0)
                .metric(p + "failed_conditions", result.failures().size(), 0)
                .metric(p + "skipped_conditions", result.skipped().size(), 0)
                .build());
        return run.logArtifact(artifactPath(result.gate(), "txt"), result.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Records the result on a registered model version, as the tags {@code gate.<name>.status} and
     * {@code gate.<name>.summary} (see {@link RecordedGate}), replacing an earlier result of the same gate. Use it
     * for gates evaluated outside a promotion, e.g. against {@link MetricValues#of(dev.mlops4j.Runs, ModelVersion)}.
     * The registry sets one tag per call, so these are two writes: the summary first, then the status, so a reader
     * never sees a new status with an old summary (a failure between them leaves the new summary next to the
     * previous status; record again).
     *
     * @param registry the registry holding the version
     * @param version the version the gate was evaluated for
     * @param result the result to record
     * @return the version as updated
     */
    public static ModelVersion record(ModelRegistry registry, ModelVersion version, GateResult result) {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(result, "result");
        String p = PREFIX + CompositeGate.checkName(result.gate()) + ".";
        RecordedGate recorded = new RecordedGate(result.gate(), result.status(), summary(result));
        registry.setVersionTag(version.modelName(), version.version(), p + "summary", recorded.summary());
        return registry.setVersionTag(version.modelName(), version.version(), p + "status", recorded.status().name());
    }

    /**
     * @param result a gate result
     * @return the summary recorded with it: {@link GateResult#summary()} and the champion (or "no champion")
     */
    public static String summary(GateResult result) {
        return result.summary() + (result.champion() == null ? "; no champion" : "; champion " + result.champion());
    }

    /**
     * @param gateName a gate's name
     * @param extension file extension without the dot, e.g. {@code txt} or {@code json}
     * @return the artifact path of the gate's recorded result, e.g. {@code gates/release.txt}
     */
    public static String artifactPath(String gateName, String extension) {
        return ARTIFACT_DIRECTORY + "/" + CompositeGate.checkName(gateName) + "." + extension;
    }

    /**
     * @param run a run
     * @param gateName a gate's name
     * @return the recorded status of that gate on the run, empty if it was never recorded
     */
    public static Optional<ConditionStatus> recordedStatus(RunRecord run, String gateName) {
        return run.tag(PREFIX + gateName + ".status").map(ConditionStatus::valueOf);
    }
}
