package dev.mlops4j.validation.check;

import dev.mlops4j.validation.data.Column;
import dev.mlops4j.validation.data.Row;
import dev.mlops4j.validation.internal.SampleList;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A constraint of a {@link Check}: its description (as the Java call that adds it) and how to evaluate it in
 * a shared pass over a table. Subclasses are the constraint kinds.
 */
abstract class ConstraintSpec {
    final String description;

    ConstraintSpec(String description) {
        this.description = description;
    }

    /**
     * Prepares the evaluation over a table with these columns. Problems (unknown column, wrong type) give an
     * evaluator that reports a failure, never an exception, so one bad constraint does not hide the others.
     *
     * @param columns the table's columns
     * @param context settings of the run
     * @return the evaluator
     */
    abstract Evaluator bind(List<Column> columns, Context context);

    /** Settings shared by the constraints of one verification run. */
    record Context(int maxSamples, long uniquenessMemoryBytes, Path tempDirectory) {
    }

    /** Evaluates a constraint during a pass. */
    interface Evaluator extends AutoCloseable {
        /** @param row the next well-formed row */
        void accept(Row row);

        /**
         * @param rows well-formed rows of the pass
         * @return the outcome
         */
        ConstraintResult result(long rows);

        @Override
        default void close() {
        }
    }

    /** @return an evaluator that reports the problem as a failure */
    Evaluator failing(String message) {
        String d = description;
        return new Evaluator() {
            @Override
            public void accept(Row row) {
            }

            @Override
            public ConstraintResult result(long rows) {
                return new ConstraintResult(d, ConstraintStatus.FAILURE, null, null, null, List.of(), message);
            }
        };
    }

    /**
     * @param columns the table's columns
     * @param name a column name
     * @return its index, or -1
     */
    static int indexOf(List<Column> columns, String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    static String unknownColumn(String name, List<Column> columns) {
        List<String> names = new ArrayList<>();
        columns.forEach(c -> names.add(c.name()));
        return "column '" + name + "' does not exist in the data; its columns are " + names;
    }

    /** A result for a row-level constraint: compliance fraction, unexpected count and samples. */
    ConstraintResult compliance(long rows, long unexpected, SampleList samples, java.util.function.DoublePredicate
            assertion, String what) {
        if (rows == 0) {
            return new ConstraintResult(description, ConstraintStatus.FAILURE, null, 0L, 0.0, List.of(),
                    "the data set has no rows");
        }
        double observed = (double) (rows - unexpected) / rows;
        boolean ok = assertion.test(observed);
        List<String> values = new ArrayList<>();
        samples.samples().forEach(s -> values.add(s.toString()));
        return new ConstraintResult(description, ok ? ConstraintStatus.SUCCESS : ConstraintStatus.FAILURE, observed,
                unexpected, 100.0 * unexpected / rows, values, ok ? "" : unexpected + " of " + rows + " rows " + what
                        + " (compliance " + observed + " does not satisfy the assertion)");
    }

    static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
