package dev.mlops4j.serving;

import dev.mlops4j.model.Prediction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A batch of recorded predictions of one handle as columns: the features as one column of {@code double}s each
 * (a missing feature, whether absent from the input, null or NaN, reads NaN), and per row the version that
 * predicted, the time, the prediction, the input issues and the latency, as in a {@link PredictionRecord}.
 *
 * <p>It is what a {@link PredictionSink} that {@link PredictionSink#acceptsColumns() accepts columns} receives
 * instead of a list of records: at 100% sampling the recording thread then copies each prediction's values into
 * primitive columns instead of building a record and a boxed map per prediction, which is what let a monitor keep up
 * with a caller predicting back to back. {@link #record(int)} gives a row as a record, with its missing features
 * left out. Immutable once built.
 */
public final class PredictionColumns {
    private final String modelName;
    private final String alias;
    private final List<String> features;
    /** [feature][row], NaN for a missing value; arrays may be longer than {@link #size}. */
    private final double[][] values;
    private final int size;
    private final int[] versions;
    private final Instant[] at;
    private final Prediction[] predictions;
    private final List<?>[] issues;
    private final long[] latencies;

    private PredictionColumns(Builder b) {
        this.modelName = b.modelName;
        this.alias = b.alias;
        this.features = List.copyOf(b.features);
        this.values = Arrays.copyOf(b.values, b.features.size());
        this.size = b.size;
        this.versions = b.versions;
        this.at = b.at;
        this.predictions = b.predictions;
        this.issues = b.issues;
        this.latencies = b.latencies;
    }

    /**
     * @param modelName the registered model
     * @param alias the alias the handle follows
     * @param capacity the most rows the batch will have, at least 1
     * @return a builder of a batch
     */
    public static Builder builder(String modelName, String alias, int capacity) {
        return new Builder(modelName, alias, capacity);
    }

    /** @return the number of rows (predictions) */
    public int size() {
        return size;
    }

    /** @return the registered model */
    public String modelName() {
        return modelName;
    }

    /** @return the alias the handle follows */
    public String alias() {
        return alias;
    }

    /** @return the features' names, one per column, in column order */
    public List<String> features() {
        return features;
    }

    /**
     * @param feature a column ({@link #features()} index)
     * @param row a row
     * @return the value, NaN if missing
     */
    public double value(int feature, int row) {
        return values[feature][Objects.checkIndex(row, size)];
    }

    /**
     * Copies rows of one column.
     *
     * @param feature a column ({@link #features()} index)
     * @param fromRow the first row
     * @param target where to copy
     * @param offset where the first row goes in {@code target}
     * @param rows how many rows
     */
    public void copyColumn(int feature, int fromRow, double[] target, int offset, int rows) {
        Objects.checkFromIndexSize(fromRow, rows, size);
        System.arraycopy(values[feature], fromRow, target, offset, rows);
    }

    /** @param row a row @return the version that predicted it */
    public int version(int row) {
        return versions[Objects.checkIndex(row, size)];
    }

    /** @param row a row @return when it was predicted, as {@link PredictionRecord#at()} */
    public Instant at(int row) {
        return at[Objects.checkIndex(row, size)];
    }

    /** @param row a row @return the prediction */
    public Prediction prediction(int row) {
        return predictions[Objects.checkIndex(row, size)];
    }

    /** @param row a row @return the input issues that were let through */
    @SuppressWarnings("unchecked")
    public List<InputIssue> issues(int row) {
        return (List<InputIssue>) issues[Objects.checkIndex(row, size)];
    }

    /** @param row a row @return the latency, or {@link PredictionRecord#NOT_TIMED} */
    public long latencyNanos(int row) {
        return latencies[Objects.checkIndex(row, size)];
    }

    /**
     * @param row a row
     * @return the row as a record; its feature map has the row's present values (missing features are left out)
     */
    public PredictionRecord record(int row) {
        Objects.checkIndex(row, size);
        Map<String, Double> map = new HashMap<>(features.size() * 2);
        for (int f = 0; f < features.size(); f++) {
            double v = values[f][row];
            if (!Double.isNaN(v)) {
                map.put(features.get(f), v);
            }
        }
        return new PredictionRecord(modelName, versions[row], alias, at[row], map, predictions[row], issues(row),
                latencies[row]);
    }

    /** @return every row as a record ({@link #record(int)}), in order */
    public List<PredictionRecord> records() {
        List<PredictionRecord> out = new ArrayList<>(size);
        for (int r = 0; r < size; r++) {
            out.add(record(r));
        }
        return out;
    }

    @Override
    public String toString() {
        return size + " predictions of " + modelName + "@" + alias + " over " + features;
    }

    /**
     * Fills a batch row by row: {@link #addRow} then {@link #set} the row's present values (the others stay NaN).
     * Used by the recording thread; not thread-safe.
     */
    public static final class Builder {
        private final String modelName;
        private final String alias;
        private final int capacity;
        private final List<String> features = new ArrayList<>();
        private final Map<String, Integer> index = new HashMap<>();
        private double[][] values = new double[8][];
        private int size;
        private final int[] versions;
        private final Instant[] at;
        private final Prediction[] predictions;
        private final List<?>[] issues;
        private final long[] latencies;
        private boolean built;

        private Builder(String modelName, String alias, int capacity) {
            if (capacity < 1) {
                throw new IllegalArgumentException("a batch holds at least 1 row, capacity was " + capacity);
            }
            this.modelName = Objects.requireNonNull(modelName, "modelName");
            this.alias = Objects.requireNonNull(alias, "alias");
            this.capacity = capacity;
            this.versions = new int[capacity];
            this.at = new Instant[capacity];
            this.predictions = new Prediction[capacity];
            this.issues = new List<?>[capacity];
            this.latencies = new long[capacity];
        }

        /**
         * @param name a feature
         * @return its column, added (missing in the rows so far) if new
         */
        public int feature(String name) {
            Integer i = index.get(name);
            if (i != null) {
                return i;
            }
            int f = features.size();
            if (f == values.length) {
                values = Arrays.copyOf(values, f * 2);
            }
            double[] column = new double[capacity];
            Arrays.fill(column, Double.NaN);
            values[f] = column;
            features.add(name);
            index.put(name, f);
            return f;
        }

        /** @return the number of columns so far */
        public int featureCount() {
            return features.size();
        }

        /** @return the number of rows so far */
        public int size() {
            return size;
        }

        /**
         * Adds a row whose values are all missing until {@link #set}.
         *
         * @param version the version that predicted
         * @param time when
         * @param prediction the output
         * @param inputIssues the issues let through
         * @param latencyNanos the latency or {@link PredictionRecord#NOT_TIMED}
         * @return the row
         */
        public int addRow(int version, Instant time, Prediction prediction, List<InputIssue> inputIssues,
                          long latencyNanos) {
            if (built) {
                throw new IllegalStateException("this batch was built already");
            }
            if (size == capacity) {
                throw new IllegalStateException("the batch is full (" + capacity + " rows)");
            }
            int r = size++;
            versions[r] = version;
            at[r] = Objects.requireNonNull(time, "time");
            predictions[r] = Objects.requireNonNull(prediction, "prediction");
            issues[r] = List.copyOf(inputIssues);
            latencies[r] = latencyNanos;
            return r;
        }

        /**
         * @param feature a column from {@link #feature}
         * @param row a row from {@link #addRow}
         * @param value the value (NaN: missing)
         */
        public void set(int feature, int row, double value) {
            values[feature][Objects.checkIndex(row, size)] = value;
        }

        /**
         * Drops the rows from {@code newSize} on (a batch that could not be delivered after all).
         *
         * @param newSize the rows kept
         */
        public void truncate(int newSize) {
            Objects.checkIndex(newSize, size + 1);
            for (int r = newSize; r < size; r++) {
                for (int f = 0; f < features.size(); f++) {
                    values[f][r] = Double.NaN;
                }
                at[r] = null;
                predictions[r] = null;
                issues[r] = null;
            }
            size = newSize;
        }

        /** @return the batch; the builder is spent */
        public PredictionColumns build() {
            built = true;
            return new PredictionColumns(this);
        }
    }
}
