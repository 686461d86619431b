package dev.mlops4j.report;

import dev.mlops4j.validation.data.CsvTable;
import dev.mlops4j.validation.drift.DriftDetector;
import dev.mlops4j.validation.profile.Profile;
import dev.mlops4j.validation.report.ValidationReport;
import dev.mlops4j.validation.report.Validator;
import dev.mlops4j.validation.schema.Schema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes sample data reports from the real data sets, for looking at and for the headless-browser screenshot check
 * ({@code .ci/screenshot-reports.sh}): the validation of a Wine copy with planted faults, the drift of Seattle's
 * 2015 weather against 2012's, and the model card of a challenger beside the production model (two real Tribuo
 * models on Wine, as {@link ModelCardReportTest} trains them).
 */
public final class SampleDataReports {
    private SampleDataReports() {
    }

    /**
     * @param args the output directory (default {@code target})
     */
    public static void main(String[] args) {
        Path out = Path.of(args.length > 0 ? args[0] : "target");
        Schema schema = Schema.infer(Profile.of(CsvTable.of(DataFiles.path("wine.csv"))));
        List<String> lines = new ArrayList<>(DataFiles.lines("wine.csv"));
        lines.set(1, lines.get(1).replaceFirst("^14.23,", "99.5,"));
        lines.set(2, lines.get(2).replace(",100,", ",lots,"));
        lines.set(3, lines.get(3).replace("class_0", "class_9"));
        ValidationReport checked = Validator.against(schema)
                .validate(CsvTable.builder("wine-corrupted.csv", String.join("\n", lines) + "\n").build());
        System.out.println("Wrote " + DataReports.validation(checked).writeTo(out.resolve("sample-validation.html")));

        DriftDetector detector = DriftDetector.builder().ignore("date").build();
        Profile y2012 = detector.profile(DataFiles.weather("seattle-weather 2012", l -> l.startsWith("2012/")));
        Profile y2015 = detector.profile(DataFiles.weather("seattle-weather 2015", l -> l.startsWith("2015/")));
        DataDriftReport drift = DataReports.drift(y2012, y2015, detector.compare(y2012, y2015));
        System.out.println(drift);
        System.out.println("Wrote " + drift.writeTo(out.resolve("sample-drift.html")));

        ModelCardReportTest.trainRegisterPromote();
        try {
            ModelCardReport card = ModelCardReportTest.challengerCard();
            System.out.println(card);
            System.out.println("Wrote " + card.writeTo(out.resolve("sample-model-card.html")));
        } finally {
            ModelCardReportTest.close();
        }
    }
}
