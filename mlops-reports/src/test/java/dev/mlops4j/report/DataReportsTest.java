package dev.mlops4j.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.validation.data.CsvTable;
import dev.mlops4j.validation.drift.DriftDetector;
import dev.mlops4j.validation.drift.DriftReport;
import dev.mlops4j.validation.drift.DriftStatus;
import dev.mlops4j.validation.profile.Profile;
import dev.mlops4j.validation.report.AnomalyKind;
import dev.mlops4j.validation.report.ValidationReport;
import dev.mlops4j.validation.report.Validator;
import dev.mlops4j.validation.schema.Schema;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;

class DataReportsTest {
    private static final Instant WHEN = Instant.parse("2026-12-01T10:00:00Z");
    /** The date column drifts between years by construction; it is not a feature. */
    private static final DriftDetector DETECTOR = DriftDetector.builder().ignore("date").build();

    @TempDir
    Path dir;

    private static Profile wine() {
        return Profile.of(CsvTable.of(DataFiles.path("wine.csv")));
    }

    private static void assertSelfContained(Document doc) {
        assertThat(Xml.all(doc, "script")).isEmpty();
        for (Element e : Xml.all(doc, "*")) {
            NamedNodeMap attrs = e.getAttributes();
            for (int i = 0; i < attrs.getLength(); i++) {
                Attr a = (Attr) attrs.item(i);
                assertThat(a.getLocalName()).as("attribute on <" + e.getLocalName() + ">").isNotIn("src", "href");
            }
        }
    }

    @Test
    void profile_wine_everyColumnHasARowAndAChart() {
        Profile profile = wine();
        ProfileReport report = ProfileReport.builder(profile).generatedAt(WHEN).build();

        Document doc = Xml.parse(report.toHtml());

        assertSelfContained(doc);
        assertThat(report.title()).isEqualTo("Data profile: " + profile.source());
        for (String column : profile.columnNames()) {
            List<String> cells = Xml.cells(Xml.row(doc, "columns", column));
            assertThat(cells.get(2)).as(column).isEqualTo(Long.toString(profile.column(column).count()));
        }
        assertThat(Xml.cells(Xml.row(doc, "columns", "alcohol")).get(6)).isEqualTo("11.03");   // min, as in the file
        assertThat(Xml.cells(Xml.row(doc, "columns", "alcohol")).get(7)).isEqualTo("14.83");   // max
        assertThat(Xml.cells(Xml.row(doc, "columns", "cultivar")).get(11)).contains("class_1 (71)");
        assertThat(Xml.all(Xml.byId(doc, "distributions"), "svg")).hasSize(14);
        assertThat(report.chartCount()).isEqualTo(14);
        assertThat(report.toHtml()).doesNotContain("id=\"anomalies\"");
        assertThat(report.toString()).contains("178 rows", "14 columns", "14 charts");
    }

    @Test
    void validation_corruptedWine_anomaliesLeadAndAffectedColumnsAreFlagged() {
        Schema schema = Schema.infer(wine());
        List<String> lines = new ArrayList<>(DataFiles.lines("wine.csv"));
        // Three planted faults: an alcohol far above the range, a text in magnesium, an unknown cultivar.
        lines.set(1, lines.get(1).replaceFirst("^14.23,", "99.5,"));
        lines.set(2, lines.get(2).replace(",100,", ",lots,"));
        lines.set(3, lines.get(3).replace("class_0", "class_9"));
        ValidationReport checked = Validator.against(schema)
                .validate(CsvTable.builder("wine-corrupted.csv", String.join("\n", lines) + "\n").build());

        ProfileReport report = DataReports.validation(checked);
        Document doc = Xml.parse(report.toHtml());

        assertThat(report.title()).isEqualTo("Data validation: wine-corrupted.csv");
        assertThat(Xml.text(Xml.all(Xml.byId(doc, "anomalies"), "span").get(0))).isEqualTo("INVALID");
        assertThat(Xml.cells(Xml.row(doc, "anomalies", "alcohol"))).contains(AnomalyKind.VALUE_ABOVE_RANGE.name(), "1");
        assertThat(Xml.cells(Xml.row(doc, "anomalies", "magnesium"))).contains(AnomalyKind.WRONG_TYPE.name());
        assertThat(Xml.cells(Xml.row(doc, "anomalies", "cultivar")))
                .contains(AnomalyKind.UNEXPECTED_CATEGORICAL_VALUE.name());
        assertThat(String.join(" ", Xml.cells(Xml.row(doc, "anomalies", "alcohol")))).contains("99.5");
        for (String column : List.of("alcohol", "magnesium", "cultivar")) {
            assertThat(Xml.row(doc, "columns", column).getAttribute("class")).as(column).isEqualTo("flagged");
        }
        assertThat(Xml.row(doc, "columns", "hue").getAttribute("class")).isEmpty();
        // Section order: the anomalies come before the statistics.
        String html = report.toHtml();
        assertThat(html.indexOf("id=\"anomalies\"")).isLessThan(html.indexOf("id=\"columns\""));
    }

