package dev.mlops4j.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops4j.search.Attribute;
import dev.mlops4j.search.Field;
import dev.mlops4j.search.Filter;
import dev.mlops4j.search.Operator;
import dev.mlops4j.search.OrderBy;
import dev.mlops4j.search.SearchRequest;
import dev.mlops4j.tracking.RunPage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Ordering of search results over the {@link SearchFixture}. Per key, NaN and missing values form one group that
 * sorts last in either direction and is ordered within by the remaining keys; ties then break by start time
 * descending and run id ascending. Expected orders were worked out by hand from the fixture table.
 */
abstract class OrderingContract extends ContractBase {

    OrderingContract(MetadataStoreTck tck) {
        super(tck);
    }

    /**
     * One ordering and the full expected order of the main experiment's runs.
     *
     * @param orderBy the keys
     * @param expected run names in order
     */
    record OrderCase(List<OrderBy> orderBy, List<String> expected) {
        @Override
        public String toString() {
            return orderBy.isEmpty() ? "default order" : orderBy.toString();
        }
    }

    static List<OrderCase> cases() {
        return List.of(
                order(List.of(), "r15", "r14", "r13", "r12", "r11", "r10", "r09", "r08", "r07", "r06", "r05", "r04", "r03",
                        "r02", "r01"),
                order(List.of(desc(Field.metric("acc"))), "r05", "r11", "r01", "r08", "r02", "r14", "r12", "r03", "r09",
                        "r10", "r06", "r15", "r13", "r07", "r04"),
                order(List.of(asc(Field.metric("acc"))), "r06", "r10", "r09", "r03", "r12", "r14", "r08", "r02", "r11",
                        "r01", "r05", "r15", "r13", "r07", "r04"),
                order(List.of(asc(Field.param("model"))), "r05", "r14", "r11", "r02", "r01", "r06", "r15", "r04", "r03",
                        "r12", "r08", "r10", "r09", "r13", "r07"),
                order(List.of(desc(Field.param("model"))), "r10", "r09", "r08", "r12", "r15", "r04", "r03", "r06", "r14",
                        "r11", "r02", "r01", "r05", "r13", "r07"),
                order(List.of(asc(Field.tag("team"))), "r04", "r15", "r10", "r08", "r03", "r12", "r11", "r06", "r02", "r01",
                        "r09", "r14", "r13", "r07", "r05"),
                order(List.of(asc(attr(Attribute.END_TIME))), "r01", "r02", "r03", "r05", "r06", "r07", "r09", "r10",
                        "r11", "r12", "r14", "r15", "r13", "r08", "r04"),
                order(List.of(desc(attr(Attribute.END_TIME))), "r15", "r14", "r12", "r11", "r10", "r09", "r07", "r06",
                        "r05", "r03", "r02", "r01", "r13", "r08", "r04"),
                order(List.of(asc(attr(Attribute.RUN_NAME))), "r01", "r02", "r03", "r04", "r05", "r06", "r07", "r08", "r09",
                        "r10", "r11", "r12", "r13", "r14", "r15"),
                order(List.of(asc(attr(Attribute.STATUS)), desc(Field.metric("acc"))), "r03", "r10", "r11", "r01", "r02",
                        "r14", "r12", "r09", "r06", "r07", "r05", "r15", "r08", "r13", "r04"),
                order(List.of(asc(Field.metric("loss")), desc(Field.metric("acc"))), "r09", "r11", "r01", "r02", "r04",
                        "r05", "r07", "r08", "r10", "r14", "r12", "r03", "r06", "r15", "r13"),
                order(List.of(asc(attr(Attribute.USER))), "r06", "r14", "r11", "r08", "r07", "r02", "r01", "r15", "r12",
                        "r10", "r04", "r03", "r05", "r09", "r13"),
                order(List.of(asc(attr(Attribute.START_TIME))), "r01", "r02", "r03", "r04", "r05", "r06", "r07", "r08",
                        "r09", "r10", "r11", "r12", "r14", "r13", "r15"),
                order(List.of(asc(attr(Attribute.PARENT_RUN_ID))), "r03", "r02", "r10", "r15", "r14", "r13", "r12", "r11",
                        "r09", "r08", "r07", "r06", "r05", "r04", "r01"),
                order(List.of(desc(attr(Attribute.RUN_ID))), "r13", "r15", "r14", "r12", "r11", "r10", "r09", "r08", "r07",
                        "r06", "r05", "r04", "r03", "r02", "r01"),
                order(List.of(desc(Field.metric("val/acc"))), "r01", "r02", "r15", "r14", "r13", "r12", "r11", "r10",
                        "r09", "r08", "r07", "r06", "r05", "r04", "r03"));
    }

