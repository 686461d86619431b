package dev.mlops4j.report.internal.chart;

import static dev.mlops4j.report.internal.chart.Frame.n;

import dev.mlops4j.report.internal.Formats;
import dev.mlops4j.report.internal.Markup;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Bars over categories, grouped side by side when there are several series: the latest value of a metric per run,
 * a histogram (categories are bins), or reference and current histograms of a column next to each other for a drift
 * report. The value axis always includes zero. A missing, NaN or infinite value draws no bar and is counted in a note.
 * Every bar has a tooltip; small charts also print each value above its bar.
 */
public final class BarChart implements Chart {
    /** At most this many bars get their value printed above them. */
    private static final int MAX_LABELLED_BARS = 16;
    /** Widest bar, in pixels. */
    private static final double MAX_BAR = 72;

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final double width;
    private final double plotHeight;
    private final List<String> categories;
    private final List<Bars> series;
    private final boolean legend;

    private BarChart(Builder b) {
        this.title = b.title;
        this.xLabel = b.xLabel;
        this.yLabel = b.yLabel;
        this.width = b.width;
        this.plotHeight = b.plotHeight;
        this.categories = List.copyOf(b.categories);
        this.series = List.copyOf(b.series);
        this.legend = b.legend == null ? series.size() > 1 : b.legend;
    }

    /**
     * @param title the chart's title
     * @param categories the labels along the x axis, left to right (bins, runs, classes)
     * @return a builder
     */
    public static Builder builder(String title, List<String> categories) {
        return new Builder(title, categories);
    }

    @Override
    public String title() {
        return title;
    }

    /** @return the categories, left to right */
    public List<String> categories() {
        return categories;
    }

    /** @return the series, in legend order */
    public List<Bars> series() {
        return series;
    }

    /**
     * One series of bars.
     *
     * @param name legend and tooltip text
     * @param color {@code #rrggbb}
     * @param values one per category; {@code null}, NaN or infinite for no bar
     */
    public record Bars(String name, String color, List<Double> values) {
        public Bars {
            Objects.requireNonNull(name, "name");
            Palette.check(color);
            values = Collections.unmodifiableList(new ArrayList<>(values));
        }
    }

    @Override
    public void renderTo(Markup m) {
        double min = 0;
        double max = 0;
        int skipped = 0;
        for (Bars b : series) {
            for (Double v : b.values()) {
                if (v != null && Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                } else {
                    skipped++;
                }
            }
        }
        // Whether values are printed above the bars; decided before the axis, which then leaves room for them.
        double estimatedBar = Math.min(MAX_BAR, (width - 80) / categories.size() * 0.8 / Math.max(1, series.size()));
        boolean labelled = categories.size() * series.size() <= MAX_LABELLED_BARS
                && estimatedBar >= Frame.textWidth("0.000000", Frame.FONT_SIZE) * 0.8;
        double headroom = labelled ? (max - min) * 0.08 : 0;
        Ticks yt = Ticks.nice(min - (min < 0 ? headroom : 0), max + (max > 0 ? headroom : 0), 6, false);
        double left = Frame.valueAxisWidth(yt, yLabel);
        double plotWidth = width - left - Frame.PAD - 6;
        Ticks xt = new Ticks(0, Math.max(1, categories.size()), 1, List.of());
        Frame.Plot plot = new Frame.Plot(left, Frame.TITLE_HEIGHT + 6, plotWidth, plotHeight, xt, yt);
        Frame.Legend legendRows = legend
                ? Frame.legend(series.stream().map(b -> new Frame.Entry(b.name(), b.color())).toList(),
                width - 2 * Frame.PAD)
                : new Frame.Legend(List.of());
        double legendTop = plot.bottom() + Frame.xAxisHeight(xLabel) + 4;
        double noteHeight = skipped > 0 ? 16 : 0;
        double height = legendTop + legendRows.height() + noteHeight + 4;

        Frame.startSvg(m, title, width, height);
        Frame.drawValueAxis(m, yt, plot, yLabel);
        double slot = plotWidth / Math.max(1, categories.size());
        // Bars are at most MAX_BAR wide, so that a chart with few bars does not turn into blocks; groups stay centred.
        double barWidth = Math.min(MAX_BAR, slot * 0.8 / Math.max(1, series.size()));
        double groupOffset = (slot - barWidth * series.size()) / 2;
        m.start("g", "class", "bars");
        for (int s = 0; s < series.size(); s++) {
            Bars b = series.get(s);
            m.start("g", "fill", b.color());
            for (int c = 0; c < categories.size(); c++) {
                Double v = b.values().get(c);
                if (v == null || !Double.isFinite(v)) {
                    continue;
                }
                double x = plot.left() + c * slot + groupOffset + s * barWidth;
                double y0 = plot.y(0);
                double y1 = plot.y(v);
                m.start("rect", "x", n(x), "y", n(Math.min(y0, y1)), "width", n(Math.max(1, barWidth - 1)),
                        "height", n(Math.abs(y1 - y0)));
                m.element("title", (series.size() > 1 ? b.name() + ", " : "") + categories.get(c) + ": "
                        + Formats.number(v));
                m.end();
                if (labelled) {
                    m.element("text", Formats.number(v), "x", n(x + barWidth / 2), "y", n(v >= 0 ? y1 - 4 : y1 + 12),
                            "text-anchor", "middle", "fill", Frame.INK);
                }
            }
            m.end();
        }
        m.end();
        drawCategoryAxis(m, plot, slot);
        Frame.drawXLabel(m, plot, xLabel);
        Frame.drawLegend(m, legendRows, Frame.PAD, legendTop, false);
        if (skipped > 0) {
            m.element("text", skipped + (skipped == 1 ? " value is" : " values are")
                    + " missing, NaN or infinite and not drawn", "x", n(Frame.PAD), "y", n(height - 8),
                    "fill", Frame.MUTED);
        }
        m.end();
    }

