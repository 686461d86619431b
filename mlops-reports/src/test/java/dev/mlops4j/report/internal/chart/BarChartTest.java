package dev.mlops4j.report.internal.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops4j.report.Xml;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class BarChartTest {

    private static List<Element> bars(Document doc) {
        return Xml.all(doc, "rect").stream().filter(r -> r.getParentNode() instanceof Element g
                && g.getParentNode() instanceof Element bars && "bars".equals(bars.getAttribute("class"))).toList();
    }

    @Test
    void render_groupedSeries_drawsABarPerValueWithTooltips() {
        BarChart chart = BarChart.builder("rows per bin", List.of("[0, 10)", "[10, 20)", "[20, 30]"))
                .series("reference", Palette.color(0), List.of(0.2, 0.5, 0.3))
                .series("current", Palette.color(1), List.of(0.1, 0.4, 0.5))
                .build();

        Document doc = Xml.parse(chart.toSvg());

        assertThat(bars(doc)).hasSize(6);
        assertThat(Xml.all(doc, "title").stream().map(Xml::text)).contains("current, [10, 20): 0.4");
        assertThat(Xml.all(doc, "text").stream().map(Xml::text)).contains("reference", "current", "[20, 30]");
    }

    @Test
    void render_negativeValue_hangsBelowTheZeroLine() {
        BarChart chart = BarChart.builder("delta", List.of("a", "b"))
                .series("s", Palette.color(0), List.of(2.0, -1.0)).build();
        Document doc = Xml.parse(chart.toSvg());
        List<Element> bars = bars(doc);

        double topOfPositive = Double.parseDouble(bars.get(0).getAttribute("y"));
        double heightOfPositive = Double.parseDouble(bars.get(0).getAttribute("height"));
        double topOfNegative = Double.parseDouble(bars.get(1).getAttribute("y"));
        assertThat(topOfNegative).isCloseTo(topOfPositive + heightOfPositive, org.assertj.core.data.Offset.offset(0.2));
    }

    @Test
    void render_missingValues_drawNoBarAndAreCounted() {
        BarChart chart = BarChart.builder("m", List.of("a", "b", "c"))
                .series("s", Palette.color(0), Arrays.asList(1.0, null, Double.NaN)).build();
        Document doc = Xml.parse(chart.toSvg());

        assertThat(bars(doc)).hasSize(1);
        assertThat(Xml.all(doc, "text").stream().map(Xml::text))
                .contains("2 values are missing, NaN or infinite and not drawn");
    }

    @Test
    void render_fewBars_printValuesAboveThem() {
        BarChart chart = BarChart.builder("accuracy", List.of("latest value"))
                .series("a", Palette.color(0), List.of(0.93)).series("b", Palette.color(1), List.of(0.871)).build();

        assertThat(Xml.all(Xml.parse(chart.toSvg()), "text").stream().map(Xml::text)).contains("0.93", "0.871");
    }

    @Test
    void render_manyCategories_thinsTheirLabels() {
        List<String> bins = new ArrayList<>();
        List<Double> counts = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            bins.add("bin-number-" + i);
            counts.add((double) i);
        }
        BarChart chart = BarChart.builder("histogram", bins).series("rows", Palette.color(0), counts).build();
        Document doc = Xml.parse(chart.toSvg());

        long labels = Xml.all(doc, "text").stream().map(Xml::text).filter(t -> t.startsWith("bin-number-")).count();
        assertThat(labels).isBetween(2L, 25L);
        assertThat(bars(doc)).hasSize(50); // the first bin is 0: a bar of no height, still there for its tooltip
    }

    @Test
    void series_wrongNumberOfValues_isRejected() {
        assertThatThrownBy(() -> BarChart.builder("m", List.of("a", "b")).series("s", Palette.color(0), List.of(1.0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 values for 2 categories");
        assertThatThrownBy(() -> BarChart.builder("m", List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
