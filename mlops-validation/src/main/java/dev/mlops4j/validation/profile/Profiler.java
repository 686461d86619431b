package dev.mlops4j.validation.profile;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.validation.data.Table;
import dev.mlops4j.validation.internal.Passes;
import dev.mlops4j.validation.internal.ProfileAccumulator;
import dev.mlops4j.validation.internal.ProfileAccumulator.ProfileData;
import dev.mlops4j.validation.internal.ProfileSettings;

/**
 * Computes {@link Profile}s in one pass over a {@link Table}, in memory bounded by the number of columns and
 * the sketch sizes, never by the number of rows. Immutable and thread-safe; configure with {@link #builder()}.
 *
 * <p>Memory per column: exact value counts up to {@link Builder#exactDistinctLimit(int)} values, then a
 * HyperLogLog sketch of 2^{@link Builder#hllLgK(int) lgK} bytes and, for categorical columns, a frequent-items
 * sketch of {@link Builder#frequentItemsMapSize(int)} entries; for ordered columns a KLL quantile sketch
 * (a few KiB at the default k = 200).
 */
public final class Profiler {
    private static final Profiler DEFAULTS = builder().build();

    private final ProfileSettings settings;
    private final int parallelism;

    private Profiler(Builder b) {
        this.settings = new ProfileSettings(b.exactDistinctLimit, b.quantileK, b.hllLgK, b.frequentItemsMapSize,
                b.topK, b.histogramBins, b.maxMalformedSamples, b.quantiles);
        this.parallelism = b.parallelism;
    }

    /** @return a profiler with the default settings (single-threaded) */
    public static Profiler defaults() {
        return DEFAULTS;
    }

    /** @return a builder starting from the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Profiles a table. With {@link Builder#parallelism(int) parallelism} above 1, a table that can be
     * {@link Table#split(int) split} (in-memory lists) is profiled in that many threads and the parts merged.
     *
     * @param table the data
     * @return its profile
     * @throws dev.mlops4j.validation.DataSourceException if the table cannot be read
     */
    public Profile profile(Table table) {
        ProfileData data = Passes.run(table, parallelism, part -> new ProfileAccumulator(part.columns(), settings),
                ProfileData::merge);
        return new Profile(table.description(), data);
    }

    /** Settings of a {@link Profiler}. */
    public static final class Builder {
        private int exactDistinctLimit = ProfileSettings.DEFAULTS.exactDistinctLimit();
        private int quantileK = ProfileSettings.DEFAULTS.quantileK();
        private int hllLgK = ProfileSettings.DEFAULTS.hllLgK();
        private int frequentItemsMapSize = ProfileSettings.DEFAULTS.frequentItemsMapSize();
        private int topK = ProfileSettings.DEFAULTS.topK();
        private int histogramBins = ProfileSettings.DEFAULTS.histogramBins();
        private int maxMalformedSamples = ProfileSettings.DEFAULTS.maxMalformedSamples();
        private boolean quantiles = true;
        private int parallelism = 1;

        private Builder() {
        }

        /**
         * @param limit distinct values per column counted exactly, with their frequencies, before switching to
         *     sketches (default 1,024; 0 uses sketches from the start)
         * @return this builder
         */
        public Builder exactDistinctLimit(int limit) {
            this.exactDistinctLimit = check("exactDistinctLimit", limit, 0, 1 << 24);
            return this;
        }

        /**
         * @param k the KLL quantile sketch's k (default 200, about 1.3% normalised rank error; larger is more
         *     accurate and bigger)
         * @return this builder
         */
        public Builder quantileK(int k) {
            this.quantileK = check("quantileK", k, 8, 65535);
            return this;
        }

        /**
         * @param lgK log2 of the HyperLogLog register count (default 12: 4 KiB, about 1.6% relative error)
         * @return this builder
         */
        public Builder hllLgK(int lgK) {
            this.hllLgK = check("hllLgK", lgK, 4, 21);
            return this;
        }

        /**
         * @param size the frequent-items sketch's map size, a power of two (default 512: values more frequent
         *     than about 0.3% of the rows are always found)
         * @return this builder
         */
        public Builder frequentItemsMapSize(int size) {
            check("frequentItemsMapSize", size, 8, 1 << 26);
            if (Integer.bitCount(size) != 1) {
                throw new InvalidInputException("frequentItemsMapSize must be a power of two, was " + size);
            }
            this.frequentItemsMapSize = size;
            return this;
        }

        /** @param k frequent values reported per column (default 20) @return this builder */
        public Builder topK(int k) {
            this.topK = check("topK", k, 1, 10_000);
            return this;
        }

        /** @param bins histogram buckets (default 10) @return this builder */
        public Builder histogramBins(int bins) {
            this.histogramBins = check("histogramBins", bins, 1, 10_000);
            return this;
        }

        /** @param n malformed rows kept as samples (default 10) @return this builder */
        public Builder maxMalformedSamples(int n) {
            this.maxMalformedSamples = check("maxMalformedSamples", n, 0, 10_000);
            return this;
        }

        /**
         * @param keep whether ordered columns with more distinct values than the exact bound keep a quantile sketch
         *     (default true). Without it such columns have no quantiles and no histogram, and profiling is much
         *     faster (the sketch is the largest cost per value); columns under the bound keep exact ones.
         * @return this builder
         */
        public Builder quantiles(boolean keep) {
            this.quantiles = keep;
            return this;
        }

        /**
         * @param threads threads used for splittable tables (default 1: the calling thread only)
         * @return this builder
         */
        public Builder parallelism(int threads) {
            this.parallelism = check("parallelism", threads, 1, 1024);
            return this;
        }

        /** @return the profiler */
        public Profiler build() {
            return new Profiler(this);
        }

        private static int check(String what, int value, int min, int max) {
            if (value < min || value > max) {
                throw new InvalidInputException(what + " must be between " + min + " and " + max + ", was " + value);
            }
            return value;
        }
    }
}
