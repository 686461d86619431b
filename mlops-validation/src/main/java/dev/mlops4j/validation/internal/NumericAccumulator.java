package dev.mlops4j.validation.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops4j.InvalidInputException;
import dev.mlops4j.validation.data.ColumnType;
import dev.mlops4j.validation.data.Row;
import dev.mlops4j.validation.profile.DistinctCount;
import dev.mlops4j.validation.profile.FrequentValue;
import dev.mlops4j.validation.profile.Histogram;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.hll.Union;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.memory.Memory;
import org.apache.datasketches.quantilescommon.DoublesSortedView;
import org.apache.datasketches.quantilescommon.QuantileSearchCriteria;

/**
 * Statistics of an integer, floating, date or timestamp column: counts, zeros, NaNs, min, max, mean and
 * population standard deviation (Welford's update, merged with Chan et al.'s formula), and values counted
 * exactly with their frequencies up to a bound. While counts are exact, so are distinct counts, quantiles and
 * histograms; beyond the bound the exact counts seed a HyperLogLog sketch (distinct count) and a KLL sketch
 * (quantiles, histograms), which then take every value. NaN is counted apart and excluded from every numeric
 * statistic. KLL updates go through a small buffer and its bulk update, which is markedly faster per value.
 *
 * <p>Memory: the exact map (at most {@code exactDistinctLimit} entries, 16-32 bytes each), one KLL sketch
 * (a few KiB for k = 200) and, after the bound, one HLL sketch (2^lgK bytes).
 */
public final class NumericAccumulator extends ColumnAccumulator {
    private final boolean floating;
    private long nan;
    private long zeros;
    private long numbers;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;
    private double mean;
    private double m2;
    private KllDoublesSketch kll;
    private LongCountMap exact;
    private HllSketch hll;
    private double[] buffer;
    private int buffered;

    NumericAccumulator(String name, ColumnType type, int column, ProfileSettings settings) {
        super(name, type, column, settings);
        this.floating = type == ColumnType.FLOATING;
        this.exact = new LongCountMap(16);
    }

    @Override
    public void accept(Row row) {
        int c = column;
        if (!row.isPresent(c)) {
            if (row.isMissing(c)) {
                missing++;
            } else {
                invalid++;
            }
            return;
        }
        count++;
        double v = row.doubleValue(c);
        if (v != v) {
            nan++;
            return;
        }
        long n = ++numbers;
        if (v == 0) {
            zeros++;
        }
        if (v < min) {
            min = v;
        }
        if (v > max) {
            max = v;
        }
        double delta = v - mean;
        mean += delta / n;
        m2 += delta * (v - mean);
        long key = floating ? Hashing.doubleKey(v) : row.longValue(c);
        LongCountMap e = exact;
        if (e != null) {
            if (e.add(key, 1) && e.size() > settings.exactDistinctLimit()) {
                overflow();
            }
        } else {
            hll.update(key);
            double[] b = buffer;
            if (b != null) {
                b[buffered++] = v;
                if (buffered == b.length) {
                    flush();
                }
            }
        }
    }

    private double valueOf(long key) {
        return floating ? Double.longBitsToDouble(key) : key;
    }

    /** Leaves the exact phase: the exact counts seed the HLL and KLL sketches, which take every later value. */
    private void overflow() {
        hll = new HllSketch(settings.hllLgK(), TgtHllType.HLL_8);
        kll = settings.quantiles() ? KllDoublesSketch.newHeapInstance(settings.quantileK()) : null;
        long[] keys = new long[exact.size()];
        long[] counts = new long[keys.length];
        exact.fill(keys, counts);
        for (int i = 0; i < keys.length; i++) {
            hll.update(keys[i]);
            if (kll != null) {
                kll.update(valueOf(keys[i]), counts[i]);
            }
        }
        exact = null;
        buffer = kll == null ? null : new double[256];
        buffered = 0;
    }

    private void flush() {
        if (buffered > 0) {
            kll.update(buffer, 0, buffered);
            buffered = 0;
        }
    }

    @Override
    public void finish() {
        if (kll != null) {
            flush();
        }
    }

