package dev.mlops4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.spi.MetadataStore;
import dev.mlops4j.spi.OwnerInfo;
import dev.mlops4j.tracking.LogBatch;
import dev.mlops4j.tracking.RunInfo;
import dev.mlops4j.tracking.RunStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every method given a null argument fails with {@link NullPointerException} or {@link InvalidInputException}
 * and writes nothing. Cases share one store; each compares a snapshot taken just before it with one taken after.
 * Reads come first and the cases that could end or kill the run come last, so that one silent write does not
 * hide the cases after it.
 */
abstract class NullHostilityContract extends ContractBase {

    NullHostilityContract(MetadataStoreTck tck) {
        super(tck);
    }

    private record Case(String call, ThrowingCallable body) {
    }

    @TestFactory
    Stream<DynamicTest> everyMethod_nullArgument_failsLoudlyAndWritesNothing() {
        MetadataStore s = store();
        String exp = experiment("nulls").id();
        OwnerInfo owner = new OwnerInfo("owner", "host", 1, at(T0), at(T0));
        s.registerOwner(owner);
        RunInfo run = startRun(runInfo(exp, "run", T0, null, "owner"), Map.of("t", "v"));
        s.logBatch(run.runId(), new LogBatch(Map.of("p", "v"), List.of(metric("m", 1, 0, T0)), null));
        s.putArtifact(run.runId(), artifact("a.txt", "a", 0));
        String id = run.runId();
        Instant now = at(T0 + 1_000);
        RunInfo fresh = runInfo(exp, "fresh", T0, null, null);
        Map<String, String> nullValue = new HashMap<>();
        nullValue.put("k", null);
        Map<String, String> nullKey = new HashMap<>();
        nullKey.put(null, "v");
        LogBatch batch = metrics(metric("m", 2, 1, T0));

        List<Case> cases = new ArrayList<>(List.of(
                new Case("findExperimentByName(null)", () -> s.findExperimentByName(null)),
                new Case("findExperiment(null)", () -> s.findExperiment(null)),
                new Case("findRunInfo(null)", () -> s.findRunInfo(null)),
                new Case("findRun(null)", () -> s.findRun(null)),
                new Case("metricHistory(null, key, ...)", () -> s.metricHistory(null, "m", null, 10)),
                new Case("metricHistory(run, null, ...)", () -> s.metricHistory(id, null, null, 10)),
                new Case("countMetricHistory(null, key)", () -> s.countMetricHistory(null, "m")),
                new Case("countMetricHistory(run, null)", () -> s.countMetricHistory(id, null)),
                new Case("searchRuns(null)", () -> s.searchRuns(null)),
                new Case("childRuns(null)", () -> s.childRuns(null)),
                new Case("listArtifacts(null)", () -> s.listArtifacts(null)),
                new Case("findArtifact(null, path)", () -> s.findArtifact(null, "a.txt")),
                new Case("findArtifact(run, null)", () -> s.findArtifact(id, null)),
                new Case("findArtifactsByHash(null)", () -> s.findArtifactsByHash(null)),
                new Case("getOrCreateExperiment(null, now)", () -> s.getOrCreateExperiment(null, now)),
                new Case("getOrCreateExperiment(name, null)", () -> s.getOrCreateExperiment("new-exp", null)),
                new Case("setExperimentTag(null, key, value)", () -> s.setExperimentTag(null, "k", "v")),
                new Case("setExperimentTag(exp, null, value)", () -> s.setExperimentTag(exp, null, "v")),
                new Case("setExperimentTag(exp, key, null)", () -> s.setExperimentTag(exp, "k", null)),
                new Case("setExperimentDescription(null, text)", () -> s.setExperimentDescription(null, "d")),
                new Case("setExperimentDescription(exp, null)", () -> s.setExperimentDescription(exp, null)),
                new Case("createRun(null, tags)", () -> s.createRun(null, Map.of())),
                new Case("createRun(run, null)", () -> s.createRun(fresh, null)),
                new Case("createRun(run, {k: null})", () -> s.createRun(fresh, nullValue)),
                new Case("createRun(run, {null: v})", () -> s.createRun(fresh, nullKey)),
                new Case("logBatch(null, batch)", () -> s.logBatch(null, batch)),
                new Case("logBatch(run, null)", () -> s.logBatch(id, null)),
                new Case("deleteTag(null, key)", () -> s.deleteTag(null, "t")),
                new Case("deleteTag(run, null)", () -> s.deleteTag(id, null)),
                new Case("putArtifact(null, artifact)", () -> s.putArtifact(null, artifact("b.txt", "b", 0))),
                new Case("putArtifact(run, null)", () -> s.putArtifact(id, null)),
                new Case("registerOwner(null)", () -> s.registerOwner(null)),
                new Case("heartbeat(null, now)", () -> s.heartbeat(null, now)),
                new Case("heartbeat(owner, null)", () -> s.heartbeat("owner", null)),
                new Case("removeOwner(null)", () -> s.removeOwner(null)),
                new Case("endRun(null, status, now, tags)", () -> s.endRun(null, RunStatus.FINISHED, now, Map.of())),
                new Case("endRun(run, null, now, tags)", () -> s.endRun(id, null, now, Map.of())),
                new Case("endRun(run, status, null, tags)", () -> s.endRun(id, RunStatus.FINISHED, null, Map.of())),
                new Case("endRun(run, status, now, null)", () -> s.endRun(id, RunStatus.FINISHED, now, null)),
                new Case("endRun(run, status, now, {k: null})", () -> s.endRun(id, RunStatus.FINISHED, now, nullValue)),
                new Case("endRun(run, status, now, {null: v})", () -> s.endRun(id, RunStatus.FINISHED, now, nullKey)),
                new Case("killRunsOfOwner(null, now, reason)", () -> s.killRunsOfOwner(null, now, "r")),
                new Case("killRunsOfOwner(owner, null, reason)", () -> s.killRunsOfOwner("owner", null, "r")),
                new Case("killRunsOfOwner(owner, now, null)", () -> s.killRunsOfOwner("owner", now, null))));
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.call(), () -> {
            StoreSnapshot before = StoreSnapshot.capture(s, List.of("m"), id, fresh.runId());

            assertThatThrownBy(c.body()).as(c.call())
                    .isInstanceOfAny(NullPointerException.class, InvalidInputException.class);

            assertThat(StoreSnapshot.capture(s, List.of("m"), id, fresh.runId())).as("state after " + c.call())
                    .isEqualTo(before);
            assertThat(s.findExperimentByName("new-exp")).as("experiment created by " + c.call()).isEmpty();
        }));
    }
}
