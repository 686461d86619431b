package dev.mlops4j.validation.drift.internal;

import dev.mlops4j.validation.drift.Binning;
import dev.mlops4j.validation.internal.CategoryCounts;
import dev.mlops4j.validation.internal.WeightedValues;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.DoubleFunction;

/** Puts two columns' values into common bins: by category, by value, or by cut points of the numbers. */
public final class Binner {
    /** Label of the bin holding values a sketch does not list. */
    public static final String OTHER = "(other)";

    private Binner() {
    }

    /**
     * One bin per category listed on either side (reference categories first, most frequent first), plus
     * {@value #OTHER} for rows a sketched side does not attribute to a listed category.
     *
     * @param ref reference counts
     * @param cur current counts
     * @return the bins
     */
    public static Binned categories(CategoryCounts ref, CategoryCounts cur) {
        Set<String> keys = new LinkedHashSet<>();
        sortedByCount(ref.listed()).forEach(keys::add);
        sortedByCount(cur.listed()).forEach(keys::add);
        List<String> labels = new ArrayList<>();
        List<long[]> counts = new ArrayList<>();
        long refListed = 0;
        long curListed = 0;
        for (String k : keys) {
            long r = ref.count(k);
            long c = cur.count(k);
            refListed += r;
            curListed += c;
            labels.add("'" + k + "'");
            counts.add(new long[] {r, c});
        }
        long refOther = Math.max(0, ref.total() - refListed);
        long curOther = Math.max(0, cur.total() - curListed);
        boolean other = refOther > 0 || curOther > 0;
        if (other) {
            labels.add(OTHER);
            counts.add(new long[] {refOther, curOther});
        }
        String description = "one bin per value (" + keys.size() + " values"
                + (other ? ", plus one for the values the frequent-items sketches do not list)" : ")");
        return build(labels, counts, description);
    }

    /**
     * One bin per distinct number. Values of an exactly counted side are its values; a sketched side's count at a
     * value is the sketch's point mass there, and its remaining values go to {@value #OTHER}.
     *
     * @param ref reference numbers (exact)
     * @param cur current numbers
     * @param format formats a value for labels
     * @return the bins
     */
    public static Binned values(WeightedValues ref, WeightedValues cur, DoubleFunction<String> format) {
        TreeSet<Double> union = new TreeSet<>();
        for (double v : ref.values()) {
            union.add(v);
        }
        if (cur.exact()) {
            for (double v : cur.values()) {
                union.add(v);
            }
        }
        List<String> labels = new ArrayList<>();
        List<long[]> counts = new ArrayList<>();
        long refSum = 0;
        long curSum = 0;
        for (double v : union) {
            long r = pointCount(ref, v);
            long c = pointCount(cur, v);
            refSum += r;
            curSum += c;
            labels.add(format.apply(v));
            counts.add(new long[] {r, c});
        }
        long refOther = ref.total() - refSum;
        long curOther = cur.total() - curSum;
        if (refOther > 0 || curOther > 0) {
            labels.add(OTHER);
            counts.add(new long[] {Math.max(0, refOther), Math.max(0, curOther)});
        }
        return build(labels, counts, "one bin per value (" + union.size() + " values)");
    }

    private static long pointCount(WeightedValues w, double v) {
        return w.countAtMost(v) - w.countBelow(v);
    }

    /**
     * Bins the numbers at cut points.
     *
     * @param ref reference numbers
     * @param cur current numbers
     * @param cuts ascending, distinct cut points; {@code k} cuts make {@code k + 1} bins
     * @param rightClosed true for bins {@code (a, b]}, false for {@code [a, b)}
     * @param description how the cuts were chosen
     * @param format formats a value for labels
     * @return the bins
     */
    public static Binned cuts(WeightedValues ref, WeightedValues cur, double[] cuts, boolean rightClosed,
            String description, DoubleFunction<String> format) {
        int k = cuts.length;
        String[] labels = new String[k + 1];
        long[] r = new long[k + 1];
        long[] c = new long[k + 1];
        long prevR = 0;
        long prevC = 0;
        for (int i = 0; i <= k; i++) {
            long cumR = i == k ? ref.total() : rightClosed ? ref.countAtMost(cuts[i]) : ref.countBelow(cuts[i]);
            long cumC = i == k ? cur.total() : rightClosed ? cur.countAtMost(cuts[i]) : cur.countBelow(cuts[i]);
            r[i] = cumR - prevR;
            c[i] = cumC - prevC;
            prevR = cumR;
            prevC = cumC;
            String lo = i == 0 ? "-inf" : format.apply(cuts[i - 1]);
            String hi = i == k ? "+inf" : format.apply(cuts[i]);
            labels[i] = rightClosed ? "(" + lo + ", " + hi + (i == k ? ")" : "]")
                    : (i == 0 ? "(" : "[") + lo + ", " + hi + ")";
        }
        return new Binned(labels, r, c, description);
    }

