package dev.mlops4j.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops4j.search.Filter;
import dev.mlops4j.tck.FilterCases.FilterCase;
import dev.mlops4j.tracking.RunRecord;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Run search filters. The filter table runs as dynamic tests of one factory so that the fixture is written once
 * per table rather than once per row (writing it takes most of the time with a durable store).
 */
abstract class SearchContract extends ContractBase {

    SearchContract(MetadataStoreTck tck) {
        super(tck);
    }

    @TestFactory
    Stream<DynamicTest> searchRuns_filterTrees_matchTheExpectedRuns() {
        SearchFixture f = SearchFixture.load(store());
        return FilterCases.all(f).stream().map(c -> DynamicTest.dynamicTest(c.toString(),
                () -> assertThat(f.search(f.request(c.bothExperiments(), c.filter(), List.of())))
                        .as("runs matching %s", c.filter())
                        .containsExactlyInAnyOrderElementsOf(c.expected())));
    }

    @TestFactory
    Stream<DynamicTest> searchRuns_parsedFilters_matchTheExpectedRuns() {
        try {
            Filter.parse("metrics.acc > 0");
        } catch (UnsupportedOperationException e) {
            Assumptions.abort("skipped: Filter.parse is not implemented in this mlops-api (" + e.getMessage() + ")");
        }
        SearchFixture f = SearchFixture.load(store());
        return FilterCases.all(f).stream().filter(c -> c.text() != null).map(c -> DynamicTest.dynamicTest(c.text(),
                () -> assertThat(f.search(f.request(c.bothExperiments(), Filter.parse(c.text()), List.of())))
                        .as("runs matching %s", c.text())
                        .containsExactlyInAnyOrderElementsOf(c.expected())));
    }

    @Test
    void searchRuns_noFilter_returnsEveryRunOfTheExperimentsInDefaultOrder() {
        SearchFixture f = SearchFixture.load(store());

        assertThat(f.search(f.request(false, null, List.of()))).containsExactlyElementsOf(SearchFixture.defaultOrder());
        assertThat(f.search(f.request(true, null, List.of()))).hasSize(17).contains("o1", "o2");
        assertThat(store().searchRuns(new dev.mlops4j.search.SearchRequest(List.of(f.other.id()), null, List.of(), 10,
                null)).runs()).extracting(r -> f.name(r.runId())).containsExactly("o2", "o1");
    }

    @Test
    void searchRuns_results_areCompleteRecords() {
        SearchFixture f = SearchFixture.load(store());

        List<RunRecord> found = store().searchRuns(f.request(true, null, List.of())).runs();

        assertThat(found).hasSize(17);
        for (RunRecord r : found) {
            assertThat(r).as("search result for %s", f.name(r.runId())).isEqualTo(store().findRun(r.runId()).orElseThrow());
        }
    }
}