    private synchronized NumericAccumulator copy() {
        finish();
        NumericAccumulator a = new NumericAccumulator(name, type, -1, settings);
        a.count = count;
        a.missing = missing;
        a.invalid = invalid;
        a.nan = nan;
        a.zeros = zeros;
        a.numbers = numbers;
        a.min = min;
        a.max = max;
        a.mean = mean;
        a.m2 = m2;
        a.kll = kll == null ? null : KllDoublesSketch.heapify(Memory.wrap(kll.toByteArray()));
        a.exact = exact == null ? null : exact.copy();
        a.hll = hll == null ? null : HllSketch.heapify(hll.toCompactByteArray());
        a.buffer = a.kll == null ? null : new double[256];
        return a;
    }

    @Override
    public ColumnAccumulator merge(ColumnAccumulator other) {
        if (!(other instanceof NumericAccumulator) || other.type != type) {
            throw new InvalidInputException("cannot merge column '" + name + "' of type " + type
                    + " with a column of type " + other.type);
        }
        NumericAccumulator o = (NumericAccumulator) other;
        NumericAccumulator a = copy();
        a.addCounts(o);
        a.nan += o.nan;
        a.zeros += o.zeros;
        a.min = Math.min(min, o.min);
        a.max = Math.max(max, o.max);
        long n = numbers + o.numbers;
        if (n > 0) {
            double delta = o.mean - mean;
            a.mean = mean + delta * o.numbers / n;
            a.m2 = m2 + o.m2 + delta * delta * ((double) numbers * o.numbers / n);
        }
        a.numbers = n;
        if (a.exact != null && o.exact != null) {
            long[] keys = new long[o.exact.size()];
            long[] counts = new long[keys.length];
            o.exact.fill(keys, counts);
            for (int i = 0; i < keys.length; i++) {
                a.exact.add(keys[i], counts[i]);
            }
            if (a.exact.size() > settings.exactDistinctLimit()) {
                a.overflow();
            }
            return a;
        }
        if (a.exact != null) {
            a.overflow();
        }
        NumericAccumulator other2 = o.exact != null ? o.copy() : o;
        if (other2.exact != null) {
            other2.overflow();
        }
        other2.finish();
        Union union = new Union(Math.max(settings.hllLgK(), o.settings.hllLgK()));
        union.update(a.hll);
        union.update(other2.hll);
        a.hll = union.getResult(TgtHllType.HLL_8);
        if (a.kll != null && other2.kll != null) {
            a.kll.merge(other2.kll);
        } else {
            // one side has no quantile sketch: the merge cannot have one either
            a.kll = null;
            a.buffer = null;
        }
        return a;
    }

    @Override
    public long nanCount() {
        return nan;
    }

    /** @return present values that are numbers (not NaN) */
    public long numbers() {
        return numbers;
    }

    @Override
    public synchronized Optional<WeightedValues> weightedValues() {
        if (numbers == 0) {
            return Optional.empty();
        }
        if (exact != null) {
            Object[] s = sortedExact();
            return Optional.of(WeightedValues.of((double[]) s[0], (long[]) s[1], true, 0));
        }
        if (kll == null || kll.isEmpty()) {
            return Optional.empty();
        }
        DoublesSortedView view = kll.getSortedView();
        return Optional.of(WeightedValues.ofSorted(view.getQuantiles(), view.getCumulativeWeights(),
                kll.getNormalizedRankError(false)));
    }

    @Override
    public long zeros() {
        return zeros;
    }

    @Override
    public OptionalDouble min() {
        return numbers == 0 ? OptionalDouble.empty() : OptionalDouble.of(min);
    }

    @Override
    public OptionalDouble max() {
        return numbers == 0 ? OptionalDouble.empty() : OptionalDouble.of(max);
    }

    @Override
    public OptionalDouble mean() {
        return numbers == 0 ? OptionalDouble.empty() : OptionalDouble.of(mean);
    }

    @Override
    public OptionalDouble stddev() {
        return numbers == 0 ? OptionalDouble.empty() : OptionalDouble.of(Math.sqrt(Math.max(0, m2 / numbers)));
    }

    @Override
    public synchronized DistinctCount distinct() {
        long nanDistinct = nan > 0 ? 1 : 0;
        if (exact != null) {
            return DistinctCount.exactly(exact.size() + nanDistinct);
        }
        DistinctCount numbers = DistinctCount.estimated(hll.getEstimate(), hll.getLowerBound(2), hll.getUpperBound(2),
                count() - nan);
        return new DistinctCount(numbers.estimate() + nanDistinct, false, numbers.lowerBound() + nanDistinct,
                numbers.upperBound() + nanDistinct);
    }

