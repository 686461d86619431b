package dev.mlops4j.report.internal.data;

import dev.mlops4j.validation.profile.ColumnProfile;
import dev.mlops4j.validation.profile.FrequentValue;
import dev.mlops4j.validation.profile.Histogram;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * A column's distribution as bars to draw: labels and, per profile, the share of the column's values in each bar.
 * Shares rather than counts, because a drift report puts a reference of a million rows next to a day of serving data.
 *
 * <p>Ordered columns are cut into equal-width bins over the range both profiles span, so that reference and current
 * bars stand on the same edges. A profile only keeps a quantile function (exact while the column has few distinct
 * values, a KLL sketch after that), so the share below an edge is found by inverting it: the largest rank whose
 * quantile is still at most the edge. That is the empirical CDF for exact counts and within the sketch's rank error
 * otherwise. Categorical and boolean columns show the most frequent values of either side, then one bar for all
 * others.
 *
 * @param labels one per bar
 * @param shares per profile, in the order given, one share per bar (fractions of the profile's present values)
 * @param basis how the bars were computed, for the chart's caption
 */
public record Distribution(List<String> labels, List<List<Double>> shares, String basis) {
    /** Bins of an ordered column. */
    public static final int BINS = 16;
    /** Most categories drawn before the rest become one bar. */
    public static final int TOP_CATEGORIES = 12;
    /** Bisection steps when inverting a quantile function: finer than any sketch's rank error. */
    private static final int BISECTION_STEPS = 40;

    public Distribution {
        labels = List.copyOf(labels);
        shares = shares.stream().map(List::copyOf).toList();
    }

    /**
     * @param columns the same column in one or more profiles (reference first); at least one must hold values
     * @return its bars, or empty if no profile holds what a chart needs
     */
    public static java.util.Optional<Distribution> of(List<ColumnProfile> columns) {
        List<ColumnProfile> withValues = columns.stream().filter(c -> c.count() - c.nanCount() > 0).toList();
        if (withValues.isEmpty()) {
            return java.util.Optional.empty();
        }
        boolean ordered = withValues.stream().allMatch(c -> c.type().isOrdered());
        if (ordered) {
            return ordered(columns);
        }
        return java.util.Optional.of(categorical(columns));
    }

    private static java.util.Optional<Distribution> ordered(List<ColumnProfile> columns) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        boolean invertible = true;
        for (ColumnProfile c : columns) {
            if (c.min().isPresent()) {
                lo = Math.min(lo, c.min().getAsDouble());
                hi = Math.max(hi, c.max().getAsDouble());
                invertible &= c.quantile(0.5).isPresent();
            }
        }
        if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
            return java.util.Optional.empty();
        }
        if (!invertible) {
            // Profiled without quantile sketches: only a single profile's own histogram can be drawn.
            if (columns.size() != 1) {
                return java.util.Optional.empty();
            }
            return ownHistogram(columns.get(0));
        }
        ColumnProfile first = columns.get(0);
        int bins = lo == hi ? 1 : BINS;
        double width = (hi - lo) / bins;
        List<String> labels = new ArrayList<>(bins);
        for (int i = 0; i < bins; i++) {
            double upper = i == bins - 1 ? hi : lo + width * (i + 1);
            labels.add((i == 0 ? "[" : "(") + edge(first, i == 0 ? lo : lo + width * i) + ", " + edge(first, upper)
                    + "]");
        }
        List<List<Double>> shares = new ArrayList<>();
        boolean exact = true;
        for (ColumnProfile c : columns) {
            List<Double> s = new ArrayList<>(bins);
            double previous = 0;
            for (int i = 0; i < bins; i++) {
                double cdf = i == bins - 1 ? (c.min().isPresent() ? 1 : 0) : cdf(c, lo + width * (i + 1));
                s.add(Math.max(0, cdf - previous));
                previous = cdf;
            }
            shares.add(s);
            exact &= c.quantileRankError() == 0;
        }
        return java.util.Optional.of(new Distribution(labels, shares, bins + " equal-width bins over the range of "
                + (columns.size() > 1 ? "both data sets" : "the data") + (exact ? ", from exact value counts"
                : ", from the quantile sketches (shares within their rank error)")));
    }

    private static java.util.Optional<Distribution> ownHistogram(ColumnProfile c) {
        Histogram h = c.histogram();
        if (h.buckets().isEmpty()) {
            return java.util.Optional.empty();
        }
        double total = Math.max(1, h.total());
        List<String> labels = new ArrayList<>();
        List<Double> s = new ArrayList<>();
        for (int i = 0; i < h.buckets().size(); i++) {
            Histogram.Bucket b = h.buckets().get(i);
            labels.add((i == 0 ? "[" : "(") + edge(c, b.lower()) + ", " + edge(c, b.upper()) + "]");
            s.add(b.count() / total);
        }
        return java.util.Optional.of(new Distribution(labels, List.of(s), h.buckets().size()
                + " equal-width bins between minimum and maximum" + (h.exact() ? ", exact" : ", from the quantile sketch")));
    }

    /** A bin edge as a label: dates and instants as such, numbers to three significant digits. */
    private static String edge(ColumnProfile c, double v) {
        if (c.type().isNumeric() && Double.isFinite(v) && v != 0) {
            return dev.mlops4j.report.internal.Formats.number(
                    new java.math.BigDecimal(v).round(new java.math.MathContext(3)).doubleValue());
        }
        return c.format(v);
    }

    /** The share of the column's numbers at most {@code x}: the largest rank whose quantile does not exceed it. */
    static double cdf(ColumnProfile c, double x) {
        OptionalDouble min = c.quantile(0);
        if (min.isEmpty() || x < min.getAsDouble()) {
            return 0;
        }
        if (x >= c.quantile(1).getAsDouble()) {
            return 1;
        }
        double lo = 0;
        double hi = 1;
        for (int i = 0; i < BISECTION_STEPS; i++) {
            double mid = (lo + hi) / 2;
            if (c.quantile(mid).getAsDouble() <= x) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static Distribution categorical(List<ColumnProfile> columns) {
        // The categories to draw: each side's most frequent values, the reference's first.
        Set<String> chosen = new LinkedHashSet<>();
        for (ColumnProfile c : columns) {
            for (FrequentValue v : c.topValues(TOP_CATEGORIES)) {
                if (chosen.size() < TOP_CATEGORIES * columns.size()) {
                    chosen.add(v.value());
                }
            }
        }
        List<String> labels = new ArrayList<>(chosen);
        boolean other = false;
        boolean exact = true;
        List<List<Double>> shares = new ArrayList<>();
        for (ColumnProfile c : columns) {
            Map<String, Long> counts = new LinkedHashMap<>();
            java.util.Optional<List<FrequentValue>> all = c.allValues();
            exact &= all.isPresent();
            for (FrequentValue v : all.orElseGet(() -> c.topValues(Math.max(TOP_CATEGORIES * columns.size(), 64)))) {
                counts.put(v.value(), v.count());
            }
            double total = Math.max(1, c.count() - c.nanCount());
            List<Double> s = new ArrayList<>(labels.size() + 1);
            double sum = 0;
            for (String label : labels) {
                double share = counts.getOrDefault(label, 0L) / total;
                s.add(share);
                sum += share;
            }
            double rest = Math.max(0, 1 - sum);
            s.add(rest);
            other |= rest > 1e-12;
            shares.add(s);
        }
        if (other) {
            labels.add("(other values)");
        } else {
            shares = shares.stream().map(s -> s.subList(0, s.size() - 1)).toList();
        }
        return new Distribution(labels, shares, (exact ? "exact counts" : "frequent-items sketch estimates")
                + (other ? "; the last bar holds every value not drawn on its own" : ""));
    }
}
