package dev.mlops4j.examples;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A small numeric classification data set read from one of the CSV files shipped with the examples
 * (numeric feature columns, the label in the last column).
 *
 * @param name the resource name, e.g. {@code iris.csv}
 * @param featureNames the feature column names
 * @param features one row of features per example
 * @param labels the label of each example
 */
public record Dataset(String name, List<String> featureNames, double[][] features, String[] labels) {

    /**
     * Loads {@code data/<name>} from the class path.
     *
     * @param name file name such as {@code iris.csv} or {@code wine.csv}
     * @return the data set
     */
    public static Dataset load(String name) {
        InputStream in = Dataset.class.getResourceAsStream("/data/" + name);
        if (in == null) {
            throw new IllegalArgumentException("no data set '" + name + "' in mlops-examples/src/main/resources/data");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String[] header = reader.readLine().split(",");
            List<double[]> rows = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",");
                double[] row = new double[cells.length - 1];
                for (int i = 0; i < row.length; i++) {
                    row[i] = Double.parseDouble(cells[i]);
                }
                rows.add(row);
                labels.add(cells[cells.length - 1]);
            }
            return new Dataset(name, List.of(Arrays.copyOf(header, header.length - 1)), rows.toArray(double[][]::new),
                    labels.toArray(String[]::new));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read data set " + name, e);
        }
    }

    /** @return the number of examples */
    public int size() {
        return labels.length;
    }
}
