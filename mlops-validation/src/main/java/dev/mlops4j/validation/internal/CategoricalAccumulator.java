package dev.mlops4j.validation.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops4j.InvalidInputException;
import dev.mlops4j.validation.data.ColumnType;
import dev.mlops4j.validation.data.Row;
import dev.mlops4j.validation.profile.DistinctCount;
import dev.mlops4j.validation.profile.FrequentValue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.datasketches.common.ArrayOfStringsSerDe;
import org.apache.datasketches.frequencies.ErrorType;
import org.apache.datasketches.frequencies.ItemsSketch;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.hll.Union;
import org.apache.datasketches.memory.Memory;

/**
 * Statistics of a categorical column: counts, and values counted exactly with their frequencies up to a
 * bound, then a HyperLogLog sketch for the distinct count and a frequent-items sketch for the top values.
 *
 * <p>Memory: the exact map (at most {@code exactDistinctLimit} strings), after the bound one HLL sketch
 * (2^lgK bytes) and one frequent-items sketch ({@code frequentItemsMapSize} entries).
 */
public final class CategoricalAccumulator extends ColumnAccumulator {
    private static final Comparator<FrequentValue> BY_COUNT_THEN_VALUE =
            Comparator.comparingLong(FrequentValue::count).reversed().thenComparing(FrequentValue::value);

    private StringCountMap exact;
    private HllSketch hll;
    private ItemsSketch<String> items;

    CategoricalAccumulator(String name, int column, ProfileSettings settings) {
        super(name, ColumnType.CATEGORICAL, column, settings);
        this.exact = new StringCountMap(16);
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
        String v = row.stringValue(c);
        StringCountMap e = exact;
        if (e != null) {
            if (e.add(v, 1) && e.size() > settings.exactDistinctLimit()) {
                overflow();
            }
        } else {
            hll.update(Hashing.sketchKey(v));
            items.update(v);
        }
    }

    private void overflow() {
        hll = new HllSketch(settings.hllLgK(), TgtHllType.HLL_8);
        items = new ItemsSketch<>(settings.frequentItemsMapSize());
        for (Map.Entry<String, Long> en : exact.entries()) {
            hll.update(Hashing.sketchKey(en.getKey()));
            items.update(en.getKey(), en.getValue());
        }
        exact = null;
    }

    private synchronized CategoricalAccumulator copy() {
        CategoricalAccumulator a = new CategoricalAccumulator(name, -1, settings);
        a.count = count;
        a.missing = missing;
        a.invalid = invalid;
        a.exact = exact == null ? null : exact.copy();
        a.hll = hll == null ? null : HllSketch.heapify(hll.toCompactByteArray());
        if (items != null) {
            a.items = ItemsSketch.getInstance(Memory.wrap(items.toByteArray(new ArrayOfStringsSerDe())),
                    new ArrayOfStringsSerDe());
        }
        return a;
    }

    @Override
    public ColumnAccumulator merge(ColumnAccumulator other) {
        if (!(other instanceof CategoricalAccumulator)) {
            throw new InvalidInputException("cannot merge column '" + name + "' of type " + type
                    + " with a column of type " + other.type);
        }
        CategoricalAccumulator o = (CategoricalAccumulator) other;
        CategoricalAccumulator a = copy();
        a.addCounts(o);
        if (a.exact != null && o.exact != null) {
            for (Map.Entry<String, Long> en : o.exact.entries()) {
                a.exact.add(en.getKey(), en.getValue());
            }
            if (a.exact.size() > settings.exactDistinctLimit()) {
                a.overflow();
            }
            return a;
        }
        if (a.exact != null) {
            a.overflow();
        }
        Union union = new Union(Math.max(settings.hllLgK(), o.settings.hllLgK()));
        union.update(a.hll);
        if (o.exact != null) {
            HllSketch h = new HllSketch(settings.hllLgK(), TgtHllType.HLL_8);
            for (Map.Entry<String, Long> en : o.exact.entries()) {
                a.items.update(en.getKey(), en.getValue());
                h.update(Hashing.sketchKey(en.getKey()));
            }
            union.update(h);
        } else {
            union.update(o.hll);
            a.items.merge(o.items);
        }
        a.hll = union.getResult(TgtHllType.HLL_8);
        return a;
    }

