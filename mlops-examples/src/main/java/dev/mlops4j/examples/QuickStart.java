package dev.mlops4j.examples;

import dev.mlops4j.Experiment;
import dev.mlops4j.Mlops;
import dev.mlops4j.Run;
import dev.mlops4j.report.Reports;
import dev.mlops4j.tracking.RunPage;
import dev.mlops4j.tracking.RunRecord;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Tracking in the embedded store ({@code ./mlops-data}, or {@code $MLOPS_HOME}): a small hyperparameter sweep on the
 * UCI Wine data, then a search of its runs. The first part of the {@link Tour}.
 *
 * <p>Each sweep setting is a nested run with its params, a per-fold accuracy history, the mean accuracy
 * and a confusion matrix artifact; an HTML report compares the four settings. Run it alone with
 * {@code mvn -B -q -Pdemo package -Ddemo.mainClass=dev.mlops4j.examples.QuickStart} from the repository root.
 */
public final class QuickStart {
    static final String EXPERIMENT = "wine-quickstart";
    /** The file name of the run comparison, in the reports directory. */
    static final String REPORT = "wine-quickstart.html";
    private static final int FOLDS = 5;

    private QuickStart() {
    }

    /**
     * What the sweep did, for the caller to look at.
     *
     * @param sweepId the parent run
     * @param ranked the four nested runs, best first
     * @param report the HTML comparison of the four runs
     */
    record Outcome(String sweepId, RunPage ranked, Path report) {
        RunRecord best() {
            return ranked.runs().get(0);
        }
    }

    /**
     * @param args ignored
     */
    public static void main(String[] args) {
        try (Mlops mlops = Mlops.open()) {
            System.out.println("mlops4j quick start");
            System.out.println("  store: " + mlops.describeStore());
            Outcome outcome = run(mlops, mlops.home().orElse(Path.of(".")).resolve("reports"), System.out);
            RunRecord best = outcome.best();
            System.out.println();
            System.out.println("Wrote " + (outcome.ranked().runs().size() + 1) + " runs to " + mlops.describeStore());
            System.out.println("Open " + outcome.report().toUri() + " in a browser: the four runs side by side (params,"
                    + " accuracy) with their per-fold accuracy curves, best run first");
            mlops.home().ifPresent(home -> System.out.println("Artifacts (confusion matrices) are under "
                    + home.resolve("artifacts") + "; read one back with mlops.runs().readArtifact(\""
                    + best.runId() + "\", \"confusion_matrix.csv\")"));
            System.out.println("Run the demo again to add a second sweep to the same store.");
        }
    }

    /**
     * Tracks the sweep against any store, searches its runs and writes their comparison.
     *
     * @param mlops where to track
     * @param reports where to write the comparison ({@value #REPORT})
     * @param out where to print what happens
     * @return what was tracked and written
     */
    static Outcome run(Mlops mlops, Path reports, PrintStream out) {
        Dataset wine = Dataset.load("wine.csv");
        Experiment experiment = mlops.experiment(EXPERIMENT)
                .description("Nearest-centroid classifiers on UCI Wine, " + FOLDS + "-fold cross-validation");
        out.println("Sweep: nearest-centroid on " + wine.name() + " (" + wine.size() + " examples), two distances x"
                + " raw or standardized features, " + FOLDS + "-fold cross-validation, one nested run each");
        String sweepId = experiment.run("sweep", sweep -> {
            sweep.logParam("dataset", wine.name()).logParam("folds", FOLDS).logParam("examples", wine.size());
            for (String distance : List.of("euclidean", "manhattan")) {
                for (boolean standardize : List.of(false, true)) {
                    String name = distance + (standardize ? "-standardized" : "-raw");
                    sweep.childRun(name, run -> crossValidate(run, wine, distance, standardize, out));
                }
            }
        });

        out.println();
        out.println("Runs of the sweep, best first (mlops.runs().search(...)):");
        RunPage ranked = mlops.runs().search(EXPERIMENT)
                .filter("attributes.parent_run_id = '" + sweepId + "' and status = 'FINISHED'")
                .orderBy("metrics.accuracy DESC")
                .page();
        out.print(ranked);
        RunRecord best = ranked.runs().get(0);
        out.printf(Locale.ROOT, "%nBest: %s with accuracy %.4f (run %s)%n", best.info().runName(),
                best.metric("accuracy").orElseThrow(), best.runId());
        Path report = Reports.runComparison(mlops, ranked.runs().stream().map(RunRecord::runId).toList())
                .writeTo(reports.resolve(REPORT));
        out.println("Wrote the comparison of the four runs to " + report);
        return new Outcome(sweepId, ranked, report);
    }

    private static void crossValidate(Run run, Dataset data, String distance, boolean standardize,
                                      PrintStream out) {
        run.logParam("model", "nearest-centroid").logParam("distance", distance).logParam("standardize", standardize);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(42));
        TreeSet<String> classes = new TreeSet<>(List.of(data.labels()));
        TreeMap<String, TreeMap<String, Integer>> confusion = new TreeMap<>();
        classes.forEach(a -> {
            TreeMap<String, Integer> row = new TreeMap<>();
            classes.forEach(p -> row.put(p, 0));
            confusion.put(a, row);
        });
        int correct = 0;
        for (int fold = 0; fold < FOLDS; fold++) {
            List<Integer> train = new ArrayList<>();
            List<Integer> test = new ArrayList<>();
            for (int i = 0; i < order.size(); i++) {
                (i % FOLDS == fold ? test : train).add(order.get(i));
            }
            NearestCentroid model = new NearestCentroid(distance.equals("manhattan"), standardize, data.features(),
                    data.labels(), train.stream().mapToInt(Integer::intValue).toArray());
            int foldCorrect = 0;
            for (int i : test) {
                String predicted = model.predict(data.features()[i]);
                confusion.get(data.labels()[i]).merge(predicted, 1, Integer::sum);
                if (predicted.equals(data.labels()[i])) {
                    foldCorrect++;
                }
            }
            correct += foldCorrect;
            run.logMetric("fold_accuracy", (double) foldCorrect / test.size(), fold);
        }
        double accuracy = (double) correct / data.size();
        run.logMetric("accuracy", accuracy);
        StringBuilder csv = new StringBuilder("actual\\predicted," + String.join(",", classes) + "\n");
        confusion.forEach((actual, row) -> csv.append(actual).append(',')
                .append(String.join(",", row.values().stream().map(String::valueOf).toList())).append('\n'));
        run.logArtifact("confusion_matrix.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        out.printf(Locale.ROOT, "  %-22s accuracy %.4f%n", run.name(), accuracy);
    }
}
