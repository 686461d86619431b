package dev.mlops4j.report.internal;

/**
 * The frame every report shares: an XHTML-compatible HTML5 document with its style sheet inline, a header with title
 * and subtitle, the report's content in {@code <main>}, and a footer. Nothing is fetched: no script, no font, no image
 * and no style sheet is referenced, so the file renders the same offline, from an artifact store or in an e-mail.
 */
public final class HtmlPage {
    /** The XHTML namespace: an XML parser needs it, browsers accept it. */
    public static final String XHTML_NS = "http://www.w3.org/1999/xhtml";

    private static final String CSS = String.join("\n",
            "body { font-family: Helvetica, Arial, sans-serif; color: #1f2937; background: #f9fafb; margin: 0;"
                    + " font-size: 14px; line-height: 1.4; }",
            "header, main, footer { max-width: 1320px; margin: 0 auto; padding: 12px 24px; }",
            "header { padding-top: 20px; padding-bottom: 0; }",
            "main { padding-top: 0; }",
            "h1 { font-size: 22px; margin: 0 0 4px; }",
            "h2 { font-size: 17px; margin: 28px 0 8px; }",
            "h3 { font-size: 14px; margin: 16px 0 6px; }",
            "pre { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 12px; background: #ffffff;"
                    + " border: 1px solid #e5e7eb; padding: 8px; overflow-x: auto; }",
            ".subtitle, .note, footer { color: #6b7280; }",
            ".note { font-size: 12px; margin: 6px 0; }",
            "footer { font-size: 12px; border-top: 1px solid #e5e7eb; margin-top: 24px; }",
            ".scroll { overflow-x: auto; }",
            "table { border-collapse: collapse; background: #ffffff; font-size: 13px; }",
            "th, td { border: 1px solid #e5e7eb; padding: 4px 8px; text-align: left; vertical-align: top; }",
            "td { max-width: 32em; }",
            "td.text { overflow-wrap: anywhere; }",
            "td.nowrap, code { white-space: nowrap; }",
            "thead th { background: #f3f4f6; font-weight: bold; }",
            "tbody th { font-weight: normal; font-family: ui-monospace, Menlo, Consolas, monospace; }",
            "td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }",
            "tr.changed th { border-left: 4px solid #d97706; }",
            "td.diff { background: #fef3c7; }",
            "td.absent { color: #9ca3af; }",
            "tr.same td, tr.same th { color: #6b7280; }",
            ".delta { display: block; font-size: 11px; color: #4b5563; }",
            "code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 12px; }",
            ".swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 6px; }",
            ".tag { display: inline-block; font-size: 11px; padding: 0 6px; border-radius: 8px; background: #e5e7eb;"
                    + " margin-left: 6px; }",
            ".status { font-size: 12px; font-weight: bold; }",
            ".status-FINISHED { color: #15803d; }",
            ".status-FAILED { color: #b91c1c; }",
            ".status-KILLED { color: #6b7280; }",
            ".status-RUNNING { color: #1d4ed8; }",
            ".charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(560px, 1fr)); gap: 16px; }",
            "figure { margin: 0; background: #ffffff; border: 1px solid #e5e7eb; border-radius: 4px; padding: 8px; }",
            "figcaption { font-size: 12px; color: #6b7280; margin-top: 4px; }",
            "svg.chart { display: block; max-width: 100%; height: auto; }",
            ".verdict { display: inline-block; font-weight: bold; padding: 1px 8px; border-radius: 4px;"
                    + " color: #ffffff; background: #6b7280; }",
            ".verdict-VALID, .verdict-NO_DRIFT, .verdict-PASSED { background: #15803d; }",
            ".verdict-INVALID, .verdict-DRIFT, .verdict-FAILED { background: #b91c1c; }",
            ".verdict-WARNING { background: #d97706; }",
            "tr.flagged th, tr.drift-DRIFT th, tr.severity-ERROR th { border-left: 4px solid #b91c1c; }",
            "tr.drift-WARNING th, tr.severity-WARNING th { border-left: 4px solid #d97706; }",
            "tr.flagged td, tr.drift-DRIFT td, tr.severity-ERROR td { background: #fef2f2; }",
            "tr.drift-WARNING td, tr.severity-WARNING td { background: #fffbeb; }",
            "tr.drift-NOT_ENOUGH_DATA td, tr.drift-NOT_COMPARABLE td { color: #6b7280; }",
            "figure.flagged, figure.drift-DRIFT { border-color: #b91c1c; }",
            "figure.drift-WARNING { border-color: #d97706; }");

    private final Markup m = new Markup();

    /**
     * Starts a page and leaves it open inside {@code <main>}.
     *
     * @param title the page title (also the heading)
     * @param subtitle a line under the heading, may be empty
     */
    public HtmlPage(String title, String subtitle) {
        m.declaration("<!DOCTYPE html>");
        m.start("html", "xmlns", XHTML_NS, "lang", "en");
        m.start("head");
        m.empty("meta", "charset", "utf-8");
        m.empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1");
        m.empty("meta", "name", "generator", "content", "mlops4j");
        m.element("title", title);
        m.start("style").css(CSS).end();
        m.end();
        m.start("body");
        m.start("header");
        m.element("h1", title);
        if (!subtitle.isEmpty()) {
            m.element("p", subtitle, "class", "subtitle");
        }
        m.end();
        m.start("main");
    }

    /** @return the writer positioned inside {@code <main>}, for the report's sections */
    public Markup body() {
        return m;
    }

    /**
     * Closes the page with the footer every report has: who generated it, when, and that it is self-contained.
     *
     * @param generatedAt the generation time
     * @return the complete document
     */
    public String finish(java.time.Instant generatedAt) {
        String version = HtmlPage.class.getPackage().getImplementationVersion();
        return finish("Generated by mlops4j" + (version == null ? "" : " " + version) + " on "
                + Formats.time(generatedAt) + ". Self-contained: no scripts, no network requests.");
    }

    /**
     * Closes the page.
     *
     * @param footer the footer line
     * @return the complete document
     */
    public String finish(String footer) {
        m.end(); // main
        m.element("footer", footer);
        m.end(); // body
        m.end(); // html
        return m.toString();
    }
}
