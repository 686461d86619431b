package dev.mlops4j.serving;

import java.util.List;

/**
 * Receives recorded predictions for monitoring, in batches. A {@link ModelHandle} samples predictions into a bounded
 * queue per predicting thread without blocking (a full queue drops and counts) and calls the sink from one background
 * thread, each thread's records in the order that thread made them; a sink that throws loses that batch, which is
 * counted and logged, and keeps receiving later ones. The sink runs on that background thread, so the time it takes
 * is not added to predictions, but a sink slower than the predictions makes the queues overflow.
 */
@FunctionalInterface
public interface PredictionSink {

    /** @param batch one or more records, oldest first */
    void accept(List<PredictionRecord> batch);
}
