package dev.mlops4j.validation.drift;

import dev.mlops4j.validation.data.ColumnType;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The comparison of one column: its drift verdict from the selected (or configured) method, any further
 * measurements asked for, and the simple monitors.
 *
 * @param column the column name
 * @param referenceType its type in the reference, {@code null} if the reference lacks it
 * @param currentType its type in the current data, {@code null} if the current data lacks it
 * @param referenceValues present values in the reference (NaN excluded)
 * @param currentValues present values in the current data (NaN excluded)
 * @param status the verdict of the first measurement, or why there is none
 * @param measurements the deciding measurement first, then any further ones
 *     ({@link DriftDetector.Builder#measureAll(boolean)}); empty when not judged
 * @param monitors the simple monitors that apply to the column's type
 * @param reason why the column was not judged ({@link DriftStatus#NOT_ENOUGH_DATA},
 *     {@link DriftStatus#NOT_COMPARABLE}); empty otherwise
 */
public record ColumnDrift(String column, ColumnType referenceType, ColumnType currentType, long referenceValues,
        long currentValues, DriftStatus status, List<Measurement> measurements, List<MonitorResult> monitors,
        String reason) {

    public ColumnDrift {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(status, "status");
        measurements = List.copyOf(measurements);
        monitors = List.copyOf(monitors);
        reason = reason == null ? "" : reason;
    }

    /** @return the deciding measurement, if the column was judged */
    public Optional<Measurement> measurement() {
        return measurements.isEmpty() ? Optional.empty() : Optional.of(measurements.get(0));
    }

    /**
     * @param method a method
     * @return the measurement by that method, if computed
     */
    public Optional<Measurement> measurement(DriftMethod method) {
        return measurements.stream().filter(m -> m.method() == method).findFirst();
    }

    /**
     * @param monitor a monitor
     * @return its result, if it applies to this column
     */
    public Optional<MonitorResult> monitor(Monitor monitor) {
        return monitors.stream().filter(m -> m.monitor() == monitor).findFirst();
    }

    /** @return true if the deciding measurement says DRIFT */
    public boolean isDrift() {
        return status == DriftStatus.DRIFT;
    }

    /** @return the worst of the drift status and the monitors' statuses, among judged ones; else {@link #status()} */
    public DriftStatus worstStatus() {
        DriftStatus worst = status.isJudged() ? status : null;
        for (MonitorResult m : monitors) {
            if (m.status().isJudged()) {
                worst = worst == null ? m.status() : worst.worse(m.status());
            }
        }
        return worst == null ? status : worst;
    }

    /** @return the verdict, the value counts, then one line per measurement and monitor (or why not judged) */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(column).append(" (").append(referenceType == null ? "absent"
                : referenceType.name()).append(referenceType == currentType ? "" : " -> " + (currentType == null
                ? "absent" : currentType.name())).append("): ").append(status).append(", ").append(referenceValues)
                .append(" reference / ").append(currentValues).append(" current values");
        if (!reason.isEmpty()) {
            sb.append(": ").append(reason);
        }
        for (Measurement m : measurements) {
            sb.append("\n  ").append(m);
        }
        for (MonitorResult m : monitors) {
            sb.append("\n  ").append(m);
        }
        return sb.toString();
    }
}