    private void drawCategoryAxis(Markup m, Frame.Plot p, double slot) {
        m.start("g", "class", "x-axis");
        double zero = p.y(0);
        m.empty("line", "x1", n(p.left()), "y1", n(zero), "x2", n(p.right()), "y2", n(zero), "stroke", Frame.MUTED);
        double widest = 0;
        List<String> labels = new ArrayList<>(categories.size());
        for (String c : categories) {
            String label = Frame.cut(c, 24);
            labels.add(label);
            widest = Math.max(widest, Frame.textWidth(label, Frame.FONT_SIZE));
        }
        // Labels that would overlap are thinned to every k-th one; the tooltips still name every bar.
        int every = Math.max(1, (int) Math.ceil((widest + 8) / slot));
        for (int c = 0; c < labels.size(); c += every) {
            m.element("text", labels.get(c), "x", n(p.left() + (c + 0.5) * slot), "y", n(p.bottom() + 16),
                    "text-anchor", "middle", "fill", Frame.MUTED);
        }
        m.end();
    }

    /** Collects a bar chart. */
    public static final class Builder {
        private final String title;
        private final List<String> categories;
        private String xLabel = "";
        private String yLabel = "";
        private double width = 640;
        private double plotHeight = 240;
        private Boolean legend;
        private final List<Bars> series = new ArrayList<>();

        private Builder(String title, List<String> categories) {
            this.title = Objects.requireNonNull(title, "title");
            this.categories = List.copyOf(categories);
            if (this.categories.isEmpty()) {
                throw new IllegalArgumentException("a bar chart needs at least one category");
            }
        }

        /** @param label text under the x axis @return this builder */
        public Builder xLabel(String label) {
            this.xLabel = Objects.requireNonNull(label, "label");
            return this;
        }

        /** @param label text beside the y axis @return this builder */
        public Builder yLabel(String label) {
            this.yLabel = Objects.requireNonNull(label, "label");
            return this;
        }

        /**
         * @param pixels total width of the chart (at least 200)
         * @param plotPixels height of the plot area (at least 80)
         * @return this builder
         */
        public Builder size(double pixels, double plotPixels) {
            if (pixels < 200 || plotPixels < 80) {
                throw new IllegalArgumentException("a chart needs at least 200 x 80 pixels, got " + pixels + " x "
                        + plotPixels);
            }
            this.width = pixels;
            this.plotHeight = plotPixels;
            return this;
        }

        /** @param show whether to draw a legend (default: only with several series) @return this builder */
        public Builder legend(boolean show) {
            this.legend = show;
            return this;
        }

        /**
         * @param name the series' name
         * @param color {@code #rrggbb}, e.g. from {@link Palette#color(int)}
         * @param values one per category; {@code null} for no bar
         * @return this builder
         * @throws IllegalArgumentException if there is not one value per category
         */
        public Builder series(String name, String color, List<Double> values) {
            Bars b = new Bars(name, color, values);
            if (b.values().size() != categories.size()) {
                throw new IllegalArgumentException("series '" + name + "' has " + b.values().size() + " values for "
                        + categories.size() + " categories");
            }
            series.add(b);
            return this;
        }

        /** @return the chart */
        public BarChart build() {
            return new BarChart(this);
        }
    }
}
