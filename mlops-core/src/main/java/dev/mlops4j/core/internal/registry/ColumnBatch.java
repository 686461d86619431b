package dev.mlops4j.core.internal.registry;

import dev.mlops4j.model.FeatureLayout;
import dev.mlops4j.model.FeatureVector;
import dev.mlops4j.model.Prediction;
import dev.mlops4j.serving.InputIssue;
import dev.mlops4j.serving.PredictionColumns;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The recording thread's batch for a sink that {@link dev.mlops4j.serving.PredictionSink#acceptsColumns() accepts
 * columns}: each queued prediction's values are copied into the batch's primitive columns (no record, no boxed map).
 * A vector's positions are mapped to columns once per layout, so a batch of vectors of the model's layout costs a
 * store per value.
 */
final class ColumnBatch implements RecordQueue.Batch {
    private final PredictionColumns.Builder columns;
    private final BiConsumer<Served, RuntimeException> failed;
    private FeatureLayout layout;
    private int[] positions;

    /**
     * @param columns the batch to fill
     * @param failed told about a prediction that could not be converted (it is skipped)
     */
    ColumnBatch(PredictionColumns.Builder columns, BiConsumer<Served, RuntimeException> failed) {
        this.columns = columns;
        this.failed = failed;
    }

    @Override
    public boolean add(Object input, Object output, Object served, Object issues, Object at, long latency) {
        Served s = (Served) served;
        Prediction p;
        try {
            p = output instanceof Prediction neutral ? neutral : s.model.toPrediction(output);
        } catch (RuntimeException e) {
            failed.accept(s, e);
            return false;
        }
        @SuppressWarnings("unchecked")
        List<InputIssue> found = (List<InputIssue>) issues;
        int row = columns.addRow(s.version.version(), (Instant) at, p, found, latency);
        if (input instanceof FeatureVector v) {
            int[] cols = positionsOf(v.layout());
            for (int i = 0; i < cols.length; i++) {
                if (v.isPresent(i)) {
                    columns.set(cols[i], row, v.value(i));
                }
            }
            setAll(v.unknownFeatures(), row);
        } else {
            @SuppressWarnings("unchecked")
            Map<String, Double> map = (Map<String, Double>) input;
            setAll(map, row);
        }
        return true;
    }

    private void setAll(Map<String, Double> values, int row) {
        if (values.isEmpty()) {
            return;
        }
        for (Map.Entry<String, Double> e : values.entrySet()) {
            Double v = e.getValue();
            columns.set(columns.feature(e.getKey()), row, v == null ? Double.NaN : v);
        }
    }

    private int[] positionsOf(FeatureLayout l) {
        if (l != layout) {
            int[] p = new int[l.size()];
            for (int i = 0; i < p.length; i++) {
                p[i] = columns.feature(l.name(i));
            }
            layout = l;
            positions = p;
        }
        return positions;
    }

    @Override
    public int size() {
        return columns.size();
    }

    @Override
    public void truncate(int size) {
        columns.truncate(size);
    }

    /** @return the batch; this object is spent */
    PredictionColumns build() {
        return columns.build();
    }
}
