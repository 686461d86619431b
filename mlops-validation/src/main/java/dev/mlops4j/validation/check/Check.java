package dev.mlops4j.validation.check;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.validation.Severity;
import dev.mlops4j.validation.data.Table;
import dev.mlops4j.validation.internal.RowExpression;
import dev.mlops4j.validation.internal.TextTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.function.DoublePredicate;
import java.util.function.LongPredicate;
import java.util.stream.Collectors;

/**
 * A named group of constraints on a data set, at ERROR or WARNING level, as in Deequ. Checks express what a
 * schema does not: uniqueness, sizes, statistics, relations between columns. Immutable: every method returns a
 * new check with one more constraint, so checks can be shared and reused.
 *
 * <pre>{@code
 * Check orders = Check.error("orders")
 *         .hasSize(n -> n > 1000)
 *         .isComplete("id")
 *         .isUnique("id")
 *         .isContainedIn("status", "new", "paid")
 *         .isNonNegative("amount")
 *         .hasMean("amount", m -> m < 500)
 *         .satisfies("amount <= limit", "within limit");
 * VerificationResult result = Verification.onData(table).addCheck(orders).run();   // one pass for all checks
 * }</pre>
 *
 * <p>Row-level constraints (completeness, uniqueness, containment, ranges, patterns, expressions) report the
 * compliant fraction as observed value plus unexpected rows and samples; missing values comply with
 * containment, range and pattern constraints (use {@link #isComplete(String)} for presence) but not with
 * {@link #satisfies(String, String) expressions}, where a comparison with a missing value is false.
 */
public final class Check {
    private final String name;
    private final Severity level;
    private final List<ConstraintSpec> constraints;

    private Check(String name, Severity level, List<ConstraintSpec> constraints) {
        this.name = name;
        this.level = level;
        this.constraints = List.copyOf(constraints);
    }

    /**
     * @param name a name for reports
     * @return an empty check whose failures are errors
     */
    public static Check error(String name) {
        return new Check(requireName(name), Severity.ERROR, List.of());
    }