    @Override
    public synchronized DistinctCount distinct() {
        if (exact != null) {
            return DistinctCount.exactly(exact.size());
        }
        return DistinctCount.estimated(hll.getEstimate(), hll.getLowerBound(2), hll.getUpperBound(2), count());
    }

    @Override
    public synchronized List<FrequentValue> topValues(int k) {
        List<FrequentValue> all;
        if (exact != null) {
            all = allValues().orElseThrow();
        } else {
            all = new ArrayList<>();
            long maxError = items.getMaximumError();
            for (ItemsSketch.Row<String> r : items.getFrequentItems(ErrorType.NO_FALSE_NEGATIVES)) {
                all.add(new FrequentValue(r.getItem(), r.getEstimate(), maxError));
            }
            all.sort(BY_COUNT_THEN_VALUE);
        }
        return List.copyOf(all.subList(0, Math.min(k, all.size())));
    }

    @Override
    public synchronized Optional<List<FrequentValue>> allValues() {
        if (exact == null) {
            return Optional.empty();
        }
        List<FrequentValue> out = new ArrayList<>(exact.size());
        for (Map.Entry<String, Long> en : exact.entries()) {
            out.add(new FrequentValue(en.getKey(), en.getValue(), 0));
        }
        out.sort(BY_COUNT_THEN_VALUE);
        return Optional.of(out);
    }

    @Override
    public synchronized Optional<CategoryCounts> categoryCounts() {
        if (exact != null) {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (Map.Entry<String, Long> en : exact.entries()) {
                counts.put(en.getKey(), en.getValue());
            }
            return Optional.of(CategoryCounts.exact(counts));
        }
        Map<String, Long> listed = new LinkedHashMap<>();
        for (ItemsSketch.Row<String> r : items.getFrequentItems(ErrorType.NO_FALSE_NEGATIVES)) {
            listed.put(r.getItem(), r.getEstimate());
        }
        return Optional.of(new CategoryCounts(listed, count, false, items.getMaximumError(), v -> {
            synchronized (this) {
                return items.getEstimate(v);
            }
        }));
    }

    @Override
    public synchronized void writeJson(ObjectNode node) {
        writeCounts(node);
        DistinctCount d = distinct();
        ObjectNode dn = node.putObject("distinct");
        dn.put("estimate", d.estimate());
        dn.put("exact", d.exact());
        dn.put("lowerBound", d.lowerBound());
        dn.put("upperBound", d.upperBound());
        ArrayNode top = node.putArray("topValues");
        for (FrequentValue f : topValues(settings.topK())) {
            ObjectNode t = top.addObject();
            t.put("value", f.value());
            t.put("count", f.count());
            t.put("maxError", f.maxError());
        }
        ObjectNode state = node.putObject("state");
        if (exact != null) {
            ArrayNode values = state.putArray("values");
            for (FrequentValue f : allValues().orElseThrow()) {
                values.addArray().add(f.value()).add(f.count());
            }
        } else {
            state.put("hll", Json.base64(hll.toCompactByteArray()));
            state.put("items", Json.base64(items.toByteArray(new ArrayOfStringsSerDe())));
        }
    }

    /**
     * @param node a column written by {@link #writeJson(ObjectNode)}
     * @param settings the profile's settings
     * @return the accumulator
     */
    static CategoricalAccumulator readJson(ObjectNode node, ProfileSettings settings) {
        CategoricalAccumulator a = new CategoricalAccumulator(Json.textField(node, "name"), -1, settings);
        a.readCounts(node);
        JsonNode state = node.path("state");
        JsonNode values = state.get("values");
        if (values != null && values.isArray()) {
            a.exact = new StringCountMap(values.size());
            for (JsonNode pair : values) {
                a.exact.add(pair.get(0).asText(), pair.get(1).asLong());
            }
        } else {
            a.exact = null;
            byte[] h = Json.bytesField(state, "hll");
            byte[] i = Json.bytesField(state, "items");
            if (h == null || i == null) {
                throw new InvalidInputException("column '" + a.name + "' has neither exact values nor sketches");
            }
            a.hll = HllSketch.heapify(h);
            a.items = ItemsSketch.getInstance(Memory.wrap(i), new ArrayOfStringsSerDe());
        }
        return a;
    }
}
