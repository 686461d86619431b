package dev.mlops4j.trigger;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.validation.drift.DriftReport;

import java.util.Objects;
import java.util.OptionalDouble;
import java.util.function.Supplier;

/**
 * Fires on new drift reports above a threshold; see {@link Trigger#onDrift(Supplier, double)}.
 *
 * @param reports the latest report, or null
 * @param shareThreshold the share of drifted columns that fires, NaN to use each report's own {@link DriftReport#isDrift()}
 */
public record DriftTrigger(Supplier<DriftReport> reports, double shareThreshold) implements Trigger {
    public DriftTrigger {
        Objects.requireNonNull(reports, "reports");
        if (!Double.isNaN(shareThreshold) && !(shareThreshold > 0 && shareThreshold <= 1)) {
            throw new InvalidInputException("drift share threshold must be in (0, 1], was " + shareThreshold
                    + "; e.g. 0.3 fires when 30% of the judged columns drifted");
        }
    }

    /** @return the threshold, empty when each report's own decision counts */
    public OptionalDouble threshold() {
        return Double.isNaN(shareThreshold) ? OptionalDouble.empty() : OptionalDouble.of(shareThreshold);
    }

    /** @param report a report @return true if it fires this trigger */
    public boolean fires(DriftReport report) {
        return Double.isNaN(shareThreshold) ? report.isDrift()
                : report.judgedColumns() > 0 && report.driftShare() >= shareThreshold;
    }

    @Override
    public String describe() {
        return Double.isNaN(shareThreshold) ? "drift" : "drift share >= " + shareThreshold;
    }
}
