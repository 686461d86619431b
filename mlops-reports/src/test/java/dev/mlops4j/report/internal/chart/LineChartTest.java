package dev.mlops4j.report.internal.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops4j.report.Xml;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class LineChartTest {

    private static List<LineChart.Point> points(double... ys) {
        List<LineChart.Point> out = new ArrayList<>();
        for (int i = 0; i < ys.length; i++) {
            out.add(new LineChart.Point(i, ys[i]));
        }
        return out;
    }

    private static Document render(LineChart chart) {
        Document doc = Xml.parse(chart.toSvg());
        assertThat(doc.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
        return doc;
    }

    private static List<Element> paths(Document doc) {
        return Xml.all(doc, "path");
    }

    @Test
    void render_twoSeries_drawsOneLinePerSeriesAxesAndLegend() {
        LineChart chart = LineChart.builder("loss").xLabel("step").yLabel("loss").integerX(true)
                .series("baseline", Palette.color(0), points(1.0, 0.6, 0.4, 0.3))
                .series("candidate", Palette.color(1), points(1.0, 0.5, 0.2, 0.1))
                .build();

        Document doc = render(chart);

        assertThat(paths(doc)).hasSize(2);
        assertThat(paths(doc).get(0).getParentNode().getAttributes().getNamedItem("stroke").getNodeValue())
                .isEqualTo(Palette.color(0));
        List<String> texts = Xml.all(doc, "text").stream().map(Xml::text).toList();
        assertThat(texts).contains("loss", "step", "baseline", "candidate", "0", "3", "0.0", "1.0");
        assertThat(Xml.all(doc, "title").get(0).getTextContent()).isEqualTo("loss");
        assertThat(Xml.all(doc, "title").stream().map(Xml::text))
                .contains("candidate: 4 points; last 0.1 at 3");
        assertThat(Xml.all(doc, "circle")).hasSize(8);
    }

    @Test
    void render_pointsStayInsideTheViewBox() {
        LineChart chart = LineChart.builder("m").series("s", Palette.color(0), points(-5, 1e3, 17, 0.001)).build();
        Document doc = render(chart);
        double width = Double.parseDouble(doc.getDocumentElement().getAttribute("width"));
        double height = Double.parseDouble(doc.getDocumentElement().getAttribute("height"));

        String d = paths(doc).get(0).getAttribute("d");
        String[] numbers = d.replaceAll("[ML]", " ").trim().split("\\s+");
        for (int i = 0; i < numbers.length; i += 2) {
            assertThat(Double.parseDouble(numbers[i])).isBetween(0.0, width);
            assertThat(Double.parseDouble(numbers[i + 1])).isBetween(0.0, height);
        }
    }

    @Test
    void render_nonFiniteValues_breakTheLineAndAreCounted() {
        LineChart chart = LineChart.builder("m")
                .series("s", Palette.color(0), points(1, 2, Double.NaN, 3, 4, Double.POSITIVE_INFINITY, 5))
                .build();

        Document doc = render(chart);

        String d = paths(doc).get(0).getAttribute("d");
        assertThat(d.chars().filter(c -> c == 'M')).hasSize(3);
        assertThat(d.chars().filter(c -> c == 'L')).hasSize(2);
        assertThat(Xml.all(doc, "text").stream().map(Xml::text))
                .contains("2 NaN or infinite values are not drawn (lines break there)");
    }

    @Test
    void render_longSeries_dotsOnlyIsolatedPoints() {
        List<LineChart.Point> many = new ArrayList<>(points(new double[100]));
        many.set(98, new LineChart.Point(98, Double.NaN));
        LineChart chart = LineChart.builder("m").series("s", Palette.color(0), many).build();

        assertThat(Xml.all(render(chart), "circle")).hasSize(1); // the last point, alone after the gap
    }

    @Test
    void render_singlePoint_isVisibleAsADot() {
        LineChart chart = LineChart.builder("m").series("s", Palette.color(0), points(0.5)).build();
        Document doc = render(chart);

        assertThat(Xml.all(doc, "circle")).hasSize(1);
    }

    @Test
    void render_noFiniteValues_saysSo() {
        LineChart chart = LineChart.builder("m").series("s", Palette.color(0), points(Double.NaN)).build();

        assertThat(Xml.all(render(chart), "text").stream().map(Xml::text)).contains("no finite values to plot");
    }

    @Test
    void render_hostileNames_areEscapedText() {
        String evil = "<script>alert(1)</script>";
        LineChart chart = LineChart.builder(evil).xLabel(evil).yLabel(evil)
                .series(evil, Palette.color(0), points(1, 2)).build();

        Document doc = render(chart);

        assertThat(Xml.all(doc, "script")).isEmpty();
        assertThat(Xml.all(doc, "text").stream().map(Xml::text)).contains(evil);
    }

    @Test
    void render_manySeries_legendWrapsIntoRows() {
        LineChart.Builder b = LineChart.builder("m");
        for (int i = 0; i < 12; i++) {
            b.series("a-rather-long-run-name-" + i, Palette.color(i), points(i, i + 1));
        }
        Document one = render(LineChart.builder("m").series("a", Palette.color(0), points(1, 2)).build());
        Document twelve = render(b.build());

        double h1 = Double.parseDouble(one.getDocumentElement().getAttribute("height"));
        double h12 = Double.parseDouble(twelve.getDocumentElement().getAttribute("height"));
        assertThat(h12).isEqualTo(h1 + 3 * 18); // four rows of three entries instead of one row
        assertThat(Xml.all(twelve, "g").stream().filter(g -> "legend".equals(g.getAttribute("class")))
                .flatMap(g -> Xml.all(g, "text").stream())).hasSize(12);
    }

    @Test
    void series_colorNotHex_isRejected() {
        assertThatThrownBy(() -> new LineChart.Series("s", "red\" onload=\"x", List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
