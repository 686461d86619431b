package dev.mlops4j.serving;

import java.util.List;

/**
 * Receives recorded predictions for monitoring, in batches. A {@link ModelHandle} samples predictions into a bounded
 * queue without blocking (a full queue drops and counts) and calls the sink from one background thread, in order;
 * a sink that throws loses that batch, which is counted and logged, and keeps receiving later ones.
 */
@FunctionalInterface
public interface PredictionSink {

    /** @param batch one or more records, oldest first */
    void accept(List<PredictionRecord> batch);
}
