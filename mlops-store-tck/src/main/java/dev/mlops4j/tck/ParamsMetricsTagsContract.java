package dev.mlops4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops4j.ConflictException;
import dev.mlops4j.tracking.Limits;
import dev.mlops4j.tracking.LogBatch;
import dev.mlops4j.tracking.Metric;
import dev.mlops4j.tracking.RunInfo;
import dev.mlops4j.tracking.RunRecord;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Params, metrics and tags of one run: immutability, latest-metric semantics, exact numbers, atomic batches. */
abstract class ParamsMetricsTagsContract extends ContractBase {

    ParamsMetricsTagsContract(MetadataStoreTck tck) {
        super(tck);
    }

    @Test
    void logBatch_paramsMetricsAndTags_roundTrip() {
        RunInfo run = aRun();
        LogBatch batch = new LogBatch(Map.of("model", "cart", "depth", "5"),
                List.of(metric("acc", 0.91, 3, T0 + 10), metric("loss", 0.25, 3, T0 + 10)), Map.of("team", "risk"));

        store().logBatch(run.runId(), batch);

        RunRecord r = store().findRun(run.runId()).orElseThrow();
        assertThat(r.params()).isEqualTo(Map.of("model", "cart", "depth", "5"));
        assertThat(r.latestMetrics()).isEqualTo(Map.of("acc", metric("acc", 0.91, 3, T0 + 10),
                "loss", metric("loss", 0.25, 3, T0 + 10)));
        assertThat(r.tags()).isEqualTo(Map.of("team", "risk"));
        assertThat(r.info()).isEqualTo(run);
    }

    @Test
    void logBatch_emptyBatch_isNoOp() {
        RunInfo run = aRun();
        StoreSnapshot before = StoreSnapshot.capture(store(), List.of(), run.runId());

        store().logBatch(run.runId(), new LogBatch(null, null, null));

        assertThat(StoreSnapshot.capture(store(), List.of(), run.runId())).isEqualTo(before);
    }

    @Test
    void logParam_sameKeySameValue_isNoOp() {
        RunInfo run = aRun();
        store().logBatch(run.runId(), params(Map.of("model", "cart")));

        store().logBatch(run.runId(), params(Map.of("model", "cart")));

        assertThat(store().findRun(run.runId()).orElseThrow().params()).isEqualTo(Map.of("model", "cart"));
    }

    @Test
    void logParam_sameValueAgainWithNewMetrics_writesTheMetrics() {
        RunInfo run = aRun();
        store().logBatch(run.runId(), params(Map.of("model", "cart")));

        store().logBatch(run.runId(), new LogBatch(Map.of("model", "cart"), List.of(metric("acc", 1, 0, T0)), null));

        assertThat(store().countMetricHistory(run.runId(), "acc")).isEqualTo(1);
    }

    @Test
    void logParam_sameKeyDifferentValue_throwsConflictNamingKeyAndBothValues() {
        RunInfo run = aRun();
        store().logBatch(run.runId(), params(Map.of("model", "cart")));

        assertThatThrownBy(() -> store().logBatch(run.runId(), params(Map.of("model", "forest"))))
                .isInstanceOf(ConflictException.class)
                .hasMessageContainingAll("model", "cart", "forest");
        assertThat(store().findRun(run.runId()).orElseThrow().params()).isEqualTo(Map.of("model", "cart"));
    }

    @Test
    void logParam_keysDifferingOnlyInCase_areDistinctParams() {
        RunInfo run = aRun();

        store().logBatch(run.runId(), params(Map.of("lr", "0.1", "LR", "0.2")));

        assertThat(store().findRun(run.runId()).orElseThrow().params()).isEqualTo(Map.of("lr", "0.1", "LR", "0.2"));
    }

    @Test
    void logBatch_withOneConflictingParam_writesNothing() {
        RunInfo run = aRun();
        store().logBatch(run.runId(), new LogBatch(Map.of("model", "cart"), List.of(metric("acc", 0.5, 0, T0)),
                Map.of("team", "risk")));
        StoreSnapshot before = StoreSnapshot.capture(store(), List.of("acc", "loss"), run.runId());
        LogBatch conflicting = new LogBatch(Map.of("depth", "3", "model", "forest", "seed", "42"),
                List.of(metric("acc", 0.9, 1, T0 + 1), metric("loss", 0.1, 1, T0 + 1)),
                Map.of("team", "growth", "new", "tag"));

        assertThatThrownBy(() -> store().logBatch(run.runId(), conflicting)).isInstanceOf(ConflictException.class);

        assertThat(StoreSnapshot.capture(store(), List.of("acc", "loss"), run.runId())).isEqualTo(before);
    }

