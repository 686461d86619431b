package dev.mlops4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.NotFoundException;
import dev.mlops4j.search.SearchRequest;
import dev.mlops4j.spi.PageTokens;
import dev.mlops4j.tracking.LogBatch;
import dev.mlops4j.tracking.Metric;
import dev.mlops4j.tracking.MetricPage;
import dev.mlops4j.tracking.RunInfo;
import dev.mlops4j.tracking.RunStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Metric histories: full, ordered by (step, timestamp, insertion), paged with tokens. */
abstract class MetricHistoryContract extends ContractBase {

    MetricHistoryContract(MetadataStoreTck tck) {
        super(tck);
    }

    /** Logs points out of order, with ties on (step, timestamp) that only insertion order separates. */
    private RunInfo runWithScrambledHistory() {
        RunInfo run = aRun();
        store().logBatch(run.runId(), metrics(metric("m", 1.0, 2, T0 + 10), metric("m", 2.0, 1, T0 + 20)));
        store().logBatch(run.runId(), metrics(metric("m", 3.0, 1, T0 + 10), metric("m", 4.0, 1, T0 + 20)));
        store().logBatch(run.runId(), metrics(metric("m", 5.0, 0, T0 + 99), metric("m", Double.NaN, 1, T0 + 10),
                metric("other", 0, 0, T0)));
        store().logBatch(run.runId(), metrics(metric("m", -1.0, 1, T0 + 20)));
        return run;
    }

    private static final List<Metric> SCRAMBLED_IN_ORDER = List.of(metric("m", 5.0, 0, T0 + 99),
            metric("m", 3.0, 1, T0 + 10), metric("m", Double.NaN, 1, T0 + 10), metric("m", 2.0, 1, T0 + 20),
            metric("m", 4.0, 1, T0 + 20), metric("m", -1.0, 1, T0 + 20), metric("m", 1.0, 2, T0 + 10));

    @Test
    void metricHistory_scrambledPoints_orderedByStepTimestampThenInsertion() {
        RunInfo run = runWithScrambledHistory();

        MetricPage page = store().metricHistory(run.runId(), "m", null, 100);

        assertThat(page.points()).containsExactlyElementsOf(SCRAMBLED_IN_ORDER);
        assertThat(page.nextPageToken()).isNull();
        assertThat(store().countMetricHistory(run.runId(), "m")).isEqualTo(SCRAMBLED_IN_ORDER.size());
    }

