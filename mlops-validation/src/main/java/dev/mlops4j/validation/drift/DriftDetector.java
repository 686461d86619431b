package dev.mlops4j.validation.drift;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.validation.data.Table;
import dev.mlops4j.validation.drift.internal.Comparisons;
import dev.mlops4j.validation.drift.internal.DriftSettings;
import dev.mlops4j.validation.drift.internal.SegmentPass;
import dev.mlops4j.validation.drift.internal.WindowPass;
import dev.mlops4j.validation.internal.ProfileAccumulator.ProfileData;
import dev.mlops4j.validation.internal.ProfileBridge;
import dev.mlops4j.validation.internal.ProfileSettings;
import dev.mlops4j.validation.profile.Profile;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Compares a current data set with a reference, column by column, and reports drift. Immutable and thread-safe;
 * configure with {@link #builder()}.
 *
 * <p>Either side may be raw data ({@link Table}) or a {@link Profile}. Raw data is profiled in one pass, counting
 * up to {@link Builder#exactValueLimit(int) 10,000} distinct values per column exactly, so small samples are compared
 * value by value (exact tests); a profile is compared through what it holds: exact value counts while its column had
 * few distinct values, otherwise its KLL quantile sketch (distribution function) and frequent-items sketch. So a
 * reference profile logged last month compares with today's data without keeping last month's rows.
 *
 * <pre>{@code
 * DriftDetector detector = DriftDetector.builder()
 *         .preset(DriftPreset.DEFAULT)                 // tests below 1,000 values, PSI above
 *         .method("income", DriftMethod.WASSERSTEIN_NORMED)
 *         .thresholds(DriftMethod.PSI, Thresholds.of(0.1, 0.2))
 *         .multipleTesting(MultipleTesting.BENJAMINI_HOCHBERG)
 *         .build();
 * DriftReport report = detector.compare(Profile.readFrom(mlops.runs(), trainingRunId), CsvTable.of(today));
 * if (report.isDrift()) { ... }
 * }</pre>
 *
 * <p>Beyond one comparison: {@link #compareSegments(Table, Table, String)} compares within each value of a grouping
 * column, and {@link #compareWindows(Table, Table, Windowing)} compares consecutive windows of time-ordered data with
 * the reference, with alert bands from the reference's own windows.
 *
 * @see DriftPreset for the defaults and what each preset reproduces
 * @see DriftMethod for exactly what each method computes
 */
public final class DriftDetector {
    private static final DriftDetector DEFAULTS = builder().build();

    private final DriftSettings settings;
    private final ProfileSettings profileSettings;
    private final int parallelism;
    private final int maxSegments;
    private final int maxWindows;
    private final double bandWidth;

    private DriftDetector(Builder b, DriftSettings settings) {
        this.settings = settings;
        this.profileSettings = ProfileSettings.DEFAULTS.withLimits(b.exactValueLimit, b.quantileK);
        this.parallelism = b.parallelism;
        this.maxSegments = b.maxSegments;
        this.maxWindows = b.maxWindows;
        this.bandWidth = b.bandWidth;
    }

    /** @return a detector with the {@link DriftPreset#DEFAULT} settings */
    public static DriftDetector defaults() {
        return DEFAULTS;
    }

    /** @return a builder starting from {@link DriftPreset#DEFAULT} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Profiles raw data as this detector does before comparing it: exact value counts up to the
     * {@link Builder#exactValueLimit(int) exact limit}, then sketches. Keep such a profile as a reference.
     *
     * @param table the data
     * @return its profile
     */
    public Profile profile(Table table) {
        return ProfileBridge.create(table.description(), Comparisons.profile(table, profileSettings, parallelism));
    }

    /**
     * Compares two raw data sets. The current data is read with the reference's column types.
     *
     * @param reference the reference (e.g. the training data)
     * @param current the current data (e.g. today's requests)
     * @return the report
     * @throws dev.mlops4j.validation.DataSourceException if a table cannot be read
     * @throws InvalidInputException if a method configured for a column does not apply to it
     */
    public DriftReport compare(Table reference, Table current) {
        ProfileData ref = Comparisons.profile(reference, profileSettings, parallelism);
        ProfileData cur = Comparisons.profile(current.withTypes(Comparisons.types(ref)), profileSettings, parallelism);
        return report(reference.description(), ref, current.description(), cur);
    }

    /**
     * Compares raw current data with a reference profile. The current data is read with the profile's column types.
     *
     * @param reference the reference's profile
     * @param current the current data
     * @return the report
     */
    public DriftReport compare(Profile reference, Table current) {
        ProfileData ref = ProfileBridge.data(reference);
        ProfileData cur = Comparisons.profile(current.withTypes(Comparisons.types(ref)), profileSettings, parallelism);
        return report(reference.source(), ref, current.description(), cur);
    }

    /**
     * Compares two profiles, through their exact counts or sketches.
     *
     * @param reference the reference's profile
     * @param current the current data's profile
     * @return the report
     */
    public DriftReport compare(Profile reference, Profile current) {
        return report(reference.source(), ProfileBridge.data(reference), current.source(),
                ProfileBridge.data(current));
    }

    private DriftReport report(String refSource, ProfileData ref, String curSource, ProfileData cur) {
        return new DriftReport(refSource, ref.rows(), curSource, cur.rows(), settings.preset(),
                settings.multipleTesting(), settings.driftShare(), Comparisons.compare(ref, cur, settings));
    }

    /**
     * Compares within each value of a grouping column (for example per country): one report per segment, and the
     * report over all rows. A segment present on one side only is reported with no data on the other.
     *
     * @param reference the reference
     * @param current the current data
     * @param segmentColumn the grouping column (any type; its values as text name the segments, a missing value is
     *     the segment {@value SegmentedDriftReport#MISSING_SEGMENT})
     * @return the per-segment reports
     * @throws InvalidInputException if a side lacks the column or it has more than
     *     {@link Builder#maxSegments(int) maxSegments} values
     */
    public SegmentedDriftReport compareSegments(Table reference, Table current, String segmentColumn) {
        Map<String, ProfileData> ref = SegmentPass.run(reference, segmentColumn, profileSettings, maxSegments,
                parallelism);
        Table typed = current.withTypes(SegmentPass.types(reference));
        Map<String, ProfileData> cur = SegmentPass.run(typed, segmentColumn, profileSettings, maxSegments,
                parallelism);
        ProfileData emptyRef = Comparisons.empty(reference.columns(), profileSettings);
        ProfileData emptyCur = Comparisons.empty(typed.columns(), profileSettings);
        return segmented(reference.description(), ref, emptyRef, current.description(), cur, emptyCur, segmentColumn);
    }

    /**
     * Compares per-segment profiles (for example profiles computed per country and kept), matched by segment name.
     *
     * @param reference segment name to the reference profile of that segment
     * @param current segment name to the current profile of that segment
     * @param segmentColumn the name of the grouping column (left out of the comparison if the profiles have it)
     * @return the per-segment reports
     */
    public SegmentedDriftReport compareSegments(Map<String, Profile> reference, Map<String, Profile> current,
            String segmentColumn) {
        Map<String, ProfileData> ref = new LinkedHashMap<>();
        reference.forEach((k, v) -> ref.put(k, ProfileBridge.data(v)));
        Map<String, ProfileData> cur = new LinkedHashMap<>();
        current.forEach((k, v) -> cur.put(k, ProfileBridge.data(v)));
        ProfileData emptyRef = ref.isEmpty() ? null : SegmentPass.emptyLike(ref.values().iterator().next());
        ProfileData emptyCur = cur.isEmpty() ? emptyRef : SegmentPass.emptyLike(cur.values().iterator().next());
        if (emptyRef == null) {
            emptyRef = emptyCur;
        }
        return segmented("reference segments", ref, emptyRef, "current segments", cur, emptyCur, segmentColumn);
    }

    private SegmentedDriftReport segmented(String refSource, Map<String, ProfileData> ref, ProfileData emptyRef,
            String curSource, Map<String, ProfileData> cur, ProfileData emptyCur, String segmentColumn) {
        DriftSettings s = settings.withIgnored(segmentColumn);
        Map<String, DriftReport> segments = new LinkedHashMap<>();
        Set<String> names = new java.util.LinkedHashSet<>(ref.keySet());
        names.addAll(cur.keySet());
        ProfileData allRef = null;
        ProfileData allCur = null;
        for (String name : names) {
            ProfileData r = ref.getOrDefault(name, emptyRef);
            ProfileData c = cur.getOrDefault(name, emptyCur);
            allRef = allRef == null ? r : allRef.merge(r);
            allCur = allCur == null ? c : allCur.merge(c);
            segments.put(name, new DriftReport(refSource + " [" + segmentColumn + "=" + name + "]", r.rows(),
                    curSource + " [" + segmentColumn + "=" + name + "]", c.rows(), s.preset(), s.multipleTesting(),
                    s.driftShare(), Comparisons.compare(r, c, s)));
        }
        if (allRef == null) {
            throw new InvalidInputException("no segments to compare: both sides are empty");
        }
        DriftReport overall = new DriftReport(refSource, allRef.rows(), curSource, allCur.rows(), s.preset(),
                s.multipleTesting(), s.driftShare(), Comparisons.compare(allRef, allCur, s));
        return new SegmentedDriftReport(segmentColumn, overall, segments);
    }

    /**
     * Compares windows of time-ordered current data with the reference: each window gets its own report (fixed
     * thresholds), and each column's deciding value is also checked against an alert band derived from the
     * reference's own windows: the reference is cut into chunks by the same windowing, each chunk is compared with the
     * whole reference, and the band is the chunks' mean &plusmn; {@link Builder#bandWidth(double) 3} standard
     * deviations
     * (population), as NannyML derives its thresholds. A band needs at least 2 reference chunks with enough values
     * (for windows by time, the reference must have the time column); the reference is read three times.
     *
     * <p>Each column keeps one method across all windows and chunks (so the values are comparable), chosen by the
     * preset from the reference's size and the median reference chunk size. Windows are read in one pass: rows must
     * be in time order; a row that belongs before the open window is counted in
     * {@link WindowedDriftReport#outOfOrderRows()} and skipped, as are rows without a time.
     *
     * @param reference the reference
     * @param current the current data, in time order
     * @param windowing how to cut windows
     * @return the per-window reports and the bands
     * @throws InvalidInputException if a period windowing's column is missing or not a date or timestamp
     */
    public WindowedDriftReport compareWindows(Table reference, Table current, Windowing windowing) {
        Objects.requireNonNull(windowing, "windowing");
        return WindowPass.compare(reference, current, windowing.spec(), settings, profileSettings, parallelism,
                maxWindows, bandWidth, windowing.toString());
    }

    /**
     * Compares window profiles (for example daily profiles kept in the data-quality history) with a reference
     * profile, with alert bands from reference chunk profiles (mean &plusmn; {@link Builder#bandWidth(double) k} sd of
     * each chunk's value against the whole reference).
     *
     * @param reference the reference profile
     * @param referenceChunks profiles of consecutive parts of the reference, for the bands (at least 2 for a band;
     *     may be empty)
     * @param windows window name to profile, in time order
     * @return the per-window reports and the bands
     */
    public WindowedDriftReport compareWindows(Profile reference, List<Profile> referenceChunks,
            Map<String, Profile> windows) {
        Map<String, ProfileData> w = new LinkedHashMap<>();
        windows.forEach((k, v) -> w.put(k, ProfileBridge.data(v)));
        return WindowPass.compareProfiles(reference.source(), ProfileBridge.data(reference),
                referenceChunks.stream().map(ProfileBridge::data).collect(java.util.stream.Collectors.toList()), w,
                settings, bandWidth);
    }

    /**
     * Settings of a {@link DriftDetector}. Every setting left unset takes the {@link DriftPreset preset's} default.
     */
    public static final class Builder {
        private DriftPreset preset = DriftPreset.DEFAULT;
        private Integer minSampleSize;
        private Binning binning;
        private Integer bins;
        private Double logBase;
        private double psiEpsilon = 1e-4;
        private Integer valueBinLimit;
        private MultipleTesting multipleTesting = MultipleTesting.NONE;
        private Double driftShare;
        private boolean measureAll;
        private final Map<DriftMethod, Thresholds> methodThresholds = new EnumMap<>(DriftMethod.class);
        private DriftMethod defaultMethod;
        private final Map<String, DriftMethod> columnMethods = new HashMap<>();
        private final Map<String, Thresholds> columnThresholds = new HashMap<>();
        private final Map<Monitor, Thresholds> monitorThresholds = new EnumMap<>(Monitor.class);
        private final Set<String> ignored = new HashSet<>();
        private Set<String> included;
        private int exactValueLimit = 10_000;
        private int quantileK = ProfileSettings.DEFAULTS.quantileK();
        private int parallelism = 1;
        private int maxSegments = 100;
        private int maxWindows = 10_000;
        private double bandWidth = 3;

        private Builder() {
        }

        /** @param p the preset the defaults come from (default {@link DriftPreset#DEFAULT}) @return this builder */
        public Builder preset(DriftPreset p) {
            this.preset = Objects.requireNonNull(p, "preset");
            return this;
        }

        /**
         * @param method the method for every column it applies to (others keep the preset's choice), instead of the
         *     preset's choice
         * @return this builder
         */
        public Builder method(DriftMethod method) {
            this.defaultMethod = Objects.requireNonNull(method, "method");
            return this;
        }

        /**
         * @param column a column
         * @param method its method; comparing fails with {@link InvalidInputException} if it does not apply to the
         *     column's type (e.g. Kolmogorov-Smirnov on a categorical column)
         * @return this builder
         */
        public Builder method(String column, DriftMethod method) {
            columnMethods.put(Objects.requireNonNull(column, "column"), Objects.requireNonNull(method, "method"));
            return this;
        }

        /**
         * @param method a method
         * @param thresholds its thresholds instead of the preset's (p-values for tests: warning &gt;= drift)
         * @return this builder
         */
        public Builder thresholds(DriftMethod method, Thresholds thresholds) {
            methodThresholds.put(method, thresholds.checkFor(method.isTest(), method.name()));
            return this;
        }

        /**
         * @param column a column
         * @param thresholds the thresholds of its deciding method (checked against that method when comparing)
         * @return this builder
         */
        public Builder thresholds(String column, Thresholds thresholds) {
            columnThresholds.put(Objects.requireNonNull(column, "column"), Objects.requireNonNull(thresholds));
            return this;
        }

        /**
         * @param monitor a monitor
         * @param thresholds its thresholds instead of the defaults ({@link Monitor#defaultThresholds()})
         * @return this builder
         */
        public Builder monitorThresholds(Monitor monitor, Thresholds thresholds) {
            monitorThresholds.put(monitor, thresholds.checkFor(false, monitor.name()));
            return this;
        }

        /**
         * @param n values needed on each side to judge a column; fewer give {@link DriftStatus#NOT_ENOUGH_DATA}
         *     (default: the preset's, 30 for DEFAULT)
         * @return this builder
         */
        public Builder minSampleSize(int n) {
            this.minSampleSize = check("minSampleSize", n, 1, Integer.MAX_VALUE);
            return this;
        }

        /** @param b how ordered columns are binned (default: the preset's) @return this builder */
        public Builder binning(Binning b) {
            this.binning = Objects.requireNonNull(b, "binning");
            return this;
        }

        /** @param n bins for ordered columns (default 10) @return this builder */
        public Builder bins(int n) {
            this.bins = check("bins", n, 2, 10_000);
            return this;
        }

        /** @param base logarithm base of the Jensen-Shannon methods (default 2; e gives nats) @return this builder */
        public Builder logBase(double base) {
            if (!(base > 1) || Double.isInfinite(base)) {
                throw new InvalidInputException("logBase must be a number above 1, was " + base);
            }
            this.logBase = base;
            return this;
        }

        /**
         * @param epsilon the share an empty PSI bin counts as (default 1e-4, Evidently's usual value; it bounds the
         *     PSI of a bin that is empty on one side). Evidently differs in one case: when the smallest non-empty
         *     share of a side is at most 1e-4 it uses that share / 10^6 instead; here the epsilon is fixed, so the
         *     PSI never depends on how rare the rarest other bin is.
         * @return this builder
         */
        public Builder psiEpsilon(double epsilon) {
            if (!(epsilon > 0 && epsilon < 1)) {
                throw new InvalidInputException("psiEpsilon must be in (0, 1), was " + epsilon);
            }
            this.psiEpsilon = epsilon;
            return this;
        }

        /**
         * @param n ordered columns whose reference has at most n distinct values are binned by value (default: the
         *     preset's, 20; 0 never)
         * @return this builder
         */
        public Builder valueBinLimit(int n) {
            this.valueBinLimit = check("valueBinLimit", n, 0, 100_000);
            return this;
        }

        /** @param correction correction of the deciding tests' p-values (default none) @return this builder */
        public Builder multipleTesting(MultipleTesting correction) {
            this.multipleTesting = Objects.requireNonNull(correction, "correction");
            return this;
        }

        /**
         * @param share the share of judged columns that must drift for the data set to drift, in [0, 1] (default: the
         *     preset's; at least one column must drift in any case)
         * @return this builder
         */
        public Builder driftShare(double share) {
            if (!(share >= 0 && share <= 1)) {
                throw new InvalidInputException("driftShare must be in [0, 1], was " + share);
            }
            this.driftShare = share;
            return this;
        }

        /**
         * @param all also measure every other method that applies to each column (reported after the deciding one;
         *     they do not change the verdict). Default false.
         * @return this builder
         */
        public Builder measureAll(boolean all) {
            this.measureAll = all;
            return this;
        }

        /** @param columns columns left out of the comparison @return this builder */
        public Builder ignore(String... columns) {
            ignored.addAll(Arrays.asList(columns));
            return this;
        }

        /** @param columns the only columns compared (default all) @return this builder */
        public Builder columns(String... columns) {
            this.included = new HashSet<>(Arrays.asList(columns));
            return this;
        }

        /**
         * @param n distinct values per column counted exactly when this detector profiles raw data (default 10,000;
         *     beyond, KLL and frequent-items sketches)
         * @return this builder
         */
        public Builder exactValueLimit(int n) {
            this.exactValueLimit = check("exactValueLimit", n, 0, 1 << 24);
            return this;
        }

        /**
         * @param k the KLL sketch's k when this detector profiles raw data (default 200, about 1.3% rank error)
         * @return this builder
         */
        public Builder quantileK(int k) {
            this.quantileK = check("quantileK", k, 8, 65535);
            return this;
        }

        /** @param threads threads for profiling splittable tables (default 1) @return this builder */
        public Builder parallelism(int threads) {
            this.parallelism = check("parallelism", threads, 1, 1024);
            return this;
        }

        /** @param n most segments {@link #compareSegments} accepts (default 100) @return this builder */
        public Builder maxSegments(int n) {
            this.maxSegments = check("maxSegments", n, 1, 100_000);
            return this;
        }

        /** @param n most windows {@link #compareWindows} reads (default 10,000) @return this builder */
        public Builder maxWindows(int n) {
            this.maxWindows = check("maxWindows", n, 1, 10_000_000);
            return this;
        }

        /** @param k alert bands are the reference chunks' mean &plusmn; k sd (default 3) @return this builder */
        public Builder bandWidth(double k) {
            if (!(k > 0) || Double.isInfinite(k)) {
                throw new InvalidInputException("bandWidth must be a positive number, was " + k);
            }
            this.bandWidth = k;
            return this;
        }

        /** @return the detector */
        public DriftDetector build() {
            DriftSettings s = new DriftSettings(preset, minSampleSize != null ? minSampleSize : preset.minSampleSize(),
                    binning != null ? binning : preset.binning(), bins != null ? bins : preset.bins(),
                    logBase != null ? logBase : preset.logBase(), psiEpsilon,
                    valueBinLimit != null ? valueBinLimit : preset.valueBinLimit(), multipleTesting,
                    driftShare != null ? driftShare : preset.driftShare(), measureAll, methodThresholds, defaultMethod,
                    columnMethods, Map.of(), columnThresholds, monitorThresholds, ignored, included);
            return new DriftDetector(this, s);
        }

        private static int check(String what, int value, int min, int max) {
            if (value < min || value > max) {
                throw new InvalidInputException(what + " must be between " + min + " and " + max + ", was " + value);
            }
            return value;
        }
    }
}
