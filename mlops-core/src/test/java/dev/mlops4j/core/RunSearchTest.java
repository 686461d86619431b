package dev.mlops4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops4j.Experiment;
import dev.mlops4j.FilterSyntaxException;
import dev.mlops4j.InvalidInputException;
import dev.mlops4j.Mlops;
import dev.mlops4j.NotFoundException;
import dev.mlops4j.Run;
import dev.mlops4j.RunQuery;
import dev.mlops4j.tracking.RunPage;
import dev.mlops4j.tracking.RunRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RunSearchTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2024-01-01T00:00:00Z"));
    private final Mlops mlops = Mlops.builder().inMemory().clock(clock).build();
    /** Run ids of "churn" in start order: run i has accuracy i/10, model cart for even i, forest for odd i. */
    private final List<String> churn = new ArrayList<>();

    @BeforeEach
    void logRuns() {
        Experiment e = mlops.experiment("churn");
        for (int i = 0; i < 10; i++) {
            clock.advance(Duration.ofSeconds(1));
            try (Run run = e.startRun("run-" + i)) {
                run.logParam("model", i % 2 == 0 ? "cart" : "forest").logMetric("accuracy", i / 10.0);
                churn.add(run.id());
            }
        }
        clock.advance(Duration.ofSeconds(1));
        mlops.experiment("other").startRun("other-run").close();
    }

    @AfterEach
    void close() {
        mlops.close();
    }

    private static List<String> ids(List<RunRecord> runs) {
        return runs.stream().map(RunRecord::runId).toList();
    }

    @Test
    void search_noFilter_returnsExperimentRunsNewestFirst() {
        List<String> expected = new ArrayList<>(churn);
        java.util.Collections.reverse(expected);

        assertThat(ids(mlops.runs().search("churn").list())).isEqualTo(expected);
    }

    @Test
    void filter_calledTwice_combinesWithAnd() {
        List<RunRecord> runs = mlops.runs().search("churn").filter("metrics.accuracy >= 0.5")
                .filter("params.model = 'cart'").orderBy("metrics.accuracy ASC").list();

        assertThat(ids(runs)).containsExactly(churn.get(6), churn.get(8));
    }

    @Test
    void refinements_returnNewQueriesLeavingOriginalUnchanged() {
        RunQuery all = mlops.runs().search("churn");
        RunQuery filtered = all.filter("params.model = 'forest'");
        RunQuery limited = all.limit(2);

        assertThat(all.list()).hasSize(10);
        assertThat(filtered.list()).hasSize(5);
        assertThat(limited.list()).hasSize(2);
    }

    @Test
    void orderBy_metricDesc_ordersByValue() {
        assertThat(mlops.runs().search("churn").orderBy("metrics.accuracy DESC").first())
                .map(RunRecord::runId).contains(churn.get(9));
    }

    @Test
    void page_withToken_walksAllResultsOnce() {
        RunQuery query = mlops.runs().search("churn").orderBy("metrics.accuracy").limit(4);
        List<String> seen = new ArrayList<>();
        RunPage page = query.page();
        seen.addAll(ids(page.runs()));
        while (page.nextPageToken() != null) {
            page = query.pageToken(page.nextPageToken()).page();
            seen.addAll(ids(page.runs()));
        }

        assertThat(seen).isEqualTo(churn);
    }

    @Test
    void stream_smallPages_returnsEveryRunInOrder() {
        assertThat(ids(mlops.runs().search("churn").orderBy("metrics.accuracy").limit(3).stream().toList()))
                .isEqualTo(churn);
    }

    @Test
    void stream_shortCircuited_readsOnlyWhatItNeeds() {
        assertThat(mlops.runs().search("churn").orderBy("metrics.accuracy").limit(2).stream().limit(3)
                .map(RunRecord::runId).toList()).isEqualTo(churn.subList(0, 3));
    }

    @Test
    void search_defaultLimit_is100() {
        Experiment big = mlops.experiment("big");
        for (int i = 0; i < 105; i++) {
            big.startRun().close();
        }

        RunPage page = mlops.runs().search("big").page();
        assertThat(page.runs()).hasSize(100);
        assertThat(page.nextPageToken()).isNotNull();
        assertThat(mlops.runs().search("big").stream().count()).isEqualTo(105);
    }

    @Test
    void search_severalExperiments_searchesTheirUnion() {
        assertThat(mlops.runs().search("churn", "other").list()).hasSize(11);
        assertThat(mlops.runs().searchAll().list()).hasSize(11);
        assertThat(mlops.experiment("other").searchRuns().list()).singleElement()
                .satisfies(r -> assertThat(r.info().runName()).isEqualTo("other-run"));
    }

    @Test
    void search_unknownExperiment_throwsNotFoundNamingIt() {
        assertThatThrownBy(() -> mlops.runs().search("churn", "nope")).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("'nope'").hasMessageContaining("'churn'");
        assertThatThrownBy(() -> mlops.runs().search()).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void filter_malformed_throwsFilterSyntaxWithColumn() {
        assertThatThrownBy(() -> mlops.runs().search("churn").filter("metrics.accuracy >"))
                .isInstanceOf(FilterSyntaxException.class);
        assertThatThrownBy(() -> mlops.runs().search("churn").orderBy("metrics.accuracy SIDEWAYS"))
                .isInstanceOf(FilterSyntaxException.class);
    }

    @Test
    void limit_outOfRange_throwsInvalidInput() {
        assertThatThrownBy(() -> mlops.runs().search("churn").limit(0)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> mlops.runs().search("churn").limit(50_001)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void pageToken_fromAnotherQuery_throwsInvalidInput() {
        String token = mlops.runs().search("churn").limit(2).page().nextPageToken();

        assertThatThrownBy(() -> mlops.runs().search("churn").filter("params.model = 'cart'").limit(2)
                .pageToken(token).page()).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void searchAll_noExperiments_isEmpty() {
        try (Mlops empty = Mlops.inMemory()) {
            assertThat(empty.runs().searchAll().list()).isEmpty();
            assertThat(empty.runs().searchAll().stream()).isEmpty();
        }
    }

    @Test
    void metricHistory_paging_walksEveryPointOnce() {
        Run run = mlops.experiment("h").startRun();
        for (int i = 0; i < 25; i++) {
            run.logMetric("loss", 1.0 / (i + 1), i);
        }
        run.close();
        var history = mlops.runs().metricHistory(run.id(), "loss");
        List<Long> steps = new ArrayList<>();
        String token = null;
        do {
            var page = history.page(token, 10);
            page.points().forEach(p -> steps.add(p.step()));
            token = page.nextPageToken();
        } while (token != null);

        assertThat(steps).containsExactlyElementsOf(java.util.stream.LongStream.range(0, 25).boxed().toList());
        assertThat(history.count()).isEqualTo(25);
        assertThat(history.downsample(6)).hasSizeLessThanOrEqualTo(6).first()
                .satisfies(m -> assertThat(m.step()).isZero());
        assertThatThrownBy(() -> history.downsample(3)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> history.page(null, 0)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void metricHistory_downsampleOverSeveralReadPages_keepsFirstLastAndSpikes() {
        Run run = mlops.experiment("long").startRun();
        int points = 25_000; // more than two of the engine's 10,000-point read pages
        for (int batch = 0; batch < points / 1000; batch++) {
            dev.mlops4j.tracking.LogBatch.Builder b = dev.mlops4j.tracking.LogBatch.builder();
            for (int i = batch * 1000; i < (batch + 1) * 1000; i++) {
                double value = i == 12_345 ? 1e9 : i == 20_001 ? -1e9 : Math.sin(i / 100.0);
                b.metric("signal", value, i);
            }
            run.log(b.build());
        }
        run.close();
        var history = mlops.runs().metricHistory(run.id(), "signal");

        List<dev.mlops4j.tracking.Metric> sampled = history.downsample(200);

        assertThat(sampled).hasSizeLessThanOrEqualTo(200).hasSizeGreaterThan(100);
        assertThat(sampled).extracting(dev.mlops4j.tracking.Metric::step).isSorted().doesNotHaveDuplicates()
                .startsWith(0L).endsWith((long) points - 1).contains(12_345L, 20_001L);
        assertThat(sampled).extracting(dev.mlops4j.tracking.Metric::value).contains(1e9, -1e9);
    }
}
