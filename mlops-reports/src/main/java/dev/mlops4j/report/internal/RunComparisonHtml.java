package dev.mlops4j.report.internal;

import dev.mlops4j.report.internal.chart.BarChart;
import dev.mlops4j.report.internal.chart.Chart;
import dev.mlops4j.report.internal.chart.LineChart;
import dev.mlops4j.report.internal.chart.Palette;
import dev.mlops4j.tracking.Metric;
import dev.mlops4j.tracking.RunComparison;
import dev.mlops4j.tracking.RunInfo;
import dev.mlops4j.tracking.RunRecord;
import dev.mlops4j.tracking.SystemTags;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * Renders a run comparison page: runs, params, metrics, charts. Run {@code i} has colour {@code Palette.color(i)}
 * everywhere (table swatches, lines, bars), so a run is recognisable across charts even where some runs lack a metric.
 */
public final class RunComparisonHtml {
    /** Most charts on one page; a sweep with hundreds of metrics would otherwise make a page nobody can scroll. */
    static final int MAX_CHARTS = 60;

    private RunComparisonHtml() {
    }

    /**
     * How a page is rendered.
     *
     * @param source where the runs come from, may be empty
     * @param experimentNames experiment id to name, for ids that should be shown by name
     * @param showUnchanged whether unchanged params and metrics are listed
     * @param generatedAt the time printed in the footer
     * @param maxPoints the down-sampling limit, for the charts' captions
     */
    public record Settings(String source, Map<String, String> experimentNames, boolean showUnchanged,
                           Instant generatedAt, int maxPoints) {
        public Settings {
            Objects.requireNonNull(source, "source");
            experimentNames = Map.copyOf(experimentNames);
            Objects.requireNonNull(generatedAt, "generatedAt");
        }
    }

    /**
     * @param title page title
     * @param c the comparison
     * @param curves run id to metric key to the points to draw
     * @param s settings
     * @return the HTML document
     */
    public static String render(String title, RunComparison c, Map<String, Map<String, MetricCurve>> curves,
                                Settings s) {
        String subtitle = c.runs().size() + (c.runs().size() == 1 ? " run" : " runs") + ", baseline " + c.label(0)
                + (s.source().isEmpty() ? "" : " \u00b7 " + s.source());
        HtmlPage page = new HtmlPage(title, subtitle);
        Markup m = page.body();
        runs(m, c, s);
        params(m, s.showUnchanged() ? c.withUnchanged() : c.changedOnly(), c);
        metrics(m, s.showUnchanged() ? c.withUnchanged() : c.changedOnly(), c);
        charts(m, c, curves, s);
        return page.finish(s.generatedAt());
    }

    /**
     * @param c the comparison
     * @param curves run id to metric key to the points to draw
     * @param s settings
     * @return the charts of the page, in page order: curves of metrics with histories, then latest-value bars
     */
    public static List<Chart> charts(RunComparison c, Map<String, Map<String, MetricCurve>> curves, Settings s) {
        List<Chart> out = new ArrayList<>();
        List<RunComparison.MetricDiff> metrics = c.withUnchanged().metrics();
        List<RunComparison.MetricDiff> single = new ArrayList<>();
        for (RunComparison.MetricDiff metric : metrics) {
            if (hasCurve(c, curves, metric.key())) {
                out.add(lineChart(c, curves, metric.key()));
            } else {
                single.add(metric);
            }
        }
        for (RunComparison.MetricDiff metric : single) {
            out.add(barChart(c, metric));
        }
        return out.size() > MAX_CHARTS ? List.copyOf(out.subList(0, MAX_CHARTS)) : out;
    }

    private static boolean hasCurve(RunComparison c, Map<String, Map<String, MetricCurve>> curves, String key) {
        return c.runs().stream().map(r -> curves.getOrDefault(r.runId(), Map.of()).get(key))
                .anyMatch(curve -> curve != null && curve.points().size() > 1);
    }

    private static Chart lineChart(RunComparison c, Map<String, Map<String, MetricCurve>> curves, String key) {
        LineChart.Builder b = LineChart.builder(key).xLabel("step").yLabel(key).integerX(true);
        for (int i = 0; i < c.runs().size(); i++) {
            MetricCurve curve = curves.getOrDefault(c.runs().get(i).runId(), Map.of()).get(key);
            if (curve != null && !curve.points().isEmpty()) {
                b.series(c.label(i), Palette.color(i), curve.points().stream()
                        .map(p -> new LineChart.Point(p.step(), p.value())).toList());
            }
        }
        return b.build();
    }

