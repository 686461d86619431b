package dev.mlops4j.tracking;

import dev.mlops4j.internal.TextTable;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * One point of a metric's history. NaN and the infinities are legal values and are stored and
 * returned exactly.
 *
 * @param key metric name
 * @param value the value
 * @param step training step or epoch (0 when not given)
 * @param timestamp when it was logged, millisecond precision
 */
public record Metric(String key, double value, long step, Instant timestamp) {

    /**
     * MLflow's definition of "latest": the greatest (step, timestamp, value), with NaN greater than
     * every number (as {@link Double#compare} orders it).
     */
    public static final Comparator<Metric> LATEST_ORDER = Comparator.comparingLong(Metric::step)
            .thenComparing(Metric::timestamp)
            .thenComparing(Metric::value, Double::compare);

    public Metric {
        Objects.requireNonNull(key, "key");
        timestamp = Times.truncate(Objects.requireNonNull(timestamp, "timestamp"));
    }

    /** @return {@code key=value @ step n (timestamp)}, the value with up to six significant digits */
    @Override
    public String toString() {
        return key + "=" + TextTable.number(value) + " @ step " + step + " (" + timestamp + ")";
    }
}
