package dev.mlops4j.report.internal.chart;

import static dev.mlops4j.report.internal.chart.Frame.n;

import dev.mlops4j.report.internal.Formats;
import dev.mlops4j.report.internal.Markup;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Lines over a numeric x axis, one per series, with a labelled value axis, x ticks, a legend, and a tooltip (an SVG
 * {@code <title>}) per series. NaN and infinite values cannot be placed: they break the line there and are counted in
 * a note under the chart. Series with few points also get a dot per point, so that a single point is visible.
 */
public final class LineChart implements Chart {
    /** Series with at most this many points get a dot per point. */
    private static final int MAX_DOTTED = 60;

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final boolean integerX;
    private final double width;
    private final double plotHeight;
    private final List<Series> series;

    private LineChart(Builder b) {
        this.title = b.title;
        this.xLabel = b.xLabel;
        this.yLabel = b.yLabel;
        this.integerX = b.integerX;
        this.width = b.width;
        this.plotHeight = b.plotHeight;
        this.series = List.copyOf(b.series);
    }

    /**
     * @param title the chart's title
     * @return a builder
     */
    public static Builder builder(String title) {
        return new Builder(title);
    }

    @Override
    public String title() {
        return title;
    }

    /** @return the series, in drawing order */
    public List<Series> series() {
        return series;
    }

    /**
     * One point of a series.
     *
     * @param x horizontal value
     * @param y vertical value; NaN or infinite breaks the line
     */
    public record Point(double x, double y) {
        boolean finite() {
            return Double.isFinite(x) && Double.isFinite(y);
        }
    }

    /**
     * A named line.
     *
     * @param name legend and tooltip text
     * @param color {@code #rrggbb}
     * @param points in drawing order (ascending x for a curve)
     */
    public record Series(String name, String color, List<Point> points) {
        public Series {
            Objects.requireNonNull(name, "name");
            Palette.check(color);
            points = List.copyOf(points);
        }
    }

    @Override
    public void renderTo(Markup m) {
        double xmin = Double.POSITIVE_INFINITY;
        double xmax = Double.NEGATIVE_INFINITY;
        double ymin = Double.POSITIVE_INFINITY;
        double ymax = Double.NEGATIVE_INFINITY;
        int skipped = 0;
        for (Series s : series) {
            for (Point p : s.points()) {
                if (p.finite()) {
                    xmin = Math.min(xmin, p.x());
                    xmax = Math.max(xmax, p.x());
                    ymin = Math.min(ymin, p.y());
                    ymax = Math.max(ymax, p.y());
                } else {
                    skipped++;
                }
            }
        }
        boolean empty = xmin > xmax;
        Ticks xt = empty ? Ticks.tight(0, 1, 6, integerX) : Ticks.tight(xmin, xmax, 7, integerX);
        Ticks yt = empty ? Ticks.nice(0, 1, 5, false) : Ticks.nice(ymin, ymax, 6, false);
        double left = Frame.valueAxisWidth(yt, yLabel);
        // The last x label is centred on the right edge: keep room for half of it.
        double right = Math.max(Frame.PAD + 6, Frame.textWidth(xt.label(xt.hi()), Frame.FONT_SIZE) / 2 + 4);
        Frame.Plot plot = new Frame.Plot(left, Frame.TITLE_HEIGHT + 6, width - left - right, plotHeight, xt, yt);
        List<Frame.Entry> entries = series.stream().map(s -> new Frame.Entry(s.name(), s.color())).toList();
        Frame.Legend legend = Frame.legend(entries, width - 2 * Frame.PAD);
        double legendTop = plot.bottom() + Frame.xAxisHeight(xLabel) + 4;
        double noteHeight = skipped > 0 ? 16 : 0;
        double height = legendTop + legend.height() + noteHeight + 4;

        Frame.startSvg(m, title, width, height);
        Frame.drawValueAxis(m, yt, plot, yLabel);
        drawXAxis(m, plot);
        Frame.drawXLabel(m, plot, xLabel);
        m.start("g", "class", "series", "fill", "none", "stroke-width", "2", "stroke-linejoin", "round",
                "stroke-linecap", "round");
        for (Series s : series) {
            drawSeries(m, plot, s);
        }
        m.end();
        if (empty) {
            m.element("text", "no finite values to plot", "x", n((plot.left() + plot.right()) / 2),
                    "y", n((plot.top() + plot.bottom()) / 2), "text-anchor", "middle", "fill", Frame.MUTED);
        }
        Frame.drawLegend(m, legend, Frame.PAD, legendTop, true);
        if (skipped > 0) {
            m.element("text", skipped + (skipped == 1 ? " NaN or infinite value is" : " NaN or infinite values are")
                            + " not drawn (lines break there)", "x", n(Frame.PAD), "y", n(height - 8),
                    "fill", Frame.MUTED);
        }
        m.end();
    }