    @Test
    void validation_reportWithoutProfile_isRefusedWithAWayOut() {
        Schema schema = Schema.infer(wine());
        ValidationReport checked = Validator.against(schema).validate(CsvTable.of(DataFiles.path("wine.csv")));
        ValidationReport readBack = ValidationReport.fromJson(checked.toJson());

        assertThatThrownBy(() -> DataReports.validation(readBack)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("carries no profile").hasMessageContaining("ProfileReport.builder");
    }

    @Test
    void drift_seattle2012Against2015_driftedColumnsLeadWithBothSidesOnOneChart() {
        Profile y2012 = DETECTOR.profile(DataFiles.weather("2012", l -> l.startsWith("2012/")));
        Profile y2015 = DETECTOR.profile(DataFiles.weather("2015", l -> l.startsWith("2015/")));
        DriftReport drift = DETECTOR.compare(y2012, y2015);

        DataDriftReport report = DataDriftReport.builder(y2012, y2015, drift).generatedAt(WHEN).build();
        Document doc = Xml.parse(report.toHtml());

        assertSelfContained(doc);
        assertThat(Xml.text(Xml.all(Xml.byId(doc, "verdict"), "span").get(0))).isEqualTo("DRIFT");
        for (String column : drift.driftedColumns()) {
            assertThat(Xml.row(doc, "columns", column).getAttribute("class")).isEqualTo("drift-DRIFT");
        }
        assertThat(Xml.row(doc, "columns", "wind").getAttribute("class")).isEqualTo("drift-NO_DRIFT");
        List<String> tempMax = Xml.cells(Xml.row(doc, "columns", "temp_max"));
        assertThat(tempMax.get(4)).isEqualTo(
                dev.mlops4j.report.internal.Formats.number(drift.column("temp_max").measurement().orElseThrow().value()));
        // One chart per compared column, drifted ones first, each with a reference and a current series.
        List<Element> figures = Xml.all(Xml.byId(doc, "distributions"), "figure");
        assertThat(figures).hasSize(drift.columns().size());
        int drifted = drift.driftedColumns().size();
        for (int i = 0; i < figures.size(); i++) {
            assertThat(figures.get(i).getAttribute("class")).as("figure " + i)
                    .isEqualTo(i < drifted ? "drift-DRIFT" : figures.get(i).getAttribute("class"));
            assertThat(Xml.text(figures.get(i))).contains("reference", "current");
        }
        assertThat(Xml.text(figures.get(drifted))).doesNotContain("\u2014 DRIFT");
        assertThat(Xml.text(Xml.byId(doc, "definitions"))).contains("KS");
        assertThat(report.toString()).contains(drift.summary());
    }

    @Test
    void drift_profilesOfOtherData_areRefused() {
        Profile y2012 = DETECTOR.profile(DataFiles.weather("2012", l -> l.startsWith("2012/")));
        Profile y2015 = DETECTOR.profile(DataFiles.weather("2015", l -> l.startsWith("2015/")));
        Profile y2013 = DETECTOR.profile(DataFiles.weather("2013", l -> l.startsWith("2013/")));
        DriftReport drift = DETECTOR.compare(y2012, y2015);

        assertThatThrownBy(() -> DataReports.drift(y2012, wine(), drift)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("pass the profiles the report was computed from");
        // Same sizes pass the check: 2013 and 2015 both have 365 days.
        assertThat(DataReports.drift(y2012, y2013, drift).drift()).isSameAs(drift);
    }

    @Test
    void drift_onePreset_defaultDetectorShowsEveryColumn() {
        Profile a = Profile.of(DataFiles.weather("first half of 2014", l -> l.startsWith("2014/0")));
        Profile b = Profile.of(DataFiles.weather("second half of 2014", l -> l.startsWith("2014/1")));

        DataDriftReport report = DataReports.drift(a, b);

        assertThat(report.drift().columns()).extracting(c -> c.column()).contains("temp_max", "weather", "date");
        assertThat(report.chartCount()).isEqualTo(report.drift().columns().size());
        assertThat(report.title()).isEqualTo("Data drift: second half of 2014 vs first half of 2014");
    }

    @Test
    void profile_hostileNames_areEscaped() throws Exception {
        String csv = "\"<script>alert(1)</script>\",b&c\n1,\"<b>x</b>\"\n2,y\n";
        Profile profile = Profile.of(CsvTable.builder("a <file> & more", csv).build());

        Path file = DataReports.profile(profile).writeTo(dir.resolve("hostile.html"));
        String html = Files.readString(file, StandardCharsets.UTF_8);
        Document doc = Xml.parse(html);

        assertSelfContained(doc);
        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;");
        assertThat(Xml.cells(Xml.row(doc, "columns", "b&c")).get(11)).contains("<b>x</b>");
    }

    @Test
    void drift_statusesOfUnjudgedColumns_areShownNotHidden() {
        Profile y2012 = DETECTOR.profile(DataFiles.weather("2012", l -> l.startsWith("2012/")));
        Profile week = DETECTOR.profile(DataFiles.weather("one week", l -> l.startsWith("2015/01/0")));
        DriftReport drift = DETECTOR.compare(y2012, week);
        assertThat(drift.column("temp_max").status()).isEqualTo(DriftStatus.NOT_ENOUGH_DATA);

        Document doc = Xml.parse(DataReports.drift(y2012, week, drift).toHtml());

        assertThat(Xml.row(doc, "columns", "temp_max").getAttribute("class")).isEqualTo("drift-NOT_ENOUGH_DATA");
        assertThat(Xml.cells(Xml.row(doc, "columns", "temp_max"))).contains(DriftStatus.NOT_ENOUGH_DATA.name());
    }
}
