package dev.mlops4j.report.internal.chart;

import dev.mlops4j.report.internal.Markup;

/** A chart that draws itself as one inline {@code <svg>} element: self-contained, no script, no external resource. */
public interface Chart {

    /** @return the chart's title, drawn at its top and used as its accessible name */
    String title();

    /**
     * Writes the chart as one {@code <svg>} element (with the SVG namespace, so it is valid inside XHTML).
     *
     * @param out where to write
     */
    void renderTo(Markup out);

    /** @return the chart as a standalone SVG element */
    default String toSvg() {
        Markup m = new Markup();
        renderTo(m);
        return m.toString();
    }
}
