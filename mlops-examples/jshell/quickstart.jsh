// mlops4j in JShell. From the repository root:
//
//     bin/jshell mlops-examples/jshell/quickstart.jsh
//
// Tracks a small learning-rate sweep on the Iris data, searches the runs, compares them and gates the best one; then
// profiles the data, validates a batch against an inferred schema and checks two samples for drift; writes the HTML
// reports and leaves you in JShell with `mlops`, `ids`, `diff`, `gate`, `profile`, `schema`, `validation`, `drift`
// and `reports` defined to keep exploring.

import dev.mlops4j.*;
import dev.mlops4j.tracking.*;
import dev.mlops4j.report.*;
import dev.mlops4j.examples.Dataset;
import dev.mlops4j.examples.ExampleData;
import dev.mlops4j.gate.Gate;
import dev.mlops4j.validation.data.CsvTable;
import dev.mlops4j.validation.drift.DriftDetector;
import dev.mlops4j.validation.profile.Profile;
import dev.mlops4j.validation.report.Validator;
import dev.mlops4j.validation.schema.Schema;
import java.nio.file.*;
import java.util.List;

// In memory: nothing touches the disk. Mlops.open(Path.of("mlops-data")) keeps the runs in an embedded H2 file.
var mlops = Mlops.inMemory();
var iris = Dataset.load("iris.csv");

// Fits petal width = slope * petal length + intercept by gradient descent, in one run per learning rate.
String fit(double learningRate, int epochs) {
    try (Run run = mlops.experiment("iris-petals").startRun("lr-" + learningRate)) {
        run.logParam("model", "linear").logParam("learning_rate", learningRate).logParam("epochs", epochs);
        double slope = 0, intercept = 0;
        int n = iris.size();
        for (int epoch = 0; epoch < epochs; epoch++) {
            double gradSlope = 0, gradIntercept = 0, mse = 0;
            for (double[] row : iris.features()) {
                double error = slope * row[2] + intercept - row[3];
                gradSlope += 2 * error * row[2] / n;
                gradIntercept += 2 * error / n;
                mse += error * error / n;
            }
            slope -= learningRate * gradSlope;
            intercept -= learningRate * gradIntercept;
            run.logMetric("mse", mse, epoch);
        }
        run.logMetric("slope", slope).logMetric("intercept", intercept);
        return run.id();
    }
}

var ids = List.of(fit(0.04, 40), fit(0.01, 40), fit(0.001, 40));

// Search: the runs as a table, best first.
System.out.println(mlops.runs().search("iris-petals").orderBy("metrics.mse ASC").page());

// One run in full.
var best = mlops.runs().search("iris-petals").orderBy("metrics.mse ASC").first().orElseThrow();
System.out.println(best);

// What differs between the runs (the first is the baseline): params, latest metrics, changes.
var diff = mlops.runs().compare(ids);
System.out.println(diff);

// Gate the best run before anything ships: each condition with what was observed.
var gate = Gate.metric("mse").atMost(0.06).and(Gate.metric("slope").between(0.3, 0.5)).named("quality").evaluate(best);
System.out.println(gate);

// Data: profile the Iris data (counts, moments, quantiles, top values) and infer a schema from it.
var irisCsv = ExampleData.file("iris.csv");
var profile = Profile.of(CsvTable.of(irisCsv));
System.out.println(profile);
var schema = Schema.infer(profile);
System.out.println(schema);

// Validate a new batch against the schema: a petal length typed in millimetres and an unknown species.
var batch = CsvTable.builder("batch.csv", """
        sepal_length,sepal_width,petal_length,petal_width,species
        5.1,3.5,1.4,0.2,setosa
        7.0,3.2,47,1.4,versicolor
        6.3,3.3,6.0,2.5,iris-x
        """).build();
var validation = Validator.against(schema).validate(batch);
System.out.println(validation);

// Drift: the first 100 flowers (setosa and versicolor) against the last 100 (versicolor and virginica).
var lines = Files.readAllLines(irisCsv);
var detector = DriftDetector.defaults();
var early = detector.profile(CsvTable.builder("iris rows 1-100", String.join("\n", lines.subList(0, 101))).build());
var late = detector.profile(CsvTable.builder("iris rows 51-150",
        lines.get(0) + "\n" + String.join("\n", lines.subList(51, 151))).build());
var drift = detector.compare(early, late);
System.out.println(drift.summary());

// The same as self-contained HTML pages: the runs with their mse curves, the validation and the drift.
var dir = Files.createTempDirectory("mlops4j-");
var reports = List.of(
        Reports.runComparison(mlops, ids).writeTo(dir.resolve("iris-sweep.html")),
        DataReports.validation(validation).writeTo(dir.resolve("iris-validation.html")),
        DataReports.drift(early, late, drift).writeTo(dir.resolve("iris-drift.html")));
System.out.println("Reports written to " + dir + ": " + reports.stream().map(p -> p.getFileName().toString()).toList()
        + "; open " + reports.get(0).toUri() + " in a browser");
