package dev.mlops4j.core.internal.search;

import dev.mlops4j.search.Field;
import dev.mlops4j.tracking.Metric;
import dev.mlops4j.tracking.RunRecord;
import java.time.Instant;
import java.util.function.Function;

/**
 * Reads the value a {@link Field} names from a run, resolved once per field so that evaluation does no
 * dispatch on the field kind. {@code null} means the run does not have the value (absent metric, param or
 * tag; null end time or parent run id).
 */
final class FieldAccess {
    private FieldAccess() {
    }

    /**
     * @param field a numeric field (metric, start_time, end_time)
     * @return a reader of its value, the metric's latest value or the time in epoch milliseconds
     */
    static Function<RunRecord, Double> numeric(Field field) {
        if (!field.isNumeric()) {
            throw new IllegalArgumentException(field + " is not numeric");
        }
        if (field.kind() == Field.Kind.METRIC) {
            String key = field.key();
            return r -> {
                Metric m = r.latestMetrics().get(key);
                return m == null ? null : m.value();
            };
        }
        return switch (field.attribute()) {
            case START_TIME -> r -> millis(r.info().startTime());
            case END_TIME -> r -> millis(r.info().endTime());
            default -> throw new IllegalArgumentException(field + " is not numeric");
        };
    }

    /**
     * @param field a string field (param, tag or string attribute)
     * @return a reader of its value
     */
    static Function<RunRecord, String> string(Field field) {
        String key = field.key();
        return switch (field.kind()) {
            case PARAM -> r -> r.params().get(key);
            case TAG -> r -> r.tags().get(key);
            case METRIC -> throw new IllegalArgumentException(field + " is not a string");
            case ATTRIBUTE -> switch (field.attribute()) {
                case RUN_ID -> RunRecord::runId;
                case RUN_NAME -> r -> r.info().runName();
                case STATUS -> r -> r.info().status().name();
                case USER -> r -> r.info().user();
                case EXPERIMENT_ID -> r -> r.info().experimentId();
                case PARENT_RUN_ID -> r -> r.info().parentRunId();
                case START_TIME, END_TIME -> throw new IllegalArgumentException(field + " is not a string");
            };
        };
    }

    private static Double millis(Instant t) {
        return t == null ? null : (double) t.toEpochMilli();
    }
}
