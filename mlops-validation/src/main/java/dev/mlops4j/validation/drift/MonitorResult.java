package dev.mlops4j.validation.drift;

import java.util.Objects;

/**
 * One simple monitor of one column (see {@link Monitor} for the exact definitions).
 *
 * @param monitor which monitor
 * @param reference the reference side's share (missing share, share outside mean &plusmn; 2 sd; NaN where the
 *     monitor has no reference side, as for new categories)
 * @param current the current side's share
 * @param value the monitored change the thresholds apply to
 * @param thresholds the thresholds
 * @param status the verdict ({@link DriftStatus#NOT_ENOUGH_DATA} below the minimum sample size)
 * @param exact false if computed from sketches (then an estimate)
 */
public record MonitorResult(Monitor monitor, double reference, double current, double value, Thresholds thresholds,
        DriftStatus status, boolean exact) {
    public MonitorResult {
        Objects.requireNonNull(monitor, "monitor");
        Objects.requireNonNull(thresholds, "thresholds");
        Objects.requireNonNull(status, "status");
    }

    /** @return one line, shares in percent, e.g. {@code missing_fraction_change: 2.00% -> 9.00%, 7.00% -> WARNING} */
    @Override
    public String toString() {
        return monitor.key() + ": " + (Double.isNaN(reference) ? "" : pct(reference) + " -> ") + pct(current) + ", "
                + pct(value) + " (thresholds " + pctThresholds() + ") -> " + status + (exact ? "" : " (estimate)");
    }

    private String pctThresholds() {
        return thresholds.warning() == thresholds.drift() ? ">=" + pct(thresholds.drift())
                : ">=" + pct(thresholds.warning()) + "/" + pct(thresholds.drift());
    }

    private static String pct(double share) {
        return Double.isNaN(share) ? "n/a" : String.format(java.util.Locale.ROOT, "%.2f%%", share * 100);
    }
}
