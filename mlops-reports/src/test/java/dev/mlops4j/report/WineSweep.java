package dev.mlops4j.report;

import dev.mlops4j.Mlops;
import dev.mlops4j.Run;
import dev.mlops4j.tracking.LogBatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

/**
 * Real runs for the report tests and the sample report: softmax regression trained by mini-batch SGD on the UCI Wine
 * data (13 standardised features, 3 cultivars), one run per learning rate, logging the loss of every batch, the
 * training loss and validation accuracy of every epoch, and the best validation accuracy once.
 */
final class WineSweep {
    static final String EXPERIMENT = "wine-softmax";
    private static final int BATCH = 16;
    private static final long SEED = 42;

    private final double[][] x;
    private final int[] y;
    private final int classes;
    private final List<Integer> train = new ArrayList<>();
    private final List<Integer> validation = new ArrayList<>();

    private WineSweep(double[][] x, int[] y, int classes) {
        this.x = x;
        this.y = y;
        this.classes = classes;
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < y.length; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(SEED));
        int cut = (int) Math.round(y.length * 0.7);
        train.addAll(order.subList(0, cut));
        validation.addAll(order.subList(cut, order.size()));
    }

    /** @return the sweep on wine.csv, found by walking up from the working directory */
    static WineSweep load() {
        Path csv = find();
        try {
            List<String> lines = Files.readAllLines(csv).stream().filter(l -> !l.isBlank()).toList();
            int n = lines.size() - 1;
            double[][] x = new double[n][];
            int[] y = new int[n];
            TreeMap<String, Integer> labels = new TreeMap<>();
            for (int i = 0; i < n; i++) {
                String[] cells = lines.get(i + 1).split(",");
                x[i] = new double[cells.length - 1];
                for (int j = 0; j < x[i].length; j++) {
                    x[i][j] = Double.parseDouble(cells[j]);
                }
                y[i] = labels.computeIfAbsent(cells[cells.length - 1], k -> labels.size());
            }
            standardize(x);
            return new WineSweep(x, y, labels.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path find() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            for (Path candidate : List.of(dir.resolve("mlops-examples/src/main/resources/data/wine.csv"),
                    dir.resolve("shared/data/wine.csv"))) {
                if (Files.isRegularFile(candidate)) {
                    return candidate;
                }
            }
        }
        throw new IllegalStateException("wine.csv not found above " + Path.of("").toAbsolutePath()
                + "; run from inside the mlops4j repository");
    }

    private static void standardize(double[][] x) {
        for (int j = 0; j < x[0].length; j++) {
            double mean = 0;
            for (double[] row : x) {
                mean += row[j] / x.length;
            }
            double var = 0;
            for (double[] row : x) {
                var += (row[j] - mean) * (row[j] - mean) / x.length;
            }
            double sd = Math.sqrt(var);
            for (double[] row : x) {
                row[j] = (row[j] - mean) / sd;
            }
        }
    }

    /**
     * Trains one model per learning rate, each in its own run.
     *
     * @param mlops where to log
     * @param epochs epochs per run
     * @param learningRates one run each, in this order
     * @return the run ids, in the same order
     */
    List<String> run(Mlops mlops, int epochs, double... learningRates) {
        List<String> ids = new ArrayList<>();
        for (double lr : learningRates) {
            try (Run run = mlops.experiment(EXPERIMENT).startRun("lr-" + lr)) {
                run.logParam("model", "softmax-regression").logParam("dataset", "wine.csv")
                        .logParam("learning_rate", lr).logParam("epochs", epochs).logParam("batch_size", BATCH)
                        .logParam("seed", SEED);
                train(run, lr, epochs);
                ids.add(run.id());
            }
        }
        return ids;
    }

    private void train(Run run, double lr, int epochs) {
        int d = x[0].length;
        double[][] w = new double[classes][d + 1]; // last column is the bias
        Random random = new Random(SEED);
        List<Integer> order = new ArrayList<>(train);
        long step = 0;
        double best = 0;
        for (int epoch = 0; epoch < epochs; epoch++) {
            Collections.shuffle(order, random);
            LogBatch.Builder batch = LogBatch.builder();
            for (int start = 0; start < order.size(); start += BATCH) {
                List<Integer> rows = order.subList(start, Math.min(order.size(), start + BATCH));
                double[][] grad = new double[classes][d + 1];
                double loss = 0;
                for (int i : rows) {
                    double[] p = probabilities(w, x[i]);
                    loss -= Math.log(Math.max(p[y[i]], 1e-12)) / rows.size();
                    for (int k = 0; k < classes; k++) {
                        double g = (p[k] - (k == y[i] ? 1 : 0)) / rows.size();
                        for (int j = 0; j < d; j++) {
                            grad[k][j] += g * x[i][j];
                        }
                        grad[k][d] += g;
                    }
                }
                for (int k = 0; k < classes; k++) {
                    for (int j = 0; j <= d; j++) {
                        w[k][j] -= lr * grad[k][j];
                    }
                }
                batch.metric("batch_loss", loss, step++);
            }
            double accuracy = accuracy(w, validation);
            best = Math.max(best, accuracy);
            batch.metric("train_loss", loss(w, train), epoch).metric("val_accuracy", accuracy, epoch);
            run.log(batch.build());
        }
        run.logMetric("best_val_accuracy", best);
    }

    private double[] probabilities(double[][] w, double[] xi) {
        double[] z = new double[classes];
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < classes; k++) {
            z[k] = w[k][xi.length];
            for (int j = 0; j < xi.length; j++) {
                z[k] += w[k][j] * xi[j];
            }
            max = Math.max(max, z[k]);
        }
        double sum = 0;
        for (int k = 0; k < classes; k++) {
            z[k] = Math.exp(z[k] - max);
            sum += z[k];
        }
        for (int k = 0; k < classes; k++) {
            z[k] /= sum;
        }
        return z;
    }

    private double loss(double[][] w, List<Integer> rows) {
        double loss = 0;
        for (int i : rows) {
            loss -= Math.log(Math.max(probabilities(w, x[i])[y[i]], 1e-12)) / rows.size();
        }
        return loss;
    }

    private double accuracy(double[][] w, List<Integer> rows) {
        int correct = 0;
        for (int i : rows) {
            double[] p = probabilities(w, x[i]);
            int argmax = 0;
            for (int k = 1; k < classes; k++) {
                if (p[k] > p[argmax]) {
                    argmax = k;
                }
            }
            correct += argmax == y[i] ? 1 : 0;
        }
        return (double) correct / rows.size();
    }
}
