package dev.mlops4j.validation.drift.internal;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.validation.data.ColumnType;
import dev.mlops4j.validation.drift.ColumnDrift;
import dev.mlops4j.validation.drift.DriftMethod;
import dev.mlops4j.validation.drift.DriftStatus;
import dev.mlops4j.validation.drift.Measurement;
import dev.mlops4j.validation.drift.Monitor;
import dev.mlops4j.validation.drift.MonitorResult;
import dev.mlops4j.validation.drift.PValueKind;
import dev.mlops4j.validation.drift.Thresholds;
import dev.mlops4j.validation.internal.CategoryCounts;
import dev.mlops4j.validation.internal.TextTable;
import dev.mlops4j.validation.internal.WeightedValues;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.DoubleFunction;

/** Compares one column of two profiles: monitors, method selection, and the measurements. */
public final class ColumnComparator {
    private final DriftSettings settings;

    /** @param settings the resolved settings */
    public ColumnComparator(DriftSettings settings) {
        this.settings = settings;
    }

    /** A measurement that cannot be made from these profiles; the column is then not comparable. */
    private static final class Unavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unavailable(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * @param name the column name
     * @param ref the reference column, {@code null} if absent there
     * @param cur the current column, {@code null} if absent there
     * @return the comparison (before any multiple-testing correction)
     * @throws InvalidInputException if a method configured for this very column does not apply to its type
     */
    public ColumnDrift compare(String name, ColumnData ref, ColumnData cur) {
        if (ref == null || cur == null) {
            ColumnData present = ref == null ? cur : ref;
            return new ColumnDrift(name, ref == null ? null : ref.type(), cur == null ? null : cur.type(),
                    ref == null ? 0 : ref.values(), cur == null ? 0 : cur.values(), DriftStatus.NOT_COMPARABLE,
                    List.of(), List.of(), ref == null ? "only in the current data, not in the reference"
                            : "in the reference but missing from the current data (" + present.type() + ")");
        }
        Pair pair = new Pair(ref, cur);
        List<MonitorResult> monitors = new ArrayList<>();
        monitors.add(missingChange(ref, cur));
        boolean ordered = ref.type().isOrdered();
        if (ordered != cur.type().isOrdered()) {
            return result(pair, DriftStatus.NOT_COMPARABLE, List.of(), monitors, "the reference is " + ref.type()
                    + " and the current data " + cur.type() + ": numbers cannot be compared with categories");
        }
        if (ordered) {
            monitors.add(outsideTwoSigma(pair));
        } else {
            monitors.add(newCategories(pair));
        }
        int min = settings.minSampleSize();
        if (ref.values() < min || cur.values() < min) {
            return result(pair, DriftStatus.NOT_ENOUGH_DATA, List.of(), monitors, notEnough(pair, min));
        }
        DriftMethod method;
        try {
            method = choose(name, pair);
        } catch (Unavailable e) {
            return result(pair, DriftStatus.NOT_COMPARABLE, List.of(), monitors, e.getMessage());
        }
        if (method == DriftMethod.KOLMOGOROV_SMIRNOV && (ref.values() < 2 || cur.values() < 2)) {
            return result(pair, DriftStatus.NOT_ENOUGH_DATA, List.of(), monitors, notEnough(pair, 2)
                    + " (the Kolmogorov-Smirnov test needs 2 per side)");
        }
        List<Measurement> measurements = new ArrayList<>();
        Thresholds columnThresholds = settings.columnThresholds().get(name);
        try {
            measurements.add(measure(method, pair, columnThresholds != null
                    ? columnThresholds.checkFor(method.isTest(), "column '" + name + "'")
                    : settings.thresholds(method)));
        } catch (Unavailable e) {
            return result(pair, DriftStatus.NOT_COMPARABLE, List.of(), monitors, e.getMessage());
        }
        if (settings.measureAll()) {
            for (DriftMethod other : DriftMethod.values()) {
                if (other != method && applies(other, pair)) {
                    try {
                        measurements.add(measure(other, pair, settings.thresholds(other)));
                    } catch (Unavailable e) {
                        // a further measurement that the profiles cannot support is simply left out
                    }
                }
            }
        }
        return result(pair, measurements.get(0).status(), measurements, monitors, "");
    }

    private static ColumnDrift result(Pair p, DriftStatus status, List<Measurement> measurements,
            List<MonitorResult> monitors, String reason) {
        return new ColumnDrift(p.ref.name(), p.ref.type(), p.cur.type(), p.ref.values(), p.cur.values(), status,
                measurements, monitors, reason);
    }

    private static String notEnough(Pair p, int min) {
        return p.ref.values() + " values in the reference and " + p.cur.values() + " in the current data; at least "
                + min + " per side are needed to judge drift";
    }

    // ---- method choice -------------------------------------------------------------------------------

    /**
     * The method a column keeps across the windows of a windowed comparison: as {@link #compare} would choose it for
     * a current side of {@code windowValues} values like the reference.
     *
     * @param name the column
     * @param ref the reference column
     * @param windowValues the typical number of values of a window
     * @return the method, or {@code null} if the column cannot be judged (e.g. no distribution)
     */
    public DriftMethod chooseForWindows(String name, ColumnData ref, long windowValues) {
        Pair p = new Pair(ref, ref);
        try {
            DriftMethod configured = settings.columnMethods().get(name);
            if (configured != null) {
                return applies(configured, p) ? configured : null;
            }
            DriftMethod general = settings.defaultMethod();
            if (general != null && applies(general, p)) {
                return general;
            }
            return settings.preset().select(ref.type(), p.distinct(), ref.values(), windowValues);
        } catch (Unavailable e) {
            return null;
        }
    }

    private DriftMethod choose(String name, Pair p) {
        DriftMethod configured = settings.columnMethods().get(name);
        if (configured != null) {
            if (!applies(configured, p)) {
                throw new InvalidInputException("drift method " + configured + " does not apply to column '" + name
                        + "' (" + p.ref.type() + (configured == DriftMethod.Z_TEST ? ", " + p.distinct()
                        + " distinct values" : "") + "); choose a method for " + (p.ordered ? "ordered" : "categorical")
                        + " columns");
            }
            return configured;
        }
        DriftMethod preferred = settings.preferredMethods().get(name);
        if (preferred != null && applies(preferred, p)) {
            return preferred;
        }
        DriftMethod general = settings.defaultMethod();
        if (general != null && applies(general, p)) {
            return general;
        }
        return settings.preset().select(p.ref.type(), p.distinct(), p.ref.values(), p.cur.values());
    }

    private static boolean applies(DriftMethod m, Pair p) {
        switch (m) {
            case KOLMOGOROV_SMIRNOV:
            case WASSERSTEIN_NORMED:
                return p.ordered;
            case Z_TEST:
                long d = p.distinct();
                return d >= 0 && d <= 2;
            default:
                return true;
        }
    }

    // ---- measurements --------------------------------------------------------------------------------

    private Measurement measure(DriftMethod method, Pair p, Thresholds thresholds) {
        switch (method) {
            case KOLMOGOROV_SMIRNOV: {
                KolmogorovSmirnov.Result r = KolmogorovSmirnov.test(p.refNumbers(), p.curNumbers());
                String pv = r.kind() == PValueKind.EXACT
                        ? "exact p-value (both samples known value by value, each under "
                                + String.format(Locale.ROOT, "%,d", KolmogorovSmirnov.EXACT_BELOW) + " values)"
                        : r.effectiveN() <= KolmogorovSmirnov.FINITE_N_MAX
                        ? "asymptotic p-value P(D_N >= D), N = round(n_ref n_cur / (n_ref + n_cur)) = " + r.effectiveN()
                        : "asymptotic p-value Q(sqrt(N) D) (Kolmogorov's limit), N = round(n_ref n_cur / (n_ref +"
                                + " n_cur)) = " + r.effectiveN();
                return test(method, r.d(), r.pValue(), r.kind(), thresholds,
                        "two-sample Kolmogorov-Smirnov D = sup |F_ref - F_cur|, two-sided; " + pv, p.basis(), "");
            }
            case WASSERSTEIN_NORMED: {
                double w = Statistics.wasserstein(p.refNumbers(), p.curNumbers());
                double norm = Math.max(p.ref.stddev(), 0.001);
                double v = w / norm;
                return distance(method, v, thresholds, "first Wasserstein distance integral |F_ref - F_cur| dx = "
                        + TextTable.number(w)
                        + " divided by the reference's population standard deviation " + TextTable.number(norm)
                        + " (at least 0.001)", p.basis(), "");
            }
            case PSI: {
                Binned b = p.bins();
                double eps = settings.psiEpsilon();
                return distance(method, Statistics.psi(b, eps), thresholds, "PSI = sum (c_i - r_i) ln(c_i / r_i) over "
                        + b.description() + "; an empty bin's share counts as " + eps, p.basis(), b.size() + " bins");
            }
            case JENSEN_SHANNON_DISTANCE:
            case JENSEN_SHANNON_DIVERGENCE: {
                Binned b = p.bins();
                double base = settings.logBase();
                double jsd = Statistics.jensenShannonDivergence(b, base);
                boolean distance = method == DriftMethod.JENSEN_SHANNON_DISTANCE;
                return distance(method, distance ? Math.sqrt(jsd) : jsd, thresholds, (distance
                        ? "Jensen-Shannon distance sqrt(JSD), " : "Jensen-Shannon divergence ")
                        + "JSD = (KL(r||m) + KL(c||m)) / 2, m = (r + c) / 2, log base " + TextTable.number(base)
                        + ", over " + b.description(), p.basis(), b.size() + " bins");
            }
            case L_INFINITY: {
                Binned b = p.bins();
                int i = Statistics.lInfinityBin(b);
                String detail = i < 0 ? "" : "largest at " + b.labels()[i] + ": reference "
                        + TextTable.percent(b.referenceShares()[i]) + ", current "
                        + TextTable.percent(b.currentShares()[i]);
                return distance(method, Statistics.lInfinity(b), thresholds,
                        "L-infinity max_i |r_i - c_i| (shares of each side's own total) over " + b.description(),
                        p.basis(), detail);
            }
            case CHI_SQUARED: {
                Binned b = p.bins();
                Statistics.TestResult r = Statistics.chiSquaredHomogeneity(b);
                return test(method, r.statistic(), r.pValue(), PValueKind.ASYMPTOTIC, thresholds,
                        "Pearson chi-squared test of homogeneity on the 2 x k contingency table of counts (no"
                                + " continuity correction; bins empty on both sides dropped), df = k - 1 = "
                                + r.degreesOfFreedom() + ", over " + b.description(), p.basis(), r.note());
            }
            case CHI_SQUARED_GOODNESS_OF_FIT: {
                Binned b = p.bins();
                Statistics.TestResult r = Statistics.chiSquaredGoodnessOfFit(b);
                return test(method, r.statistic(), r.pValue(), PValueKind.ASYMPTOTIC, thresholds,
                        "Pearson chi-squared goodness of fit of the current counts to n_cur x reference shares,"
                                + " df = k - 1 = " + r.degreesOfFreedom() + ", over " + b.description(), p.basis(),
                        r.note());
            }
            case Z_TEST: {
                Binned b = p.bins();
                Statistics.TestResult r = Statistics.zTest(b);
                return test(method, r.statistic(), r.pValue(), PValueKind.ASYMPTOTIC, thresholds,
                        "two-proportion z-test, pooled variance, two-sided, p = 2 P(Z > |z|), over "
                                + b.description(), p.basis(), r.note());
            }
            default:
                throw new IllegalArgumentException("unknown method " + method);
        }
    }

    private static Measurement test(DriftMethod method, double statistic, double p, PValueKind kind,
            Thresholds thresholds, String definition, String basis, String detail) {
        return new Measurement(method, statistic, p, p, kind, thresholds, thresholds.judge(true, p), definition, basis,
                detail);
    }

    private static Measurement distance(DriftMethod method, double value, Thresholds thresholds, String definition,
            String basis, String detail) {
        return new Measurement(method, value, Double.NaN, Double.NaN, PValueKind.NONE, thresholds,
                thresholds.judge(false, value), definition, basis, detail);
    }

    // ---- monitors ------------------------------------------------------------------------------------

    private MonitorResult missingChange(ColumnData ref, ColumnData cur) {
        double r = ref.rows() == 0 ? 0 : (double) ref.missing() / ref.rows();
        double c = cur.rows() == 0 ? 0 : (double) cur.missing() / cur.rows();
        double v = Math.abs(c - r);
        Thresholds t = settings.thresholds(Monitor.MISSING_FRACTION_CHANGE);
        int min = settings.minSampleSize();
        DriftStatus s = ref.rows() < min || cur.rows() < min ? DriftStatus.NOT_ENOUGH_DATA : t.judge(false, v);
        return new MonitorResult(Monitor.MISSING_FRACTION_CHANGE, r, c, v, t, s, true);
    }

    private MonitorResult outsideTwoSigma(Pair p) {
        Thresholds t = settings.thresholds(Monitor.OUTSIDE_REFERENCE_2_SIGMA);
        WeightedValues rw = p.ref.numbers().orElse(null);
        WeightedValues cw = p.cur.numbers().orElse(null);
        if (rw == null || cw == null) {
            DriftStatus s = p.ref.values() == 0 || p.cur.values() == 0 ? DriftStatus.NOT_ENOUGH_DATA
                    : DriftStatus.NOT_COMPARABLE;
            return new MonitorResult(Monitor.OUTSIDE_REFERENCE_2_SIGMA, Double.NaN, Double.NaN, Double.NaN, t, s,
                    false);
        }
        double mean = p.ref.mean();
        double sd = p.ref.stddev();
        double r = Statistics.shareOutside(rw, mean - 2 * sd, mean + 2 * sd);
        double c = Statistics.shareOutside(cw, mean - 2 * sd, mean + 2 * sd);
        double v = c - r;
        int min = settings.minSampleSize();
        DriftStatus s = p.ref.values() < min || p.cur.values() < min ? DriftStatus.NOT_ENOUGH_DATA : t.judge(false, v);
        return new MonitorResult(Monitor.OUTSIDE_REFERENCE_2_SIGMA, r, c, v, t, s, rw.exact() && cw.exact());
    }

    private MonitorResult newCategories(Pair p) {
        Thresholds t = settings.thresholds(Monitor.NEW_CATEGORY_FRACTION);
        CategoryCounts rc = p.refCategories();
        CategoryCounts cc = p.curCategories();
        long fresh = 0;
        for (String v : cc.listed().keySet()) {
            if (rc.count(v) == 0) {
                fresh += cc.count(v);
            }
        }
        double c = cc.total() == 0 ? 0 : (double) fresh / cc.total();
        int min = settings.minSampleSize();
        DriftStatus s = p.ref.values() < min || p.cur.values() < min ? DriftStatus.NOT_ENOUGH_DATA : t.judge(false, c);
        return new MonitorResult(Monitor.NEW_CATEGORY_FRACTION, Double.NaN, c, c, t, s, rc.exact() && cc.exact());
    }

    // ---- the two sides -------------------------------------------------------------------------------

    /** The two sides of a column, with their distributions and bins computed once. */
    private final class Pair {
        final ColumnData ref;
        final ColumnData cur;
        final boolean ordered;
        private Binned bins;
        private long distinct = Long.MIN_VALUE;

        Pair(ColumnData ref, ColumnData cur) {
            this.ref = ref;
            this.cur = cur;
            this.ordered = ref.type().isOrdered();
        }

        WeightedValues refNumbers() {
            return ref.numbers().orElseThrow(() -> noSketch("reference"));
        }

        WeightedValues curNumbers() {
            return cur.numbers().orElseThrow(() -> noSketch("current"));
        }

        private Unavailable noSketch(String side) {
            return new Unavailable("the " + side + " profile has no distribution of this column: it has more distinct"
                    + " values than the exact bound and was profiled without quantile sketches; profile it with"
                    + " Profiler.builder().quantiles(true)");
        }

        CategoryCounts refCategories() {
            return ref.categories().orElseThrow();
        }

        CategoryCounts curCategories() {
            return cur.categories().orElseThrow();
        }

        /** @return distinct values of both sides together, -1 if a side was not counted exactly */
        long distinct() {
            if (distinct == Long.MIN_VALUE) {
                distinct = computeDistinct();
            }
            return distinct;
        }

        private long computeDistinct() {
            if (ordered) {
                WeightedValues a = ref.numbers().orElse(null);
                WeightedValues b = cur.numbers().orElse(null);
                if (a == null || b == null || !a.exact() || !b.exact()) {
                    return ref.values() == 0 && cur.values() == 0 ? 0 : -1;
                }
                Set<Double> union = new HashSet<>();
                for (double v : a.values()) {
                    union.add(v);
                }
                for (double v : b.values()) {
                    union.add(v);
                }
                return union.size();
            }
            CategoryCounts a = refCategories();
            CategoryCounts b = curCategories();
            if (!a.exact() || !b.exact()) {
                return -1;
            }
            Set<String> union = new HashSet<>(a.listed().keySet());
            union.addAll(b.listed().keySet());
            return union.size();
        }

        Binned bins() {
            if (bins == null) {
                if (!ordered) {
                    bins = Binner.categories(refCategories(), curCategories());
                } else {
                    WeightedValues a = refNumbers();
                    WeightedValues b = curNumbers();
                    DoubleFunction<String> format = formatter(ref.type());
                    if (a.exact() && a.size() <= settings.valueBinLimit()) {
                        bins = Binner.values(a, b, format);
                    } else {
                        bins = Binner.numbers(settings.binning(), settings.bins(), a, b,
                                new double[] {ref.min(), ref.max()}, new double[] {cur.min(), cur.max()}, format);
                    }
                }
            }
            return bins;
        }

        String basis() {
            if (ordered) {
                WeightedValues a = refNumbers();
                WeightedValues b = curNumbers();
                if (a.exact() && b.exact()) {
                    return "exact values (" + a.total() + " reference, " + b.total() + " current)";
                }
                return "KLL quantile sketches: reference " + side(a) + ", current " + side(b);
            }
            CategoryCounts a = refCategories();
            CategoryCounts b = curCategories();
            if (a.exact() && b.exact()) {
                return "exact counts (" + a.total() + " reference, " + b.total() + " current)";
            }
            return "frequent-items sketches: reference " + side(a) + ", current " + side(b);
        }

        private String side(WeightedValues w) {
            return w.exact() ? "exact (" + w.total() + " values)" : w.total() + " values, rank error "
                    + String.format(Locale.ROOT, "%.2f%%", w.rankError() * 100);
        }

        private String side(CategoryCounts c) {
            return c.exact() ? "exact (" + c.total() + " values)"
                    : c.total() + " values, counts over-estimated by at most " + c.maxError();
        }
    }

    /**
     * @param type a column type
     * @return formats a numeric view of its values (dates and instants as such)
     */
    static DoubleFunction<String> formatter(ColumnType type) {
        switch (type) {
            case DATE:
                return v -> LocalDate.ofEpochDay((long) v).toString();
            case TIMESTAMP:
                return v -> Instant.ofEpochMilli((long) v).toString();
            default:
                return TextTable::number;
        }
    }
}
