package dev.mlops4j.report.internal.chart;

import dev.mlops4j.report.internal.Markup;
import java.util.ArrayList;
import java.util.List;

/**
 * What every chart shares: the SVG root and title, the value axis with grid lines, axis labels, the legend, and
 * text-width estimates. SVG cannot measure text before it is drawn, so widths are estimated from the character
 * count; the estimate is generous so that labels do not collide.
 */
final class Frame {
    static final String SVG_NS = "http://www.w3.org/2000/svg";
    static final String FONT = "Helvetica, Arial, sans-serif";
    static final String INK = "#1f2937";
    static final String MUTED = "#6b7280";
    static final String GRID = "#e5e7eb";
    static final double FONT_SIZE = 11;
    static final double TITLE_SIZE = 14;
    static final double PAD = 10;
    static final double TITLE_HEIGHT = 30;
    static final double LEGEND_ROW = 18;
    /** Longest legend or category label, in characters; longer ones are cut with an ellipsis. */
    static final int MAX_LABEL = 40;

    private Frame() {
    }

    /** Legend entries laid out in rows that fit the width. */
    record Legend(List<List<Entry>> rows) {
        double height() {
            return rows.isEmpty() ? 0 : rows.size() * LEGEND_ROW + 4;
        }
    }

    /** One legend entry. */
    record Entry(String label, String color) {
    }

    static Legend legend(List<Entry> entries, double width) {
        List<List<Entry>> rows = new ArrayList<>();
        List<Entry> row = new ArrayList<>();
        double x = 0;
        for (Entry e : entries) {
            double w = entryWidth(e);
            if (!row.isEmpty() && x + w > width) {
                rows.add(row);
                row = new ArrayList<>();
                x = 0;
            }
            row.add(e);
            x += w;
        }
        if (!row.isEmpty()) {
            rows.add(row);
        }
        return new Legend(rows);
    }

    private static double entryWidth(Entry e) {
        return 22 + textWidth(cut(e.label(), MAX_LABEL), FONT_SIZE) + 16;
    }

    static void drawLegend(Markup m, Legend legend, double x0, double y0, boolean lines) {
        if (legend.rows().isEmpty()) {
            return;
        }
        m.start("g", "class", "legend");
        double y = y0;
        for (List<Entry> row : legend.rows()) {
            double x = x0;
            for (Entry e : row) {
                if (lines) {
                    m.empty("line", "x1", n(x), "y1", n(y + 9), "x2", n(x + 16), "y2", n(y + 9), "stroke", e.color(),
                            "stroke-width", "3");
                } else {
                    m.empty("rect", "x", n(x + 2), "y", n(y + 3), "width", "12", "height", "12", "fill", e.color());
                }
                m.element("text", cut(e.label(), MAX_LABEL), "x", n(x + 22), "y", n(y + 13), "fill", INK);
                x += entryWidth(e);
            }
            y += LEGEND_ROW;
        }
        m.end();
    }

    static void startSvg(Markup m, String title, double width, double height) {
        m.start("svg", "xmlns", SVG_NS, "class", "chart", "width", n(width), "height", n(height),
                "viewBox", "0 0 " + n(width) + " " + n(height), "role", "img", "aria-label", title,
                "font-family", FONT, "font-size", n(FONT_SIZE));
        m.element("title", title);
        m.empty("rect", "width", n(width), "height", n(height), "fill", "#ffffff");
        m.element("text", cut(title, 90), "x", n(PAD), "y", "20", "font-size", n(TITLE_SIZE), "font-weight", "bold",
                "fill", INK);
    }

    /** Draws the horizontal grid lines and the labelled value axis on the left of the plot. */
    static void drawValueAxis(Markup m, Ticks ticks, Plot p, String label) {
        m.start("g", "class", "y-axis");
        for (double v : ticks.values()) {
            double y = p.y(v);
            m.empty("line", "x1", n(p.left()), "y1", n(y), "x2", n(p.right()), "y2", n(y), "stroke", GRID);
            m.element("text", ticks.label(v), "x", n(p.left() - 6), "y", n(y + 4), "text-anchor", "end",
                    "fill", MUTED);
        }
        m.empty("line", "x1", n(p.left()), "y1", n(p.top()), "x2", n(p.left()), "y2", n(p.bottom()), "stroke", MUTED);
        if (label != null && !label.isEmpty()) {
            double cy = (p.top() + p.bottom()) / 2;
            m.element("text", cut(label, MAX_LABEL), "x", n(PAD + 10), "y", n(cy), "text-anchor", "middle",
                    "transform", "rotate(-90 " + n(PAD + 10) + " " + n(cy) + ")", "fill", INK);
        }
        m.end();
    }

    static double valueAxisWidth(Ticks ticks, String label) {
        double widest = 0;
        for (double v : ticks.values()) {
            widest = Math.max(widest, textWidth(ticks.label(v), FONT_SIZE));
        }
        return PAD + (label == null || label.isEmpty() ? 0 : 18) + widest + 8;
    }

    static void drawXLabel(Markup m, Plot p, String label) {
        if (label != null && !label.isEmpty()) {
            m.element("text", cut(label, MAX_LABEL * 2), "x", n((p.left() + p.right()) / 2), "y", n(p.bottom() + 34),
                    "text-anchor", "middle", "fill", INK);
        }
    }

    static double xAxisHeight(String label) {
        return 22 + (label == null || label.isEmpty() ? 0 : 18);
    }

    /**
     * @param text a label
     * @param size font size
     * @return an estimate of its drawn width: about 0.6 em per character in a sans-serif font
     */
    static double textWidth(String text, double size) {
        return text.codePointCount(0, text.length()) * size * 0.6;
    }

    /**
     * @param text a label, may be null
     * @param max most characters to keep
     * @return the label, cut with an ellipsis if longer
     */
    static String cut(String text, int max) {
        if (text == null) {
            return "";
        }
        if (text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, max - 1)) + "\u2026";
    }

    /**
     * @param v a coordinate
     * @return it with at most one decimal, which is finer than a pixel and keeps files small
     */
    static String n(double v) {
        long tenths = Math.round(v * 10);
        return tenths % 10 == 0 ? Long.toString(tenths / 10) : Double.toString(tenths / 10.0);
    }

    /**
     * The plot area and the mapping of data to it.
     *
     * @param left left edge in pixels
     * @param top top edge
     * @param width plot width
     * @param height plot height
     * @param x horizontal axis ticks (their lo and hi are the left and right edges)
     * @param y vertical axis ticks (lo at the bottom, hi at the top)
     */
    record Plot(double left, double top, double width, double height, Ticks x, Ticks y) {
        double right() {
            return left + width;
        }

        double bottom() {
            return top + height;
        }

        double x(double v) {
            return left + (v - x.lo()) / (x.hi() - x.lo()) * width;
        }

        double y(double v) {
            return top + height - (v - y.lo()) / (y.hi() - y.lo()) * height;
        }
    }
}
