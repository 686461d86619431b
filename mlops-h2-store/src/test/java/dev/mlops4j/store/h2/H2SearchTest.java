package dev.mlops4j.store.h2;

import static dev.mlops4j.store.h2.Fixtures.T0;
import static dev.mlops4j.store.h2.Fixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.search.Attribute;
import dev.mlops4j.search.Field;
import dev.mlops4j.search.Filter;
import dev.mlops4j.search.Operator;
import dev.mlops4j.search.OrderBy;
import dev.mlops4j.search.SearchRequest;
import dev.mlops4j.spi.MetadataStore;
import dev.mlops4j.tracking.LogBatch;
import dev.mlops4j.tracking.Metric;
import dev.mlops4j.tracking.RunInfo;
import dev.mlops4j.tracking.RunPage;
import dev.mlops4j.tracking.RunRecord;
import dev.mlops4j.tracking.RunStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Search executed as SQL by H2, against hand-built filter trees over a small fixture that has every awkward
 * case: NaN and infinite metrics, missing keys, case differences, wildcards in values, null attributes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class H2SearchTest {
    @TempDir
    static Path home;
    private MetadataStore store;
    private String exp;
    private final Map<String, RunInfo> runs = new HashMap<>();

    @BeforeAll
    void fixture() {
        store = H2MetadataStore.open(home);
        exp = Fixtures.experiment(store, "search");
        run("alpha", T0 + 1, null, Map.of("acc", 0.95, "loss", 0.1), Map.of("model", "cart", "lr", "0.1"),
                Map.of("team", "risk"), RunStatus.FINISHED, T0 + 100);
        run("beta", T0 + 2, null, Map.of("acc", 0.80), Map.of("model", "forest", "we'ird key", "it's"),
                Map.of("team", "Risk"), null, 0);
        run("gamma", T0 + 3, null, Map.of("acc", Double.NaN), Map.of("model", "cart"), Map.of(), RunStatus.FAILED,
                T0 + 300);
        run("delta_1%", T0 + 4, "alpha", Map.of("loss", Double.POSITIVE_INFINITY), Map.of("model", "c_rt"),
                Map.of("team", "r%sk"), null, 0);
        run("Epsilon", T0 + 4, null, Map.of("acc", Double.NEGATIVE_INFINITY), Map.of("model", "CART"), Map.of(), null, 0);
        String other = Fixtures.experiment(store, "other");
        RunInfo elsewhere = Fixtures.startRun(store, other, "elsewhere");
        store.logBatch(elsewhere.runId(), Fixtures.metrics(new Metric("acc", 0.99, 0, at(T0))));
    }

    @AfterAll
    void close() {
        store.close();
    }

    private void run(String name, long start, String parent, Map<String, Double> metrics, Map<String, String> params,
                     Map<String, String> tags, RunStatus end, long endTime) {
        RunInfo info = Fixtures.runInfo(exp, name, start, parent == null ? null : runs.get(parent).runId(), null);
        store.createRun(info, Map.of());
        List<Metric> points = new ArrayList<>();
        metrics.forEach((k, v) -> points.add(new Metric(k, v, 0, at(T0))));
        store.logBatch(info.runId(), new LogBatch(params, points, tags));
        runs.put(name, end == null ? info : store.endRun(info.runId(), end, at(endTime), Map.of()));
    }

    // ---------------------------------------------------------------- filter construction helpers

    private static Filter cmp(Field field, Operator op, Object value) {
        return new Filter.Comparison(field, op, value);
    }

    private static Filter metric(String key, Operator op, double value) {
        return cmp(Field.metric(key), op, value);
    }

    private static Filter param(String key, Operator op, String value) {
        return cmp(Field.param(key), op, value);
    }

    private static Filter tag(String key, Operator op, String value) {
        return cmp(Field.tag(key), op, value);
    }

    private static Filter attr(Attribute a, Operator op, Object value) {
        return cmp(Field.attribute(a), op, value);
    }

    private static Filter not(Filter f) {
        return new Filter.Not(f);
    }

    private static Filter and(Filter... f) {
        return new Filter.And(List.of(f));
    }

    private static Filter or(Filter... f) {
        return new Filter.Or(List.of(f));
    }

    private static Filter in(Field field, boolean negated, String... values) {
        return new Filter.In(field, List.of(values), negated);
    }

    private static Filter isNull(Field field, boolean negated) {
        return new Filter.IsNull(field, negated);
    }

    static Stream<Arguments> filters() {
        return Stream.of(
                Arguments.of(metric("acc", Operator.GT, 0.9), names("alpha")),
                Arguments.of(metric("acc", Operator.GE, Double.NEGATIVE_INFINITY), names("alpha", "beta", "Epsilon")),
                Arguments.of(metric("acc", Operator.NE, 0.8), names("alpha", "gamma", "Epsilon")),
                Arguments.of(not(metric("acc", Operator.GT, 0.9)), names("beta", "gamma", "delta_1%", "Epsilon")),
                Arguments.of(metric("acc", Operator.LE, 0.8), names("beta", "Epsilon")),
                Arguments.of(metric("acc", Operator.EQ, Double.NaN), names()),
                Arguments.of(metric("acc", Operator.GE, Double.NaN), names()),
                Arguments.of(metric("acc", Operator.NE, Double.NaN), names("alpha", "beta", "gamma", "Epsilon")),
                Arguments.of(metric("loss", Operator.GT, 1e308), names("delta_1%")),
                Arguments.of(metric("loss", Operator.GT, Double.POSITIVE_INFINITY), names()),
                Arguments.of(metric("loss", Operator.EQ, Double.POSITIVE_INFINITY), names("delta_1%")),
                Arguments.of(isNull(Field.metric("acc"), false), names("delta_1%")),
                Arguments.of(isNull(Field.metric("acc"), true), names("alpha", "beta", "gamma", "Epsilon")),
                Arguments.of(param("model", Operator.EQ, "cart"), names("alpha", "gamma")),
                Arguments.of(param("model", Operator.NE, "cart"), names("beta", "delta_1%", "Epsilon")),
                Arguments.of(param("model", Operator.LIKE, "c_rt"), names("alpha", "gamma", "delta_1%")),
                Arguments.of(param("model", Operator.LIKE, "c\\_rt"), names("delta_1%")),
                Arguments.of(param("model", Operator.LIKE, "%"), names("alpha", "beta", "gamma", "delta_1%", "Epsilon")),
                Arguments.of(param("model", Operator.ILIKE, "CART"), names("alpha", "gamma", "Epsilon")),
                Arguments.of(param("model", Operator.ILIKE, "c_rt"), names("alpha", "gamma", "delta_1%", "Epsilon")),
                Arguments.of(in(Field.param("model"), false, "cart", "forest"), names("alpha", "beta", "gamma")),
                Arguments.of(in(Field.param("model"), true, "cart"), names("beta", "delta_1%", "Epsilon")),
                Arguments.of(in(Field.param("lr"), true, "0.2"), names("alpha")),
                Arguments.of(isNull(Field.param("lr"), false), names("beta", "gamma", "delta_1%", "Epsilon")),
                Arguments.of(isNull(Field.param("lr"), true), names("alpha")),
                Arguments.of(not(param("lr", Operator.EQ, "0.1")), names("beta", "gamma", "delta_1%", "Epsilon")),
                Arguments.of(param("lr", Operator.NE, "0.2"), names("alpha")),
                Arguments.of(param("model", Operator.EQ, "cart' OR '1'='1"), names()),
                Arguments.of(param("we'ird key", Operator.EQ, "it's"), names("beta")),
                Arguments.of(tag("team", Operator.EQ, "risk"), names("alpha")),
                Arguments.of(tag("team", Operator.ILIKE, "risk"), names("alpha", "beta")),
                Arguments.of(tag("team", Operator.LIKE, "r\\%sk"), names("delta_1%")),
                Arguments.of(tag("team", Operator.LIKE, "r%sk"), names("alpha", "delta_1%")),
                Arguments.of(attr(Attribute.STATUS, Operator.EQ, "RUNNING"), names("beta", "delta_1%", "Epsilon")),
                Arguments.of(in(Field.attribute(Attribute.STATUS), false, "FINISHED", "FAILED"), names("alpha", "gamma")),
                Arguments.of(attr(Attribute.END_TIME, Operator.GT, (double) T0), names("alpha", "gamma")),
                Arguments.of(attr(Attribute.END_TIME, Operator.NE, 0.5), names("alpha", "gamma")),
                Arguments.of(not(attr(Attribute.END_TIME, Operator.GT, T0 + 150.0)),
                        names("alpha", "beta", "delta_1%", "Epsilon")),
                Arguments.of(isNull(Field.attribute(Attribute.END_TIME), false), names("beta", "delta_1%", "Epsilon")),
                Arguments.of(attr(Attribute.START_TIME, Operator.GT, T0 + 2.5), names("gamma", "delta_1%", "Epsilon")),
                Arguments.of(attr(Attribute.START_TIME, Operator.GE, T0 + 3.0), names("gamma", "delta_1%", "Epsilon")),
                Arguments.of(attr(Attribute.START_TIME, Operator.LT, T0 + 2.5), names("alpha", "beta")),
                Arguments.of(attr(Attribute.START_TIME, Operator.LT, T0 + 2.0), names("alpha")),
                Arguments.of(attr(Attribute.START_TIME, Operator.LE, T0 + 2.0), names("alpha", "beta")),
                Arguments.of(attr(Attribute.START_TIME, Operator.EQ, T0 + 2.5), names()),
                Arguments.of(attr(Attribute.START_TIME, Operator.EQ, T0 + 4.0), names("delta_1%", "Epsilon")),
                Arguments.of(attr(Attribute.START_TIME, Operator.NE, T0 + 2.5),
                        names("alpha", "beta", "gamma", "delta_1%", "Epsilon")),
                Arguments.of(attr(Attribute.START_TIME, Operator.LT, Double.POSITIVE_INFINITY),
                        names("alpha", "beta", "gamma", "delta_1%", "Epsilon")),
                Arguments.of(attr(Attribute.START_TIME, Operator.GT, 1e300), names()),
                Arguments.of(attr(Attribute.START_TIME, Operator.LT, Double.NaN), names()),
                Arguments.of(isNull(Field.attribute(Attribute.PARENT_RUN_ID), true), names("delta_1%")),
                Arguments.of(attr(Attribute.PARENT_RUN_ID, Operator.NE, "x"), names("delta_1%")),
                Arguments.of(attr(Attribute.RUN_NAME, Operator.LIKE, "%\\_1\\%"), names("delta_1%")),
                Arguments.of(attr(Attribute.RUN_NAME, Operator.ILIKE, "e%"), names("Epsilon")),
                Arguments.of(attr(Attribute.USER, Operator.EQ, "tester"),
                        names("alpha", "beta", "gamma", "delta_1%", "Epsilon")),
                Arguments.of(isNull(Field.attribute(Attribute.RUN_NAME), false), names()),
                Arguments.of(or(metric("acc", Operator.GT, 0.9), param("model", Operator.EQ, "forest")),
                        names("alpha", "beta")),
                Arguments.of(and(or(tag("team", Operator.EQ, "risk"), isNull(Field.tag("team"), false)),
                        attr(Attribute.STATUS, Operator.NE, "RUNNING")), names("alpha", "gamma")),
                Arguments.of(not(or(metric("acc", Operator.LT, 0.9), isNull(Field.metric("acc"), false))),
                        names("alpha", "gamma")),
                Arguments.of(new Filter.And(List.of()), names("alpha", "beta", "gamma", "delta_1%", "Epsilon")),
                Arguments.of(new Filter.Or(List.of()), names()));
    }

    private static List<String> names(String... names) {
        return Arrays.asList(names);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("filters")
    void searchRuns_filter_matchesExactlyTheExpectedRuns(Filter filter, List<String> expected) {
        RunPage page = store.searchRuns(new SearchRequest(List.of(exp), filter, List.of(), 100, null));

        assertThat(page.runs()).extracting(r -> r.info().runName()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(page.nextPageToken()).isNull();
    }

    @Test
    void searchRuns_experimentIdAttribute_comparesAsString() {
        Filter f = attr(Attribute.EXPERIMENT_ID, Operator.EQ, exp);

        assertThat(search(f, List.of())).hasSize(5);
    }

    static Stream<Arguments> orderings() {
        return Stream.of(
                Arguments.of(List.of(new OrderBy(Field.metric("acc"), false)),
                        names("alpha", "beta", "Epsilon", "delta_1%", "gamma")),
                Arguments.of(List.of(new OrderBy(Field.metric("acc"), true)),
                        names("Epsilon", "beta", "alpha", "delta_1%", "gamma")),
                Arguments.of(List.of(new OrderBy(Field.metric("loss"), false)),
                        names("delta_1%", "alpha", "Epsilon", "gamma", "beta")),
                Arguments.of(List.of(new OrderBy(Field.param("lr"), true)),
                        names("alpha", "delta_1%|Epsilon", "delta_1%|Epsilon", "gamma", "beta")),
                Arguments.of(List.of(new OrderBy(Field.attribute(Attribute.END_TIME), false)),
                        names("gamma", "alpha", "delta_1%|Epsilon", "delta_1%|Epsilon", "beta")),
                Arguments.of(List.of(new OrderBy(Field.attribute(Attribute.RUN_NAME), true)),
                        names("Epsilon", "alpha", "beta", "delta_1%", "gamma")),
                Arguments.of(List.of(new OrderBy(Field.tag("team"), true), new OrderBy(Field.metric("acc"), true)),
                        names("beta", "delta_1%", "alpha", "Epsilon", "gamma")),
                Arguments.of(List.of(), names("delta_1%|Epsilon", "delta_1%|Epsilon", "gamma", "beta", "alpha")));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("orderings")
    void searchRuns_orderBy_putsMissingAndNanLastAndBreaksTiesByStartThenId(List<OrderBy> order, List<String> expected) {
        List<RunRecord> found = search(null, order);

        assertThat(found).hasSize(5);
        for (int i = 0; i < found.size(); i++) {
            String name = found.get(i).info().runName();
            assertThat(expected.get(i).split("\\|")).as("position %d of %s", i, names(found)).contains(name);
        }
        // delta_1% and Epsilon share a start time: wherever they tie, the smaller run id comes first.
        int d = names(found).indexOf("delta_1%");
        int e = names(found).indexOf("Epsilon");
        if (Math.abs(d - e) == 1 && expected.get(Math.min(d, e)).contains("|")) {
            String first = found.get(Math.min(d, e)).runId();
            String second = found.get(Math.max(d, e)).runId();
            assertThat(first).isLessThan(second);
        }
    }

    @Test
    void searchRuns_pages_walkEveryRunOnceAndEndWithNullToken() {
        List<OrderBy> order = List.of(new OrderBy(Field.metric("acc"), false));
        List<String> walked = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            RunPage page = store.searchRuns(new SearchRequest(List.of(exp), null, order, 2, token));
            page.runs().forEach(r -> walked.add(r.runId()));
            token = page.nextPageToken();
            pages++;
        } while (token != null);

        assertThat(pages).isEqualTo(3);
        assertThat(walked).containsExactlyElementsOf(search(null, order).stream().map(RunRecord::runId).toList());
    }

    @Test
    void searchRuns_exactlyFullLastPage_hasNullToken() {
        RunPage page = store.searchRuns(new SearchRequest(List.of(exp), null, List.of(), 5, null));

        assertThat(page.runs()).hasSize(5);
        assertThat(page.nextPageToken()).isNull();
    }

    @Test
    void searchRuns_foreignOrMalformedToken_isRejected() {
        RunPage first = store.searchRuns(new SearchRequest(List.of(exp), null, List.of(), 2, null));

        assertThatThrownBy(() -> store.searchRuns(new SearchRequest(List.of(exp), metric("acc", Operator.GT, 0.0),
                List.of(), 2, first.nextPageToken()))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("different query");
        assertThatThrownBy(() -> store.searchRuns(new SearchRequest(List.of(exp), null, List.of(), 2, "garbage!")))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void searchRuns_records_carryParamsLatestMetricsAndTags() {
        RunRecord alpha = search(param("lr", Operator.EQ, "0.1"), List.of()).get(0);

        assertThat(alpha.params()).isEqualTo(Map.of("model", "cart", "lr", "0.1"));
        assertThat(alpha.tags()).isEqualTo(Map.of("team", "risk"));
        assertThat(alpha.latestMetrics()).containsOnlyKeys("acc", "loss");
        assertThat(alpha.info()).isEqualTo(runs.get("alpha"));
    }

    @Test
    void searchRuns_severalExperimentsOrUnknownIds_searchesOnlyThose() {
        String other = store.findExperimentByName("other").orElseThrow().id();
        Filter f = metric("acc", Operator.GT, 0.9);

        assertThat(store.searchRuns(new SearchRequest(List.of(exp, other), f, List.of(), 10, null)).runs())
                .extracting(r -> r.info().runName()).containsExactlyInAnyOrder("alpha", "elsewhere");
        assertThat(store.searchRuns(new SearchRequest(List.of("999", "x"), null, List.of(), 10, null)).runs()).isEmpty();
    }

    private List<RunRecord> search(Filter filter, List<OrderBy> order) {
        return store.searchRuns(new SearchRequest(List.of(exp), filter, order, 100, null)).runs();
    }

    private static List<String> names(List<RunRecord> records) {
        return records.stream().map(r -> r.info().runName()).toList();
    }
}
