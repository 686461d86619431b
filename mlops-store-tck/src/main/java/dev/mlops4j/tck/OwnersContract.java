package dev.mlops4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops4j.IllegalRunStateException;
import dev.mlops4j.spi.OwnerInfo;
import dev.mlops4j.tracking.LogBatch;
import dev.mlops4j.tracking.RunInfo;
import dev.mlops4j.tracking.RunRecord;
import dev.mlops4j.tracking.RunStatus;
import dev.mlops4j.tracking.SystemTags;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Owners (open instances) of running runs: heartbeats, and killing the runs of an owner that died. */
abstract class OwnersContract extends ContractBase {

    OwnersContract(MetadataStoreTck tck) {
        super(tck);
    }

    private static OwnerInfo owner(String id, long startedOffset) {
        return new OwnerInfo(id, "host-" + id, 4242, at(T0 + startedOffset), at(T0 + startedOffset));
    }

    @Test
    void registerOwner_thenList_containsIt() {
        OwnerInfo a = owner("owner-a", 0);
        OwnerInfo b = owner("owner-b", 10);

        store().registerOwner(a);
        store().registerOwner(b);

        assertThat(store().listOwners()).containsExactlyInAnyOrder(a, b);
    }

    @Test
    void heartbeat_registeredOwner_updatesLastHeartbeatOnly() {
        OwnerInfo a = owner("owner-a", 0);
        store().registerOwner(a);

        store().heartbeat("owner-a", at(T0 + 30_000));

        assertThat(store().listOwners()).containsExactly(
                new OwnerInfo("owner-a", a.host(), a.pid(), a.startedAt(), at(T0 + 30_000)));
    }

    @Test
    void removeOwner_registeredOwner_removesOnlyIt() {
        store().registerOwner(owner("owner-a", 0));
        store().registerOwner(owner("owner-b", 0));

        store().removeOwner("owner-a");

        assertThat(store().listOwners()).extracting(OwnerInfo::ownerId).containsExactly("owner-b");
    }

    @Test
    void killRunsOfOwner_deadOwner_killsItsRunningRunsOnly() {
        String exp = experiment("churn").id();
        store().registerOwner(owner("dead", 0));
        store().registerOwner(owner("alive", 0));
        RunInfo dead1 = startRun(runInfo(exp, "dead 1", T0, null, "dead"), Map.of("team", "risk"));
        RunInfo dead2 = startRun(runInfo(exp, "dead 2", T0 + 1, dead1.runId(), "dead"), Map.of());
        RunInfo deadButFinished = startRun(runInfo(exp, "finished", T0 + 2, null, "dead"), Map.of());
        store().endRun(deadButFinished.runId(), RunStatus.FINISHED, at(T0 + 100), Map.of());
        RunInfo alive = startRun(runInfo(exp, "alive", T0 + 3, null, "alive"), Map.of());
        RunInfo unowned = startRun(runInfo(exp, "unowned", T0 + 4, null, null), Map.of());
        store().logBatch(dead1.runId(), new LogBatch(Map.of("p", "1"), List.of(metric("m", 1, 0, T0)), null));

        List<String> killed = store().killRunsOfOwner("dead", at(T0 + 60_000), "owner dead: pid 4242 is gone");

        assertThat(killed).containsExactlyInAnyOrder(dead1.runId(), dead2.runId());
        for (RunInfo run : List.of(dead1, dead2)) {
            RunRecord r = store().findRun(run.runId()).orElseThrow();
            assertThat(r.info()).isEqualTo(run.ended(RunStatus.KILLED, at(T0 + 60_000)));
            assertThat(r.tags()).containsEntry(SystemTags.KILLED_REASON, "owner dead: pid 4242 is gone");
        }
        RunRecord d1 = store().findRun(dead1.runId()).orElseThrow();
        assertThat(d1.tags()).containsEntry("team", "risk");
        assertThat(d1.params()).isEqualTo(Map.of("p", "1"));
        assertThat(store().countMetricHistory(dead1.runId(), "m")).isEqualTo(1);
        RunRecord finished = store().findRun(deadButFinished.runId()).orElseThrow();
        assertThat(finished.info()).isEqualTo(deadButFinished.ended(RunStatus.FINISHED, at(T0 + 100)));
        assertThat(finished.tags()).doesNotContainKey(SystemTags.KILLED_REASON);
        assertThat(store().findRunInfo(alive.runId())).contains(alive);
        assertThat(store().findRunInfo(unowned.runId())).contains(unowned);
        assertThat(store().listOwners()).extracting(OwnerInfo::ownerId).containsExactly("alive");
    }

    @Test
    void killRunsOfOwner_killedRun_rejectsWrites() {
        String exp = experiment("churn").id();
        store().registerOwner(owner("dead", 0));
        RunInfo run = startRun(runInfo(exp, "r", T0, null, "dead"), Map.of());
        store().killRunsOfOwner("dead", at(T0 + 1), "gone");

        assertThatThrownBy(() -> store().logBatch(run.runId(), metrics(metric("m", 1, 0, T0))))
                .isInstanceOf(IllegalRunStateException.class);
        assertThatThrownBy(() -> store().endRun(run.runId(), RunStatus.FINISHED, at(T0 + 2), Map.of()))
                .isInstanceOf(IllegalRunStateException.class);
    }

    @Test
    void killRunsOfOwner_unknownOwner_killsNothing() {
        store().registerOwner(owner("someone", 0));
        RunInfo run = startRun(runInfo(experiment("churn").id(), "r", T0, null, "someone"), Map.of());

        assertThat(store().killRunsOfOwner("nobody", at(T0 + 1), "gone")).isEmpty();
        assertThat(store().findRunInfo(run.runId())).contains(run);
        assertThat(store().listOwners()).extracting(OwnerInfo::ownerId).containsExactly("someone");
    }

    @Test
    void killRunsOfOwner_ownerWithoutRunningRuns_removesTheOwner() {
        store().registerOwner(owner("idle", 0));

        assertThat(store().killRunsOfOwner("idle", at(T0 + 1), "gone")).isEmpty();
        assertThat(store().listOwners()).isEmpty();
    }
}