    @TestFactory
    Stream<DynamicTest> searchRuns_orderBy_ordersAsExpected() {
        SearchFixture f = SearchFixture.load(store());
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.toString(),
                () -> assertThat(f.search(f.request(false, null, c.orderBy())))
                        .as("order by %s", c.orderBy())
                        .containsExactlyElementsOf(c.expected())));
    }

    @Test
    void searchRuns_orderByWithFilter_ordersTheMatchesOnly() {
        SearchFixture f = SearchFixture.load(store());
        Filter finished = new Filter.Comparison(Field.attribute(Attribute.STATUS), Operator.EQ, "FINISHED");

        assertThat(f.search(f.request(false, finished, List.of(asc(Field.metric("acc"))))))
                .containsExactly("r06", "r09", "r12", "r14", "r02", "r11", "r01", "r07");
    }

    @Test
    void searchRuns_orderByAcrossExperiments_mergesTheRuns() {
        SearchFixture f = SearchFixture.load(store());
        Filter cart = new Filter.Comparison(Field.param("model"), Operator.EQ, "cart");

        assertThat(f.search(f.request(true, cart, List.of(desc(Field.metric("acc"))))))
                .containsExactly("o1", "r11", "r01", "r02", "r14");
    }

    /**
     * A filter on the metric the results are ordered by (which a store may answer by walking that metric's index in
     * order) gives the unfiltered order restricted to the matches, on one page and page by page; with ties (several
     * runs at 0.99 and 0.95), infinities, NaN and missing values in the fixture, and with a second key, an extra
     * param condition and a NOT.
     */
    @TestFactory
    Stream<DynamicTest> searchRuns_filterOnTheOrderedMetric_isTheOrderRestrictedToTheMatches() {
        SearchFixture f = SearchFixture.load(store());
        Field acc = Field.metric("acc");
        List<Filter> filters = new ArrayList<>();
        for (Operator op : List.of(Operator.GT, Operator.GE, Operator.LT, Operator.LE, Operator.EQ, Operator.NE)) {
            for (double v : new double[] {0.9, 0.99, -1e300, Double.POSITIVE_INFINITY}) {
                filters.add(new Filter.Comparison(acc, op, v));
            }
        }
        Filter cart = new Filter.Comparison(Field.param("model"), Operator.EQ, "cart");
        filters.add(new Filter.And(List.of(new Filter.Comparison(acc, Operator.GE, 0.5), cart)));
        filters.add(new Filter.And(List.of(new Filter.Comparison(acc, Operator.GT, 0.0),
                new Filter.Not(cart), new Filter.Comparison(Field.metric("loss"), Operator.LT, 1.0))));
        List<List<OrderBy>> orders = List.of(List.of(asc(acc)), List.of(desc(acc)),
                List.of(desc(acc), asc(Field.metric("loss"))), List.of(asc(acc), desc(attr(Attribute.RUN_NAME))));
        List<DynamicTest> tests = new ArrayList<>();
        for (Filter filter : filters) {
            for (List<OrderBy> orderBy : orders) {
                tests.add(DynamicTest.dynamicTest(filter + " order by " + orderBy, () -> {
                    Set<String> matches = new HashSet<>(f.search(f.request(false, filter, List.of())));
                    List<String> expected = f.search(f.request(false, null, orderBy)).stream()
                            .filter(matches::contains).toList();

                    assertThat(f.search(f.request(false, filter, orderBy))).containsExactlyElementsOf(expected);
                    assertThat(pageByPage(f, filter, orderBy, 2)).containsExactlyElementsOf(expected);
                }));
            }
        }
        return tests.stream();
    }

    private List<String> pageByPage(SearchFixture f, Filter filter, List<OrderBy> orderBy, int pageSize) {
        List<String> experiments = f.request(false, null, List.of()).experimentIds();
        List<String> names = new ArrayList<>();
        String token = null;
        do {
            RunPage page = store().searchRuns(new SearchRequest(experiments, filter, orderBy, pageSize, token));
            names.addAll(f.names(page.runs()));
            token = page.nextPageToken();
        } while (token != null);
        return names;
    }

    private static OrderCase order(List<OrderBy> orderBy, String... expected) {
        return new OrderCase(orderBy, List.of(expected));
    }

    private static OrderBy asc(Field field) {
        return new OrderBy(field, true);
    }

    private static OrderBy desc(Field field) {
        return new OrderBy(field, false);
    }

    private static Field attr(Attribute attribute) {
        return Field.attribute(attribute);
    }
}
