package dev.mlops4j.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.Mlops;
import dev.mlops4j.NotFoundException;
import dev.mlops4j.Run;
import dev.mlops4j.tracking.Metric;
import dev.mlops4j.tracking.RunComparison;
import dev.mlops4j.tracking.RunInfo;
import dev.mlops4j.tracking.RunRecord;
import dev.mlops4j.tracking.RunStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;

class RunComparisonReportTest {
    private static Mlops mlops;
    /** Three real runs on the Wine data, learning rates 0.3, 0.03, 0.003, 30 epochs each. */
    private static List<String> sweep;

    @TempDir
    Path dir;

    @BeforeAll
    static void train() {
        mlops = Mlops.inMemory();
        sweep = WineSweep.load().run(mlops, 30, 0.3, 0.03, 0.003);
    }

    @AfterAll
    static void close() {
        mlops.close();
    }

    private static Document parse(Report report) {
        return Xml.parse(report.toHtml());
    }

    private static List<String> cells(Element row) {
        return Xml.elements(row).stream().filter(e -> e.getLocalName().equals("td") || e.getLocalName().equals("th"))
                .map(Xml::text).toList();
    }

    private static Element row(Document doc, String section, String key) {
        return Xml.all(Xml.byId(doc, section), "tr").stream()
                .filter(tr -> !Xml.all(tr, "th").isEmpty() && Xml.text(Xml.all(tr, "th").get(0)).equals(key))
                .findFirst().orElseThrow(() -> new AssertionError("no row " + key + " in " + section));
    }

