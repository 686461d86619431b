package dev.mlops4j.validation.check;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.validation.data.Column;
import dev.mlops4j.validation.data.ColumnType;
import dev.mlops4j.validation.data.Row;
import dev.mlops4j.validation.internal.RowExpression;
import dev.mlops4j.validation.internal.SampleList;
import java.util.List;
import java.util.Set;
import java.util.function.DoublePredicate;
import java.util.regex.Pattern;

/** Row-level constraints: each row either complies or is unexpected. */
final class RowConstraints {
    private RowConstraints() {
    }

    /** Completeness: the fraction of rows with a value (wrong-typed values count as present). */
    static final class Completeness extends ConstraintSpec {
        private final String column;
        private final DoublePredicate assertion;

        Completeness(String description, String column, DoublePredicate assertion) {
            super(description);
            this.column = column;
            this.assertion = assertion;
        }

        @Override
        Evaluator bind(List<Column> columns, Context context) {
            int c = indexOf(columns, column);
            if (c < 0) {
                return failing(unknownColumn(column, columns));
            }
            SampleList samples = new SampleList(context.maxSamples());
            return new Evaluator() {
                private long missing;

                @Override
                public void accept(Row row) {
                    if (row.isMissing(c)) {
                        missing++;
                        samples.add("null", row.lineNumber());
                    }
                }

                @Override
                public ConstraintResult result(long rows) {
                    return compliance(rows, missing, samples, assertion, "have no value in '" + column + "'");
                }
            };
        }
    }

    /** Membership in a set of allowed values (compared as text for non-categorical columns); missing complies. */
    static final class ContainedIn extends ConstraintSpec {
        private final String column;
        private final Set<String> allowed;

        ContainedIn(String description, String column, Set<String> allowed) {
            super(description);
            this.column = column;
            // insertion order kept, so messages list the values as the check was written
            this.allowed = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(allowed));
        }

