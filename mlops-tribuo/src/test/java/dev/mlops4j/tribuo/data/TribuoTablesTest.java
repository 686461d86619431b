package dev.mlops4j.tribuo.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.validation.data.Column;
import dev.mlops4j.validation.data.ColumnType;
import dev.mlops4j.validation.data.CsvTable;
import dev.mlops4j.validation.data.Table;
import dev.mlops4j.validation.profile.ColumnProfile;
import dev.mlops4j.validation.profile.FrequentValue;
import dev.mlops4j.validation.profile.Profile;
import dev.mlops4j.validation.profile.Profiler;
import dev.mlops4j.validation.report.AnomalyKind;
import dev.mlops4j.validation.report.ValidationReport;
import dev.mlops4j.validation.report.Validator;
import dev.mlops4j.validation.schema.Schema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tribuo.DataSource;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.data.columnar.FieldProcessor;
import org.tribuo.data.columnar.RowProcessor;
import org.tribuo.data.columnar.processors.field.DoubleFieldProcessor;
import org.tribuo.data.columnar.processors.response.FieldResponseProcessor;
import org.tribuo.data.csv.CSVDataSource;
import org.tribuo.data.csv.CSVLoader;
import org.tribuo.datasource.ListDataSource;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

class TribuoTablesTest {

    private static Path wine() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path p = dir.resolve("shared/data/wine.csv");
            if (Files.isRegularFile(p)) {
                return p;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("shared/data/wine.csv not found");
    }

