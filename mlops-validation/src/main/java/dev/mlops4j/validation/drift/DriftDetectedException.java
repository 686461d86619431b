package dev.mlops4j.validation.drift;

import dev.mlops4j.validation.DataValidationException;

/**
 * The current data drifted from the reference: {@link DriftReport#throwIfDrift()} found the data-set verdict
 * {@link DriftStatus#DRIFT}. A {@link DataValidationException}, so a pipeline that stops on bad data also stops on
 * drifted data; the message lists each drifted column with its measurement and what to do.
 */
public class DriftDetectedException extends DataValidationException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what drifted and how to proceed
     * @param report the report that drifted
     */
    public DriftDetectedException(String message, DriftReport report) {
        super(message, report);
    }

    /**
     * @param message which segments drifted and how to proceed
     * @param report the per-segment report
     */
    public DriftDetectedException(String message, SegmentedDriftReport report) {
        super(message, report);
    }

    /**
     * @return the report that drifted (for a per-segment comparison, its report over all rows); {@code null} after
     *     deserialisation
     */
    public DriftReport report() {
        Object d = details();
        return d instanceof SegmentedDriftReport ? ((SegmentedDriftReport) d).overall() : (DriftReport) d;
    }

    /** @return the per-segment report, if a per-segment comparison drifted */
    public java.util.Optional<SegmentedDriftReport> segmentedReport() {
        Object d = details();
        return d instanceof SegmentedDriftReport ? java.util.Optional.of((SegmentedDriftReport) d)
                : java.util.Optional.empty();
    }
}
