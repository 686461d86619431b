package dev.mlops4j.validation.drift;

import dev.mlops4j.validation.drift.internal.WindowSpec;
import java.time.Duration;
import java.time.Period;
import java.util.Objects;

/**
 * How {@link DriftDetector#compareWindows(dev.mlops4j.validation.data.Table, dev.mlops4j.validation.data.Table,
 * Windowing)} cuts time-ordered data into windows: by row count, by calendar period of a date or timestamp column
 * (timestamps by their UTC date), or by a fixed duration. The reference is cut the same way for the alert bands.
 */
public final class Windowing {
    private final WindowSpec spec;
    private final String description;

    private Windowing(WindowSpec spec, String description) {
        this.spec = spec;
        this.description = description;
    }

    /**
     * @param rows rows per window (the last window may be shorter)
     * @return windows of consecutive rows
     */
    public static Windowing byRows(int rows) {
        if (rows < 1) {
            throw new dev.mlops4j.InvalidInputException("rows per window must be at least 1, was " + rows);
        }
        return new Windowing(WindowSpec.rows(rows), "windows of " + rows + " rows");
    }

    /**
     * @param column a DATE or TIMESTAMP column
     * @param period a positive number of days, months or years (one unit): {@code Period.ofMonths(1)} gives calendar
     *     months, {@code Period.ofWeeks(1)} weeks starting on Monday, {@code Period.ofDays(1)} days
     * @return calendar windows
     */
    public static Windowing byPeriod(String column, Period period) {
        Objects.requireNonNull(column, "column");
        return new Windowing(WindowSpec.period(column, Objects.requireNonNull(period, "period")),
                "windows of " + period + " by '" + column + "'");
    }

    /**
     * @param column a TIMESTAMP (or DATE) column
     * @param duration the window length, aligned on the epoch (e.g. {@code Duration.ofHours(1)}: clock hours in UTC)
     * @return windows of that duration
     */
    public static Windowing byDuration(String column, Duration duration) {
        Objects.requireNonNull(column, "column");
        return new Windowing(WindowSpec.duration(column, Objects.requireNonNull(duration, "duration")),
                "windows of " + duration + " by '" + column + "'");
    }

    /** @return the window assignment, for the passes */
    WindowSpec spec() {
        return spec;
    }

    /** @return e.g. {@code "windows of P1M by 'date'"} */
    @Override
    public String toString() {
        return description;
    }
}
