package dev.mlops4j.core.internal.search;

import dev.mlops4j.search.Field;
import dev.mlops4j.search.Filter;
import dev.mlops4j.search.Operator;
import dev.mlops4j.tracking.RunRecord;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.DoublePredicate;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Compiles a {@link Filter} into a predicate over runs. This is the reference semantics of the search
 * language that every store must reproduce:
 * <ul>
 * <li>A comparison, {@code IN}, {@code NOT IN}, {@code LIKE} or {@code ILIKE} on a value the run does not have
 *     (absent metric, param or tag; null {@code end_time} or {@code parent_run_id}) is false, including
 *     {@code !=} and {@code NOT IN}.</li>
 * <li>{@code NOT} is plain boolean negation, so {@code NOT (params.x = 'a')} holds for a run without
 *     {@code params.x}. {@code IS NULL} holds exactly when the value is absent.</li>
 * <li>Numbers compare as IEEE doubles: NaN fails {@code =, <, <=, >, >=} and satisfies {@code !=};
 *     {@code -0.0 = 0.0}.</li>
 * <li>Strings compare exactly (case-sensitive); LIKE/ILIKE follow {@link LikePattern}.</li>
 * </ul>
 * Patterns and IN lists are compiled once, so evaluating the predicate does no parsing or allocation beyond
 * boxing a metric value. The returned predicates are thread-safe.
 */
public final class RunMatcher {
    private RunMatcher() {
    }

    /**
     * @param filter the parsed filter, or {@code null} for none
     * @return a predicate that is true for the runs the filter selects ({@code null} selects every run)
     */
    public static Predicate<RunRecord> compile(Filter filter) {
        if (filter == null) {
            return r -> true;
        }
        if (filter instanceof Filter.And and) {
            return all(compileAll(and.terms()));
        }
        if (filter instanceof Filter.Or or) {
            return any(compileAll(or.terms()));
        }
        if (filter instanceof Filter.Not not) {
            return compile(not.term()).negate();
        }
        if (filter instanceof Filter.Comparison c) {
            return c.field().isNumeric() ? numeric(c.field(), c.op(), (Double) c.value())
                    : string(c.field(), c.op(), (String) c.value());
        }
        if (filter instanceof Filter.In in) {
            return in(in);
        }
        Filter.IsNull isNull = (Filter.IsNull) filter;
        return isNull(isNull.field(), isNull.negated());
    }

    @SuppressWarnings("unchecked")
    private static Predicate<RunRecord>[] compileAll(List<Filter> terms) {
        return terms.stream().map(RunMatcher::compile).toArray(Predicate[]::new);
    }

    private static Predicate<RunRecord> all(Predicate<RunRecord>[] terms) {
        return r -> {
            for (Predicate<RunRecord> t : terms) {
                if (!t.test(r)) {
                    return false;
                }
            }
            return true;
        };
    }

    private static Predicate<RunRecord> any(Predicate<RunRecord>[] terms) {
        return r -> {
            for (Predicate<RunRecord> t : terms) {
                if (t.test(r)) {
                    return true;
                }
            }
            return false;
        };
    }

    private static Predicate<RunRecord> numeric(Field field, Operator op, double literal) {
        Function<RunRecord, Double> read = FieldAccess.numeric(field);
        // Primitive comparisons give IEEE semantics: every comparison with NaN is false except !=.
        DoublePredicate test = switch (op) {
            case EQ -> v -> v == literal;
            case NE -> v -> v != literal;
            case LT -> v -> v < literal;
            case LE -> v -> v <= literal;
            case GT -> v -> v > literal;
            case GE -> v -> v >= literal;
            case LIKE, ILIKE -> throw new IllegalArgumentException(op.symbol() + " cannot apply to " + field);
        };
        return r -> {
            Double v = read.apply(r);
            return v != null && test.test(v);
        };
    }

    private static Predicate<RunRecord> string(Field field, Operator op, String literal) {
        Function<RunRecord, String> read = FieldAccess.string(field);
        Predicate<String> test = switch (op) {
            case EQ -> literal::equals;
            case NE -> v -> !literal.equals(v);
            case LIKE, ILIKE -> LikePattern.compile(literal, op == Operator.ILIKE)::matches;
            case LT, LE, GT, GE -> throw new IllegalArgumentException(op.symbol() + " cannot apply to " + field);
        };
        return r -> {
            String v = read.apply(r);
            return v != null && test.test(v);
        };
    }

    private static Predicate<RunRecord> in(Filter.In in) {
        Function<RunRecord, String> read = FieldAccess.string(in.field());
        Set<String> values = new HashSet<>(in.values());
        boolean negated = in.negated();
        return r -> {
            String v = read.apply(r);
            return v != null && values.contains(v) != negated;
        };
    }

    private static Predicate<RunRecord> isNull(Field field, boolean negated) {
        Function<RunRecord, ?> read = field.isNumeric() ? FieldAccess.numeric(field) : FieldAccess.string(field);
        return r -> (read.apply(r) == null) != negated;
    }
}
