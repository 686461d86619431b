package dev.mlops4j.report.internal.data;

import dev.mlops4j.report.internal.Formats;
import dev.mlops4j.report.internal.HtmlPage;
import dev.mlops4j.report.internal.Markup;
import dev.mlops4j.report.internal.chart.BarChart;
import dev.mlops4j.report.internal.chart.Palette;
import dev.mlops4j.validation.drift.ColumnDrift;
import dev.mlops4j.validation.drift.DriftReport;
import dev.mlops4j.validation.drift.Measurement;
import dev.mlops4j.validation.drift.MonitorResult;
import dev.mlops4j.validation.drift.MultipleTesting;
import dev.mlops4j.validation.profile.ColumnProfile;
import dev.mlops4j.validation.profile.Profile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Renders a drift page: the data set's verdict, a table with each column's deciding statistic, p-value, thresholds
 * and status, the simple monitors, and per column the reference and current distributions side by side on the same
 * bins, drifted columns first. Every number is printed with the definition the drift report gives for it.
 */
public final class DriftHtml {
    private DriftHtml() {
    }

    /**
     * @param title page title
     * @param reference the reference profile
     * @param current the current profile
     * @param drift the comparison of the two
     * @param generatedAt footer time
     * @return the HTML document
     */
    public static String render(String title, Profile reference, Profile current, DriftReport drift,
                                Instant generatedAt) {
        HtmlPage page = new HtmlPage(title, drift.currentSource() + " (" + drift.currentRows() + " rows) against "
                + drift.referenceSource() + " (" + drift.referenceRows() + " rows), preset " + drift.preset());
        Markup m = page.body();
        verdict(m, drift);
        columns(m, drift);
        monitors(m, drift);
        charts(m, reference, current, drift);
        definitions(m, drift);
        return page.finish(generatedAt);
    }

    /**
     * @param reference the reference profile
     * @param current the current profile
     * @param drift their comparison
     * @return one chart per compared column that both profiles can draw, drifted columns first
     */
    public static List<BarChart> charts(Profile reference, Profile current, DriftReport drift) {
        List<BarChart> out = new ArrayList<>();
        for (ColumnDrift c : ordered(drift)) {
            chart(reference, current, c).ifPresent(out::add);
        }
        return out;
    }

    private static List<ColumnDrift> ordered(DriftReport drift) {
        List<ColumnDrift> columns = new ArrayList<>(drift.columns());
        // Worst first, then the report's order: the columns a reader must look at lead.
        columns.sort((a, b) -> Integer.compare(rank(b), rank(a)));
        return columns;
    }

    private static int rank(ColumnDrift c) {
        switch (c.status()) {
            case DRIFT:
                return 3;
            case WARNING:
                return 2;
            case NO_DRIFT:
                return 1;
            default:
                return 0;
        }
    }

    private static Optional<BarChart> chart(Profile reference, Profile current, ColumnDrift c) {
        List<ColumnProfile> sides = new ArrayList<>(2);
        List<String> names = new ArrayList<>(2);
        reference.find(c.column()).ifPresent(p -> {
            sides.add(p);
            names.add("reference");
        });
        current.find(c.column()).ifPresent(p -> {
            sides.add(p);
            names.add("current");
        });
        if (sides.isEmpty() || sides.size() == 2 && sides.get(0).type().isOrdered() != sides.get(1).type().isOrdered()) {
            return Optional.empty();
        }
        return Distribution.of(sides).map(d -> {
            BarChart.Builder b = BarChart.builder(c.column() + " \u2014 " + c.status(), d.labels())
                    .yLabel("share of values").xLabel(sides.get(0).type().isOrdered() ? "value" : "category")
                    .legend(true);
            for (int i = 0; i < d.shares().size(); i++) {
                b.series(names.get(i), Palette.color(names.get(i).equals("reference") ? 0 : 1), d.shares().get(i));
            }
            return b.build();
        });
    }

    private static void verdict(Markup m, DriftReport drift) {
        m.start("section", "id", "verdict");
        m.element("h2", "Verdict");
        m.start("p");
        m.element("span", drift.status().name(), "class", "verdict verdict-" + drift.status().name());
        m.text(" " + drift.summary());
        m.end();
        if (!drift.driftedColumns().isEmpty()) {
            m.element("p", "Drifted: " + String.join(", ", drift.driftedColumns()), "class", "note");
        }
        m.end();
    }

