package dev.mlops4j.validation.internal;

import dev.mlops4j.validation.data.Row;
import dev.mlops4j.validation.data.RowCursor;
import dev.mlops4j.validation.data.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BinaryOperator;
import java.util.function.Function;

/**
 * Runs one pass over a table, optionally over its {@link Table#split(int) parts} in parallel threads, and
 * merges the per-part results in row order.
 */
public final class Passes {
    private Passes() {
    }

    /**
     * Receives the rows of one pass and produces a result.
     *
     * @param <T> the result type
     */
    public interface RowSink<T> {
        /** @param row the next row */
        void accept(Row row);

        /** @return the result once every row was seen */
        T result();
    }

    /**
     * @param table the data
     * @param parallelism threads to use at most (1 reads in the calling thread)
     * @param sinks creates the sink for a part (a table with the same columns)
     * @param merge combines the results of consecutive parts
     * @param <T> the result type
     * @return the result over all rows
     */
    public static <T> T run(Table table, int parallelism, Function<Table, RowSink<T>> sinks, BinaryOperator<T> merge) {
        List<Table> parts = parallelism > 1 ? table.split(parallelism) : List.of(table);
        if (parts.size() <= 1) {
            return readAll(table, sinks.apply(table));
        }
        List<T> results = new ArrayList<>(parts.size());
        List<Throwable> failures = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            results.add(null);
        }
        for (int i = 1; i < parts.size(); i++) {
            int index = i;
            Table part = parts.get(i);
            Thread t = new Thread(() -> {
                try {
                    T r = readAll(part, sinks.apply(part));
                    synchronized (results) {
                        results.set(index, r);
                    }
                } catch (Throwable e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            }, "mlops-validation-pass-" + i);
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }
        T first = readAll(parts.get(0), sinks.apply(parts.get(0)));
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a validation pass", e);
            }
        }
        synchronized (failures) {
            if (!failures.isEmpty()) {
                Throwable f = failures.get(0);
                if (f instanceof RuntimeException) {
                    throw (RuntimeException) f;
                }
                if (f instanceof Error) {
                    throw (Error) f;
                }
                throw new IllegalStateException(f);
            }
        }
        T acc = first;
        synchronized (results) {
            for (int i = 1; i < results.size(); i++) {
                acc = merge.apply(acc, results.get(i));
            }
        }
        return acc;
    }

    private static <T> T readAll(Table table, RowSink<T> sink) {
        Row row = new Row(table.columns().size());
        try (RowCursor cursor = table.open()) {
            while (cursor.next(row)) {
                sink.accept(row);
            }
        }
        return sink.result();
    }
}
