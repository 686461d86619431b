package dev.mlops4j.search;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A parsed run-search filter: the syntax tree that stores translate into their own query language
 * (SQL for JDBC stores, a predicate for the in-memory store).
 *
 * <p>The language is MLflow's search syntax, extended with {@code OR}, {@code NOT} and parentheses:
 * <pre>
 * metrics.accuracy &gt; 0.9 and params.model = 'cart' and (tags.team = 'risk' or tags.team IS NULL)
 * status IN ('FINISHED', 'FAILED') and run_name LIKE 'base%' and not params.`learning rate` = '0.1'
 * </pre>
 * Semantics: a term on a metric, param or tag the run does not have is false (only {@code IS NULL}
 * matches it); comparisons with NaN are false except {@code !=}; string equality is exact (case-sensitive).
 * {@link #parse(String)} turns text into a tree and reports errors with their column.
 *
 * <p>Syntax details:
 * <ul>
 * <li>Prefixes (case-insensitive): {@code metrics.}/{@code metric.}, {@code params.}/{@code param.}/
 *     {@code parameters.}/{@code parameter.}, {@code tags.}/{@code tag.}, {@code attributes.}/{@code attribute.}/
 *     {@code attr.}/{@code run.}; attributes may also be named bare ({@code status}, {@code start_time}, ...).
 *     The key is everything after the first dot, so {@code metrics.val.loss} is the metric {@code val.loss}.</li>
 * <li>Unquoted keys use {@code A-Z a-z 0-9 _ . - / :}; any other key is quoted with backticks, double or single
 *     quotes: {@code params.`learning rate`}.</li>
 * <li>Metrics, {@code start_time} and {@code end_time} take numbers ({@code 3}, {@code -0.5}, {@code 1e-3},
 *     {@code NaN}, {@code Infinity}); every other field takes quoted strings. Inside quotes, a backslash before a
 *     quote or a backslash stands for that character; other backslashes are kept, so {@code LIKE '100\%'} is the
 *     LIKE pattern {@code 100\%} (a literal percent sign).</li>
 * <li>Operators: {@code = != <> < <= > >=}, {@code LIKE}, {@code ILIKE}, {@code IN (...)}, {@code NOT IN (...)},
 *     {@code IS NULL}, {@code IS NOT NULL}; ordering operators only on numbers, LIKE/ILIKE/IN only on strings.</li>
 * <li>Precedence: {@code NOT} binds tighter than {@code AND}, which binds tighter than {@code OR}.</li>
 * </ul>
 * {@code toString()} of a tree is a filter that parses back to an equal tree.
 */
public sealed interface Filter permits Filter.And, Filter.Or, Filter.Not, Filter.Comparison, Filter.In, Filter.IsNull {

    /**
     * Parses a filter.
     *
     * @param text the filter, e.g. {@code "metrics.rmse < 0.5 and params.model = 'tree'"}
     * @return the tree
     * @throws dev.mlops4j.FilterSyntaxException with the column and what was expected, if malformed
     */
    static Filter parse(String text) {
        return FilterParser.parseFilter(text);
    }

    /**
     * All terms must hold.
     *
     * @param terms two or more terms
     */
    record And(List<Filter> terms) implements Filter {
        public And {
            terms = List.copyOf(terms);
        }

        @Override
        public String toString() {
            return terms.stream().map(t -> t instanceof Or ? "(" + t + ")" : t.toString())
                    .collect(Collectors.joining(" AND "));
        }
    }

    /**
     * At least one term must hold.
     *
     * @param terms two or more terms
     */
    record Or(List<Filter> terms) implements Filter {
        public Or {
            terms = List.copyOf(terms);
        }

        @Override
        public String toString() {
            return terms.stream().map(Filter::toString).collect(Collectors.joining(" OR "));
        }
    }

    /**
     * The term must not hold. For a missing metric, param or tag, {@code NOT (x = 'a')} is true.
     *
     * @param term the negated term
     */
    record Not(Filter term) implements Filter {
        public Not {
            Objects.requireNonNull(term, "term");
        }

        @Override
        public String toString() {
            return "NOT (" + term + ")";
        }
    }

    /**
     * A comparison of a field with a literal.
     *
     * @param field the field
     * @param op the operator
     * @param value a {@link Double} for numeric fields, a {@link String} otherwise
     */
    record Comparison(Field field, Operator op, Object value) implements Filter {
        public Comparison {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(op, "op");
            Objects.requireNonNull(value, "value");
            if (field.isNumeric() ? !(value instanceof Double) : !(value instanceof String)) {
                throw new IllegalArgumentException(field + " needs a " + (field.isNumeric() ? "number" : "string"));
            }
            // The language has no meaning for these; rejecting them here keeps every store's translation total.
            boolean ordering = op == Operator.LT || op == Operator.LE || op == Operator.GT || op == Operator.GE;
            if (ordering && !field.isNumeric()) {
                throw new IllegalArgumentException(op.symbol() + " needs a numeric field, " + field + " is a string");
            }
            if (op.isPattern() && field.isNumeric()) {
                throw new IllegalArgumentException(op.symbol() + " needs a string field, " + field + " is a number");
            }
        }

        @Override
        public String toString() {
            return field + " " + op.symbol() + " " + (value instanceof String s ? quoted(s) : value);
        }
    }

    /**
     * Membership in a list of string values ({@code IN} / {@code NOT IN}).
     *
     * @param field a string field (param, tag or string attribute)
     * @param values the candidate values (at least one)
     * @param negated true for {@code NOT IN}
     */
    record In(Field field, List<String> values, boolean negated) implements Filter {
        public In {
            Objects.requireNonNull(field, "field");
            values = List.copyOf(values);
            if (field.isNumeric()) {
                throw new IllegalArgumentException("IN needs a string field, " + field + " is a number");
            }
            if (values.isEmpty()) {
                throw new IllegalArgumentException("IN needs at least one value");
            }
        }

        @Override
        public String toString() {
            return field + (negated ? " NOT IN (" : " IN (")
                    + values.stream().map(Filter::quoted).collect(Collectors.joining(", ")) + ")";
        }
    }

    /**
     * Presence test ({@code IS NULL} / {@code IS NOT NULL}) for params, tags, metrics and nullable attributes.
     *
     * @param field the field
     * @param negated true for {@code IS NOT NULL}
     */
    record IsNull(Field field, boolean negated) implements Filter {
        public IsNull {
            Objects.requireNonNull(field, "field");
        }

        @Override
        public String toString() {
            return field + (negated ? " IS NOT NULL" : " IS NULL");
        }
    }

    /** A string literal that {@link #parse(String)} reads back as {@code s}: backslashes and quotes escaped. */
    private static String quoted(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