    /**
     * Bins the numbers of an ordered column as a binning says.
     *
     * @param binning the binning
     * @param bins the bin count (where the binning uses one)
     * @param ref reference numbers
     * @param cur current numbers
     * @param refRange reference min and max
     * @param curRange current min and max
     * @param format formats a value for labels
     * @return the bins
     */
    public static Binned numbers(Binning binning, int bins, WeightedValues ref, WeightedValues cur, double[] refRange,
            double[] curRange, DoubleFunction<String> format) {
        double min = Math.min(refRange[0], curRange[0]);
        double max = Math.max(refRange[1], curRange[1]);
        switch (binning) {
            case REFERENCE_QUANTILES: {
                TreeSet<Double> cuts = new TreeSet<>();
                for (int k = 1; k < bins; k++) {
                    cuts.add(ref.quantile((double) k / bins));
                }
                double[] c = toArray(cuts);
                return cuts(ref, cur, c, true, bins + " bins cut at the reference quantiles k/" + bins
                        + " (inverted CDF), right-closed" + (c.length + 1 < bins ? ", " + (c.length + 1)
                        + " after merging equal cuts" : ""), format);
            }
            case EQUAL_WIDTH: {
                double[] c = equalWidthCuts(min, max, bins);
                return cuts(ref, cur, c, true, (c.length + 1) + " equal-width bins over [" + format.apply(min) + ", "
                        + format.apply(max) + "] (both data sets), right-closed", format);
            }
            case STURGES: {
                long n = ref.total() + cur.total();
                int b = sturgesBins(n, max - min);
                double[] c = equalWidthCuts(min, max, b);
                return cuts(ref, cur, c, false, b + " equal-width bins over [" + format.apply(min) + ", "
                        + format.apply(max) + "] (both data sets; Sturges: ceil(log2(" + n
                        + ") + 1)), left-closed, last closed", format);
            }
            case TFDV: {
                TreeSet<Double> edges = new TreeSet<>();
                for (double[] range : new double[][] {refRange, curRange}) {
                    edges.add(range[0]);
                    double step = (range[1] - range[0]) / 10;
                    for (int i = 1; i < 10; i++) {
                        edges.add(range[0] + i * step);
                    }
                    edges.add(range[1]);
                }
                edges.remove(edges.first());
                if (!edges.isEmpty()) {
                    edges.remove(edges.last());
                }
                double[] c = toArray(edges);
                return cuts(ref, cur, c, true, (c.length + 1) + " bins at the union of each side's 10 equal-width"
                        + " bucket edges (TFDV), right-closed", format);
            }
            default:
                throw new IllegalArgumentException("unknown binning " + binning);
        }
    }

    /**
     * @param min smallest value
     * @param max largest value
     * @param bins bin count
     * @return the interior edges {@code min + i (max - min) / bins}, i = 1..bins-1 (as numpy's {@code linspace})
     */
    static double[] equalWidthCuts(double min, double max, int bins) {
        if (!(max > min) || bins <= 1) {
            return new double[0];
        }
        double step = (max - min) / bins;
        double[] c = new double[bins - 1];
        for (int i = 1; i < bins; i++) {
            c[i - 1] = i * step + min;
        }
        return c;
    }

    /**
     * numpy's {@code histogram_bin_edges(bins="sturges")} bin count: width {@code ptp / (log2(n) + 1)}, bins
     * {@code ceil(ptp / width)}, computed with the same floating-point operations.
     *
     * @param n number of values
     * @param ptp max - min
     * @return the bin count, 1 for no spread
     */
    static int sturgesBins(long n, double ptp) {
        if (!(ptp > 0) || n <= 0) {
            return 1;
        }
        double log2 = Long.bitCount(n) == 1 ? Long.numberOfTrailingZeros(n) : Math.log(n) / Math.log(2);
        double width = ptp / (log2 + 1.0);
        return (int) Math.ceil(ptp / width);
    }

    private static double[] toArray(TreeSet<Double> set) {
        return set.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static List<String> sortedByCount(Map<String, Long> counts) {
        List<Map.Entry<String, Long>> entries = new ArrayList<>(counts.entrySet());
        entries.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        List<String> out = new ArrayList<>(entries.size());
        entries.forEach(e -> out.add(e.getKey()));
        return out;
    }

    private static Binned build(List<String> labels, List<long[]> counts, String description) {
        long[] r = new long[counts.size()];
        long[] c = new long[counts.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = counts.get(i)[0];
            c[i] = counts.get(i)[1];
        }
        return new Binned(labels.toArray(new String[0]), r, c, description);
    }
}