    private static Chart barChart(RunComparison c, RunComparison.MetricDiff metric) {
        BarChart.Builder b = BarChart.builder(metric.key(), List.of("latest value")).yLabel(metric.key()).legend(true);
        for (int i = 0; i < c.runs().size(); i++) {
            OptionalDouble v = metric.value(i);
            if (v.isPresent()) {
                b.series(c.label(i), Palette.color(i), List.of(v.getAsDouble()));
            }
        }
        return b.build();
    }

    // ---------------------------------------------------------------- sections

    private static void runs(Markup m, RunComparison c, Settings s) {
        m.start("section", "id", "runs");
        m.element("h2", "Runs");
        m.start("div", "class", "scroll").start("table");
        m.start("thead").start("tr");
        for (String h : List.of("run", "run id", "status", "experiment", "started", "duration", "user", "source",
                "tags")) {
            m.element("th", h, "scope", "col");
        }
        m.end().end();
        m.start("tbody");
        for (int i = 0; i < c.runs().size(); i++) {
            RunRecord r = c.runs().get(i);
            RunInfo info = r.info();
            m.start("tr");
            m.start("td");
            swatch(m, i);
            m.text(info.runName().isEmpty() ? "(unnamed)" : info.runName());
            if (i == 0) {
                m.element("span", "baseline", "class", "tag");
            }
            if (info.parentRunId() != null) {
                m.element("span", "child of " + info.parentRunId().substring(0, Math.min(8, info.parentRunId().length())),
                        "class", "tag");
            }
            m.end();
            m.start("td").element("code", info.runId()).end();
            m.element("td", info.status().name(), "class", "nowrap status status-" + info.status().name());
            String experiment = s.experimentNames().get(info.experimentId());
            m.element("td", experiment == null ? info.experimentId() : experiment + " (" + info.experimentId() + ")",
                    "class", "text");
            m.element("td", Formats.time(info.startTime()), "class", "nowrap");
            m.element("td", info.endTime() == null ? "running" : Formats.duration(info.duration()), "class", "num");
            m.element("td", info.user(), "class", "text");
            m.element("td", info.source(), "class", "text");
            m.element("td", r.tags().entrySet().stream().filter(e -> !SystemTags.isReserved(e.getKey()))
                    .sorted(Map.Entry.comparingByKey())
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ")), "class", "text");
            m.end();
        }
        m.end().end().end();
        m.end();
    }

    private static void params(Markup m, RunComparison shown, RunComparison c) {
        m.start("section", "id", "params");
        m.element("h2", "Params");
        List<RunComparison.ParamDiff> all = c.withUnchanged().params();
        long changed = all.stream().filter(RunComparison.ParamDiff::changed).count();
        if (all.isEmpty()) {
            m.element("p", "No run has params.", "class", "note");
            m.end();
            return;
        }
        m.element("p", changed + " of " + all.size() + (all.size() == 1 ? " param differs" : " params differ")
                + " between the runs; highlighted cells differ from the baseline (the first run)."
                + (shown.showsUnchanged() ? "" : " Unchanged params are not listed."), "class", "note");
        if (!shown.params().isEmpty()) {
            m.start("div", "class", "scroll").start("table");
            header(m, c, "param");
            m.start("tbody");
            for (RunComparison.ParamDiff p : shown.params()) {
                m.start("tr", "class", p.changed() ? "changed" : "same");
                m.element("th", p.key(), "scope", "row");
                for (int i = 0; i < c.runs().size(); i++) {
                    String v = p.values().get(i);
                    boolean diff = p.changed() && i > 0 && !Objects.equals(v, p.values().get(0));
                    m.element("td", v == null ? "\u2014" : v, "class", cls("text", v == null ? "absent" : null,
                            diff ? "diff" : null));
                }
                m.end();
            }
            m.end().end().end();
        }
        m.end();
    }

    private static void metrics(Markup m, RunComparison shown, RunComparison c) {
        m.start("section", "id", "metrics");
        m.element("h2", "Metrics");
        List<RunComparison.MetricDiff> all = c.withUnchanged().metrics();
        long changed = all.stream().filter(RunComparison.MetricDiff::changed).count();
        if (all.isEmpty()) {
            m.element("p", "No run has metrics.", "class", "note");
            m.end();
            return;
        }
        m.element("p", "Latest value of each metric; " + changed + " of " + all.size()
                + (all.size() == 1 ? " metric differs" : " metrics differ")
                + ". Under each value: the change against the baseline (the first run), absolute and relative."
                + (shown.showsUnchanged() ? "" : " Unchanged metrics are not listed."), "class", "note");
        if (!shown.metrics().isEmpty()) {
            m.start("div", "class", "scroll").start("table");
            header(m, c, "metric");
            m.start("tbody");
            for (RunComparison.MetricDiff d : shown.metrics()) {
                m.start("tr", "class", d.changed() ? "changed" : "same");
                m.element("th", d.key(), "scope", "row");
                for (int i = 0; i < c.runs().size(); i++) {
                    metricCell(m, d, i);
                }
                m.end();
            }
            m.end().end().end();
        }
        m.end();
    }

    private static void metricCell(Markup m, RunComparison.MetricDiff d, int i) {
        Metric point = d.values().get(i);
        if (point == null) {
            m.element("td", "\u2014", "class", "num absent");
            return;
        }
        Metric base = d.values().get(0);
        boolean diff = d.changed() && i > 0 && (base == null || !(base.value() == point.value()
                || Double.compare(base.value(), point.value()) == 0));
        m.start("td", "class", cls("num", diff ? "diff" : null), "title", "step " + point.step());
        m.text(Formats.number(point.value()));
        OptionalDouble delta = d.delta(i);
        if (diff && delta.isPresent() && Double.isFinite(delta.getAsDouble())) {
            OptionalDouble rel = d.relativeChange(i);
            m.element("span", Formats.signed(delta.getAsDouble())
                    + (rel.isPresent() ? " (" + Formats.percent(rel.getAsDouble()) + ")" : ""), "class", "delta");
        }
        m.end();
    }

    private static void charts(Markup m, RunComparison c, Map<String, Map<String, MetricCurve>> curves, Settings s) {
        m.start("section", "id", "charts");
        m.element("h2", "Charts");
        List<Chart> charts = charts(c, curves, s);
        if (charts.isEmpty()) {
            m.element("p", "No run has metrics to chart.", "class", "note");
            m.end();
            return;
        }
        long down = curves.values().stream().flatMap(byKey -> byKey.values().stream())
                .filter(MetricCurve::downsampled).count();
        long total = curves.values().stream().flatMap(byKey -> byKey.values().stream())
                .mapToLong(MetricCurve::totalPoints).max().orElse(0);
        m.element("p", "Metric histories by step, one line per run (colours as in the tables); metrics logged once"
                + " per run are drawn as bars of their latest value. Hover a line or bar for its values."
                + (down > 0 ? " Long histories (up to " + total + " points) are down-sampled to at most "
                + s.maxPoints() + " points per run, keeping each bucket's minimum and maximum so spikes stay visible."
                : ""), "class", "note");
        int available = c.withUnchanged().metrics().size();
        if (available > charts.size()) {
            m.element("p", "Showing the first " + charts.size() + " of " + available + " metrics.", "class", "note");
        }
        m.start("div", "class", "charts");
        for (int i = 0; i < charts.size(); i++) {
            Chart chart = charts.get(i);
            m.start("figure", "id", "chart-" + (i + 1));
            chart.renderTo(m);
            m.element("figcaption", chart instanceof LineChart line
                    ? chart.title() + " by step: " + line.series().size() + (line.series().size() == 1 ? " run" : " runs")
                    : chart.title() + ": latest value per run");
            m.end();
        }
        m.end();
        m.end();
    }

    // ---------------------------------------------------------------- helpers

    private static void header(Markup m, RunComparison c, String first) {
        m.start("thead").start("tr");
        m.element("th", first, "scope", "col");
        for (int i = 0; i < c.runs().size(); i++) {
            m.start("th", "scope", "col");
            swatch(m, i);
            m.text(c.label(i));
            m.end();
        }
        m.end().end();
    }

    private static void swatch(Markup m, int run) {
        m.start("span", "class", "swatch", "style", "background: " + Palette.color(run)).end();
    }

    private static String cls(String... names) {
        String joined = java.util.Arrays.stream(names).filter(Objects::nonNull).collect(Collectors.joining(" "));
        return joined.isEmpty() ? null : joined;
    }
}
