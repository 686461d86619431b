package dev.mlops4j.report;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.validation.drift.DriftDetector;
import dev.mlops4j.validation.drift.DriftReport;
import dev.mlops4j.validation.profile.Profile;
import dev.mlops4j.validation.report.ValidationReport;
import java.util.Objects;

/**
 * Creates data reports in one call: a data profile, a validation report, a drift comparison. They need
 * {@code mlops-validation} on the class path (an optional dependency of this module, so that run-comparison
 * reports alone do not pull in the statistics libraries).
 *
 * <pre>{@code
 * DataReports.profile(Profile.of(table)).writeTo(Path.of("profile.html"));
 * DataReports.validation(Validator.against(schema).validate(table)).writeTo(Path.of("validation.html"));
 * DataReports.drift(trainingProfile, servingProfile).writeTo(Path.of("drift.html"));
 * }</pre>
 */
public final class DataReports {
    private DataReports() {
    }

    /**
     * @param profile a data profile
     * @return its page: per-column statistics and histograms or top values
     */
    public static ProfileReport profile(Profile profile) {
        return ProfileReport.builder(profile).build();
    }

    /**
     * @param report a validation report that kept its profile (as {@code Validator.validate} does)
     * @return its page: the anomalies, then the profile with the affected columns highlighted
     * @throws InvalidInputException if the report carries no profile (as one read back from JSON)
     */
    public static ProfileReport validation(ValidationReport report) {
        Objects.requireNonNull(report, "report");
        Profile profile = report.profile().orElseThrow(() -> new InvalidInputException("validation report of "
                + report.source() + " carries no profile (reports read from JSON do not); profile the same data and"
                + " use ProfileReport.builder(profile).validation(report).build()"));
        return ProfileReport.builder(profile).validation(report).build();
    }

    /**
     * Compares two profiles with {@link DriftDetector#defaults()} and shows the result.
     *
     * @param reference the reference (training) profile
     * @param current the current (serving) profile
     * @return the page: verdicts, statistics and side-by-side distributions
     */
    public static DataDriftReport drift(Profile reference, Profile current) {
        return drift(reference, current, DriftDetector.defaults().compare(reference, current));
    }

    /**
     * @param reference the reference profile the drift report was computed from
     * @param current the current profile
     * @param drift their comparison, by any detector
     * @return the page: verdicts, statistics and side-by-side distributions
     */
    public static DataDriftReport drift(Profile reference, Profile current, DriftReport drift) {
        return DataDriftReport.builder(reference, current, drift).build();
    }
}