    /**
     * @param name a name for reports
     * @return an empty check whose failures are warnings
     */
    public static Check warning(String name) {
        return new Check(requireName(name), Severity.WARNING, List.of());
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("check name must not be blank");
        }
        return name;
    }

    /** @return the name */
    public String name() {
        return name;
    }

    /** @return the level */
    public Severity level() {
        return level;
    }

    /** @return the constraints as Java code, in order */
    public List<String> constraints() {
        return constraints.stream().map(c -> c.description).collect(Collectors.toUnmodifiableList());
    }

    List<ConstraintSpec> specs() {
        return constraints;
    }

    private Check with(ConstraintSpec spec) {
        List<ConstraintSpec> all = new ArrayList<>(constraints);
        all.add(spec);
        return new Check(name, level, all);
    }

    private static String col(String column) {
        if (column == null || column.isBlank()) {
            throw new InvalidInputException("column name must not be blank");
        }
        return column;
    }

    private static <T> T req(T assertion, String what) {
        return Objects.requireNonNull(assertion, what);
    }

    // ---- size and completeness ------------------------------------------------------------------------

    /**
     * @param assertion on the number of well-formed rows
     * @return a new check
     */
    public Check hasSize(LongPredicate assertion) {
        return with(new AggregateConstraints.Size("hasSize(<assertion>)", req(assertion, "assertion")));
    }

    /**
     * Every row has a value in the column.
     *
     * @param column the column
     * @return a new check
     */
    public Check isComplete(String column) {
        return with(new RowConstraints.Completeness("isComplete(" + ConstraintSpec.quote(col(column)) + ")", column,
                c -> c == 1.0));
    }

    /**
     * @param column the column
     * @param assertion on the fraction of rows with a value
     * @return a new check
     */
    public Check hasCompleteness(String column, DoublePredicate assertion) {
        return with(new RowConstraints.Completeness("hasCompleteness(" + ConstraintSpec.quote(col(column))
                + ", <assertion>)", column, req(assertion, "assertion")));
    }

    // ---- uniqueness -----------------------------------------------------------------------------------

    /**
     * No value occurs twice (missing values ignored). Counted exactly in bounded memory; see
     * {@link Verification#uniquenessMemory(long)} for the cost.
     *
     * @param column the column
     * @return a new check
     */
    public Check isUnique(String column) {
        return with(new UniquenessConstraint("isUnique(" + ConstraintSpec.quote(col(column)) + ")", column,
                u -> u == 1.0, null));
    }

    /**
     * @param column the column
     * @param assertion on the fraction of values that occur exactly once
     * @return a new check
     */
    public Check hasUniqueness(String column, DoublePredicate assertion) {
        return with(new UniquenessConstraint("hasUniqueness(" + ConstraintSpec.quote(col(column)) + ", <assertion>)",
                column, req(assertion, "assertion"), null));
    }

    /**
     * @param column the column
     * @param assertion on the exact number of distinct values (missing ignored)
     * @return a new check
     */
    public Check hasDistinctCount(String column, LongPredicate assertion) {
        return with(new UniquenessConstraint("hasDistinctCount(" + ConstraintSpec.quote(col(column))
                + ", <assertion>)", column, null, req(assertion, "assertion")));
    }

    /**
     * @param column the column
     * @param assertion on the HyperLogLog estimate of the distinct count (constant memory, ~1.6% error)
     * @return a new check
     */
    public Check hasApproxCountDistinct(String column, LongPredicate assertion) {
        return with(new AggregateConstraints.ApproxDistinct("hasApproxCountDistinct(" + ConstraintSpec.quote(
                col(column)) + ", <assertion>)", column, req(assertion, "assertion")));
    }

    // ---- values ---------------------------------------------------------------------------------------

    /**
     * Every present value is one of the allowed values (compared as text for non-categorical columns).
     *
     * @param column the column
     * @param allowed the allowed values
     * @return a new check
     */
    public Check isContainedIn(String column, String... allowed) {
        if (allowed.length == 0) {
            throw new InvalidInputException("isContainedIn(\"" + column + "\") needs at least one allowed value");
        }
        String values = Arrays.stream(allowed).map(ConstraintSpec::quote).collect(Collectors.joining(", "));
        return with(new RowConstraints.ContainedIn("isContainedIn(" + ConstraintSpec.quote(col(column)) + ", " + values
                + ")", column, new LinkedHashSet<>(Arrays.asList(allowed))));
    }

    /**
     * Every present value of a numeric column is in [lower, upper].
     *
     * @param column the column
     * @param lower smallest allowed value
     * @param upper largest allowed value
     * @return a new check
     */
    public Check isContainedIn(String column, double lower, double upper) {
        if (!(lower <= upper)) {
            throw new InvalidInputException("isContainedIn(\"" + column + "\", " + lower + ", " + upper
                    + "): lower must be <= upper");
        }
        return with(new RowConstraints.InRange("isContainedIn(" + ConstraintSpec.quote(col(column)) + ", "
                + TextTable.number(lower) + ", " + TextTable.number(upper) + ")", column, lower, true, upper,
                "outside [" + TextTable.number(lower) + ", " + TextTable.number(upper) + "]"));
    }

    /**
     * Every present value of a numeric column is {@code >= 0}.
     *
     * @param column the column
     * @return a new check
     */
    public Check isNonNegative(String column) {
        return with(new RowConstraints.InRange("isNonNegative(" + ConstraintSpec.quote(col(column)) + ")", column, 0,
                true, Double.POSITIVE_INFINITY, "below 0"));
    }

    /**
     * Every present value of a numeric column is {@code > 0}.
     *
     * @param column the column
     * @return a new check
     */
    public Check isPositive(String column) {
        return with(new RowConstraints.InRange("isPositive(" + ConstraintSpec.quote(col(column)) + ")", column, 0,
                false, Double.POSITIVE_INFINITY, "not above 0"));
    }

    /**
     * Every present value (as text) fully matches a regular expression.
     *
     * @param column the column
     * @param regex a {@link java.util.regex.Pattern} expression
     * @return a new check
     */
    public Check hasPattern(String column, String regex) {
        return with(new RowConstraints.Matches("hasPattern(" + ConstraintSpec.quote(col(column)) + ", "
                + ConstraintSpec.quote(regex) + ")", column, regex, c -> c == 1.0));
    }

    /**
     * @param column the column
     * @param regex a {@link java.util.regex.Pattern} expression
     * @param assertion on the fraction of rows whose value is missing or matches
     * @return a new check
     */
    public Check hasPattern(String column, String regex, DoublePredicate assertion) {
        return with(new RowConstraints.Matches("hasPattern(" + ConstraintSpec.quote(col(column)) + ", "
                + ConstraintSpec.quote(regex) + ", <assertion>)", column, regex, req(assertion, "assertion")));
    }

    /**
     * Every row satisfies a row expression, e.g. {@code "amount <= limit"} or
     * {@code "status = 'paid' AND amount > 0 OR status IN ('new', 'void')"}. The language (comparisons,
     * arithmetic, IN, IS NULL, AND, OR, NOT) is parsed here and evaluated safely; see the package documentation.
     *
     * @param expression the condition
     * @param name a name for reports
     * @return a new check
     * @throws InvalidInputException if the expression does not parse
     */
    public Check satisfies(String expression, String name) {
        return with(new RowConstraints.Satisfies("satisfies(" + ConstraintSpec.quote(expression) + ", "
                + ConstraintSpec.quote(name) + ")", RowExpression.parse(expression), name, c -> c == 1.0));
    }

    /**
     * @param expression the condition
     * @param name a name for reports
     * @param assertion on the fraction of rows that satisfy it
     * @return a new check
     */
    public Check satisfies(String expression, String name, DoublePredicate assertion) {
        return with(new RowConstraints.Satisfies("satisfies(" + ConstraintSpec.quote(expression) + ", "
                + ConstraintSpec.quote(name) + ", <assertion>)", RowExpression.parse(expression), name,
                req(assertion, "assertion")));
    }

    // ---- statistics -----------------------------------------------------------------------------------

    private Check stat(String method, String column, AggregateConstraints.Stat stat, DoublePredicate assertion) {
        return with(new AggregateConstraints.Statistic(method + "(" + ConstraintSpec.quote(col(column))
                + ", <assertion>)", column, stat, req(assertion, "assertion")));
    }

    /** @param column a numeric column @param assertion on its minimum @return a new check */
    public Check hasMin(String column, DoublePredicate assertion) {
        return stat("hasMin", column, AggregateConstraints.Stat.MIN, assertion);
    }

    /** @param column a numeric column @param assertion on its maximum @return a new check */
    public Check hasMax(String column, DoublePredicate assertion) {
        return stat("hasMax", column, AggregateConstraints.Stat.MAX, assertion);
    }

    /** @param column a numeric column @param assertion on its mean @return a new check */
    public Check hasMean(String column, DoublePredicate assertion) {
        return stat("hasMean", column, AggregateConstraints.Stat.MEAN, assertion);
    }

    /** @param column a numeric column @param assertion on its sum @return a new check */
    public Check hasSum(String column, DoublePredicate assertion) {
        return stat("hasSum", column, AggregateConstraints.Stat.SUM, assertion);
    }

    /** @param column a numeric column @param assertion on its population standard deviation @return a new check */
    public Check hasStandardDeviation(String column, DoublePredicate assertion) {
        return stat("hasStandardDeviation", column, AggregateConstraints.Stat.STDDEV, assertion);
    }

    /**
     * @param column an ordered column
     * @param quantile the rank in [0, 1], e.g. 0.5 for the median
     * @param assertion on the approximate quantile (KLL sketch, about 1.3% rank error)
     * @return a new check
     */
    public Check hasApproxQuantile(String column, double quantile, DoublePredicate assertion) {
        if (!(quantile >= 0 && quantile <= 1)) {
            throw new InvalidInputException("quantile must be in [0, 1], was " + quantile);
        }
        return with(new AggregateConstraints.Quantile("hasApproxQuantile(" + ConstraintSpec.quote(col(column)) + ", "
                + quantile + ", <assertion>)", column, quantile, req(assertion, "assertion")));
    }

    // ---- running --------------------------------------------------------------------------------------

    /**
     * Runs this check alone; to run several checks in one pass use {@link Verification}.
     *
     * @param data the data
     * @return the outcome
     */
    public CheckResult run(Table data) {
        return Verification.onData(data).addCheck(this).run().checkResults().get(0);
    }

    @Override
    public String toString() {
        return "Check." + level.name().toLowerCase(java.util.Locale.ROOT) + "(" + ConstraintSpec.quote(name) + ")"
                + constraints.stream().map(c -> "\n    ." + c.description).collect(Collectors.joining());
    }
}