    private static DataSource<Label> wineSource() {
        try {
            return new CSVLoader<>(new LabelFactory()).loadDataSource(wine(), "cultivar");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double[] column(String name) throws IOException {
        List<String> lines = Files.readAllLines(wine());
        int c = Arrays.asList(lines.get(0).split(",")).indexOf(name);
        return lines.stream().skip(1).mapToDouble(l -> Double.parseDouble(l.split(",")[c])).toArray();
    }

    @Test
    void of_dataset_hasAFloatingColumnPerFeatureAndTheLabel() throws IOException {
        MutableDataset<Label> dataset = new MutableDataset<>(wineSource());

        Table table = TribuoTables.builder(dataset).outputColumn("cultivar").build();
        Profile profile = Profile.of(table);

        assertThat(table.columns()).hasSize(14);
        assertThat(table.columns().get(13)).isEqualTo(new Column("cultivar", ColumnType.CATEGORICAL));
        assertThat(table.columns().subList(0, 13)).extracting(Column::type).containsOnly(ColumnType.FLOATING);
        assertThat(profile.rowCount()).isEqualTo(178);
        double[] alcohol = column("alcohol");
        ColumnProfile a = profile.column("alcohol");
        assertThat(a.mean().getAsDouble()).isCloseTo(Arrays.stream(alcohol).average().orElseThrow(), within(1e-9));
        assertThat(a.min().getAsDouble()).isEqualTo(Arrays.stream(alcohol).min().orElseThrow());
        assertThat(profile.column("cultivar").topValues()).containsExactly(new FrequentValue("class_1", 71, 0),
                new FrequentValue("class_0", 59, 0), new FrequentValue("class_2", 48, 0));
    }

    @Test
    void validate_tribuoDataAgainstTheSchemaOfTheRawCsv_isValidExceptForIntegerFeatures() {
        Schema schema = Schema.infer(Profile.of(CsvTable.of(wine())));
        Table table = TribuoTables.builder(wineSource()).outputColumn("cultivar").build();

        ValidationReport report = Validator.against(schema).validate(table);

        // integer features come back as doubles, read as the schema's INTEGER type: all integral, so valid
        assertThat(report.anomalies()).isEmpty();
        assertThat(report.rowCount()).isEqualTo(178);
    }

    @Test
    void validate_labelAbsentFromSchemaDomain_isReportedWithExampleIndex() {
        Schema schema = Schema.create().allowUnexpectedColumns();
        schema.column("cultivar").categorical().domain("class_0", "class_1");
        Table table = TribuoTables.builder(new MutableDataset<>(wineSource())).outputColumn("cultivar").build();

        ValidationReport report = Validator.against(schema).validate(table);

        assertThat(report.find("cultivar", AnomalyKind.UNEXPECTED_CATEGORICAL_VALUE).orElseThrow().count())
                .isEqualTo(48);
    }

    @Test
    void absentFeatures_zeroByDefaultOrMissingWhenAsked() {
        LabelFactory factory = new LabelFactory();
        List<Example<Label>> examples = new ArrayList<>();
        examples.add(new ArrayExample<>(new Label("a"), new String[] {"x", "y"}, new double[] {1.0, 2.0}));
        examples.add(new ArrayExample<>(new Label("b"), new String[] {"x"}, new double[] {3.0}));
        examples.add(new ArrayExample<>(factory.getUnknownOutput(), new String[] {"y"}, new double[] {0.5}));
        ListDataSource<Label> source = new ListDataSource<>(examples, factory,
                new SimpleDataSourceProvenance("test", factory));

        Profile zero = Profile.of(TribuoTables.builder(source).weightColumn("w").build());
        Profile missing = Profile.of(TribuoTables.builder(source).absentFeatures(AbsentFeature.MISSING).build());

        assertThat(zero.columnNames()).containsExactly("x", "y", "output", "w");
        assertThat(zero.column("y").missing()).isZero();
        assertThat(zero.column("y").zeros()).isEqualTo(1);
        assertThat(missing.column("y").missing()).isEqualTo(1);
        assertThat(missing.column("x").missing()).isEqualTo(1);
        assertThat(zero.column("output").missing()).isEqualTo(1);
        assertThat(zero.column("w").mean().getAsDouble()).isEqualTo(1.0);
    }

    @Test
    void split_largeDataset_profilesInParallelLikeSequentially() {
        LabelFactory factory = new LabelFactory();
        List<Example<Label>> examples = new ArrayList<>();
        for (int i = 0; i < 25_000; i++) {
            examples.add(new ArrayExample<>(new Label(i % 3 == 0 ? "a" : "b"), new String[] {"f"},
                    new double[] {i % 100}));
        }
        MutableDataset<Label> dataset = new MutableDataset<>(new ListDataSource<>(examples, factory,
                new SimpleDataSourceProvenance("test", factory)));
        Table table = TribuoTables.of(dataset);

        Profile parallel = Profiler.builder().parallelism(2).build().profile(table);

        assertThat(table.split(2)).hasSize(2);
        assertThat(parallel.column("f").allValues()).isEqualTo(Profile.of(table).column("f").allValues());
        assertThat(parallel.column("output").topValues().get(0)).isEqualTo(new FrequentValue("b", 16_666, 0));
    }

    /** Iris as regression (petal_width from the other measurements), read by Tribuo's CSVDataSource. */
    private static DataSource<Regressor> irisPetalWidth() {
        Path iris = wine().resolveSibling("iris.csv");
        Map<String, FieldProcessor> fields = new LinkedHashMap<>();
        for (String f : List.of("sepal_length", "sepal_width", "petal_length")) {
            fields.put(f, new DoubleFieldProcessor(f, true));
        }
        RowProcessor<Regressor> rows = new RowProcessor<>(new FieldResponseProcessor<>(List.of("petal_width"),
                List.of("0"), new RegressionFactory(), true, false), fields);
        return new CSVDataSource<>(iris, rows, true);
    }

    @Test
    void of_regressionSourceAndDataset_targetIsAFloatingColumnValidatedByTheRawSchema() throws IOException {
        Path iris = wine().resolveSibling("iris.csv");
        List<String> lines = Files.readAllLines(iris);
        int c = Arrays.asList(lines.get(0).split(",")).indexOf("petal_width");
        double[] width = lines.stream().skip(1).filter(l -> !l.isBlank())
                .mapToDouble(l -> Double.parseDouble(l.split(",")[c])).toArray();
        Schema raw = Schema.infer(Profile.of(CsvTable.of(iris))).removeColumn("species");

        for (Table table : List.of(TribuoTables.builder(irisPetalWidth()).outputColumn("petal_width").build(),
                TribuoTables.builder(new MutableDataset<>(irisPetalWidth())).outputColumn("petal_width").build())) {
            assertThat(table.columns()).contains(new Column("petal_width", ColumnType.FLOATING));
            ColumnProfile p = Profile.of(table).column("petal_width");
            assertThat(p.count()).isEqualTo(150);
            assertThat(p.mean().getAsDouble()).isCloseTo(Arrays.stream(width).average().orElseThrow(), within(1e-12));
            assertThat(p.min().getAsDouble()).isEqualTo(0.1);
            assertThat(p.max().getAsDouble()).isEqualTo(2.5);
            assertThat(Validator.against(raw).validate(table).anomalies()).isEmpty();
        }
        Schema narrow = raw.copy();
        narrow.column("petal_width").max(2.0);
        assertThat(Validator.against(narrow).validate(TribuoTables.builder(irisPetalWidth())
                .outputColumn("petal_width").build()).find("petal_width", AnomalyKind.VALUE_ABOVE_RANGE).orElseThrow()
                .count()).isEqualTo(Arrays.stream(width).filter(w -> w > 2.0).count());
    }

    @Test
    void of_multiDimensionalRegression_oneColumnPerDimensionAndUnknownOutputsMissing() {
        RegressionFactory factory = new RegressionFactory();
        List<Example<Regressor>> examples = new ArrayList<>();
        examples.add(new ArrayExample<>(new Regressor(new String[] {"a", "b"}, new double[] {1.0, 2.0}),
                new String[] {"x"}, new double[] {1.0}));
        examples.add(new ArrayExample<>(new Regressor(new String[] {"a", "b"}, new double[] {3.0, 0.0}),
                new String[] {"x"}, new double[] {2.0}));
        examples.add(new ArrayExample<>(factory.getUnknownOutput(), new String[] {"x"}, new double[] {3.0}));
        ListDataSource<Regressor> source = new ListDataSource<>(examples, factory,
                new SimpleDataSourceProvenance("test", factory));

        Table table = TribuoTables.builder(source).outputColumn("y").weightColumn("w").build();
        Profile p = Profile.of(table);

        assertThat(table.columns()).containsExactly(new Column("x", ColumnType.FLOATING),
                new Column("y.a", ColumnType.FLOATING), new Column("y.b", ColumnType.FLOATING),
                new Column("w", ColumnType.FLOATING));
        assertThat(p.column("y.a").mean().getAsDouble()).isEqualTo(2.0);
        assertThat(p.column("y.a").missing()).isEqualTo(1);
        assertThat(p.column("y.b").zeros()).isEqualTo(1);
        assertThat(p.column("w").count()).isEqualTo(3);
        assertThatThrownBy(() -> TribuoTables.builder(source).outputColumn("y").weightColumn("y.b").build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'y.b'");
    }

    @Test
    void build_outputColumnNamedLikeAFeature_throwsInvalidInput() {
        assertThatThrownBy(() -> TribuoTables.builder(wineSource()).outputColumn("alcohol").build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'alcohol'");
    }
}
