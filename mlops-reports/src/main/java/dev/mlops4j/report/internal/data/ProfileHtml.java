package dev.mlops4j.report.internal.data;

import dev.mlops4j.report.internal.Formats;
import dev.mlops4j.report.internal.HtmlPage;
import dev.mlops4j.report.internal.Markup;
import dev.mlops4j.report.internal.chart.BarChart;
import dev.mlops4j.report.internal.chart.Palette;
import dev.mlops4j.validation.data.MalformedRow;
import dev.mlops4j.validation.profile.ColumnProfile;
import dev.mlops4j.validation.profile.Profile;
import dev.mlops4j.validation.report.Anomaly;
import dev.mlops4j.validation.report.ValidationReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * Renders a data profile page, optionally with a validation report: the anomalies first (they are what a reader came
 * for), then one row of statistics per column, then a histogram or top-values chart per column. Columns with
 * anomalies are highlighted in the table and their charts are marked.
 */
public final class ProfileHtml {
    private ProfileHtml() {
    }

    /**
     * @param title page title
     * @param profile the profile to show
     * @param validation the validation report of the same data, if any
     * @param generatedAt footer time
     * @return the HTML document
     */
    public static String render(String title, Profile profile, Optional<ValidationReport> validation,
                                Instant generatedAt) {
        String subtitle = profile.source() + " \u00b7 " + profile.rowCount() + " rows, " + profile.columns().size()
                + " columns" + (profile.malformedRows() > 0 ? ", " + profile.malformedRows() + " malformed rows" : "");
        HtmlPage page = new HtmlPage(title, subtitle);
        Markup m = page.body();
        validation.ifPresent(v -> anomalies(m, v));
        columns(m, profile, validation);
        malformed(m, profile);
        charts(m, profile, validation);
        return page.finish(generatedAt);
    }

    /**
     * @param profile a profile
     * @return the chart per column that has one, in column order
     */
    public static List<BarChart> charts(Profile profile) {
        List<BarChart> out = new ArrayList<>();
        for (ColumnProfile c : profile.columns()) {
            chart(c).ifPresent(out::add);
        }
        return out;
    }

    private static Optional<BarChart> chart(ColumnProfile c) {
        return Distribution.of(List.of(c)).map(d -> BarChart.builder(c.name(), d.labels())
                .yLabel("share of values").xLabel(c.type().isOrdered() ? "value" : "category")
                .series(c.name(), Palette.color(0), d.shares().get(0)).legend(false).build());
    }

    private static void anomalies(Markup m, ValidationReport v) {
        m.start("section", "id", "anomalies");
        m.element("h2", "Validation");
        String verdict = v.isValid() ? "VALID" : "INVALID";
        m.start("p");
        m.element("span", verdict, "class", "verdict verdict-" + verdict);
        m.text(" " + v.errors().size() + (v.errors().size() == 1 ? " error, " : " errors, ") + v.warnings().size()
                + (v.warnings().size() == 1 ? " warning" : " warnings")
                + v.environment().map(e -> " in environment " + e.name()).orElse("") + ".");
        m.end();
        if (!v.anomalies().isEmpty()) {
            m.start("div", "class", "scroll").start("table");
            DataPages.header(m, "column", "anomaly", "severity", "rows", "share", "description", "examples");
            m.start("tbody");
            for (Anomaly a : v.anomalies()) {
                m.start("tr", "class", "severity-" + a.severity().name());
                m.element("th", a.column() == null ? "(data set)" : a.column(), "scope", "row");
                m.element("td", a.kind().name(), "class", "nowrap");
                m.element("td", a.severity().name(), "class", "nowrap status severity");
                m.element("td", Long.toString(a.count()), "class", "num");
                m.element("td", DataPages.share(a.fraction()), "class", "num");
                m.element("td", a.description(), "class", "text");
                m.element("td", a.samples().stream().map(Anomaly.Sample::toString).collect(Collectors.joining(", ")),
                        "class", "text");
                m.end();
            }
            m.end().end().end();
        }
        m.end();
    }

