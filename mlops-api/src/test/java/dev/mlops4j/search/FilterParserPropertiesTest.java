package dev.mlops4j.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops4j.FilterSyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

class FilterParserPropertiesTest {

    /** Fragments that make random input reach deep into the grammar instead of failing at column 1. */
    private static final List<String> TOKENS = List.of(
            "metrics.x", "params.p", "tags.`a b`", "attributes.status", "status", "start_time", "end_time",
            "metrics.", "params", "foo", "(", ")", "AND", "OR", "NOT", "and", "or", "not", "=", "!=", "<>", "<",
            "<=", ">", ">=", "==", "!", "LIKE", "ILIKE", "IN", "IS", "NULL", "NOT IN", "IS NOT NULL", ",", "'a'",
            "'a%\\_'", "\"b\"", "'", "\"", "`", "\\", "1", "-2.5e3", "1e", "1e999", ".", "+", "-", "NaN",
            "Infinity", "-inf", " ", " ", "\t", "\u00e9", "\uD83D\uDE00", "ASC", "DESC");

    @Property(tries = 1000)
    void parse_arbitraryText_onlyThrowsFilterSyntaxException(@ForAll String text) {
        checkParseOutcome(text);
    }

    @Property(tries = 3000)
    void parse_tokenSoup_onlyThrowsFilterSyntaxExceptionAndRoundTrips(@ForAll("tokenSoup") String text) {
        checkParseOutcome(text);
    }

    @Property(tries = 1000)
    void parseOrderBy_tokenSoup_onlyThrowsFilterSyntaxException(@ForAll("tokenSoup") String text) {
        try {
            OrderBy parsed = OrderBy.parse(text);
            assertThat(OrderBy.parse(parsed.toString())).isEqualTo(parsed);
        } catch (FilterSyntaxException e) {
            assertThat(e.column()).isBetween(1, text.length() + 1);
        }
    }

    @Property(tries = 1000)
    void toString_generatedTree_parsesBackToEqualTree(@ForAll("filters") Filter tree) {
        assertThat(Filter.parse(tree.toString())).isEqualTo(tree);
    }

    @Property(tries = 1000)
    void parse_damagedValidFilter_onlyThrowsFilterSyntaxException(@ForAll("filters") Filter tree,
                                                                  @ForAll("damage") Function<String, String> damage) {
        checkParseOutcome(damage.apply(tree.toString()));
    }

    private static void checkParseOutcome(String text) {
        Filter parsed;
        try {
            parsed = Filter.parse(text);
        } catch (FilterSyntaxException e) {
            assertThat(e.column()).isBetween(1, text.length() + 1);
            assertThat(e.input()).isEqualTo(text);
            return;
        }
        assertThat(Filter.parse(parsed.toString())).isEqualTo(parsed);
    }

    @Provide
    Arbitrary<String> tokenSoup() {
        return Arbitraries.of(TOKENS).list().ofMaxSize(14)
                .flatMap(tokens -> Arbitraries.of("", " ").list().ofSize(tokens.size()).map(seps -> {
                    StringBuilder sb = new StringBuilder();
                    for (int i = 0; i < tokens.size(); i++) {
                        sb.append(tokens.get(i)).append(seps.get(i));
                    }
                    return sb.toString();
                }));
    }

    @Provide
    Arbitrary<Function<String, String>> damage() {
        Arbitrary<Integer> cut = Arbitraries.integers().between(0, 10_000);
        Arbitrary<Character> junk = Arbitraries.of('(', ')', '\'', '"', '`', '\\', ' ', '=', 'x', '.', '1', '%');
        return Arbitraries.oneOf(
                cut.map(n -> s -> s.substring(0, n % (s.length() + 1))),
                cut.map(n -> s -> s.isEmpty() ? s : s.substring(0, n % s.length()) + s.substring(n % s.length() + 1)),
                Combinators.combine(cut, junk).as((n, c) -> s -> {
                    int at = n % (s.length() + 1);
                    return s.substring(0, at) + c + s.substring(at);
                }));
    }

