package dev.mlops4j.validation.drift;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlops4j.validation.data.Column;
import dev.mlops4j.validation.data.ColumnType;
import dev.mlops4j.validation.data.Table;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The reference values computed by src/test/python/drift_reference.py (scipy, numpy), and helpers that turn its
 * arrays into tables.
 */
public final class Fixtures {
    private static final JsonNode ROOT = load();

    private Fixtures() {
    }

    private static JsonNode load() {
        try (InputStream in = Fixtures.class.getResourceAsStream("/drift-reference.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the fixture document */
    public static JsonNode root() {
        return ROOT;
    }

    /** @param path field names from the root @return that node (missing node if absent) */
    public static JsonNode at(String... path) {
        JsonNode n = ROOT;
        for (String p : path) {
            n = n.path(p);
        }
        if (n.isMissingNode()) {
            throw new IllegalArgumentException("no fixture at " + String.join(".", path));
        }
        return n;
    }

    /** @param node a JSON array of numbers (or nulls) @return the numbers, null kept */
    public static List<Double> doubles(JsonNode node) {
        List<Double> out = new ArrayList<>();
        node.forEach(n -> out.add(n.isNull() ? null : n.asDouble()));
        return out;
    }

    /** @param node a JSON array of strings @return them */
    public static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.forEach(n -> out.add(n.asText()));
        return out;
    }

    /**
     * @param name the column name
     * @param values numbers, {@code null} for missing
     * @return a one-column floating table
     */
    public static Table numbers(String name, List<Double> values) {
        List<Object[]> rows = new ArrayList<>();
        values.forEach(v -> rows.add(new Object[] {v}));
        return Table.ofArrays(List.of(new Column(name, ColumnType.FLOATING)), rows);
    }

    /**
     * @param name the column name
     * @param values categories, {@code null} for missing
     * @return a one-column categorical table
     */
    public static Table categories(String name, List<String> values) {
        List<Object[]> rows = new ArrayList<>();
        values.forEach(v -> rows.add(new Object[] {v}));
        return Table.ofArrays(List.of(new Column(name, ColumnType.CATEGORICAL)), rows);
    }

    /**
     * @param name the column name
     * @param values distinct integer values
     * @param counts how often each occurs
     * @return a one-column integer table with every value repeated by its count
     */
    public static Table counted(String name, JsonNode values, JsonNode counts) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            for (int k = 0; k < counts.get(i).asInt(); k++) {
                rows.add(new Object[] {values.get(i).asLong()});
            }
        }
        return Table.ofArrays(List.of(new Column(name, ColumnType.INTEGER)), rows);
    }
}
