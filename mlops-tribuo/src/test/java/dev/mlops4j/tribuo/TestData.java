package dev.mlops4j.tribuo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.DataSource;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.data.columnar.FieldProcessor;
import org.tribuo.data.columnar.RowProcessor;
import org.tribuo.data.columnar.extractors.IdentityExtractor;
import org.tribuo.data.columnar.processors.field.DateFieldProcessor;
import org.tribuo.data.columnar.processors.field.DoubleFieldProcessor;
import org.tribuo.data.columnar.processors.field.IdentityProcessor;
import org.tribuo.data.columnar.processors.response.FieldResponseProcessor;
import org.tribuo.data.csv.CSVDataSource;
import org.tribuo.data.csv.CSVLoader;
import org.tribuo.evaluation.TrainTestSplitter;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

/** The shared real data sets (wine, iris), read with Tribuo's own loaders and split reproducibly. */
final class TestData {
    static final long SEED = 42L;

    private TestData() {
    }

    /** A train/test split. */
    record Split<T extends org.tribuo.Output<T>>(MutableDataset<T> train, MutableDataset<T> test) {
    }

    /**
     * @param name a file in the shared data directory
     * @return its path, found by walking up from the working directory (the module directory under Maven)
     */
    static Path file(String name) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/data").resolve(name);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("cannot find shared/data/" + name + " above " + Path.of("").toAbsolutePath());
    }

    /** @return wine (178 examples, 13 features, 3 cultivars), 70/30 split */
    static Split<Label> wine() {
        return split(csv("wine.csv", "cultivar"));
    }

    /** @return iris classification (150 examples, 4 features, 3 species), 70/30 split */
    static Split<Label> iris() {
        return split(csv("iris.csv", "species"));
    }

    /** @return all of wine as one data set */
    static MutableDataset<Label> wineAll() {
        return new MutableDataset<>(csv("wine.csv", "cultivar"));
    }

    /**
     * Iris as regression: predict petal_width from the three other measurements, with the species as a categorical
     * column (one-hot features species@setosa, ...) to slice by.
     *
     * @return 70/30 split
     */
    static Split<Regressor> irisPetalWidth() {
        Map<String, FieldProcessor> fields = new LinkedHashMap<>();
        for (String f : List.of("sepal_length", "sepal_width", "petal_length")) {
            fields.put(f, new DoubleFieldProcessor(f, true));
        }
        fields.put("species", new IdentityProcessor("species"));
        RowProcessor<Regressor> rows = new RowProcessor<>(new FieldResponseProcessor<>(List.of("petal_width"),
                List.of("0"), new RegressionFactory(), true, false), fields);
        return split(new CSVDataSource<>(file("iris.csv"), rows, true));
    }

    /** The wine columns other than alcohol and the cultivar. */
    static final List<String> WINE_MEASUREMENTS = List.of("malic_acid", "ash", "alcalinity_of_ash", "magnesium",
            "total_phenols", "flavanoids", "nonflavanoid_phenols", "proanthocyanins", "color_intensity", "hue",
            "od280_od315", "proline");

    /**
     * Wine as regression: predict the alcohol content from the twelve other measurements. The cultivar is not a
     * feature but example metadata ({@code cultivar}), to slice by.
     *
     * @return 70/30 split
     */
    static Split<Regressor> wineAlcohol() {
        Map<String, FieldProcessor> fields = new LinkedHashMap<>();
        for (String f : WINE_MEASUREMENTS) {
            fields.put(f, new DoubleFieldProcessor(f, true));
        }
        RowProcessor<Regressor> rows = new RowProcessor<>(List.of(new IdentityExtractor("cultivar")),
                new FieldResponseProcessor<>(List.of("alcohol"), List.of("0"), new RegressionFactory(), true, false),
                fields);
        return split(new CSVDataSource<>(file("wine.csv"), rows, true));
    }

    /**
     * Seattle weather as two-dimensional regression: predict the day's temp_max and temp_min from precipitation,
     * wind and the month (feature {@code date@MONTH}); the weather class is example metadata ({@code weather}).
     *
     * @return 70/30 split (random, not by time: the task here is the dimensions, not drift)
     */
    static Split<Regressor> seattleTemperatures() {
        Map<String, FieldProcessor> fields = new LinkedHashMap<>();
        fields.put("precipitation", new DoubleFieldProcessor("precipitation", true));
        fields.put("wind", new DoubleFieldProcessor("wind", true));
        fields.put("date", new DateFieldProcessor("date", EnumSet.of(DateFieldProcessor.DateFeatureType.MONTH),
                "yyyy/MM/dd"));
        RowProcessor<Regressor> rows = new RowProcessor<>(List.of(new IdentityExtractor("weather")),
                new FieldResponseProcessor<>(List.of("temp_max", "temp_min"), List.of("0", "0"),
                        new RegressionFactory(), true, false), fields);
        return split(new CSVDataSource<>(file("seattle-weather.csv"), rows, true));
    }

    private static DataSource<Label> csv(String name, String response) {
        try {
            return new CSVLoader<>(new LabelFactory()).loadDataSource(file(name), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T extends org.tribuo.Output<T>> Split<T> split(DataSource<T> source) {
        TrainTestSplitter<T> splitter = new TrainTestSplitter<>(source, 0.7, SEED);
        return new Split<>(new MutableDataset<>(splitter.getTrain()), new MutableDataset<>(splitter.getTest()));
    }
}
