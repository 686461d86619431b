package dev.mlops4j.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.mlops4j.FilterSyntaxException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OrderByParseTest {

    static Stream<Arguments> validClauses() {
        return Stream.of(
                arguments("metrics.accuracy DESC", new OrderBy(Field.metric("accuracy"), false)),
                arguments("metrics.accuracy", new OrderBy(Field.metric("accuracy"), true)),
                arguments("params.model asc", new OrderBy(Field.param("model"), true)),
                arguments("tags.team Desc", new OrderBy(Field.tag("team"), false)),
                arguments("start_time ASC", new OrderBy(Field.attribute(Attribute.START_TIME), true)),
                arguments("  attributes.end_time \t desc  ", new OrderBy(Field.attribute(Attribute.END_TIME), false)),
                arguments("run_name", new OrderBy(Field.attribute(Attribute.RUN_NAME), true)),
                arguments("metrics.`val loss` DESC", new OrderBy(Field.metric("val loss"), false)),
                arguments("metrics.val.loss", new OrderBy(Field.metric("val.loss"), true)));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("validClauses")
    void parse_validClause_buildsOrderBy(String text, OrderBy expected) {
        OrderBy parsed = OrderBy.parse(text);

        assertThat(parsed).isEqualTo(expected);
        assertThat(OrderBy.parse(parsed.toString())).isEqualTo(expected);
    }

    static Stream<Arguments> invalidClauses() {
        return Stream.of(
                arguments("", 1, "the order-by clause is empty"),
                arguments("  ", 1, "the order-by clause is empty"),
                arguments("metrics.a DESCENDING", 11, "expected ASC, DESC or the end of the order-by clause after"
                        + " metrics.a but found 'DESCENDING'"),
                arguments("metrics.a DESC x", 16, "expected the end of the order-by clause after DESC but found 'x'"),
                arguments("metrics.a ASC DESC", 15, "expected the end of the order-by clause after ASC"),
                arguments("metrics.a DESC, params.b", 15, "give each ordering key as its own clause"),
                arguments("metrics.a, params.b", 10, "give each ordering key as its own clause"),
                arguments("foo DESC", 1, "unknown field 'foo'"),
                arguments("attributes.nope", 12, "unknown attribute 'nope'"),
                arguments("metrics.", 9, "expected a key after 'metrics.' but found the end of the order-by clause"),
                arguments("DESC", 1, "unknown field 'DESC'"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("invalidClauses")
    void parse_invalidClause_reportsColumnAndProblem(String text, int column, String fragment) {
        assertThatThrownBy(() -> OrderBy.parse(text))
                .isInstanceOfSatisfying(FilterSyntaxException.class,
                        e -> assertThat(e.column()).as(e.getMessage()).isEqualTo(column))
                .hasMessageContaining(fragment);
    }

    @Test
    void parse_null_throwsFilterSyntaxException() {
        assertThatThrownBy(() -> OrderBy.parse(null)).isInstanceOf(FilterSyntaxException.class);
    }
}
