// mlops4j in JShell. From the repository root:
//
//     bin/jshell mlops-examples/jshell/quickstart.jsh
//
// Tracks a small learning-rate sweep on the Iris data, searches the runs, compares them, writes an HTML report with
// the loss curves, and leaves you in JShell with `mlops`, `ids`, `diff` and `report` defined to keep exploring.

import dev.mlops4j.*;
import dev.mlops4j.tracking.*;
import dev.mlops4j.report.*;
import dev.mlops4j.examples.Dataset;
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

// The same as a self-contained HTML page, with the mse curves of all three runs.
var report = Reports.runComparison(mlops, ids).writeTo(Files.createTempDirectory("mlops4j-").resolve("iris-sweep.html"));
System.out.println("Report written to " + report + "; open " + report.toUri() + " in a browser");
