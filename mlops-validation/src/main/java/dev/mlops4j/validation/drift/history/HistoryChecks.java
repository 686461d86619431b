package dev.mlops4j.validation.drift.history;

import dev.mlops4j.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which strategy judges which metric: metric-name patterns where {@code *} matches any characters (e.g.
 * {@code "*.missing_fraction"}), in the order added; the first pattern that matches a metric decides. Immutable.
 *
 * <pre>{@code
 * HistoryChecks checks = HistoryChecks.builder()
 *         .check("rows", new RelativeRateOfChange(0.5, 2.0))
 *         .check("*.missing_fraction", OnlineNormal.above(3))
 *         .check("amount.mean", OnlineNormal.of(3))
 *         .build();
 * }</pre>
 */
public final class HistoryChecks {
    private static final HistoryChecks DEFAULTS = builder()
            .check(QualityMetrics.ROWS, new RelativeRateOfChange(0.5, 2.0))
            .check("*" + QualityMetrics.MISSING_FRACTION, OnlineNormal.above(3))
            .check("*" + QualityMetrics.INVALID_FRACTION, OnlineNormal.above(3))
            .check("*" + QualityMetrics.MEAN, OnlineNormal.of(3))
            .build();

    private final Map<String, AnomalyStrategy> patterns;
    private final List<Pattern> compiled;

    private HistoryChecks(Map<String, AnomalyStrategy> patterns) {
        this.patterns = new LinkedHashMap<>(patterns);
        this.compiled = new ArrayList<>();
        for (String p : patterns.keySet()) {
            compiled.add(Pattern.compile(String.join(".*", quotedParts(p))));
        }
    }

    private static List<String> quotedParts(String pattern) {
        List<String> out = new ArrayList<>();
        for (String part : pattern.split("\\*", -1)) {
            out.add(Pattern.quote(part));
        }
        return out;
    }

    /**
     * The defaults: {@code rows} may halve or double from one date to the next
     * ({@link RelativeRateOfChange}(0.5, 2)); every column's {@code missing_fraction} and {@code invalid_fraction} must
     * stay below mean + 3 sd of the earlier dates ({@link OnlineNormal#above(double)}); every column's {@code mean}
     * within mean &plusmn; 3 sd ({@link OnlineNormal#of(double)}); each after 7 earlier dates.
     *
     * @return the default checks
     */
    public static HistoryChecks defaults() {
        return DEFAULTS;
    }

    /** @return a builder without checks */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param metric a metric name
     * @return the strategy of the first pattern that matches it
     */
    public Optional<AnomalyStrategy> strategyFor(String metric) {
        int i = 0;
        for (AnomalyStrategy s : patterns.values()) {
            if (compiled.get(i++).matcher(metric).matches()) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** @return pattern to strategy, in order */
    public Map<String, AnomalyStrategy> patterns() {
        return java.util.Collections.unmodifiableMap(patterns);
    }

    /** Collects pattern-strategy pairs. */
    public static final class Builder {
        private final Map<String, AnomalyStrategy> patterns = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * @param metricPattern a metric name, {@code *} matching any characters
         * @param strategy the strategy for the metrics it matches
         * @return this builder
         */
        public Builder check(String metricPattern, AnomalyStrategy strategy) {
            if (metricPattern == null || metricPattern.isEmpty()) {
                throw new InvalidInputException("a metric pattern must not be empty; use \"*\" for every metric");
            }
            patterns.put(metricPattern, Objects.requireNonNull(strategy, "strategy"));
            return this;
        }

        /** @return the checks */
        public HistoryChecks build() {
            return new HistoryChecks(patterns);
        }
    }
}
