package dev.mlops4j.examples;

import dev.mlops4j.Mlops;
import dev.mlops4j.Run;
import dev.mlops4j.report.DataReports;
import dev.mlops4j.validation.check.Check;
import dev.mlops4j.validation.check.CheckResult;
import dev.mlops4j.validation.data.CsvTable;
import dev.mlops4j.validation.data.Table;
import dev.mlops4j.validation.drift.DriftDetector;
import dev.mlops4j.validation.drift.DriftReport;
import dev.mlops4j.validation.profile.Profile;
import dev.mlops4j.validation.report.ValidationReport;
import dev.mlops4j.validation.report.Validator;
import dev.mlops4j.validation.schema.Schema;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;

/**
 * The data-quality story on real data: a schema is inferred from the UCI Wine data and a copy with three planted
 * faults is validated against it (the report names each fault with its line); constraint checks state what a schema
 * cannot; then Seattle's daily weather shows drift between 2012 and 2015 (warmer, sunnier) and none between two
 * random halves of 2015. Each step is tracked as a run with its profile, schema and reports, and written as HTML.
 *
 * <p>Run it with {@code mvn -B -q -Pdemo package -Ddemo.mainClass=dev.mlops4j.examples.DataQualityStory} from the
 * repository root.
 */
public final class DataQualityStory {
    static final String EXPERIMENT = "data-quality";
    /** The date column differs between years by construction; it is an index, not a feature. */
    static final DriftDetector DETECTOR = DriftDetector.builder().ignore("date").build();

    private DataQualityStory() {
    }

    /** What the story found. */
    record Outcome(ValidationReport validation, CheckResult checks, DriftReport yearsApart, DriftReport halves,
                   List<Path> reports) {
    }

    /**
     * @param args ignored
     */
    public static void main(String[] args) {
        ExampleLogging.quiet();
        try (Mlops mlops = Mlops.open()) {
            System.out.println("mlops4j data-quality story");
            System.out.println("  store: " + mlops.describeStore());
            Outcome outcome = run(mlops, mlops.home().orElse(Path.of(".")).resolve("reports"), System.out);
            System.out.println();
            for (Path p : outcome.reports()) {
                System.out.println("Open " + p.toUri());
            }
        }
    }

    /**
     * @param mlops where to track the runs
     * @param reports where to write the HTML reports
     * @param out where to print the story
     * @return what was found
     */
    static Outcome run(Mlops mlops, Path reports, PrintStream out) {
        List<Path> written = new ArrayList<>();
        Path wine = ExampleData.file("wine.csv");

        out.println("\n1. Infer a schema from " + wine.getFileName() + " and validate a copy with planted faults");
        Schema schema = Schema.infer(Profile.of(CsvTable.of(wine)));
        CsvTable corrupted = corruptedWine(wine);
        ValidationReport validation;
        try (Run run = mlops.experiment(EXPERIMENT).startRun("validate-wine")) {
            schema.logTo(run);
            validation = Validator.against(schema).validate(corrupted);
            validation.logTo(run);
            run.logMetric("anomalies", validation.anomalies().size());
        }
        out.println(indent(validation.toString()));
        written.add(DataReports.validation(validation).writeTo(reports.resolve("wine-validation.html")));

        out.println("\n2. Constraint checks a schema cannot state");
        CheckResult checks = Check.error("wine rules").hasSize(n -> n >= 100).isComplete("proline")
                .isContainedIn("cultivar", "class_0", "class_1", "class_2").isNonNegative("malic_acid")
                .satisfies("flavanoids <= total_phenols * 2", "flavanoids bounded by phenols")
                .run(corrupted);
        out.println(indent(checks.toString()));

        out.println("\n3. Drift: Seattle's weather in 2015 against 2012");
        Profile y2012 = DETECTOR.profile(weather("seattle-weather 2012", l -> l.startsWith("2012/")));
        Profile y2015 = DETECTOR.profile(weather("seattle-weather 2015", l -> l.startsWith("2015/")));
        DriftReport yearsApart;
        try (Run run = mlops.experiment(EXPERIMENT).startRun("drift-2015-vs-2012")) {
            y2012.logTo(run, "validation/reference-profile.json");
            y2015.logTo(run, "validation/current-profile.json");
            yearsApart = DETECTOR.compare(y2012, y2015);
            yearsApart.logTo(run);
        }
        out.println(indent(yearsApart.toString()));
        written.add(DataReports.drift(y2012, y2015, yearsApart).writeTo(reports.resolve("weather-drift.html")));

        out.println("\n4. No drift between two random halves of 2015");
        List<String> days = new ArrayList<>();
        for (String line : lines(ExampleData.file("seattle-weather.csv"))) {
            if (line.startsWith("2015/")) {
                days.add(line);
            }
        }
        Collections.shuffle(days, new Random(7));
        List<String> first = days.subList(0, days.size() / 2);
        Profile a = DETECTOR.profile(weather("2015, random half A", first::contains));
        Profile b = DETECTOR.profile(weather("2015, random half B", l -> l.startsWith("2015/") && !first.contains(l)));
        DriftReport halves = DETECTOR.compare(a, b);
        out.println("   " + halves.summary());
        out.println("\nWrote " + String.join(" and ", written.stream().map(Path::toString).toList()));
        return new Outcome(validation, checks, yearsApart, halves, List.copyOf(written));
    }

    /** Wine with three faults: an alcohol far out of range (line 2), a word in magnesium (line 3), a new cultivar. */
    static CsvTable corruptedWine(Path wine) {
        List<String> lines = new ArrayList<>(lines(wine));
        lines.set(1, lines.get(1).replaceFirst("^[0-9.]+,", "99.5,"));
        lines.set(2, lines.get(2).replaceFirst("^(([^,]*,){4})[^,]*,", "$1lots,"));
        lines.set(4, lines.get(4).replaceFirst(",class_0$", ",class_9"));
        return CsvTable.builder("wine-with-planted-faults.csv", String.join("\n", lines) + "\n").build();
    }

    private static Table weather(String name, Predicate<String> days) {
        List<String> lines = lines(ExampleData.file("seattle-weather.csv"));
        StringBuilder csv = new StringBuilder(lines.get(0)).append('\n');
        for (String line : lines.subList(1, lines.size())) {
            if (days.test(line)) {
                csv.append(line).append('\n');
            }
        }
        return CsvTable.builder(name, csv.toString()).dateFormats("yyyy/MM/dd").build();
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String indent(String text) {
        return "   " + text.strip().replace("\n", "\n   ");
    }
}
