package dev.mlops4j.core.internal.search;

import static dev.mlops4j.core.internal.search.RunFixture.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.mlops4j.search.Attribute;
import dev.mlops4j.search.Field;
import dev.mlops4j.search.OrderBy;
import dev.mlops4j.tracking.RunRecord;
import dev.mlops4j.tracking.RunStatus;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RunOrderingTest {

    private static final List<RunRecord> FLEET = List.of(
            run("a").start(1_000).metric("acc", 0.5).param("model", "b").build(),
            run("b").start(2_000).metric("acc", Double.NaN).param("model", "B").build(),
            run("c").start(3_000).build(),
            run("d").start(4_000).metric("acc", 0.9).param("model", "a").build(),
            run("e").start(4_000).metric("acc", 0.5).param("model", "b").build(),
            run("f").start(500).metric("acc", Double.POSITIVE_INFINITY).build(),
            run("g").start(600).metric("acc", Double.NEGATIVE_INFINITY).build());

    static Stream<Arguments> orderings() {
        return Stream.of(
                arguments(List.of(), "d e c b a g f"),
                arguments(List.of("metrics.acc ASC"), "g e a d f c b"),
                arguments(List.of("metrics.acc DESC"), "f d e a g c b"),
                arguments(List.of("params.model ASC"), "b d e a c g f"),
                arguments(List.of("params.model DESC"), "e a d b c g f"),
                arguments(List.of("params.model", "metrics.acc DESC"), "b d e a f g c"),
                arguments(List.of("start_time ASC"), "f g a b c d e"),
                arguments(List.of("run_id DESC"), "g f e d c b a"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("orderings")
    void of_keys_sortsMissingAndNaNLastThenBreaksTies(List<String> keys, String expected) {
        assertThat(sortedIds(FLEET, keys)).isEqualTo(expected);
    }

    @Test
    void of_endTime_putsRunningRunsLastInBothDirections() {
        List<RunRecord> runs = List.of(run("x").running().start(1).build(), run("y").end(10).build(),
                run("z").end(5).build());

        assertThat(sortedIds(runs, List.of("end_time ASC"))).isEqualTo("z y x");
        assertThat(sortedIds(runs, List.of("end_time DESC"))).isEqualTo("y z x");
    }

    @Test
    void of_parentRunId_putsTopLevelRunsLastInBothDirections() {
        List<RunRecord> runs = List.of(run("x").start(3).build(), run("y").start(2).parent("p1").build(),
                run("z").start(1).parent("p2").build());

        assertThat(sortedIds(runs, List.of("parent_run_id ASC"))).isEqualTo("y z x");
        assertThat(sortedIds(runs, List.of("parent_run_id DESC"))).isEqualTo("z y x");
    }

    @Test
    void of_signedZeros_tieAndFallThroughToStartTime() {
        List<RunRecord> runs = List.of(run("p").start(1).metric("m", -0.0).build(),
                run("q").start(2).metric("m", 0.0).build());

        assertThat(sortedIds(runs, List.of("metrics.m ASC"))).isEqualTo("q p");
        assertThat(sortedIds(runs, List.of("metrics.m DESC"))).isEqualTo("q p");
    }

    @Test
    void of_statusAndRunName_orderAsStrings() {
        List<RunRecord> runs = List.of(run("x").status(RunStatus.RUNNING).name("b").build(),
                run("y").status(RunStatus.FAILED).name("B").build(),
                run("z").status(RunStatus.KILLED).name("").build());

        assertThat(sortedIds(runs, List.of("status"))).isEqualTo("y z x");
        assertThat(sortedIds(runs, List.of("run_name DESC"))).isEqualTo("x y z");
    }

    private static String sortedIds(List<RunRecord> runs, List<String> keys) {
        List<RunRecord> copy = new ArrayList<>(runs);
        // Sorting a shuffled copy shows the result depends on the comparator alone, not on input order.
        Collections.shuffle(copy, new Random(42));
        copy.sort(RunOrdering.of(keys.stream().map(OrderBy::parse).toList()));
        return String.join(" ", copy.stream().map(RunRecord::runId).toList());
    }

    // ------------------------------------------------------------------ properties

    @Property(tries = 500)
    void of_anyKeys_isAntisymmetricAndTransitive(@ForAll("keys") List<OrderBy> keys,
                                                 @ForAll("records") RunRecord x, @ForAll("records") RunRecord y,
                                                 @ForAll("records") RunRecord z) {
        Comparator<RunRecord> c = RunOrdering.of(keys);

        assertThat(Integer.signum(c.compare(x, y))).isEqualTo(-Integer.signum(c.compare(y, x)));
        assertThat(c.compare(x, x)).isZero();
        if (c.compare(x, y) <= 0 && c.compare(y, z) <= 0) {
            assertThat(c.compare(x, z)).isLessThanOrEqualTo(0);
        }
        if (c.compare(x, y) == 0 && c.compare(y, z) == 0) {
            assertThat(c.compare(x, z)).isZero();
        }
        if (!x.runId().equals(y.runId())) {
            assertThat(c.compare(x, y)).as("distinct runs never tie").isNotZero();
        }
    }

    @Property(tries = 500)
    void of_singleKey_sortsMissingAndNaNAfterEveryValueInBothDirections(
            @ForAll("keys") List<OrderBy> keys, @ForAll("records") RunRecord x, @ForAll("records") RunRecord y) {
        for (OrderBy key : keys) {
            Comparator<RunRecord> c = RunOrdering.of(List.of(key));
            if (isMissing(x, key.field()) && !isMissing(y, key.field())) {
                assertThat(c.compare(x, y)).isPositive();
                assertThat(c.compare(y, x)).isNegative();
            }
        }
    }

    private static boolean isMissing(RunRecord r, Field field) {
        if (field.isNumeric()) {
            Double v = FieldAccess.numeric(field).apply(r);
            return v == null || v.isNaN();
        }
        return FieldAccess.string(field).apply(r) == null;
    }

    @Provide
    Arbitrary<List<OrderBy>> keys() {
        Arbitrary<Field> fields = Arbitraries.of(Field.metric("m1"), Field.metric("m2"), Field.param("p"),
                Field.tag("t"), Field.attribute(Attribute.START_TIME), Field.attribute(Attribute.END_TIME),
                Field.attribute(Attribute.STATUS), Field.attribute(Attribute.PARENT_RUN_ID),
                Field.attribute(Attribute.RUN_NAME));
        return Combinators.combine(fields, Arbitraries.of(true, false)).as(OrderBy::new).list().ofMaxSize(3);
    }

    /** Small value domains, so that ties on every key (and the tie-breaks) are common. */
    @Provide
    Arbitrary<RunRecord> records() {
        Arbitrary<Double> metric = Arbitraries.of(Double.NaN, -0.0, 0.0, 1.0, Double.NEGATIVE_INFINITY,
                Double.POSITIVE_INFINITY).injectNull(0.2);
        Arbitrary<String> text = Arbitraries.of("a", "B", "b", "").injectNull(0.3);
        Arbitrary<Long> end = Arbitraries.of(5L, 6L).injectNull(0.3);
        return Combinators.combine(Arbitraries.of("r1", "r2", "r3", "r4"), Arbitraries.of(1L, 2L),
                        Arbitraries.of(RunStatus.values()), metric, metric, text, text, end)
                .as((id, start, status, m1, m2, p, t, endMillis) -> {
                    RunFixture f = run(id).start(start).status(status).name(p == null ? "n" : p);
                    if (endMillis == null) {
                        f.running();
                    } else {
                        f.end(endMillis);
                    }
                    if (m1 != null) {
                        f.metric("m1", m1);
                    }
                    if (m2 != null) {
                        f.metric("m2", m2);
                    }
                    if (p != null) {
                        f.param("p", p).parent(p);
                    }
                    if (t != null) {
                        f.tag("t", t);
                    }
                    return f.build();
                });
    }
}