    @Test
    void runComparison_wineSweep_isWellFormedXhtmlWithTablesAndCharts() {
        RunComparisonReport report = Reports.runComparison(mlops, sweep);
        Document doc = parse(report);

        assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("html");
        assertThat(doc.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/1999/xhtml");
        assertThat(Xml.text(Xml.all(doc, "h1").get(0))).isEqualTo(report.title())
                .isEqualTo("Run comparison: lr-0.3 (" + sweep.get(0).substring(0, 8) + ") vs lr-0.03 ("
                        + sweep.get(1).substring(0, 8) + ") vs lr-0.003 (" + sweep.get(2).substring(0, 8) + ")");
        assertThat(Xml.all(Xml.byId(doc, "runs"), "tbody").get(0).getElementsByTagNameNS("*", "tr").getLength())
                .isEqualTo(3);
        assertThat(Xml.text(Xml.byId(doc, "runs"))).contains(sweep.get(2)).contains("wine-softmax (1)")
                .contains("FINISHED").contains("baseline");
        // Four metrics: three with histories (curves), best_val_accuracy logged once (bars).
        List<Element> svgs = Xml.all(Xml.byId(doc, "charts"), "svg");
        assertThat(svgs).hasSize(4).allSatisfy(svg -> assertThat(svg.getNamespaceURI())
                .isEqualTo("http://www.w3.org/2000/svg"));
        assertThat(svgs.stream().map(s -> s.getAttribute("aria-label")))
                .containsExactly("batch_loss", "train_loss", "val_accuracy", "best_val_accuracy");
        assertThat(Xml.all(svgs.get(1), "path")).hasSize(3);
        assertThat(Xml.all(svgs.get(3), "path")).isEmpty();
        assertThat(report.chartCount()).isEqualTo(4);
    }

    @Test
    void params_changedValuesAreHighlightedAgainstTheBaseline() {
        Document doc = parse(Reports.runComparison(mlops, sweep));

        Element lr = row(doc, "params", "learning_rate");
        assertThat(lr.getAttribute("class")).isEqualTo("changed");
        assertThat(cells(lr)).containsExactly("learning_rate", "0.3", "0.03", "0.003");
        List<Element> tds = Xml.all(lr, "td");
        assertThat(tds.get(0).getAttribute("class")).isEqualTo("text");
        assertThat(tds.get(1).getAttribute("class")).isEqualTo("text diff");
        Element model = row(doc, "params", "model");
        assertThat(model.getAttribute("class")).isEqualTo("same");
        assertThat(Xml.all(model, "td")).allSatisfy(td -> assertThat(td.getAttribute("class")).isEqualTo("text"));
        assertThat(Xml.text(Xml.byId(doc, "params"))).contains("1 of 6 params differ");
    }

    @Test
    void metrics_showLatestValuesAndDeltasAgainstTheBaseline() {
        Document doc = parse(Reports.runComparison(mlops, sweep));
        var comparison = mlops.runs().compare(sweep);
        var loss = comparison.metric("train_loss").orElseThrow();

        Element row = row(doc, "metrics", "train_loss");
        List<Element> tds = Xml.all(row, "td");
        assertThat(Xml.text(tds.get(0))).isEqualTo(dev.mlops4j.report.internal.Formats.number(loss.value(0).getAsDouble()));
        assertThat(tds.get(2).getAttribute("class")).isEqualTo("num diff");
        assertThat(tds.get(2).getAttribute("title")).isEqualTo("step 29");
        String delta = Xml.text(Xml.all(tds.get(2), "span").get(0));
        assertThat(delta).startsWith("+").endsWith("%)")
                .contains(dev.mlops4j.report.internal.Formats.signed(loss.delta(2).getAsDouble()));
    }

    @Test
    void defaultTitle_manyRunsOfOneExperiment_namesIt() {
        try (Mlops own = Mlops.inMemory()) {
            List<String> four = WineSweep.load().run(own, 2, 0.4, 0.3, 0.2, 0.1);

            assertThat(Reports.runComparison(own, four).title()).isEqualTo("Run comparison: 4 runs of wine-softmax");
            assertThat(RunComparisonReport.builder(own.runs().compare(four)).build().title())
                    .isEqualTo("Run comparison: 4 runs");
        }
    }

    @Test
    void showUnchangedFalse_listsOnlyChangedKeys() {
        RunComparisonReport report = RunComparisonReport.builder(mlops.runs().compare(sweep)).showUnchanged(false)
                .build();
        Document doc = parse(report);

        assertThat(Xml.all(Xml.byId(doc, "params"), "tbody").get(0).getElementsByTagNameNS("*", "tr").getLength())
                .isEqualTo(1);
        assertThat(Xml.text(Xml.byId(doc, "params"))).contains("Unchanged params are not listed");
    }

    @Test
    void withoutHistories_everyMetricIsABarChartOfLatestValues() {
        RunComparisonReport report = RunComparisonReport.builder(mlops.runs().compare(sweep)).title("latest only")
                .build();
        Document doc = parse(report);

        List<Element> svgs = Xml.all(Xml.byId(doc, "charts"), "svg");
        assertThat(svgs).hasSize(4).allSatisfy(svg -> assertThat(Xml.all(svg, "path")).isEmpty());
        assertThat(Xml.all(svgs.get(0), "rect").size()).isGreaterThanOrEqualTo(3 + 1 + 3);
    }

    @Test
    void longHistories_areDownsampledToTheLimit() {
        RunComparisonReport report = RunComparisonReport.builder(mlops.runs().compare(sweep))
                .histories(mlops.runs()).maxPointsPerCurve(40).build();
        Document doc = parse(report);

        Element batchLoss = Xml.all(Xml.byId(doc, "charts"), "svg").get(0);
        assertThat(batchLoss.getAttribute("aria-label")).isEqualTo("batch_loss");
        assertThat(Xml.all(batchLoss, "path")).hasSize(3).allSatisfy(path -> {
            long points = path.getAttribute("d").chars().filter(c -> c == 'M' || c == 'L').count();
            assertThat(points).isBetween(4L, 40L);
        });
        assertThat(Xml.text(Xml.byId(doc, "charts"))).contains("down-sampled to at most 40 points per run")
                .contains("up to " + mlops.runs().metricHistory(sweep.get(0), "batch_loss").count() + " points");
    }

    @Test
    void givenHistory_replacesTheStoredOneForThatRunAndKey() {
        Instant t = Instant.parse("2024-01-01T00:00:00Z");
        List<Metric> custom = IntStream.range(0, 5).mapToObj(i -> new Metric("train_loss", 9 - i, i * 100L, t)).toList();
        RunComparisonReport report = RunComparisonReport.builder(mlops.runs().compare(sweep))
                .histories(mlops.runs()).history(sweep.get(1), "train_loss", custom).build();

        Element chart = Xml.all(Xml.byId(parse(report), "charts"), "svg").get(1);
        assertThat(Xml.all(chart, "text").stream().map(Xml::text)).contains("400"); // the custom steps set the x axis
        assertThatThrownBy(() -> RunComparisonReport.builder(mlops.runs().compare(sweep))
                .history("f".repeat(32), "x", custom)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void report_hasNoScriptNoExternalReferenceAndNoEventHandler() {
        String html = Reports.runComparison(mlops, sweep).toHtml();
        Document doc = Xml.parse(html);

        assertThat(Xml.all(doc, "script")).isEmpty();
        assertThat(Xml.all(doc, "link")).isEmpty();
        assertThat(Xml.all(doc, "img")).isEmpty();
        for (Element e : Xml.elements(doc)) {
            NamedNodeMap attributes = e.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                Attr a = (Attr) attributes.item(i);
                assertThat(a.getName()).doesNotStartWith("on").isNotIn("href", "src", "xlink:href", "srcset", "action");
                if (a.getName().startsWith("xmlns")) {
                    assertThat(a.getValue()).isIn("http://www.w3.org/1999/xhtml", "http://www.w3.org/2000/svg");
                }
            }
        }
        String withoutNamespaces = html.replace("http://www.w3.org/1999/xhtml", "")
                .replace("http://www.w3.org/2000/svg", "");
        assertThat(withoutNamespaces).doesNotContain("http:").doesNotContain("https:").doesNotContain("url(")
                .doesNotContain("@import").doesNotContain("<script");
    }

    @Test
    void hostileRunNamesAndParams_areEscapedText() {
        String evilName = "<script>alert('name')</script>";
        String evilParam = "\"><img src=x onerror=alert(1)>";
        try (Mlops own = Mlops.inMemory()) {
            String id;
            try (Run run = own.experiment("<b>exp</b> & co").startRun(evilName)) {
                run.logParam("p", evilParam).logMetric("m", 1.0, 0).logMetric("m", 2.0, 1)
                        .setTag("note", "]]><!-- --><style>");
                id = run.id();
            }
            String html = Reports.runComparison(own, id).toHtml();
            Document doc = Xml.parse(html);

            assertThat(Xml.all(doc, "script")).isEmpty();
            assertThat(Xml.all(doc, "img")).isEmpty();
            assertThat(Xml.all(doc, "b")).isEmpty();
            assertThat(Xml.all(doc, "style")).hasSize(1);
            assertThat(Xml.text(Xml.all(doc, "h1").get(0))).contains(evilName);
            assertThat(cells(row(doc, "params", "p"))).containsExactly("p", evilParam);
            assertThat(Xml.text(Xml.byId(doc, "runs"))).contains("<b>exp</b> & co").contains("note=]]><!-- --><style>");
            assertThat(Xml.all(doc, "svg").get(0).getAttribute("aria-label")).isEqualTo("m");
            assertThat(html).doesNotContain("<img").doesNotContain("<script>").doesNotContain("<b>");
        }
    }

    @Test
    void hostileKeysFromAForeignStore_areEscapedToo() {
        // The engine rejects such keys, but a store written by other software may hold anything.
        Instant t = Instant.parse("2024-01-01T00:00:00Z");
        String runId = "a".repeat(32);
        RunRecord record = new RunRecord(new RunInfo(runId, "1", "r\u0000\uD800", RunStatus.FINISHED, t, t, "u", "s",
                null, null), Map.of("</td><td>", "v"), Map.of("x<y", new Metric("x<y", 1, 1, t)), Map.of());
        RunComparisonReport report = RunComparisonReport.builder(RunComparison.of(record))
                .history(runId, "x<y", List.of(new Metric("x<y", 0, 0, t), new Metric("x<y", 1, 1, t))).build();

        Document doc = parse(report);

        assertThat(cells(row(doc, "params", "</td><td>"))).containsExactly("</td><td>", "v");
        assertThat(Xml.all(doc, "svg").get(0).getAttribute("aria-label")).isEqualTo("x<y");
        assertThat(Xml.text(Xml.byId(doc, "runs"))).contains("r\uFFFD\uFFFD");
    }

    @Test
    void writeTo_writesUtf8FileAndReturnsItsAbsolutePath() throws Exception {
        RunComparisonReport report = Reports.runComparison(mlops, sweep.get(0), sweep.get(1));

        Path written = report.writeTo(dir.resolve("nested/dir/report.html"));

        assertThat(written).isAbsolute().exists().hasFileName("report.html");
        String html = Files.readString(written, StandardCharsets.UTF_8);
        Xml.parse(html);
        assertThat(html).startsWith("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">");
        assertThat(Files.list(written.getParent())).containsExactly(written);
        if (written.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            // Readable like any file the process writes (umask), not owner-only like a temporary file.
            Path plain = Files.writeString(dir.resolve("plain.txt"), "x");
            assertThat(Files.getPosixFilePermissions(written)).isEqualTo(Files.getPosixFilePermissions(plain));
        }
    }

    @Test
    void writeTo_parentIsAFile_throwsReportExceptionWithCause() throws Exception {
        Path file = Files.writeString(dir.resolve("plain.txt"), "x");

        assertThatThrownBy(() -> Reports.runComparison(mlops, sweep.get(0)).writeTo(file.resolve("report.html")))
                .isInstanceOf(ReportException.class).hasMessageContaining("writable").hasCauseInstanceOf(
                        java.io.IOException.class);
    }

    @Test
    void writeTo_pathIsADirectory_throwsReportExceptionNamingIt() throws Exception {
        Path directory = Files.createDirectories(dir.resolve("taken"));
        Files.writeString(directory.resolve("keep.txt"), "x");

        Path empty = Files.createDirectories(dir.resolve("empty"));

        assertThatThrownBy(() -> Reports.runComparison(mlops, sweep.get(0)).writeTo(directory))
                .isInstanceOf(ReportException.class).hasMessageContaining(directory.toString())
                .hasMessageContaining("is a directory");
        assertThatThrownBy(() -> Reports.runComparison(mlops, sweep.get(0)).writeTo(empty))
                .isInstanceOf(ReportException.class);
        assertThat(Files.list(directory)).hasSize(1);
        assertThat(empty).isEmptyDirectory();
    }

    @Test
    void generatedAt_fixesTheFooterSoTheOutputIsReproducible() {
        Instant t = Instant.parse("2024-05-06T07:08:09Z");
        RunComparisonReport.Builder b = RunComparisonReport.builder(mlops.runs().compare(sweep))
                .histories(mlops.runs()).generatedAt(t).source("test store");

        String html = b.build().toHtml();

        assertThat(html).isEqualTo(b.build().toHtml()).contains("2024-05-06 07:08:09 UTC").contains("test store");
    }

    @Test
    void runComparison_unknownRun_throwsNotFound() {
        assertThatThrownBy(() -> Reports.runComparison(mlops, sweep.get(0), "0".repeat(32)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> RunComparisonReport.builder(mlops.runs().compare(sweep)).maxPointsPerCurve(3))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void toString_summarisesForNotebooks() {
        assertThat(Reports.runComparison(mlops, sweep).toString()).startsWith("Run comparison report 'Run comparison: ")
                .endsWith("3 runs, 6 params, 4 metrics, 4 charts; writeTo(Path) saves it as one HTML file");
    }
}
