package dev.mlops4j.report;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.report.internal.data.DriftHtml;
import dev.mlops4j.validation.drift.DriftReport;
import dev.mlops4j.validation.profile.Profile;
import java.time.Instant;
import java.util.Objects;

/**
 * A drift comparison as an HTML page: the data set's verdict; each column's deciding statistic, p-value, thresholds
 * and status; the simple monitors; reference and current distributions side by side on the same bins for every
 * column, drifted columns first; and what exactly each number is. Immutable; from
 * {@link DataReports#drift(Profile, Profile)} or {@link #builder(Profile, Profile, DriftReport)}.
 *
 * <pre>{@code
 * Profile training = Profile.of(trainingTable);
 * Profile today = Profile.of(servingTable);
 * DataReports.drift(training, today).writeTo(Path.of("target/drift.html"));
 * }</pre>
 */
public final class DataDriftReport implements Report {
    private final Profile reference;
    private final Profile current;
    private final DriftReport drift;
    private final String title;
    private final Instant generatedAt;

    private DataDriftReport(Builder b) {
        this.reference = b.reference;
        this.current = b.current;
        this.drift = b.drift;
        this.title = b.title != null ? b.title : "Data drift: " + current.source() + " vs " + reference.source();
        this.generatedAt = b.generatedAt != null ? b.generatedAt : Instant.now();
    }

    /**
     * @param reference the reference (training) profile the drift report was computed from
     * @param current the current (serving) profile
     * @param drift the comparison of the two, e.g. {@code DriftDetector.defaults().compare(reference, current)}
     * @return a builder
     * @throws InvalidInputException if the drift report was not computed from profiles of these sizes
     */
    public static Builder builder(Profile reference, Profile current, DriftReport drift) {
        return new Builder(reference, current, drift);
    }

    /** @return the comparison shown */
    public DriftReport drift() {
        return drift;
    }

    @Override
    public String title() {
        return title;
    }

    /** @return how many column charts the page holds */
    public int chartCount() {
        return DriftHtml.charts(reference, current, drift).size();
    }

    @Override
    public String toHtml() {
        return DriftHtml.render(title, reference, current, drift, generatedAt);
    }

    /** @return a one-line summary: the verdict and how to save the page */
    @Override
    public String toString() {
        return "Drift report '" + title + "': " + drift.summary() + ", " + chartCount()
                + " charts; writeTo(Path) saves it as one HTML file";
    }

    /** Collects the settings of a drift report; not thread-safe. */
    public static final class Builder {
        private final Profile reference;
        private final Profile current;
        private final DriftReport drift;
        private String title;
        private Instant generatedAt;

        private Builder(Profile reference, Profile current, DriftReport drift) {
            this.reference = Objects.requireNonNull(reference, "reference");
            this.current = Objects.requireNonNull(current, "current");
            this.drift = Objects.requireNonNull(drift, "drift");
            // The charts come from the profiles and the verdicts from the report: they must describe the same data.
            if (drift.referenceRows() != reference.rowCount() || drift.currentRows() != current.rowCount()) {
                throw new InvalidInputException("the drift report compares " + drift.currentRows() + " current rows"
                        + " with " + drift.referenceRows() + " reference rows, but the profiles hold "
                        + current.rowCount() + " and " + reference.rowCount() + " rows; pass the profiles the report"
                        + " was computed from");
            }
        }

        /**
         * @param text the page title (default: "Data drift: current vs reference" by their sources)
         * @return this builder
         */
        public Builder title(String text) {
            this.title = Objects.requireNonNull(text, "title");
            return this;
        }

        /**
         * @param time the generation time printed in the footer (default: when {@link #build()} is called)
         * @return this builder
         */
        public Builder generatedAt(Instant time) {
            this.generatedAt = Objects.requireNonNull(time, "time");
            return this;
        }

        /** @return the report */
        public DataDriftReport build() {
            return new DataDriftReport(this);
        }
    }
}
