package dev.mlops4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.search.Attribute;
import dev.mlops4j.search.Field;
import dev.mlops4j.search.Filter;
import dev.mlops4j.search.Operator;
import dev.mlops4j.search.OrderBy;
import dev.mlops4j.search.SearchRequest;
import dev.mlops4j.spi.PageTokens;
import dev.mlops4j.tracking.RunPage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Paging of search results: every result exactly once, in order, with tokens checked against their query. */
abstract class PagingContract extends ContractBase {

    PagingContract(MetadataStoreTck tck) {
        super(tck);
    }

    private static final List<List<OrderBy>> ORDERINGS = List.of(List.of(),
            List.of(new OrderBy(Field.metric("acc"), false)),
            List.of(new OrderBy(Field.param("model"), true), new OrderBy(Field.metric("acc"), false)),
            List.of(new OrderBy(Field.attribute(Attribute.END_TIME), true)));

    private static final Filter HAS_TEAM = new Filter.IsNull(Field.tag("team"), true);

    @TestFactory
    Stream<DynamicTest> searchRuns_walkingSmallPages_yieldsEveryRunOnceInOrder() {
        SearchFixture f = SearchFixture.load(store());
        List<DynamicTest> tests = new ArrayList<>();
        for (List<OrderBy> orderBy : ORDERINGS) {
            for (Filter filter : new Filter[] {null, HAS_TEAM}) {
                for (boolean both : new boolean[] {false, true}) {
                    List<String> all = f.search(f.request(both, filter, orderBy));
                    for (int pageSize : new int[] {1, 2, 4, 5, 7, all.size(), all.size() + 1}) {
                        String name = "pages of " + pageSize + ", order " + orderBy + ", filter " + filter
                                + (both ? ", two experiments" : "");
                        tests.add(DynamicTest.dynamicTest(name, () -> assertThat(walk(f, both, filter, orderBy, pageSize))
                                .containsExactlyElementsOf(all)));
                    }
                }
            }
        }
        return tests.stream();
    }

    private List<String> walk(SearchFixture f, boolean both, Filter filter, List<OrderBy> orderBy, int pageSize) {
        SearchRequest first = f.request(both, filter, orderBy);
        List<String> walked = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            RunPage page = store().searchRuns(new SearchRequest(first.experimentIds(), filter, orderBy, pageSize, token));
            assertThat(page.runs().size()).as("runs on a page of %d", pageSize).isLessThanOrEqualTo(pageSize);
            if (page.runs().size() < pageSize) {
                assertThat(page.nextPageToken()).as("token after a partial page").isNull();
            }
            walked.addAll(f.names(page.runs()));
            token = page.nextPageToken();
            assertThat(++pages).as("pages walked").isLessThanOrEqualTo(20);
        } while (token != null);
        return walked;
    }

    @Test
    void searchRuns_sameTokenTwice_returnsTheSamePage() {
        SearchFixture f = SearchFixture.load(store());
        SearchRequest first = new SearchRequest(List.of(f.main.id()), null, List.of(), 4, null);
        String token = store().searchRuns(first).nextPageToken();
        SearchRequest second = new SearchRequest(List.of(f.main.id()), null, List.of(), 4, token);

        RunPage once = store().searchRuns(second);
        RunPage twice = store().searchRuns(second);

        assertThat(f.names(twice.runs())).containsExactlyElementsOf(f.names(once.runs()))
                .containsExactlyElementsOf(SearchFixture.defaultOrder().subList(4, 8));
    }

    @Test
    void searchRuns_tokenPastTheEnd_returnsAnEmptyLastPage() {
        SearchFixture f = SearchFixture.load(store());
        SearchRequest query = new SearchRequest(List.of(f.main.id()), HAS_TEAM, List.of(), 5, null);
        String pastTheEnd = PageTokens.encode(1_000, query.queryFingerprint());

        RunPage page = store().searchRuns(new SearchRequest(query.experimentIds(), HAS_TEAM, List.of(), 5, pastTheEnd));

        assertThat(page.runs()).isEmpty();
        assertThat(page.nextPageToken()).isNull();
    }

    @Test
    void searchRuns_invalidOrForeignToken_throwsInvalidInput() {
        SearchFixture f = SearchFixture.load(store());
        List<String> exp = List.of(f.main.id());
        Filter other = new Filter.Comparison(Field.param("model"), Operator.EQ, "cart");
        String otherFilterToken = store().searchRuns(new SearchRequest(exp, other, List.of(), 1, null)).nextPageToken();
        String otherOrderToken = store().searchRuns(new SearchRequest(exp, null,
                List.of(new OrderBy(Field.metric("acc"), true)), 1, null)).nextPageToken();
        String otherExperimentsToken = store().searchRuns(new SearchRequest(List.of(f.main.id(), f.other.id()), null,
                List.of(), 1, null)).nextPageToken();
        String historyToken = PageTokens.encode(1, f.id("r01") + "/acc");
        String negative = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("p1:-5:" + new SearchRequest(exp, null, List.of(), 1, null).queryFingerprint())
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(otherFilterToken).isNotNull();
        assertThat(otherOrderToken).isNotNull();
        assertThat(otherExperimentsToken).isNotNull();

        for (String bad : new String[] {"not a token", "", "%%%", otherFilterToken, otherOrderToken,
            otherExperimentsToken, historyToken, negative}) {
            assertThatThrownBy(() -> store().searchRuns(new SearchRequest(exp, null, List.of(), 1, bad)))
                    .as("token %s", bad).isInstanceOf(InvalidInputException.class);
        }
    }
}
