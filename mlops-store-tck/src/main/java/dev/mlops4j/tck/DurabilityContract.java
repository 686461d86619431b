package dev.mlops4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops4j.ConflictException;
import dev.mlops4j.IllegalRunStateException;
import dev.mlops4j.search.Field;
import dev.mlops4j.search.OrderBy;
import dev.mlops4j.search.SearchRequest;
import dev.mlops4j.spi.OwnerInfo;
import dev.mlops4j.spi.StoreFeature;
import dev.mlops4j.tracking.ExperimentInfo;
import dev.mlops4j.tracking.LogBatch;
import dev.mlops4j.tracking.RunInfo;
import dev.mlops4j.tracking.RunStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** For stores declaring {@link StoreFeature#DURABLE}: what was acknowledged is there after close and reopen. */
abstract class DurabilityContract extends ContractBase {

    DurabilityContract(MetadataStoreTck tck) {
        super(tck);
    }

    @BeforeEach
    void onlyForDurableStores() {
        requireFeature(StoreFeature.DURABLE);
    }

    @Test
    void everything_written_isThereAfterReopen() {
        ExperimentInfo exp = experiment("durable");
        store().setExperimentTag(exp.id(), "team", "risk");
        store().setExperimentDescription(exp.id(), "kept");
        OwnerInfo owner = new OwnerInfo("owner", "host", 7, at(T0), at(T0));
        store().registerOwner(owner);
        store().heartbeat("owner", at(T0 + 5_000));
        RunInfo parent = startRun(runInfo(exp.id(), "parent", T0, null, "owner"), Map.of("mlops.host", "host"));
        RunInfo child = startRun(runInfo(exp.id(), "child", T0 + 1, parent.runId(), "owner"), Map.of());
        store().logBatch(parent.runId(), new LogBatch(Map.of("model", "cart"), List.of(metric("acc", 0.5, 0, T0),
                metric("acc", Double.NaN, 1, T0), metric("acc", 0.7, 1, T0), metric("inf", Double.NEGATIVE_INFINITY, 0,
                        T0)), Map.of("stage", "dev")));
        store().logBatch(parent.runId(), tags(Map.of("stage", "prod", "gone", "soon")));
        store().deleteTag(parent.runId(), "gone");
        store().putArtifact(parent.runId(), artifact("model.bin", "v1", 1));
        store().putArtifact(parent.runId(), artifact("model.bin", "v2", 2));
        store().endRun(child.runId(), RunStatus.FAILED, at(T0 + 9), Map.of("mlops.error.class", "E"));
        StoreSnapshot before = StoreSnapshot.capture(store(), List.of("acc", "inf"), parent.runId(), child.runId());
        SearchRequest search = new SearchRequest(List.of(exp.id()), null, List.of(new OrderBy(Field.metric("acc"),
                false)), 10, null);
        var searchBefore = store().searchRuns(search);

        reopenStore();

        assertThat(StoreSnapshot.capture(store(), List.of("acc", "inf"), parent.runId(), child.runId()))
                .isEqualTo(before);
        assertThat(store().searchRuns(search)).isEqualTo(searchBefore);
        assertThat(store().findExperimentByName("durable").orElseThrow().tags()).isEqualTo(Map.of("team", "risk"));
        assertThat(store().listOwners()).containsExactly(new OwnerInfo("owner", "host", 7, at(T0), at(T0 + 5_000)));
    }

    @Test
    void experimentIds_afterReopen_doNotCollide() {
        ExperimentInfo first = experiment("first");

        reopenStore();
        ExperimentInfo second = experiment("second");

        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(store().getOrCreateExperiment("first", at(T0 + 1))).isEqualTo(first);
        assertThat(store().listExperiments()).containsExactly(first, second);
    }

    @Test
    void rules_afterReopen_stillHold() {
        RunInfo running = aRun();
        RunInfo ended = startRun(running.experimentId(), "ended");
        store().logBatch(running.runId(), params(Map.of("model", "cart")));
        store().endRun(ended.runId(), RunStatus.FINISHED, at(T0 + 1), Map.of());

        reopenStore();

        assertThatThrownBy(() -> store().logBatch(running.runId(), params(Map.of("model", "forest"))))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> store().logBatch(ended.runId(), params(Map.of("x", "y"))))
                .isInstanceOf(IllegalRunStateException.class);
        store().logBatch(running.runId(), metrics(metric("m", 1, 0, T0)));
        assertThat(store().countMetricHistory(running.runId(), "m")).isEqualTo(1);
    }

    @Test
    void metricHistory_tiesAfterReopen_keepInsertionOrder() {
        RunInfo run = aRun();
        store().logBatch(run.runId(), metrics(metric("m", 3, 1, T0), metric("m", 1, 1, T0)));
        store().logBatch(run.runId(), metrics(metric("m", 2, 1, T0)));

        reopenStore();
        store().logBatch(run.runId(), metrics(metric("m", 0, 1, T0)));

        assertThat(store().metricHistory(run.runId(), "m", null, 10).points()).containsExactly(metric("m", 3, 1, T0),
                metric("m", 1, 1, T0), metric("m", 2, 1, T0), metric("m", 0, 1, T0));
    }
}
