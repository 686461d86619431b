package dev.mlops4j.tribuo.data;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.validation.data.Column;
import dev.mlops4j.validation.data.ColumnType;
import dev.mlops4j.validation.data.Table;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.tribuo.DataSource;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.Output;
import org.tribuo.OutputInfo;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

/**
 * Presents Tribuo data as a validation {@link Table}: one {@link ColumnType#FLOATING} column per feature, then
 * the output and optionally the example weight. The output of a regression data set (a {@code Regressor}) is
 * numeric: one {@link ColumnType#FLOATING} column with the target's value, or, with several dimensions, one per
 * dimension named {@code <output column>.<dimension>}; any other output is a {@link ColumnType#CATEGORICAL} column
 * with {@code Output.getSerializableForm(false)} (e.g. the label). The output factory's unknown output is a
 * missing cell.
 *
 * <pre>{@code
 * Table table = TribuoTables.builder(dataset).outputColumn("cultivar").build();
 * ValidationReport report = Validator.against(schema).validate(table);
 * }</pre>
 *
 * <p>Mind the sparsity of Tribuo examples (see the package documentation): absent features read as 0.0 unless
 * {@link Builder#absentFeatures(AbsentFeature)} says otherwise, so missing raw values are invisible here.
 */
public final class TribuoTables {
    private TribuoTables() {
    }

    /**
     * @param dataset a data set
     * @param <T> the output type
     * @return its table with the defaults (features by id order, output column {@code "output"}, absent = 0.0)
     */
    public static <T extends Output<T>> Table of(Dataset<T> dataset) {
        return builder(dataset).build();
    }

    /**
     * @param source a data source; iterated once here to collect feature names, then once per pass
     * @param <T> the output type
     * @return its table with the defaults
     */
    public static <T extends Output<T>> Table of(DataSource<T> source) {
        return builder(source).build();
    }

    /**
     * @param dataset a data set: its feature map gives the columns, its examples list allows parallel passes
     * @param <T> the output type
     * @return a builder
     */
    public static <T extends Output<T>> Builder<T> builder(Dataset<T> dataset) {
        Objects.requireNonNull(dataset, "dataset");
        // columns in feature id order (ids are dense, 0 to size-1, assigned in name order)
        List<String> byId = new ArrayList<>(dataset.getFeatureIDMap().size());
        for (int id = 0; id < dataset.getFeatureIDMap().size(); id++) {
            byId.add(dataset.getFeatureIDMap().get(id).getName());
        }
        List<String> dimensions = null;
        if (dataset.getOutputFactory() instanceof RegressionFactory) {
            @SuppressWarnings("unchecked")
            OutputInfo<Regressor> info = (OutputInfo<Regressor>) (OutputInfo<?>) dataset.getOutputInfo();
            dimensions = List.of(Regressor.extractNames(info));
        }
        return new Builder<>(dataset.getData(), byId, dimensions, dataset.getOutputFactory().getUnknownOutput(),
                "Tribuo dataset");
    }

    /**
     * @param source a data source
     * @param <T> the output type
     * @return a builder; feature names are collected now, in order of first appearance
     */
    public static <T extends Output<T>> Builder<T> builder(DataSource<T> source) {
        Objects.requireNonNull(source, "source");
        Set<String> names = new LinkedHashSet<>();
        boolean regression = source.getOutputFactory() instanceof RegressionFactory;
        Set<String> dimensions = new LinkedHashSet<>();
        for (Example<T> e : source) {
            for (Feature f : e) {
                names.add(f.getName());
            }
            if (regression && e.getOutput() instanceof Regressor) {
                Regressor r = (Regressor) e.getOutput();
                for (int d = 0; d < r.size(); d++) {
                    if (!Double.isNaN(r.getValues()[d])) {
                        dimensions.add(r.getNames()[d]);
                    }
                }
            }
        }
        return new Builder<>(source, new ArrayList<>(names), regression ? new ArrayList<>(dimensions) : null,
                source.getOutputFactory().getUnknownOutput(), "Tribuo " + source.getClass().getSimpleName());
    }

    /**
     * Settings of a Tribuo table.
     *
     * @param <T> the output type
     */
    public static final class Builder<T extends Output<T>> {
        private final Iterable<Example<T>> examples;
        private final List<String> features;
        private final List<String> dimensions;
        private final T unknown;
        private String description;
        private String outputColumn = "output";
        private String weightColumn;
        private AbsentFeature absent = AbsentFeature.ZERO;

        private Builder(Iterable<Example<T>> examples, List<String> features, List<String> dimensions, T unknown,
                String description) {
            this.examples = examples;
            this.features = features;
            this.dimensions = dimensions;
            this.unknown = unknown;
            this.description = description;
        }

        /**
         * @param name name of the output column (default {@code "output"}), e.g. the label's name in the raw data
         *     so that a schema of the raw data applies
         * @return this builder
         */
        public Builder<T> outputColumn(String name) {
            this.outputColumn = requireName(name);
            return this;
        }

        /** @return this builder, without an output column (e.g. for serving data) */
        public Builder<T> noOutputColumn() {
            this.outputColumn = null;
            return this;
        }

        /** @param name name of a floating column holding each example's weight (default: none) @return this builder */
        public Builder<T> weightColumn(String name) {
            this.weightColumn = requireName(name);
            return this;
        }

        /** @param how how absent features are read (default {@link AbsentFeature#ZERO}) @return this builder */
        public Builder<T> absentFeatures(AbsentFeature how) {
            this.absent = Objects.requireNonNull(how, "how");
            return this;
        }

        /** @param text a description for reports @return this builder */
        public Builder<T> description(String text) {
            this.description = Objects.requireNonNull(text, "text");
            return this;
        }

        private static String requireName(String name) {
            if (name == null || name.isBlank()) {
                throw new InvalidInputException("column name must not be blank");
            }
            return name;
        }

        /**
         * @return the table
         * @throws InvalidInputException if the output or weight column name clashes with a feature name
         */
        public Table build() {
            List<Column> columns = new ArrayList<>();
            Set<String> seen = new LinkedHashSet<>();
            for (String f : features) {
                columns.add(new Column(f, ColumnType.FLOATING));
                seen.add(f);
            }
            List<String> outputs = new ArrayList<>();
            if (outputColumn != null && dimensions == null) {
                outputs.add(outputColumn);
            } else if (outputColumn != null) {
                for (String d : dimensions) {
                    outputs.add(dimensions.size() == 1 ? outputColumn : outputColumn + "." + d);
                }
            }
            List<String> extras = new ArrayList<>(outputs);
            if (weightColumn != null) {
                extras.add(weightColumn);
            }
            for (String extra : extras) {
                if (!seen.add(extra)) {
                    throw new InvalidInputException("column name '" + extra + "' is also a feature name; choose"
                            + " another name for the output or weight column");
                }
            }
            for (String o : outputs) {
                columns.add(new Column(o, dimensions == null ? ColumnType.CATEGORICAL : ColumnType.FLOATING));
            }
            if (weightColumn != null) {
                columns.add(new Column(weightColumn, ColumnType.FLOATING));
            }
            return new TribuoTable<>(examples, columns, features.size(), outputColumn != null, dimensions,
                    weightColumn != null, absent, unknown, description, 1);
        }
    }
}
