package dev.mlops4j.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.mlops4j.FilterSyntaxException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FilterParserTest {

    // Short names keep the expectation table readable.
    private static final Filter A = cmp(Field.param("a"), Operator.EQ, "1");
    private static final Filter B = cmp(Field.param("b"), Operator.EQ, "2");
    private static final Filter C = cmp(Field.param("c"), Operator.EQ, "3");
    private static final Filter D = cmp(Field.param("d"), Operator.EQ, "4");

    static Stream<Arguments> validFilters() {
        return Stream.of(
                // numeric comparisons, every operator, number forms
                arguments("metrics.acc > 0.9", cmp(Field.metric("acc"), Operator.GT, 0.9)),
                arguments("metric.acc >= 1", cmp(Field.metric("acc"), Operator.GE, 1.0)),
                arguments("METRICS.acc < -2", cmp(Field.metric("acc"), Operator.LT, -2.0)),
                arguments("Metrics.acc <= +3.5", cmp(Field.metric("acc"), Operator.LE, 3.5)),
                arguments("metrics.acc = 1e3", cmp(Field.metric("acc"), Operator.EQ, 1000.0)),
                arguments("metrics.acc != 1.5E-3", cmp(Field.metric("acc"), Operator.NE, 0.0015)),
                arguments("metrics.acc <> .5", cmp(Field.metric("acc"), Operator.NE, 0.5)),
                arguments("metrics.acc = 5.", cmp(Field.metric("acc"), Operator.EQ, 5.0)),
                arguments("metrics.acc = -2.5e+2", cmp(Field.metric("acc"), Operator.EQ, -250.0)),
                arguments("metrics.acc = -0.0", cmp(Field.metric("acc"), Operator.EQ, -0.0)),
                arguments("metrics.acc = NaN", cmp(Field.metric("acc"), Operator.EQ, Double.NaN)),
                arguments("metrics.acc < Infinity", cmp(Field.metric("acc"), Operator.LT, Double.POSITIVE_INFINITY)),
                arguments("metrics.acc > -inf", cmp(Field.metric("acc"), Operator.GT, Double.NEGATIVE_INFINITY)),
                arguments("metrics.acc>0.9", cmp(Field.metric("acc"), Operator.GT, 0.9)),
                // keys: first dot splits, quoting styles, escapes in quoted keys, key characters
                arguments("metrics.val.loss < 1", cmp(Field.metric("val.loss"), Operator.LT, 1.0)),
                arguments("metrics.`val loss` < 1", cmp(Field.metric("val loss"), Operator.LT, 1.0)),
                arguments("metrics.\"val loss\" < 1", cmp(Field.metric("val loss"), Operator.LT, 1.0)),
                arguments("metrics.'val loss' < 1", cmp(Field.metric("val loss"), Operator.LT, 1.0)),
                arguments("metrics.`a\\`b` = 1", cmp(Field.metric("a`b"), Operator.EQ, 1.0)),
                arguments("metrics.eval/f1:macro-avg_2 = 1", cmp(Field.metric("eval/f1:macro-avg_2"), Operator.EQ, 1.0)),
                arguments("metrics.1st = 1", cmp(Field.metric("1st"), Operator.EQ, 1.0)),
                // params and tags, prefix aliases, case of keys kept
                arguments("params.model = 'cart'", cmp(Field.param("model"), Operator.EQ, "cart")),
                arguments("param.model = \"cart\"", cmp(Field.param("model"), Operator.EQ, "cart")),
                arguments("parameters.model = 'cart'", cmp(Field.param("model"), Operator.EQ, "cart")),
                arguments("PARAMETER.Model = 'cart'", cmp(Field.param("Model"), Operator.EQ, "cart")),
                arguments("tags.team != 'risk'", cmp(Field.tag("team"), Operator.NE, "risk")),
                arguments("tag.team <> 'risk'", cmp(Field.tag("team"), Operator.NE, "risk")),
                arguments("tags.`mlflow.runName` = 'x'", cmp(Field.tag("mlflow.runName"), Operator.EQ, "x")),
                // string literals and escapes
                arguments("tags.x = 'it\\'s'", cmp(Field.tag("x"), Operator.EQ, "it's")),
                arguments("tags.x = \"say \\\"hi\\\"\"", cmp(Field.tag("x"), Operator.EQ, "say \"hi\"")),
                arguments("tags.x = \"it's\"", cmp(Field.tag("x"), Operator.EQ, "it's")),
                arguments("tags.x = 'a\\\\b'", cmp(Field.tag("x"), Operator.EQ, "a\\b")),
                arguments("tags.x = 'C:\\temp'", cmp(Field.tag("x"), Operator.EQ, "C:\\temp")),
                arguments("tags.x = ''", cmp(Field.tag("x"), Operator.EQ, "")),
                arguments("tags.x = 'AND or NOT ( )'", cmp(Field.tag("x"), Operator.EQ, "AND or NOT ( )")),
                arguments("tags.x = 'zoë ✓'", cmp(Field.tag("x"), Operator.EQ, "zoë ✓")),
                // patterns
                arguments("params.p LIKE 'a%'", cmp(Field.param("p"), Operator.LIKE, "a%")),
                arguments("params.p ilike '%B_'", cmp(Field.param("p"), Operator.ILIKE, "%B_")),
                arguments("params.p LIKE '100\\%'", cmp(Field.param("p"), Operator.LIKE, "100\\%")),
                arguments("params.p LIKE 'a\\\\\\\\'", cmp(Field.param("p"), Operator.LIKE, "a\\\\")),
                // IN and NOT IN
                arguments("params.p IN ('a', 'b')", new Filter.In(Field.param("p"), List.of("a", "b"), false)),
                arguments("params.p in('a')", new Filter.In(Field.param("p"), List.of("a"), false)),
                arguments("params.p NOT IN ('a')", new Filter.In(Field.param("p"), List.of("a"), true)),
                arguments("tags.t not in ( 'x' , \"y\" )", new Filter.In(Field.tag("t"), List.of("x", "y"), true)),
                arguments("status IN ('FINISHED','FAILED')",
                        new Filter.In(Field.attribute(Attribute.STATUS), List.of("FINISHED", "FAILED"), false)),
                // IS NULL
                arguments("params.p IS NULL", new Filter.IsNull(Field.param("p"), false)),
                arguments("tags.t is not null", new Filter.IsNull(Field.tag("t"), true)),
                arguments("metrics.m IS NULL", new Filter.IsNull(Field.metric("m"), false)),
                arguments("end_time IS NULL", new Filter.IsNull(Field.attribute(Attribute.END_TIME), false)),
                arguments("attributes.parent_run_id IS NOT NULL",
                        new Filter.IsNull(Field.attribute(Attribute.PARENT_RUN_ID), true)),
                // attributes: bare, prefixed, aliases, case-insensitive names
                arguments("status = 'FINISHED'", cmp(Field.attribute(Attribute.STATUS), Operator.EQ, "FINISHED")),
                arguments("attributes.status = 'FAILED'", cmp(Field.attribute(Attribute.STATUS), Operator.EQ, "FAILED")),
                arguments("attribute.run_name = 'x'", cmp(Field.attribute(Attribute.RUN_NAME), Operator.EQ, "x")),
                arguments("attr.user = 'bob'", cmp(Field.attribute(Attribute.USER), Operator.EQ, "bob")),
                arguments("run.run_id = 'abc'", cmp(Field.attribute(Attribute.RUN_ID), Operator.EQ, "abc")),
                arguments("id = 'abc'", cmp(Field.attribute(Attribute.RUN_ID), Operator.EQ, "abc")),
                arguments("user_id = 'u'", cmp(Field.attribute(Attribute.USER), Operator.EQ, "u")),
                arguments("created > 5", cmp(Field.attribute(Attribute.START_TIME), Operator.GT, 5.0)),
                arguments("start_time >= 1700000000000",
                        cmp(Field.attribute(Attribute.START_TIME), Operator.GE, 1.7e12)),
                arguments("attributes.end_time < 2", cmp(Field.attribute(Attribute.END_TIME), Operator.LT, 2.0)),
                arguments("experiment_id = '1'", cmp(Field.attribute(Attribute.EXPERIMENT_ID), Operator.EQ, "1")),
                arguments("parent_run_id != 'p'", cmp(Field.attribute(Attribute.PARENT_RUN_ID), Operator.NE, "p")),
                arguments("RUN_NAME like 'x%'", cmp(Field.attribute(Attribute.RUN_NAME), Operator.LIKE, "x%")),
                arguments("attributes.`run_name` = 'x'", cmp(Field.attribute(Attribute.RUN_NAME), Operator.EQ, "x")),
                // precedence, NOT, parentheses, flattening
                arguments("params.a = '1' OR params.b = '2' AND params.c = '3'", or(A, and(B, C))),
                arguments("params.a = '1' AND params.b = '2' OR params.c = '3'", or(and(A, B), C)),
                arguments("NOT params.a = '1' AND params.b = '2'", and(not(A), B)),
                arguments("NOT (params.a = '1' OR params.b = '2')", not(or(A, B))),
                arguments("(params.a = '1' OR params.b = '2') AND params.c = '3'", and(or(A, B), C)),
                arguments("params.a = '1' AND (params.b = '2' AND params.c = '3')", and(A, B, C)),
                arguments("(params.a = '1' or params.b = '2') or (params.c = '3' or params.d = '4')", or(A, B, C, D)),
                arguments("((params.a = '1'))", A),
                arguments("NOT NOT params.a = '1'", not(not(A))),
                arguments("not(params.a = '1')", not(A)),
                arguments("params.a = '1' aNd params.b = '2' Or params.c = '3'", or(and(A, B), C)),
                arguments("params.a='1'and(params.b='2')", and(A, B)),
                arguments("\tparams.a = '1'\n  AND\r\n params.b = '2'  ", and(A, B)),
                arguments("params.a = '1' OR NOT params.b = '2' AND params.c = '3' OR params.d = '4'",
                        or(A, and(not(B), C), D)));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("validFilters")
    void parse_validFilter_buildsExpectedTree(String text, Filter expected) {
        Filter parsed = Filter.parse(text);

        assertThat(parsed).isEqualTo(expected);
        assertThat(Filter.parse(parsed.toString())).as("toString re-parses: %s", parsed).isEqualTo(expected);
    }

    static Stream<Arguments> invalidFilters() {
        return Stream.of(
                arguments("", 1, "the filter is empty"),
                arguments("   ", 1, "the filter is empty"),
                arguments("metrics.x > 'a'", 13, "metrics are numbers: write the value without quotes"),
                arguments("metrics.x = '0.5'", 13, "e.g. metrics.x = 0.5"),
                arguments("start_time > '2024-01-01'", 14, "start_time is a number (epoch milliseconds)"),
                arguments("params.p > 3", 10, "'>' compares numbers and params are strings"),
                arguments("params.p = 3", 12, "params are strings: quote the value, params.p = '3'"),
                arguments("tags.t = yes", 10, "tags are strings: quote the value, tags.t = 'yes'"),
                arguments("status = FINISHED", 10, "status is a string: quote the value, status = 'FINISHED'"),
                arguments("params.model foo", 14, "expected a comparison operator (=, !=, <, <=, >, >=, LIKE, ILIKE,"
                        + " IN, IS) after params.model but found 'foo'"),
                arguments("metrics.x", 10, "expected a comparison operator (=, !=, <, <=, >, >=, LIKE, ILIKE, IN, IS)"
                        + " after metrics.x but found the end of the filter"),
                arguments("metrics.x ! 1", 11, "expected a comparison operator"),
                arguments("metrics.x == 1", 11, "write a single '='"),
                arguments("foo = 'x'", 1, "unknown field 'foo'; write metrics.foo, params.foo or tags.foo"),
                arguments("attributes.foo = 'x'", 12, "unknown attribute 'foo'; valid attributes are run_id (or id),"
                        + " run_name, status, user (or user_id), start_time (or created), end_time, experiment_id,"
                        + " parent_run_id"),
                arguments("metric_s.x = 1", 1, "unknown prefix 'metric_s.'"),
                arguments("metrics. = 1", 9, "expected a key after 'metrics.' but found '='"),
                arguments("metrics > 1", 8, "expected '.' and a key after 'metrics' but found '>'"),
                arguments("'x' = 'y'", 1, "quoted keys need a prefix"),
                arguments("tags.`` = 'x'", 6, "quoted key after 'tags.' is empty"),
                arguments("tags.`abc = 'x'", 6, "unterminated quoted key"),
                arguments("tags.t = 'abc", 10, "unterminated string"),
                arguments("tags.t = 'abc\\'", 10, "unterminated string"),
                arguments("metrics.x >", 12, "expected a number after metrics.x > but found the end of the filter"),
                arguments("metrics.x > abc", 13, "expected a number after metrics.x > but found 'abc'"),
                arguments("metrics.x = 1e", 13, "an exponent needs digits"),
                arguments("metrics.x = 1.2.3", 13, "malformed number '1.2.3'"),
                arguments("metrics.x = 12abc", 13, "malformed number '12abc'"),
                arguments("metrics.x = 1e999", 13, "out of the range of a double"),
                arguments("metrics.x = -", 13, "expected a number"),
                arguments("metrics.x LIKE 'a'", 11, "LIKE matches strings and metrics are numbers"),
                arguments("start_time ILIKE 'a'", 12, "ILIKE matches strings and start_time is a number"),
                arguments("status < 'b'", 8, "'<' compares numbers and status is a string"),
                arguments("params.p LIKE 3", 15, "quote the value, params.p LIKE '3'"),
                arguments("params.p LIKE 'a\\\\'", 15, "ends with the escape character"),
                arguments("metrics.x IN (1)", 11, "IN works on strings and metrics are numbers"),
                arguments("end_time NOT IN (1)", 10, "NOT IN works on strings"),
                arguments("params.p IN ()", 14, "IN needs at least one value"),
                arguments("params.p IN 'a'", 13, "expected '(' after params.p IN but found ''a''"),
                arguments("params.p IN ('a' 'b')", 18, "expected ',' or ')' in the IN list opened at column 13"),
                arguments("params.p IN ('a',)", 18, "expected a quoted string after params.p IN ("),
                arguments("params.p IN ('a', 3)", 19, "quote the value, params.p IN ('3')"),
                arguments("params.p IN ('a'", 17, "expected ',' or ')' in the IN list opened at column 13 but found"
                        + " the end of the filter"),
                arguments("params.p NOT LIKE 'a'", 10, "NOT LIKE is not supported"),
                arguments("params.p NOT = 'a'", 14, "expected IN after params.p NOT but found '='"),
                arguments("params.p IS 'a'", 13, "expected NULL or NOT NULL after params.p IS"),
                arguments("params.p IS NOT 'a'", 17, "expected NULL after params.p IS NOT"),
                arguments("status = 'a' params.y = 'b'", 14,
                        "expected AND, OR or the end of the filter but found 'params.y'"),
                arguments("status = 'a' ANDY status = 'b'", 14, "expected AND, OR or the end of the filter but found 'ANDY'"),
                arguments("status = 'a' AND", 17, "but found the end of the filter"),
                arguments("status = 'a' OR OR status = 'b'", 17, "NOT or '(' but found 'OR'"),
                arguments("AND status = 'a'", 1, "NOT or '(' but found 'AND'"),
                arguments("status = 'a' AND )", 18, "expected a condition (such as metrics.accuracy > 0.9), NOT or '('"
                        + " but found ')'"),
                arguments("(status = 'a'", 14, "expected ')' to close the '(' at column 1"),
                arguments("status = 'a')", 13, "found ')' without a matching '('"),
                arguments("()", 2, "expected a condition"),
                arguments("NOT", 4, "expected a condition after NOT but found the end of the filter"),
                arguments("NOT   ", 7, "expected a condition after NOT"),
                arguments("(".repeat(FilterParser.MAX_DEPTH + 1) + "status = 'a'" + ")".repeat(FilterParser.MAX_DEPTH + 1),
                        FilterParser.MAX_DEPTH + 1, "nested more than 100 levels"),
                arguments("NOT ".repeat(FilterParser.MAX_DEPTH + 1) + "status = 'a'",
                        4 * FilterParser.MAX_DEPTH + 1, "nested more than 100 levels"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("invalidFilters")
    void parse_invalidFilter_reportsColumnAndProblem(String text, int column, String fragment) {
        assertThatThrownBy(() -> Filter.parse(text))
                .isInstanceOfSatisfying(FilterSyntaxException.class, e -> {
                    assertThat(e.column()).as(e.getMessage()).isEqualTo(column);
                    assertThat(e.input()).isEqualTo(text);
                })
                .hasMessageContaining(fragment);
    }

    @Test
    void parse_nestingAtTheLimit_isAccepted() {
        int depth = FilterParser.MAX_DEPTH;
        String text = "(".repeat(depth) + "status = 'a'" + ")".repeat(depth);

        assertThat(Filter.parse(text)).isEqualTo(cmp(Field.attribute(Attribute.STATUS), Operator.EQ, "a"));
    }

    @Test
    void parse_null_throwsFilterSyntaxException() {
        assertThatThrownBy(() -> Filter.parse(null))
                .isInstanceOf(FilterSyntaxException.class)
                .hasMessageContaining("the filter is null");
    }

    @Test
    void parse_error_messageShowsCaretUnderColumn() {
        assertThatThrownBy(() -> Filter.parse("params.p > 3"))
                .hasMessageEndingWith("at column 10:\n  params.p > 3\n           ^");
    }

    @Test
    void toString_keysAndValuesNeedingQuotes_reparseToEqualTree() {
        Filter tree = and(
                cmp(Field.tag("it's a `key` with \\ and \"quotes\""), Operator.EQ, "va'l\\ue \"x\""),
                new Filter.In(Field.param("p q"), List.of("a'b", "c\\d", "\n"), true),
                cmp(Field.metric("m"), Operator.NE, Double.NEGATIVE_INFINITY));

        assertThat(Filter.parse(tree.toString())).isEqualTo(tree);
    }

    @Test
    void comparison_orderingOperatorOnStringField_isRejected() {
        assertThatThrownBy(() -> new Filter.Comparison(Field.param("p"), Operator.LT, "a"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs a numeric field");
    }

    @Test
    void comparison_patternOnNumericField_isRejected() {
        assertThatThrownBy(() -> new Filter.Comparison(Field.metric("m"), Operator.LIKE, 1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs a string field");
    }

    @Test
    void in_emptyListOrNumericField_isRejected() {
        assertThatThrownBy(() -> new Filter.In(Field.param("p"), List.of(), false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Filter.In(Field.metric("m"), List.of("1"), false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static Filter cmp(Field field, Operator op, Object value) {
        return new Filter.Comparison(field, op, value);
    }

    static Filter and(Filter... terms) {
        return new Filter.And(List.of(terms));
    }

    static Filter or(Filter... terms) {
        return new Filter.Or(List.of(terms));
    }

    static Filter not(Filter term) {
        return new Filter.Not(term);
    }
}