    private void drawXAxis(Markup m, Frame.Plot p) {
        m.start("g", "class", "x-axis");
        m.empty("line", "x1", n(p.left()), "y1", n(p.bottom()), "x2", n(p.right()), "y2", n(p.bottom()),
                "stroke", Frame.MUTED);
        for (double v : p.x().values()) {
            double x = p.x(v);
            m.empty("line", "x1", n(x), "y1", n(p.bottom()), "x2", n(x), "y2", n(p.bottom() + 4), "stroke", Frame.MUTED);
            m.element("text", p.x().label(v), "x", n(x), "y", n(p.bottom() + 16), "text-anchor", "middle",
                    "fill", Frame.MUTED);
        }
        m.end();
    }

    private static void drawSeries(Markup m, Frame.Plot plot, Series s) {
        List<Point> finite = s.points().stream().filter(Point::finite).toList();
        m.start("g", "class", "line", "stroke", s.color());
        m.element("title", s.name() + ": " + finite.size() + (finite.size() == 1 ? " point" : " points")
                + summary(finite));
        StringBuilder d = new StringBuilder();
        List<Point> isolated = new ArrayList<>();
        boolean drawing = false;
        List<Point> pts = s.points();
        for (int i = 0; i < pts.size(); i++) {
            Point p = pts.get(i);
            if (!p.finite()) {
                drawing = false;
                continue;
            }
            boolean nextFinite = i + 1 < pts.size() && pts.get(i + 1).finite();
            if (!drawing && !nextFinite) {
                isolated.add(p); // a lone point between gaps: a path of one point draws nothing
            }
            d.append(drawing ? " L" : (d.length() == 0 ? "M" : " M")).append(n(plot.x(p.x()))).append(' ')
                    .append(n(plot.y(p.y())));
            drawing = true;
        }
        if (d.length() > 0) {
            m.empty("path", "d", d.toString());
        }
        List<Point> dots = finite.size() <= MAX_DOTTED ? finite : isolated;
        for (Point p : dots) {
            m.empty("circle", "cx", n(plot.x(p.x())), "cy", n(plot.y(p.y())), "r", "2.5", "fill", s.color());
        }
        m.end();
    }

    private static String summary(List<Point> finite) {
        if (finite.isEmpty()) {
            return "";
        }
        Point last = finite.get(finite.size() - 1);
        return "; last " + Formats.number(last.y()) + " at " + Formats.number(last.x());
    }

    /** Collects a line chart. */
    public static final class Builder {
        private final String title;
        private String xLabel = "";
        private String yLabel = "";
        private boolean integerX;
        private double width = 640;
        private double plotHeight = 240;
        private final List<Series> series = new ArrayList<>();

        private Builder(String title) {
            this.title = Objects.requireNonNull(title, "title");
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

        /** @param integers true if x values are whole numbers (steps), so ticks are too @return this builder */
        public Builder integerX(boolean integers) {
            this.integerX = integers;
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

        /**
         * @param s a series
         * @return this builder
         */
        public Builder series(Series s) {
            series.add(Objects.requireNonNull(s, "series"));
            return this;
        }

        /**
         * @param name the series' name
         * @param color {@code #rrggbb}, e.g. from {@link Palette#color(int)}
         * @param points its points
         * @return this builder
         */
        public Builder series(String name, String color, List<Point> points) {
            return series(new Series(name, color, points));
        }

        /** @return the chart */
        public LineChart build() {
            return new LineChart(this);
        }
    }
}
