package dev.mlops4j.validation.check;

import dev.mlops4j.validation.data.Column;
import dev.mlops4j.validation.data.ColumnType;
import dev.mlops4j.validation.data.Row;
import dev.mlops4j.validation.internal.Hashing;
import dev.mlops4j.validation.internal.SampleList;
import dev.mlops4j.validation.internal.UniqueCounter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoublePredicate;
import java.util.function.LongPredicate;

/**
 * Uniqueness and exact distinct counts, counted with a {@link UniqueCounter} (bounded memory, spilling sorted
 * runs to temporary files beyond the budget). Missing values are ignored, as in Deequ; wrong-typed values
 * count by their text.
 */
final class UniquenessConstraint extends ConstraintSpec {
    private final String column;
    private final DoublePredicate uniquenessAssertion;
    private final LongPredicate distinctAssertion;

    /**
     * @param description the constraint as code
     * @param column the column
     * @param uniquenessAssertion on the fraction of values that occur once, or {@code null}
     * @param distinctAssertion on the exact distinct count, or {@code null}
     */
    UniquenessConstraint(String description, String column, DoublePredicate uniquenessAssertion,
            LongPredicate distinctAssertion) {
        super(description);
        this.column = column;
        this.uniquenessAssertion = uniquenessAssertion;
        this.distinctAssertion = distinctAssertion;
    }

    static long key(Row row, int c, ColumnType type) {
        if (row.isInvalid(c)) {
            return Hashing.fingerprint(row.invalidText(c)) ^ 0x5bd1e995L;
        }
        switch (type) {
            case CATEGORICAL:
                return Hashing.fingerprint(row.stringValue(c));
            case FLOATING:
                return Hashing.doubleKey(row.doubleValue(c));
            default:
                return row.longValue(c);
        }
    }

    @Override
    Evaluator bind(List<Column> columns, Context context) {
        int c = indexOf(columns, column);
        if (c < 0) {
            return failing(unknownColumn(column, columns));
        }
        ColumnType type = columns.get(c).type();
        UniqueCounter counter = new UniqueCounter(context.uniquenessMemoryBytes(), context.tempDirectory());
        SampleList samples = new SampleList(context.maxSamples());
        return new Evaluator() {
            @Override
            public void accept(Row row) {
                if (row.isMissing(c)) {
                    return;
                }
                if (counter.add(key(row, c, type)) == 2 && samples.wantsMore()) {
                    samples.add(row.format(c, type), row.lineNumber());
                }
            }

            @Override
            public ConstraintResult result(long rows) {
                UniqueCounter.Result r = counter.finish();
                List<String> values = new ArrayList<>();
                samples.samples().forEach(s -> values.add(s.toString()));
                if (distinctAssertion != null) {
                    boolean ok = distinctAssertion.test(r.distinct());
                    return new ConstraintResult(description, ok ? ConstraintStatus.SUCCESS : ConstraintStatus.FAILURE,
                            (double) r.distinct(), null, null, List.of(), ok ? "" : r.distinct()
                                    + " distinct values in '" + column + "', which does not satisfy the assertion");
                }
                if (r.total() == 0) {
                    return new ConstraintResult(description, ConstraintStatus.FAILURE, null, 0L, 0.0, List.of(),
                            "column '" + column + "' has no values");
                }
                double uniqueness = (double) r.singletons() / r.total();
                boolean ok = uniquenessAssertion.test(uniqueness);
                long unexpected = r.duplicatedOccurrences();
                return new ConstraintResult(description, ok ? ConstraintStatus.SUCCESS : ConstraintStatus.FAILURE,
                        uniqueness, unexpected, rows == 0 ? 0.0 : 100.0 * unexpected / rows, values, ok ? ""
                                : unexpected + " of " + r.total() + " values of '" + column + "' are duplicated ("
                                        + (r.distinct() - r.singletons()) + " distinct values occur more than once)");
            }

            @Override
            public void close() {
                counter.close();
            }
        };
    }
}
