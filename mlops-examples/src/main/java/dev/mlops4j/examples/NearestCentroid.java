package dev.mlops4j.examples;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A deliberately small classifier for the quick start, so the demo needs no ML library: each class is
 * represented by the mean of its training examples and a new example gets the class of the nearest mean.
 * Optional standardisation scales each feature by the training standard deviation.
 */
public final class NearestCentroid {
    private final Map<String, double[]> centroids = new LinkedHashMap<>();
    private final boolean manhattan;
    private double[] mean;
    private double[] scale;

    /**
     * @param manhattan use the L1 distance instead of the Euclidean one
     * @param standardize scale features to unit variance first
     * @param x training features
     * @param y training labels
     * @param rows which rows of {@code x} to train on
     */
    public NearestCentroid(boolean manhattan, boolean standardize, double[][] x, String[] y, int[] rows) {
        this.manhattan = manhattan;
        int d = x[0].length;
        mean = new double[d];
        scale = new double[d];
        for (int r : rows) {
            for (int j = 0; j < d; j++) {
                mean[j] += x[r][j] / rows.length;
            }
        }
        for (int j = 0; j < d; j++) {
            double ss = 0;
            for (int r : rows) {
                ss += (x[r][j] - mean[j]) * (x[r][j] - mean[j]);
            }
            scale[j] = standardize ? Math.max(Math.sqrt(ss / rows.length), 1e-12) : 1.0;
            if (!standardize) {
                mean[j] = 0.0;
            }
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int r : rows) {
            double[] c = centroids.computeIfAbsent(y[r], k -> new double[d]);
            double[] z = transform(x[r]);
            for (int j = 0; j < d; j++) {
                c[j] += z[j];
            }
            counts.merge(y[r], 1, Integer::sum);
        }
        centroids.forEach((label, c) -> {
            for (int j = 0; j < d; j++) {
                c[j] /= counts.get(label);
            }
        });
    }

    private double[] transform(double[] row) {
        double[] z = new double[row.length];
        for (int j = 0; j < row.length; j++) {
            z[j] = (row[j] - mean[j]) / scale[j];
        }
        return z;
    }

    /**
     * @param row features of one example
     * @return the predicted class
     */
    public String predict(double[] row) {
        double[] z = transform(row);
        String best = null;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (Map.Entry<String, double[]> e : centroids.entrySet()) {
            double dist = 0;
            for (int j = 0; j < z.length; j++) {
                double diff = z[j] - e.getValue()[j];
                dist += manhattan ? Math.abs(diff) : diff * diff;
            }
            if (dist < bestDistance) {
                bestDistance = dist;
                best = e.getKey();
            }
        }
        return best;
    }
}
