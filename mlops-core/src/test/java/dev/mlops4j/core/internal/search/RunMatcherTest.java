package dev.mlops4j.core.internal.search;

import static dev.mlops4j.core.internal.search.RunFixture.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.mlops4j.search.Field;
import dev.mlops4j.search.Filter;
import dev.mlops4j.search.Operator;
import dev.mlops4j.tracking.RunRecord;
import dev.mlops4j.tracking.RunStatus;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RunMatcherTest {

    /** Four runs that between them exercise every kind of absent, special and nullable value. */
    private static final List<RunRecord> FLEET = List.of(
            run("r1").name("baseline-cart").user("alice").start(1_000).end(2_000)
                    .param("model", "cart").param("lr", "0.1")
                    .metric("acc", 0.91).metric("loss", 0.3)
                    .tag("team", "risk").tag("note", "100x sure").build(),
            run("r2").status(RunStatus.FAILED).name("Baseline_tree").user("bob").start(3_000).end(4_000)
                    .param("model", "tree")
                    .metric("acc", Double.NaN).metric("loss", Double.POSITIVE_INFINITY)
                    .tag("team", "Risk").tag("note", "100% sure").build(),
            run("r3").running().name("child").user("alice").start(5_000).parent("r1")
                    .param("model", "CART")
                    .metric("acc", -0.0).metric("loss", Double.NEGATIVE_INFINITY)
                    .tag("path", "C:\\temp\\x_y").build(),
            run("r4").status(RunStatus.KILLED).experiment("2").user("carol").start(7_000).end(8_000).build());

    static Stream<Arguments> filters() {
        return Stream.of(
                // metrics: IEEE comparisons, NaN, infinities, signed zero, absent values
                arguments("metrics.acc > 0.9", List.of("r1")),
                arguments("metrics.acc != 0.5", List.of("r1", "r2", "r3")),
                arguments("metrics.acc = NaN", List.of()),
                arguments("metrics.acc != NaN", List.of("r1", "r2", "r3")),
                arguments("metrics.acc < 1", List.of("r1", "r3")),
                arguments("metrics.acc >= -Infinity", List.of("r1", "r3")),
                arguments("metrics.acc = 0", List.of("r3")),
                arguments("metrics.loss > 1e308", List.of("r2")),
                arguments("metrics.loss = Infinity", List.of("r2")),
                arguments("metrics.loss < -1e308", List.of("r3")),
                arguments("metrics.loss <= Infinity", List.of("r1", "r2", "r3")),
                arguments("metrics.acc IS NULL", List.of("r4")),
                arguments("metrics.acc IS NOT NULL", List.of("r1", "r2", "r3")),
                arguments("NOT metrics.acc > 0.9", List.of("r2", "r3", "r4")),
                arguments("NOT (metrics.acc != 0.5)", List.of("r4")),
                // params: exact equality, absent values fail != and NOT IN, NOT is plain negation
                arguments("params.model = 'cart'", List.of("r1")),
                arguments("params.model != 'cart'", List.of("r2", "r3")),
                arguments("params.model IN ('cart', 'tree')", List.of("r1", "r2")),
                arguments("params.model NOT IN ('cart')", List.of("r2", "r3")),
                arguments("NOT params.model IN ('cart')", List.of("r2", "r3", "r4")),
                arguments("params.model LIKE 'c%'", List.of("r1")),
                arguments("params.model LIKE '_ar_'", List.of("r1")),
                arguments("params.model LIKE '%'", List.of("r1", "r2", "r3")),
                arguments("params.model ILIKE 'cart'", List.of("r1", "r3")),
                arguments("NOT params.model LIKE 'c%'", List.of("r2", "r3", "r4")),
                arguments("params.model IS NULL", List.of("r4")),
                arguments("params.lr = '0.1' AND metrics.loss < 1", List.of("r1")),
                // tags and LIKE escapes ('\%' in a quoted string stays '\%', the LIKE escape of '%')
                arguments("tags.team = 'risk'", List.of("r1")),
                arguments("tags.team ILIKE 'RISK'", List.of("r1", "r2")),
                arguments("tags.note LIKE '100_ sure'", List.of("r1", "r2")),
                arguments("tags.note LIKE '100\\% sure'", List.of("r2")),
                arguments("tags.path LIKE '%\\_y'", List.of("r3")),
                arguments("tags.path LIKE 'C:\\\\\\\\temp%'", List.of("r3")),
                // string attributes
                arguments("status = 'FINISHED'", List.of("r1")),
                arguments("status IN ('FAILED', 'KILLED')", List.of("r2", "r4")),
                arguments("status != 'RUNNING'", List.of("r1", "r2", "r4")),
                arguments("run_name LIKE 'baseline%'", List.of("r1")),
                arguments("run_name ILIKE 'baseline%'", List.of("r1", "r2")),
                arguments("run_name = ''", List.of("r4")),
                arguments("run_name IS NULL", List.of()),
                arguments("user = 'alice'", List.of("r1", "r3")),
                arguments("experiment_id = '2'", List.of("r4")),
                arguments("run_id IN ('r1', 'r3')", List.of("r1", "r3")),
                arguments("id = 'r2'", List.of("r2")),
                arguments("parent_run_id = 'r1'", List.of("r3")),
                arguments("parent_run_id != 'x'", List.of("r3")),
                arguments("parent_run_id IS NULL", List.of("r1", "r2", "r4")),
                // time attributes: end_time is absent while RUNNING
                arguments("end_time IS NULL", List.of("r3")),
                arguments("end_time IS NOT NULL", List.of("r1", "r2", "r4")),
                arguments("end_time > 0", List.of("r1", "r2", "r4")),
                arguments("end_time != 1", List.of("r1", "r2", "r4")),
                arguments("NOT end_time > 0", List.of("r3")),
                arguments("start_time >= 3000 AND start_time < 7000", List.of("r2", "r3")),
                arguments("created > 5000", List.of("r4")),
                // boolean structure
                arguments("metrics.acc > 0.9 OR params.model = 'tree'", List.of("r1", "r2")),
                arguments("(status = 'FINISHED' OR status = 'RUNNING') AND NOT tags.team = 'risk'", List.of("r3")),
                arguments("NOT (params.model = 'cart' OR metrics.acc IS NULL)", List.of("r2", "r3")));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("filters")
    void compile_filterOverFleet_selectsExpectedRuns(String filter, List<String> expectedIds) {
        Predicate<RunRecord> predicate = RunMatcher.compile(Filter.parse(filter));

        assertThat(FLEET.stream().filter(predicate).map(RunRecord::runId)).containsExactlyElementsOf(expectedIds);
    }

    @Test
    void compile_nullFilter_matchesEveryRun() {
        assertThat(FLEET.stream().filter(RunMatcher.compile(null))).hasSameSizeAs(FLEET);
    }

    @Test
    void compile_likeWithRegexCharacters_matchesThemLiterally() {
        RunRecord r = run("x").param("p", "a.*(b)").build();

        assertThat(RunMatcher.compile(like("p", "a.*(b)")).test(r)).isTrue();
        assertThat(RunMatcher.compile(like("p", "a.%")).test(r)).isTrue();
        assertThat(RunMatcher.compile(like("p", "a.*")).test(r)).isFalse();
    }

    @Test
    void compile_emptyAndOr_areTrueAndFalse() {
        RunRecord r = FLEET.get(0);

        assertThat(RunMatcher.compile(new Filter.And(List.of())).test(r)).isTrue();
        assertThat(RunMatcher.compile(new Filter.Or(List.of())).test(r)).isFalse();
    }

    private static Filter like(String param, String pattern) {
        return new Filter.Comparison(Field.param(param), Operator.LIKE, pattern);
    }
}