    /** Exact values sorted ascending, with their counts: [values, counts]. */
    private Object[] sortedExact() {
        int n = exact.size();
        long[] keys = new long[n];
        long[] counts = new long[n];
        exact.fill(keys, counts);
        double[] values = new double[n];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            values[i] = floating ? Double.longBitsToDouble(keys[i]) : keys[i];
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
        double[] v = new double[n];
        long[] c = new long[n];
        for (int i = 0; i < n; i++) {
            v[i] = values[order[i]];
            c[i] = counts[order[i]];
        }
        return new Object[] {v, c};
    }

    @Override
    public synchronized OptionalDouble quantile(double rank) {
        if (numbers == 0 || rank < 0 || rank > 1 || Double.isNaN(rank)) {
            return OptionalDouble.empty();
        }
        if (exact != null) {
            Object[] s = sortedExact();
            double[] v = (double[]) s[0];
            long[] c = (long[]) s[1];
            double target = rank * numbers;
            long cumulative = 0;
            for (int i = 0; i < v.length; i++) {
                cumulative += c[i];
                if (cumulative >= target) {
                    return OptionalDouble.of(v[i]);
                }
            }
            return OptionalDouble.of(v[v.length - 1]);
        }
        if (kll == null) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(kll.getQuantile(rank, QuantileSearchCriteria.INCLUSIVE));
    }

    @Override
    public synchronized double quantileRankError() {
        if (exact != null || numbers == 0) {
            return 0;
        }
        return kll == null ? Double.NaN : kll.getNormalizedRankError(false);
    }

    @Override
    public synchronized Histogram histogram(int bins) {
        if (numbers == 0 || exact == null && kll == null) {
            return new Histogram(List.of(), exact != null);
        }
        if (min == max || bins <= 1 || !Double.isFinite(max - min)) {
            return new Histogram(List.of(new Histogram.Bucket(min, max, numbers)), exact != null);
        }
        double width = (max - min) / bins;
        double[] edges = new double[bins - 1];
        for (int i = 0; i < edges.length; i++) {
            edges[i] = min + width * (i + 1);
        }
        long[] counts = new long[bins];
        if (exact != null) {
            Object[] s = sortedExact();
            double[] v = (double[]) s[0];
            long[] c = (long[]) s[1];
            for (int i = 0; i < v.length; i++) {
                int b = Arrays.binarySearch(edges, v[i]);
                counts[b >= 0 ? b : Math.min(bins - 1, -b - 1)] += c[i];
            }
        } else {
            double[] cdf = kll.getCDF(edges, QuantileSearchCriteria.INCLUSIVE);
            double previous = 0;
            for (int i = 0; i < bins; i++) {
                counts[i] = Math.round((cdf[i] - previous) * numbers);
                previous = cdf[i];
            }
        }
        List<Histogram.Bucket> buckets = new ArrayList<>(bins);
        for (int i = 0; i < bins; i++) {
            double lower = i == 0 ? min : edges[i - 1];
            double upper = i == bins - 1 ? max : edges[i];
            buckets.add(new Histogram.Bucket(lower, upper, counts[i]));
        }
        return new Histogram(buckets, exact != null);
    }

    private String format(double v) {
        return floating ? Double.toString(v) : Long.toString((long) v);
    }

    @Override
    public List<FrequentValue> topValues(int k) {
        return allValues().map(all -> all.subList(0, Math.min(k, all.size()))).orElse(List.of());
    }

    @Override
    public synchronized Optional<List<FrequentValue>> allValues() {
        if (exact == null) {
            return Optional.empty();
        }
        Object[] s = sortedExact();
        double[] v = (double[]) s[0];
        long[] c = (long[]) s[1];
        List<FrequentValue> out = new ArrayList<>(v.length + 1);
        Integer[] order = new Integer[v.length];
        for (int i = 0; i < v.length; i++) {
            order[i] = i;
        }
        // most frequent first; ties in ascending value order (the sort is stable)
        Arrays.sort(order, (a, b) -> Long.compare(c[b], c[a]));
        for (int i : order) {
            out.add(new FrequentValue(format(v[i]), c[i], 0));
        }
        if (nan > 0) {
            out.add(new FrequentValue("NaN", nan, 0));
            out.sort((a, b) -> Long.compare(b.count(), a.count()));
        }
        return Optional.of(out);
    }