    private static void columns(Markup m, DriftReport drift) {
        m.start("section", "id", "columns");
        m.element("h2", "Columns");
        boolean corrected = drift.multipleTesting() != MultipleTesting.NONE;
        m.start("div", "class", "scroll").start("table");
        List<String> head = new ArrayList<>(List.of("column", "type", "status", "method", "value", "p-value"));
        if (corrected) {
            head.add("adjusted p");
        }
        head.addAll(List.of("thresholds", "reference n", "current n", "note"));
        DataPages.header(m, head.toArray(String[]::new));
        m.start("tbody");
        for (ColumnDrift c : drift.columns()) {
            Optional<Measurement> ms = c.measurement();
            m.start("tr", "class", "drift-" + c.status().name());
            m.element("th", c.column(), "scope", "row");
            m.element("td", type(c), "class", "nowrap");
            m.element("td", c.status().name(), "class", "nowrap status drift-status");
            m.element("td", ms.map(x -> x.method().shortName()).orElse(""), "class", "nowrap");
            m.element("td", ms.map(x -> Formats.number(x.value())).orElse(""), "class", "num");
            m.element("td", ms.filter(x -> x.method().isTest()).map(x -> Formats.number(x.pValue())).orElse(""),
                    "class", "num");
            if (corrected) {
                m.element("td", ms.filter(x -> x.method().isTest()).map(x -> Formats.number(x.adjustedPValue()))
                        .orElse(""), "class", "num");
            }
            m.element("td", ms.map(x -> x.thresholds().describe(x.method().isTest())).orElse(""), "class", "text");
            m.element("td", Long.toString(c.referenceValues()), "class", "num");
            m.element("td", Long.toString(c.currentValues()), "class", "num");
            m.element("td", c.reason().isEmpty() ? ms.map(Measurement::detail).orElse("") : c.reason(), "class",
                    "text");
            m.end();
        }
        m.end().end().end();
        m.end();
    }

    private static void monitors(Markup m, DriftReport drift) {
        List<String[]> rows = new ArrayList<>();
        List<String> statuses = new ArrayList<>();
        for (ColumnDrift c : drift.columns()) {
            for (MonitorResult r : c.monitors()) {
                rows.add(new String[] {c.column(), r.monitor().key(), share(r.reference()), share(r.current()),
                        Formats.number(r.value()), r.thresholds().describe(false), r.status().name(),
                        r.exact() ? "exact" : "estimate"});
                statuses.add(r.status().name());
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        m.start("section", "id", "monitors");
        m.element("h2", "Monitors");
        m.element("p", "Simple univariate monitors: the change in the share of missing values, the share of"
                + " categorical values the reference never had, the share of values outside the reference mean"
                + " \u00b1 2 standard deviations.", "class", "note");
        m.start("div", "class", "scroll").start("table");
        DataPages.header(m, "column", "monitor", "reference", "current", "value", "thresholds", "status", "basis");
        m.start("tbody");
        for (int i = 0; i < rows.size(); i++) {
            String[] r = rows.get(i);
            m.start("tr", "class", "drift-" + statuses.get(i));
            m.element("th", r[0], "scope", "row");
            for (int j = 1; j < r.length; j++) {
                m.element("td", r[j], "class", j >= 2 && j <= 4 ? "num" : "text");
            }
            m.end();
        }
        m.end().end().end();
        m.end();
    }

    private static void charts(Markup m, Profile reference, Profile current, DriftReport drift) {
        m.start("section", "id", "distributions");
        m.element("h2", "Distributions");
        m.element("p", "Reference and current side by side on the same bins (ordered columns: equal-width bins over"
                + " the range of both; categorical columns: the most frequent values of either side). Bars are shares"
                + " of each side's present values, so data sets of different sizes compare directly. Drifted columns"
                + " come first.", "class", "note");
        m.start("div", "class", "charts");
        int i = 0;
        for (ColumnDrift c : ordered(drift)) {
            Optional<BarChart> chart = chart(reference, current, c);
            if (chart.isEmpty()) {
                continue;
            }
            m.start("figure", "id", "column-" + (++i), "class", "drift-" + c.status().name());
            chart.get().renderTo(m);
            String basis = Distribution.of(sides(reference, current, c)).map(Distribution::basis).orElse("");
            m.element("figcaption", c.column() + ": " + c.measurement().map(Measurement::toString)
                    .orElse(c.status() + (c.reason().isEmpty() ? "" : " (" + c.reason() + ")")) + ". Bars: " + basis);
            m.end();
        }
        m.end();
        if (i == 0) {
            m.element("p", "No column has values to chart.", "class", "note");
        }
        m.end();
    }

    private static List<ColumnProfile> sides(Profile reference, Profile current, ColumnDrift c) {
        List<ColumnProfile> sides = new ArrayList<>(2);
        reference.find(c.column()).ifPresent(sides::add);
        current.find(c.column()).ifPresent(sides::add);
        return sides;
    }

    private static void definitions(Markup m, DriftReport drift) {
        m.start("section", "id", "definitions");
        m.element("h2", "What the numbers are");
        m.start("div", "class", "scroll").start("table");
        DataPages.header(m, "column", "method", "definition", "computed from");
        m.start("tbody");
        for (ColumnDrift c : drift.columns()) {
            for (Measurement x : c.measurements()) {
                m.start("tr");
                m.element("th", c.column(), "scope", "row");
                m.element("td", x.method().shortName(), "class", "nowrap");
                m.element("td", x.definition(), "class", "text");
                m.element("td", x.basis(), "class", "text");
                m.end();
            }
        }
        m.end().end().end();
        m.end();
    }

    private static String type(ColumnDrift c) {
        String ref = c.referenceType() == null ? "absent" : c.referenceType().name();
        String cur = c.currentType() == null ? "absent" : c.currentType().name();
        return (ref.equals(cur) ? ref : ref + " \u2192 " + cur).toLowerCase(Locale.ROOT);
    }

    private static String share(double v) {
        return Double.isNaN(v) ? "" : DataPages.share(v);
    }
}