    private static void columns(Markup m, Profile p, Optional<ValidationReport> validation) {
        m.start("section", "id", "columns");
        m.element("h2", "Columns");
        m.element("p", "Counts are of rows; missing values are empty cells, invalid ones did not parse as the column's"
                + " type. Distinct counts marked ~ are HyperLogLog estimates.", "class", "note");
        m.start("div", "class", "scroll").start("table");
        DataPages.header(m, "column", "type", "present", "missing", "invalid", "distinct", "min", "max", "mean",
                "std. dev.", "zeros", "top values");
        m.start("tbody");
        for (ColumnProfile c : p.columns()) {
            boolean flagged = validation.map(v -> !v.anomaliesOf(c.name()).isEmpty()).orElse(false);
            m.start("tr", "class", flagged ? "flagged" : null);
            m.element("th", c.name(), "scope", "row");
            m.element("td", c.type().name(), "class", "nowrap");
            m.element("td", Long.toString(c.count()), "class", "num");
            m.element("td", c.missing() + (c.missing() > 0 ? " (" + DataPages.share(c.missingFraction()) + ")" : ""),
                    "class", "num");
            m.element("td", Long.toString(c.invalid()), "class", "num");
            m.element("td", (c.distinct().exact() ? "" : "~") + c.distinct().estimate(), "class", "num");
            m.element("td", value(c, c.min()), "class", "num");
            m.element("td", value(c, c.max()), "class", "num");
            m.element("td", number(c.mean()), "class", "num");
            m.element("td", number(c.stddev()), "class", "num");
            m.element("td", c.type().isNumeric() ? Long.toString(c.zeros()) : "", "class", "num");
            m.element("td", c.type().isOrdered() ? "" : c.topValues(5).stream()
                    .map(v -> v.value() + " (" + v.count() + ")").collect(Collectors.joining(", ")), "class", "text");
            m.end();
        }
        m.end().end().end();
        m.end();
    }

    private static void malformed(Markup m, Profile p) {
        if (p.malformedSamples().isEmpty()) {
            return;
        }
        m.start("section", "id", "malformed");
        m.element("h2", "Malformed rows");
        m.element("p", p.malformedRows() + " rows could not be read; the first ones:", "class", "note");
        m.start("table");
        DataPages.header(m, "line", "problem", "text");
        m.start("tbody");
        for (MalformedRow r : p.malformedSamples()) {
            m.start("tr");
            m.element("td", Long.toString(r.line()), "class", "num");
            m.element("td", r.reason(), "class", "text");
            m.element("td", r.text() == null ? "" : r.text(), "class", "text");
            m.end();
        }
        m.end().end();
        m.end();
    }

    private static void charts(Markup m, Profile p, Optional<ValidationReport> validation) {
        m.start("section", "id", "distributions");
        m.element("h2", "Distributions");
        m.element("p", "Ordered columns (numbers, dates, timestamps) as histograms of equal-width bins, categorical and"
                + " boolean columns as their most frequent values; bars are shares of the column's present values."
                + " Hover a bar for its value.", "class", "note");
        m.start("div", "class", "charts");
        int i = 0;
        for (ColumnProfile c : p.columns()) {
            Optional<Distribution> d = Distribution.of(List.of(c));
            if (d.isEmpty()) {
                continue;
            }
            boolean flagged = validation.map(v -> !v.anomaliesOf(c.name()).isEmpty()).orElse(false);
            m.start("figure", "id", "column-" + (++i), "class", flagged ? "flagged" : null);
            chart(c).orElseThrow().renderTo(m);
            m.element("figcaption", c.name() + " (" + c.type().name().toLowerCase(java.util.Locale.ROOT) + "): "
                    + d.get().basis() + (flagged ? "; has anomalies" : ""));
            m.end();
        }
        m.end();
        if (i == 0) {
            m.element("p", "No column has values to chart.", "class", "note");
        }
        m.end();
    }

    private static String value(ColumnProfile c, OptionalDouble v) {
        return v.isPresent() ? c.format(v.getAsDouble()) : "";
    }

    private static String number(OptionalDouble v) {
        return v.isPresent() ? Formats.number(v.getAsDouble()) : "";
    }
}
