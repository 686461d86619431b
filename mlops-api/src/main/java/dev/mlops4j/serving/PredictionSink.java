package dev.mlops4j.serving;

import java.util.List;

/**
 * Receives recorded predictions for monitoring, in batches. A {@link ModelHandle} samples predictions into a bounded
 * queue per predicting thread without blocking (a full queue drops and counts) and calls the sink from one background
 * thread, each thread's records in the order that thread made them; a sink that throws loses that batch, which is
 * counted and logged, and keeps receiving later ones. The sink runs on that background thread, so the time it takes
 * is not added to predictions, but a sink slower than the predictions makes the queues overflow.
 *
 * <p>A sink may take its batches as {@link PredictionColumns} instead: it returns true from {@link #acceptsColumns()}
 * and overrides {@link #accept(PredictionColumns)}. The recording thread then copies each prediction's feature values
 * into primitive columns instead of building a {@link PredictionRecord} with a boxed feature map per prediction,
 * which at 100% sampling is most of what recording costs that thread.
 */
@FunctionalInterface
public interface PredictionSink {

    /** @param batch one or more records, oldest first */
    void accept(List<PredictionRecord> batch);

    /**
     * @return true to receive batches through {@link #accept(PredictionColumns)}; false (the default) for
     *     {@link #accept(List)}. Asked once, when a handle starts recording into this sink.
     */
    default boolean acceptsColumns() {
        return false;
    }

    /**
     * Receives a batch as columns. The default hands its {@link PredictionColumns#records() records} (missing features
     * left out of their maps) to {@link #accept(List)}.
     *
     * @param batch one or more predictions, oldest first
     */
    default void accept(PredictionColumns batch) {
        accept(batch.records());
    }
}