    @Provide
    Arbitrary<Filter> filters() {
        return filter(3);
    }

    private Arbitrary<Filter> filter(int depth) {
        if (depth == 0) {
            return leaf();
        }
        Arbitrary<Filter> child = Arbitraries.lazy(() -> filter(depth - 1));
        return Arbitraries.frequencyOf(
                Tuple.of(4, leaf()),
                Tuple.of(1, child.map(Filter.Not::new)),
                Tuple.of(2, child.list().ofMinSize(2).ofMaxSize(3).map(terms -> new Filter.And(flatten(terms, true)))),
                Tuple.of(2, child.list().ofMinSize(2).ofMaxSize(3).map(terms -> new Filter.Or(flatten(terms, false)))));
    }

    /** The parser flattens nested AND/OR lists, so generated trees must be flat to compare equal. */
    private static List<Filter> flatten(List<Filter> terms, boolean and) {
        List<Filter> flat = new ArrayList<>();
        for (Filter t : terms) {
            if (and && t instanceof Filter.And a) {
                flat.addAll(a.terms());
            } else if (!and && t instanceof Filter.Or o) {
                flat.addAll(o.terms());
            } else {
                flat.add(t);
            }
        }
        return flat;
    }

    private Arbitrary<Filter> leaf() {
        Arbitrary<Field> numericFields = Arbitraries.oneOf(keys().map(Field::metric),
                Arbitraries.of(Attribute.START_TIME, Attribute.END_TIME).map(Field::attribute));
        Arbitrary<Field> stringFields = Arbitraries.oneOf(keys().map(Field::param), keys().map(Field::tag),
                Arbitraries.of(Attribute.values()).filter(a -> !a.isNumeric()).map(Field::attribute));
        Arbitrary<Operator> numericOps = Arbitraries.of(Operator.EQ, Operator.NE, Operator.LT, Operator.LE,
                Operator.GT, Operator.GE);
        Arbitrary<Filter> numeric = Combinators.combine(numericFields, numericOps, numbers())
                .as(Filter.Comparison::new);
        Arbitrary<Filter> stringEq = Combinators.combine(stringFields, Arbitraries.of(Operator.EQ, Operator.NE),
                strings()).as(Filter.Comparison::new);
        Arbitrary<Filter> pattern = Combinators.combine(stringFields, Arbitraries.of(Operator.LIKE, Operator.ILIKE),
                strings().filter(FilterParserPropertiesTest::isCompletePattern)).as(Filter.Comparison::new);
        Arbitrary<Filter> in = Combinators.combine(stringFields, strings().list().ofMinSize(1).ofMaxSize(3),
                Arbitraries.of(true, false)).as(Filter.In::new);
        Arbitrary<Filter> isNull = Combinators.combine(Arbitraries.oneOf(numericFields, stringFields),
                Arbitraries.of(true, false)).as(Filter.IsNull::new);
        return Arbitraries.oneOf(numeric, stringEq, pattern, in, isNull);
    }

    private static boolean isCompletePattern(String s) {
        boolean escaped = false;
        for (char c : s.toCharArray()) {
            escaped = !escaped && c == '\\';
        }
        return !escaped;
    }

    private static Arbitrary<String> keys() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("abcXYZ019_").ofMinLength(1).ofMaxLength(8),
                Arbitraries.strings().withChars("ab_-./: `\"'\\").ofMinLength(1).ofMaxLength(8));
    }

    private static Arbitrary<String> strings() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("ab %_\\'\"`()").ofMaxLength(8),
                Arbitraries.strings().ofMaxLength(8));
    }

    private static Arbitrary<Double> numbers() {
        return Arbitraries.oneOf(
                Arbitraries.doubles(),
                Arbitraries.longs().map(Long::doubleValue),
                Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0.0,
                        Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, 1e-300, 1.7e12));
    }
}
