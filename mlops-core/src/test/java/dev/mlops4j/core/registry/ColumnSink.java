package dev.mlops4j.core.registry;

import dev.mlops4j.serving.PredictionColumns;
import dev.mlops4j.serving.PredictionRecord;
import dev.mlops4j.serving.PredictionSink;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A sink that takes columns and keeps the batches; it fails the test if it is given records. */
final class ColumnSink implements PredictionSink {
    final List<PredictionColumns> batches = Collections.synchronizedList(new ArrayList<>());
    private final Runnable beforeEach;

    /** @param beforeEach runs before each batch is kept, e.g. to hold the recording thread */
    ColumnSink(Runnable beforeEach) {
        this.beforeEach = beforeEach;
    }

    @Override
    public boolean acceptsColumns() {
        return true;
    }

    @Override
    public void accept(PredictionColumns batch) {
        beforeEach.run();
        batches.add(batch);
    }

    @Override
    public void accept(List<PredictionRecord> batch) {
        throw new AssertionError("a sink that accepts columns was given records");
    }

    /** @return the batches' rows as records, in order */
    List<PredictionRecord> records() {
        return batches.stream().flatMap(b -> b.records().stream()).toList();
    }
}