    @Test
    void latestMetric_severalPoints_isTheGreatestByLatestOrder() {
        RunInfo run = aRun();
        // Each key: batches logged in this order, then the expected latest point (checked by hand, not computed).
        record Case(String key, List<List<Metric>> batches, Metric expected) {
        }
        List<Case> cases = List.of(
                new Case("step-beats-time", List.of(List.of(metric("step-beats-time", 5, 1, T0 + 100)),
                        List.of(metric("step-beats-time", 9, 0, T0 + 200))), metric("step-beats-time", 5, 1, T0 + 100)),
                new Case("time-beats-value", List.of(List.of(metric("time-beats-value", 1, 1, T0 + 200)),
                        List.of(metric("time-beats-value", 9, 1, T0 + 100))), metric("time-beats-value", 1, 1, T0 + 200)),
                new Case("value-breaks-tie", List.of(List.of(metric("value-breaks-tie", 1, 1, T0)),
                        List.of(metric("value-breaks-tie", 3, 1, T0), metric("value-breaks-tie", 2, 1, T0))),
                        metric("value-breaks-tie", 3, 1, T0)),
                new Case("nan-is-greatest", List.of(List.of(metric("nan-is-greatest", 1, 1, T0)),
                        List.of(metric("nan-is-greatest", Double.NaN, 1, T0)),
                        List.of(metric("nan-is-greatest", Double.POSITIVE_INFINITY, 1, T0))),
                        metric("nan-is-greatest", Double.NaN, 1, T0)),
                new Case("inf-beats-max", List.of(List.of(metric("inf-beats-max", Double.MAX_VALUE, 2, T0),
                        metric("inf-beats-max", Double.POSITIVE_INFINITY, 2, T0))),
                        metric("inf-beats-max", Double.POSITIVE_INFINITY, 2, T0)),
                new Case("negative-steps", List.of(List.of(metric("negative-steps", 1, -5, T0 + 300)),
                        List.of(metric("negative-steps", 2, -1, T0 + 100))), metric("negative-steps", 2, -1, T0 + 100)),
                new Case("unordered-batch", List.of(List.of(metric("unordered-batch", 1, 3, T0 + 1),
                        metric("unordered-batch", 2, 1, T0 + 9), metric("unordered-batch", 3, 2, T0 + 5))),
                        metric("unordered-batch", 1, 3, T0 + 1)),
                new Case("older-later", List.of(List.of(metric("older-later", 7, 10, T0)),
                        List.of(metric("older-later", 8, 9, T0 + 50_000))), metric("older-later", 7, 10, T0)),
                new Case("only-minus-inf", List.of(List.of(metric("only-minus-inf", Double.NEGATIVE_INFINITY, 0, T0))),
                        metric("only-minus-inf", Double.NEGATIVE_INFINITY, 0, T0)),
                new Case("same-point-twice", List.of(List.of(metric("same-point-twice", 4, 4, T0)),
                        List.of(metric("same-point-twice", 4, 4, T0))), metric("same-point-twice", 4, 4, T0)));
        for (Case c : cases) {
            c.batches().forEach(points -> store().logBatch(run.runId(), new LogBatch(null, points, null)));
        }

        // One map comparison reports every wrong key at once.
        Map<String, Metric> expected = new TreeMap<>();
        cases.forEach(c -> expected.put(c.key(), c.expected()));
        assertThat(new TreeMap<>(store().findRun(run.runId()).orElseThrow().latestMetrics())).isEqualTo(expected);
    }

    @Test
    void metrics_nanInfinitiesAndExtremes_roundTripExactly() {
        RunInfo run = aRun();
        double[] values = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MAX_VALUE,
            -Double.MAX_VALUE, Double.MIN_VALUE, Double.MIN_NORMAL, 1e-300, 0.1 + 0.2, 123456789.123456789, Math.PI};
        for (int i = 0; i < values.length; i++) {
            store().logBatch(run.runId(), metrics(metric("v" + i, values[i], i, T0 + i)));
        }
        store().logBatch(run.runId(), metrics(metric("steps", 1, Long.MAX_VALUE, 0), metric("steps", 2, Long.MIN_VALUE,
                4_102_444_800_000L)));