    @Test
    void metricHistory_identicalPointLoggedTwice_keepsBoth() {
        RunInfo run = aRun();
        store().logBatch(run.runId(), metrics(metric("m", 0.5, 1, T0)));
        store().logBatch(run.runId(), metrics(metric("m", 0.5, 1, T0), metric("m", 0.5, 1, T0)));

        assertThat(store().metricHistory(run.runId(), "m", null, 10).points()).hasSize(3);
        assertThat(store().countMetricHistory(run.runId(), "m")).isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 6, 7, 8})
    void metricHistory_smallPages_walkTheWholeHistoryOnce(int pageSize) {
        RunInfo run = runWithScrambledHistory();

        List<Metric> walked = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            MetricPage page = store().metricHistory(run.runId(), "m", token, pageSize);
            assertThat(page.points().size()).as("page size").isLessThanOrEqualTo(pageSize);
            if (page.points().size() < pageSize) {
                assertThat(page.nextPageToken()).as("token of a partial page").isNull();
            }
            walked.addAll(page.points());
            token = page.nextPageToken();
            assertThat(++pages).as("pages walked").isLessThanOrEqualTo(SCRAMBLED_IN_ORDER.size() + 1);
        } while (token != null);

        assertThat(walked).containsExactlyElementsOf(SCRAMBLED_IN_ORDER);
    }

    @Test
    void metricHistory_longHistory_pagesOfAThousand() {
        RunInfo run = aRun();
        List<Metric> all = new ArrayList<>();
        for (int batch = 0; batch < 3; batch++) {
            List<Metric> points = new ArrayList<>();
            for (int i = 0; i < 800; i++) {
                points.add(metric("loss", 1.0 / (batch * 800 + i + 1), batch * 800L + i, T0 + i));
            }
            store().logBatch(run.runId(), new LogBatch(null, points, null));
            all.addAll(points);
        }

        MetricPage first = store().metricHistory(run.runId(), "loss", null, 1000);
        MetricPage second = store().metricHistory(run.runId(), "loss", first.nextPageToken(), 1000);
        MetricPage third = store().metricHistory(run.runId(), "loss", second.nextPageToken(), 1000);

        assertThat(first.points()).containsExactlyElementsOf(all.subList(0, 1000));
        assertThat(second.points()).containsExactlyElementsOf(all.subList(1000, 2000));
        assertThat(third.points()).containsExactlyElementsOf(all.subList(2000, 2400));
        assertThat(third.nextPageToken()).isNull();
        assertThat(store().countMetricHistory(run.runId(), "loss")).isEqualTo(2400);
    }

    @Test
    void metricHistory_sameTokenTwice_returnsTheSamePage() {
        RunInfo run = runWithScrambledHistory();
        String token = store().metricHistory(run.runId(), "m", null, 3).nextPageToken();

        assertThat(store().metricHistory(run.runId(), "m", token, 3))
                .isEqualTo(store().metricHistory(run.runId(), "m", token, 3));
    }

    @Test
    void metricHistory_invalidOrForeignToken_throwsInvalidInput() {
        RunInfo run = runWithScrambledHistory();
        RunInfo otherRun = startRun(run.experimentId(), "other run");
        store().logBatch(otherRun.runId(), metrics(metric("m", 1, 0, T0), metric("m", 2, 1, T0)));
        String otherKeyToken = PageTokens.encode(1, run.runId() + "/other");
        String otherRunToken = store().metricHistory(otherRun.runId(), "m", null, 1).nextPageToken();
        String searchToken = PageTokens.encode(1, new SearchRequest(List.of(run.experimentId()), null, List.of(), 1,
                null).queryFingerprint());

        for (String bad : new String[] {"garbage!", "", "cDE6MTpm", otherKeyToken, otherRunToken, searchToken}) {
            assertThatThrownBy(() -> store().metricHistory(run.runId(), "m", bad, 3))
                    .as("token %s", bad).isInstanceOf(InvalidInputException.class);
        }
    }

    @Test
    void metricHistory_neverLoggedKey_isEmpty() {
        RunInfo run = runWithScrambledHistory();

        MetricPage page = store().metricHistory(run.runId(), "never", null, 10);

        assertThat(page.points()).isEmpty();
        assertThat(page.nextPageToken()).isNull();
        assertThat(store().countMetricHistory(run.runId(), "never")).isZero();
        assertThat(store().countMetricHistory(run.runId(), "M")).isZero();
    }

    @Test
    void metricHistory_unknownRun_throwsNotFound() {
        aRun();

        assertThatThrownBy(() -> store().metricHistory(newRunId(), "m", null, 10)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void metricHistory_endedRun_isStillReadable() {
        RunInfo run = runWithScrambledHistory();
        store().endRun(run.runId(), RunStatus.FINISHED, at(T0 + 1_000), Map.of());

        assertThat(store().metricHistory(run.runId(), "m", null, 100).points())
                .containsExactlyElementsOf(SCRAMBLED_IN_ORDER);
    }

    @Test
    void metricHistory_keysAndRuns_areSeparate() {
        RunInfo run = runWithScrambledHistory();
        RunInfo other = startRun(run.experimentId(), "other");
        store().logBatch(other.runId(), metrics(metric("m", 42, 0, T0)));

        assertThat(store().metricHistory(run.runId(), "other", null, 10).points())
                .containsExactly(metric("other", 0, 0, T0));
        assertThat(store().metricHistory(other.runId(), "m", null, 10).points()).containsExactly(metric("m", 42, 0, T0));
    }
}
