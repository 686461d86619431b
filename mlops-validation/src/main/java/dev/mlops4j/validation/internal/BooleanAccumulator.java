package dev.mlops4j.validation.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops4j.InvalidInputException;
import dev.mlops4j.validation.data.ColumnType;
import dev.mlops4j.validation.data.Row;
import dev.mlops4j.validation.profile.DistinctCount;
import dev.mlops4j.validation.profile.FrequentValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/** Statistics of a boolean column: counts and the number of {@code true} values. Constant memory. */
public final class BooleanAccumulator extends ColumnAccumulator {
    private long trues;

    BooleanAccumulator(String name, int column, ProfileSettings settings) {
        super(name, ColumnType.BOOLEAN, column, settings);
    }

    @Override
    public void accept(Row row) {
        int c = column;
        if (row.isPresent(c)) {
            count++;
            if (row.booleanValue(c)) {
                trues++;
            }
        } else if (row.isMissing(c)) {
            missing++;
        } else {
            invalid++;
        }
    }

    @Override
    public ColumnAccumulator merge(ColumnAccumulator other) {
        if (!(other instanceof BooleanAccumulator)) {
            throw new InvalidInputException("cannot merge column '" + name + "' of type " + type
                    + " with a column of type " + other.type);
        }
        BooleanAccumulator a = new BooleanAccumulator(name, -1, settings);
        a.addCounts(this);
        a.addCounts(other);
        a.trues = trues + ((BooleanAccumulator) other).trues;
        return a;
    }

    /** @return the number of true values */
    public long trues() {
        return trues;
    }

    @Override
    public OptionalDouble mean() {
        return count == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) trues / count);
    }

    @Override
    public DistinctCount distinct() {
        return DistinctCount.exactly((trues > 0 ? 1 : 0) + (count - trues > 0 ? 1 : 0));
    }

    @Override
    public List<FrequentValue> topValues(int k) {
        List<FrequentValue> all = allValues().orElseThrow();
        return all.subList(0, Math.min(k, all.size()));
    }

    @Override
    public Optional<List<FrequentValue>> allValues() {
        List<FrequentValue> out = new ArrayList<>(2);
        FrequentValue t = new FrequentValue("true", trues, 0);
        FrequentValue f = new FrequentValue("false", count - trues, 0);
        boolean trueFirst = trues >= count - trues;
        for (FrequentValue v : trueFirst ? List.of(t, f) : List.of(f, t)) {
            if (v.count() > 0) {
                out.add(v);
            }
        }
        return Optional.of(List.copyOf(out));
    }

    @Override
    public Optional<CategoryCounts> categoryCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        if (trues > 0) {
            counts.put("true", trues);
        }
        if (count - trues > 0) {
            counts.put("false", count - trues);
        }
        return Optional.of(CategoryCounts.exact(counts));
    }

    @Override
    public void writeJson(ObjectNode node) {
        writeCounts(node);
        node.put("trues", trues);
    }

    /**
     * @param node a column written by {@link #writeJson(ObjectNode)}
     * @param settings the profile's settings
     * @return the accumulator
     */
    static BooleanAccumulator readJson(ObjectNode node, ProfileSettings settings) {
        BooleanAccumulator a = new BooleanAccumulator(Json.textField(node, "name"), -1, settings);
        a.readCounts(node);
        a.trues = Json.longField(node, "trues");
        return a;
    }
}
