package dev.mlops4j.tracking;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Params, metrics and tags written to one run in one durable, atomic write: either all of it is
 * stored or, if any part is invalid or conflicts, none of it.
 *
 * <pre>{@code
 * run.log(LogBatch.builder()
 *         .param("lr", "0.01")
 *         .metric("loss", 0.42, 3)
 *         .tag("phase", "warmup")
 *         .build());
 * }</pre>
 *
 * @param params params to log (key to value)
 * @param metrics metric points, in the order given
 * @param tags tags to set (key to value)
 */
public record LogBatch(Map<String, String> params, List<Metric> metrics, Map<String, String> tags) {
    public LogBatch {
        params = Map.copyOf(params == null ? Map.of() : params);
        metrics = List.copyOf(metrics == null ? List.of() : metrics);
        tags = Map.copyOf(tags == null ? Map.of() : tags);
    }

    /** @return a builder for a batch */
    public static Builder builder() {
        return new Builder();
    }

    /** @return true if the batch holds nothing */
    public boolean isEmpty() {
        return params.isEmpty() && metrics.isEmpty() && tags.isEmpty();
    }

    /** @return the number of params, metrics and tags together */
    public int size() {
        return params.size() + metrics.size() + tags.size();
    }

    /**
     * Collects a batch. A builder is not thread-safe; the batch it builds is immutable.
     * Metrics without an explicit timestamp get the time of {@link #build()}.
     */
    public static final class Builder {
        private final Map<String, String> params = new LinkedHashMap<>();
        private final List<Object[]> metrics = new ArrayList<>();
        private final Map<String, String> tags = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * @param key param name
         * @param value its value
         * @return this builder
         */
        public Builder param(String key, String value) {
            params.put(Objects.requireNonNull(key, "param key"), Objects.requireNonNull(value, "value of param " + key));
            return this;
        }

        /**
         * @param key metric name
         * @param value its value
         * @param step step (0 if unknown)
         * @return this builder
         */
        public Builder metric(String key, double value, long step) {
            metrics.add(new Object[] {Objects.requireNonNull(key, "metric key"), value, step, null});
            return this;
        }

        /**
         * @param key metric name
         * @param value its value
         * @param step step
         * @param timestamp when it was measured
         * @return this builder
         */
        public Builder metric(String key, double value, long step, Instant timestamp) {
            metrics.add(new Object[] {Objects.requireNonNull(key, "metric key"), value, step,
                Objects.requireNonNull(timestamp, "timestamp of metric " + key)});
            return this;
        }

        /**
         * @param metric a complete metric point
         * @return this builder
         */
        public Builder metric(Metric metric) {
            Objects.requireNonNull(metric, "metric");
            return metric(metric.key(), metric.value(), metric.step(), metric.timestamp());
        }

        /**
         * @param key tag name
         * @param value its value
         * @return this builder
         */
        public Builder tag(String key, String value) {
            tags.put(Objects.requireNonNull(key, "tag key"), Objects.requireNonNull(value, "value of tag " + key));
            return this;
        }

        /** @return the immutable batch */
        public LogBatch build() {
            Instant now = Instant.now();
            List<Metric> points = new ArrayList<>(metrics.size());
            for (Object[] m : metrics) {
                points.add(new Metric((String) m[0], (Double) m[1], (Long) m[2], m[3] == null ? now : (Instant) m[3]));
            }
            return new LogBatch(params, points, tags);
        }
    }
}
