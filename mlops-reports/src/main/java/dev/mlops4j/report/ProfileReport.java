package dev.mlops4j.report;

import dev.mlops4j.report.internal.data.ProfileHtml;
import dev.mlops4j.validation.profile.Profile;
import dev.mlops4j.validation.report.ValidationReport;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A data profile as an HTML page: one row of statistics per column (counts, missing and invalid values, distinct
 * count, range, mean, standard deviation, top values) and a chart per column (a histogram for ordered columns, the
 * most frequent values for categorical ones). With a validation report, its anomalies lead the page and the columns
 * they concern are highlighted. Immutable; from {@link DataReports} or {@link #builder(Profile)}.
 *
 * <pre>{@code
 * ValidationReport checked = Validator.against(schema).validate(table);
 * DataReports.validation(checked).writeTo(Path.of("target/validation.html"));
 * }</pre>
 */
public final class ProfileReport implements Report {
    private final Profile profile;
    private final ValidationReport validation;
    private final String title;
    private final Instant generatedAt;

    private ProfileReport(Builder b) {
        this.profile = b.profile;
        this.validation = b.validation;
        this.title = b.title != null ? b.title
                : (validation == null ? "Data profile: " : "Data validation: ") + profile.source();
        this.generatedAt = b.generatedAt != null ? b.generatedAt : Instant.now();
    }

    /**
     * @param profile the profile to show
     * @return a builder
     */
    public static Builder builder(Profile profile) {
        return new Builder(profile);
    }

    /** @return the profile shown */
    public Profile profile() {
        return profile;
    }

    /** @return the validation report shown with it, if any */
    public Optional<ValidationReport> validation() {
        return Optional.ofNullable(validation);
    }

    @Override
    public String title() {
        return title;
    }

    /** @return how many column charts the page holds */
    public int chartCount() {
        return ProfileHtml.charts(profile).size();
    }

    @Override
    public String toHtml() {
        return ProfileHtml.render(title, profile, validation(), generatedAt);
    }

    /** @return a one-line summary: what the page shows and how to save it */
    @Override
    public String toString() {
        return "Profile report '" + title + "': " + profile.rowCount() + " rows, " + profile.columns().size()
                + " columns, " + chartCount() + " charts"
                + (validation == null ? "" : ", " + validation.anomalies().size() + " anomalies")
                + "; writeTo(Path) saves it as one HTML file";
    }

    /** Collects the settings of a profile report; not thread-safe. */
    public static final class Builder {
        private final Profile profile;
        private ValidationReport validation;
        private String title;
        private Instant generatedAt;

        private Builder(Profile profile) {
            this.profile = Objects.requireNonNull(profile, "profile");
        }

        /**
         * @param report the validation of the same data, whose anomalies the page shows and highlights
         * @return this builder
         */
        public Builder validation(ValidationReport report) {
            this.validation = Objects.requireNonNull(report, "report");
            return this;
        }

        /**
         * @param text the page title (default: "Data profile: " or "Data validation: " and the data's source)
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
        public ProfileReport build() {
            return new ProfileReport(this);
        }
    }
}