    @Override
    public synchronized void writeJson(ObjectNode node) {
        writeCounts(node);
        node.put("nan", nan);
        node.put("zeros", zeros);
        node.put("numbers", numbers);
        if (numbers > 0) {
            Json.putDouble(node, "min", min);
            Json.putDouble(node, "max", max);
            Json.putDouble(node, "mean", mean);
            Json.putDouble(node, "stddev", stddev().getAsDouble());
            Json.putDouble(node, "m2", m2);
        }
        DistinctCount d = distinct();
        ObjectNode dn = node.putObject("distinct");
        dn.put("estimate", d.estimate());
        dn.put("exact", d.exact());
        dn.put("lowerBound", d.lowerBound());
        dn.put("upperBound", d.upperBound());
        if (numbers > 0 && (exact != null || kll != null)) {
            ArrayNode qs = node.putArray("quantiles");
            for (double r : new double[] {0, 0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99, 1}) {
                ObjectNode q = qs.addObject();
                q.put("rank", r);
                Json.putDouble(q, "value", quantile(r).getAsDouble());
            }
            ArrayNode hs = node.putArray("histogram");
            for (Histogram.Bucket b : histogram(settings.histogramBins()).buckets()) {
                ObjectNode h = hs.addObject();
                Json.putDouble(h, "lower", b.lower());
                Json.putDouble(h, "upper", b.upper());
                h.put("count", b.count());
            }
        }
        ObjectNode state = node.putObject("state");
        if (exact != null) {
            long[] keys = new long[exact.size()];
            long[] counts = new long[keys.length];
            exact.fill(keys, counts);
            Integer[] order = new Integer[keys.length];
            for (int i = 0; i < keys.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, Comparator.comparingDouble(i -> floating ? Double.longBitsToDouble(keys[i]) : keys[i]));
            ArrayNode values = state.putArray("values");
            for (int i : order) {
                ArrayNode pair = values.addArray();
                if (floating) {
                    double v = Double.longBitsToDouble(keys[i]);
                    if (Double.isFinite(v)) {
                        pair.add(v);
                    } else {
                        pair.add(Double.toString(v));
                    }
                } else {
                    pair.add(keys[i]);
                }
                pair.add(counts[i]);
            }
        }
        if (hll != null) {
            state.put("hll", Json.base64(hll.toCompactByteArray()));
        }
        if (kll != null) {
            state.put("kll", Json.base64(kll.toByteArray()));
        }
    }

    /**
     * @param node a column written by {@link #writeJson(ObjectNode)}
     * @param type its type
     * @param settings the profile's settings
     * @return the accumulator
     */
    static NumericAccumulator readJson(ObjectNode node, ColumnType type, ProfileSettings settings) {
        NumericAccumulator a = new NumericAccumulator(Json.textField(node, "name"), type, -1, settings);
        a.readCounts(node);
        a.nan = Json.longField(node, "nan");
        a.zeros = Json.longField(node, "zeros");
        a.numbers = Json.longField(node, "numbers");
        if (a.numbers > 0) {
            a.min = Json.doubleField(node, "min");
            a.max = Json.doubleField(node, "max");
            a.mean = Json.doubleField(node, "mean");
            a.m2 = Json.doubleField(node, "m2");
        }
        JsonNode state = node.path("state");
        JsonNode values = state.get("values");
        if (values != null && values.isArray()) {
            a.exact = new LongCountMap(values.size());
            for (JsonNode pair : values) {
                long key = a.floating ? Hashing.doubleKey(Json.toDouble(pair.get(0))) : pair.get(0).asLong();
                a.exact.add(key, pair.get(1).asLong());
            }
        } else {
            a.exact = null;
            byte[] h = Json.bytesField(state, "hll");
            if (h == null) {
                throw new InvalidInputException("column '" + a.name + "' has neither exact values nor an HLL sketch");
            }
            a.hll = HllSketch.heapify(h);
        }
        byte[] k = Json.bytesField(state, "kll");
        if (k != null) {
            a.kll = KllDoublesSketch.heapify(Memory.wrap(k));
            a.buffer = new double[256];
        }
        return a;
    }
}
