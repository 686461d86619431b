package dev.mlops4j.examples;

import dev.mlops4j.Experiment;
import dev.mlops4j.Mlops;
import dev.mlops4j.Run;
import dev.mlops4j.report.Reports;
import dev.mlops4j.tracking.RunPage;
import dev.mlops4j.tracking.RunRecord;
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
 * The README's demo: tracks a small hyperparameter sweep on the UCI Wine data in the embedded store
 * ({@code ./mlops-data}, or {@code $MLOPS_HOME}), then searches the runs.
 *
 * <p>Each sweep setting is a nested run with its params, a per-fold accuracy history, the mean accuracy
 * and a confusion matrix artifact; an HTML report compares the four settings. Run it with
 * {@code mvn -B -q -Pdemo package} from the repository root.
 */
public final class QuickStart {
    private static final int FOLDS = 5;

    private QuickStart() {
    }

    /**
     * @param args ignored
     */
    public static void main(String[] args) {
        Dataset wine = Dataset.load("wine.csv");
        try (Mlops mlops = Mlops.open()) {
            System.out.println("mlops4j quick start");
            System.out.println("  store: " + mlops.describeStore());
            Experiment experiment = mlops.experiment("wine-quickstart")
                    .description("Nearest-centroid classifiers on UCI Wine, " + FOLDS + "-fold cross-validation");

            String sweepId = experiment.run("sweep", sweep -> {
                sweep.logParam("dataset", wine.name()).logParam("folds", FOLDS).logParam("examples", wine.size());
                for (String distance : List.of("euclidean", "manhattan")) {
                    for (boolean standardize : List.of(false, true)) {
                        String name = distance + (standardize ? "-standardized" : "-raw");
                        sweep.childRun(name, run -> crossValidate(run, wine, distance, standardize));
                    }
                }
            });

            System.out.println();
            System.out.println("Runs of the sweep, best first (mlops.runs().search(...)):");
            RunPage ranked = mlops.runs().search("wine-quickstart")
                    .filter("attributes.parent_run_id = '" + sweepId + "' and status = 'FINISHED'")
                    .orderBy("metrics.accuracy DESC")
                    .page();
            System.out.print(ranked);
            RunRecord best = ranked.runs().get(0);
            System.out.printf(Locale.ROOT, "%nBest: %s with accuracy %.4f (run %s)%n", best.info().runName(),
                    best.metric("accuracy").orElseThrow(), best.runId());
            Path report = Reports.runComparison(mlops, ranked.runs().stream().map(RunRecord::runId).toList())
                    .writeTo(mlops.home().orElse(Path.of(".")).resolve("reports").resolve("wine-quickstart.html"));
            System.out.println();
            System.out.println("Wrote " + (ranked.runs().size() + 1) + " runs to " + mlops.describeStore());
            System.out.println("Open " + report.toUri() + " in a browser: the four runs side by side (params,"
                    + " accuracy) with their per-fold accuracy curves, best run first");
            mlops.home().ifPresent(home -> System.out.println("Artifacts (confusion matrices) are under "
                    + home.resolve("artifacts") + "; read one back with mlops.runs().readArtifact(\""
                    + best.runId() + "\", \"confusion_matrix.csv\")"));
            System.out.println("Run the demo again to add a second sweep to the same store.");
        }
    }

    private static void crossValidate(Run run, Dataset data, String distance, boolean standardize) {
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
        System.out.printf(Locale.ROOT, "  %-22s accuracy %.4f%n", run.name(), accuracy);
    }
}