        @Override
        Evaluator bind(List<Column> columns, Context context) {
            int c = indexOf(columns, column);
            if (c < 0) {
                return failing(unknownColumn(column, columns));
            }
            ColumnType type = columns.get(c).type();
            SampleList samples = new SampleList(context.maxSamples());
            return new Evaluator() {
                private long unexpected;

                @Override
                public void accept(Row row) {
                    if (row.isMissing(c)) {
                        return;
                    }
                    String v = row.isInvalid(c) ? row.invalidText(c)
                            : type == ColumnType.CATEGORICAL ? row.stringValue(c) : row.format(c, type);
                    if (row.isInvalid(c) || !allowed.contains(v)) {
                        unexpected++;
                        samples.add(v, row.lineNumber());
                    }
                }

                @Override
                public ConstraintResult result(long rows) {
                    return compliance(rows, unexpected, samples, x -> x == 1.0, "have a value of '" + column
                            + "' outside " + allowed);
                }
            };
        }
    }

    /** A numeric interval; missing complies, NaN and wrong-typed values do not. */
    static final class InRange extends ConstraintSpec {
        private final String column;
        private final double lower;
        private final boolean lowerInclusive;
        private final double upper;
        private final String what;

        InRange(String description, String column, double lower, boolean lowerInclusive, double upper, String what) {
            super(description);
            this.column = column;
            this.lower = lower;
            this.lowerInclusive = lowerInclusive;
            this.upper = upper;
            this.what = what;
        }

        @Override
        Evaluator bind(List<Column> columns, Context context) {
            int c = indexOf(columns, column);
            if (c < 0) {
                return failing(unknownColumn(column, columns));
            }
            ColumnType type = columns.get(c).type();
            if (!type.isNumeric()) {
                return failing("column '" + column + "' is " + type + ", not numeric");
            }
            SampleList samples = new SampleList(context.maxSamples());
            return new Evaluator() {
                private long unexpected;

                @Override
                public void accept(Row row) {
                    if (row.isMissing(c)) {
                        return;
                    }
                    if (row.isInvalid(c)) {
                        unexpected++;
                        samples.add(row.invalidText(c), row.lineNumber());
                        return;
                    }
                    double v = row.doubleValue(c);
                    boolean ok = (lowerInclusive ? v >= lower : v > lower) && v <= upper;
                    if (!ok) {
                        unexpected++;
                        if (samples.wantsMore()) {
                            samples.add(row.format(c, type), row.lineNumber());
                        }
                    }
                }

                @Override
                public ConstraintResult result(long rows) {
                    return compliance(rows, unexpected, samples, x -> x == 1.0, "have a value of '" + column + "' "
                            + what);
                }
            };
        }
    }

    /** A regular expression every present value (as text) must fully match; missing complies. */
    static final class Matches extends ConstraintSpec {
        private final String column;
        private final Pattern pattern;
        private final DoublePredicate assertion;

        Matches(String description, String column, String regex, DoublePredicate assertion) {
            super(description);
            this.column = column;
            try {
                this.pattern = Pattern.compile(regex);
            } catch (java.util.regex.PatternSyntaxException e) {
                throw new InvalidInputException("invalid regular expression for column '" + column + "': "
                        + e.getMessage(), e);
            }
            this.assertion = assertion;
        }

        @Override
        Evaluator bind(List<Column> columns, Context context) {
            int c = indexOf(columns, column);
            if (c < 0) {
                return failing(unknownColumn(column, columns));
            }
            ColumnType type = columns.get(c).type();
            SampleList samples = new SampleList(context.maxSamples());
            return new Evaluator() {
                private long unexpected;

                @Override
                public void accept(Row row) {
                    if (row.isMissing(c)) {
                        return;
                    }
                    String v = row.isInvalid(c) ? row.invalidText(c)
                            : type == ColumnType.CATEGORICAL ? row.stringValue(c) : row.format(c, type);
                    if (!pattern.matcher(v).matches()) {
                        unexpected++;
                        samples.add(v, row.lineNumber());
                    }
                }

                @Override
                public ConstraintResult result(long rows) {
                    return compliance(rows, unexpected, samples, assertion, "have a value of '" + column
                            + "' not matching " + pattern.pattern());
                }
            };
        }
    }

    /** A row expression; rows where it is false (including comparisons with missing values) are unexpected. */
    static final class Satisfies extends ConstraintSpec {
        private final RowExpression expression;
        private final String name;
        private final DoublePredicate assertion;

        Satisfies(String description, RowExpression expression, String name, DoublePredicate assertion) {
            super(description);
            this.expression = expression;
            this.name = name;
            this.assertion = assertion;
        }

        @Override
        Evaluator bind(List<Column> columns, Context context) {
            RowExpression.BoolEval predicate;
            try {
                predicate = expression.bind(columns);
            } catch (InvalidInputException e) {
                return failing("cannot evaluate '" + expression.text() + "': " + e.getMessage());
            }
            List<String> used = expression.columns();
            int[] idx = used.stream().mapToInt(n -> indexOf(columns, n)).toArray();
            SampleList samples = new SampleList(context.maxSamples());
            return new Evaluator() {
                private long unexpected;

                @Override
                public void accept(Row row) {
                    if (!predicate.test(row)) {
                        unexpected++;
                        if (samples.wantsMore()) {
                            StringBuilder sb = new StringBuilder();
                            for (int i = 0; i < idx.length; i++) {
                                sb.append(i == 0 ? "" : ", ").append(used.get(i)).append('=')
                                        .append(row.format(idx[i], columns.get(idx[i]).type()));
                            }
                            samples.add(sb.toString(), row.lineNumber());
                        }
                    }
                }

                @Override
                public ConstraintResult result(long rows) {
                    return compliance(rows, unexpected, samples, assertion, "do not satisfy '" + name + "' ("
                            + expression.text() + ")");
                }
            };
        }
    }
}
