package dev.mlops4j.monitoring;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link WindowReference} knows of a window when it closes, before its drift is computed.
 *
 * @param model the monitored model
 * @param index the window's number, 0 for the first
 * @param start the first prediction's time (count windows) or the window's start (time windows)
 * @param end the last prediction's time (count windows) or the window's end, exclusive (time windows)
 * @param predictions how many predictions it holds
 * @param keys the join keys of its predictions in the order recorded (only those that had one), e.g. request ids or
 *     the business dates that were predicted
 */
public record WindowSpan(String model, long index, Instant start, Instant end, long predictions, List<String> keys) {
    public WindowSpan {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        keys = List.copyOf(keys);
    }
}