        Map<String, Metric> expectedLatest = new TreeMap<>();
        Map<String, List<Metric>> expectedHistory = new TreeMap<>();
        Map<String, List<Metric>> history = new TreeMap<>();
        for (int i = 0; i < values.length; i++) {
            Metric expected = metric("v" + i, values[i], i, T0 + i);
            expectedLatest.put("v" + i, expected);
            expectedHistory.put("v" + i, List.of(expected));
            history.put("v" + i, store().metricHistory(run.runId(), "v" + i, null, 10).points());
        }
        expectedLatest.put("steps", metric("steps", 1, Long.MAX_VALUE, 0));
        expectedHistory.put("steps", List.of(metric("steps", 2, Long.MIN_VALUE, 4_102_444_800_000L),
                metric("steps", 1, Long.MAX_VALUE, 0)));
        history.put("steps", store().metricHistory(run.runId(), "steps", null, 10).points());
        // One map comparison each reports every wrong value at once.
        assertThat(new TreeMap<>(store().findRun(run.runId()).orElseThrow().latestMetrics())).isEqualTo(expectedLatest);
        assertThat(history).isEqualTo(expectedHistory);
    }

    @Test
    void tags_setOverwriteAndDelete() {
        RunInfo run = aRun();
        store().logBatch(run.runId(), tags(Map.of("team", "risk", "stage", "dev", "note", "x")));
        store().logBatch(run.runId(), tags(Map.of("stage", "prod")));

        store().deleteTag(run.runId(), "note");
        store().deleteTag(run.runId(), "never-set");

        assertThat(store().findRun(run.runId()).orElseThrow().tags()).isEqualTo(Map.of("team", "risk", "stage", "prod"));
    }

    @Test
    void tags_deletedThenSetAgain_hasTheNewValue() {
        RunInfo run = aRun();
        store().logBatch(run.runId(), tags(Map.of("team", "risk")));
        store().deleteTag(run.runId(), "team");

        store().logBatch(run.runId(), tags(Map.of("team", "growth")));

        assertThat(store().findRun(run.runId()).orElseThrow().tags()).isEqualTo(Map.of("team", "growth"));
    }

    @Test
    void valuesAtTheDocumentedLimits_roundTrip() {
        RunInfo run = aRun();
        String longKey = "k".repeat(Limits.MAX_KEY_LENGTH - 4) + "/a:b";
        String paramValue = "é".repeat(Limits.MAX_PARAM_VALUE_LENGTH);
        String tagValue = "漢".repeat(Limits.MAX_TAG_VALUE_LENGTH);
        String unicode = "naïve — 🎯 \"quoted\" 'single' \\ % _ ; DROP TABLE runs; --";

        store().logBatch(run.runId(), new LogBatch(Map.of(longKey, paramValue, "unicode", unicode),
                List.of(metric(longKey, 1.5, 0, T0)), Map.of(longKey, tagValue, "empty", "")));

        RunRecord r = store().findRun(run.runId()).orElseThrow();
        assertThat(r.params()).isEqualTo(Map.of(longKey, paramValue, "unicode", unicode));
        assertThat(r.tags()).isEqualTo(Map.of(longKey, tagValue, "empty", ""));
        assertThat(r.latestMetrics()).containsOnlyKeys(longKey);
        assertThat(store().metricHistory(run.runId(), longKey, null, 10).points()).hasSize(1);
    }

    @Test
    void paramsMetricsAndTags_ofTwoRuns_doNotMix() {
        String exp = experiment("churn").id();
        RunInfo a = startRun(exp, "a");
        RunInfo b = startRun(exp, "b");

        store().logBatch(a.runId(), new LogBatch(Map.of("p", "a"), List.of(metric("m", 1, 0, T0)), Map.of("t", "a")));
        store().logBatch(b.runId(), new LogBatch(Map.of("p", "b"), List.of(metric("m", 2, 0, T0)), Map.of("t", "b")));

        RunRecord ra = store().findRun(a.runId()).orElseThrow();
        assertThat(ra.params()).isEqualTo(Map.of("p", "a"));
        assertThat(ra.tags()).isEqualTo(Map.of("t", "a"));
        assertThat(ra.metric("m")).hasValue(1.0);
        assertThat(store().metricHistory(b.runId(), "m", null, 10).points()).containsExactly(metric("m", 2, 0, T0));
    }
}
