package dev.mlops4j.monitoring.internal;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A window's recorded feature maps as the rows of a table to profile, without copying them: each row is a read-only
 * view of a record's (immutable) map that lists every column of the window in one sorted order, whatever the order
 * of the record's map, and reads NaN (how serving records a missing value) and absent features as null, which the
 * profiler counts as missing.
 *
 * <p>How the monitor read a window before it kept primitive columns ({@link WindowColumns}); kept for the tests as
 * the reference the columns must profile identically to.
 */
public final class WindowRows {
    private WindowRows() {
    }

    /**
     * @param records the window's feature maps, as recorded; must not change afterwards
     * @return one row per record, every row with the window's columns in sorted order
     */
    public static List<Map<String, Object>> of(List<Map<String, Double>> records) {
        Set<String> names = new HashSet<>();
        for (Map<String, Double> r : records) {
            names.addAll(r.keySet());
        }
        String[] columns = names.toArray(String[]::new);
        Arrays.sort(columns);
        List<Map<String, Object>> rows = new ArrayList<>(records.size());
        for (Map<String, Double> r : records) {
            rows.add(new Row(columns, r));
        }
        return rows;
    }

    /** One record's values under the window's columns. */
    private static final class Row extends AbstractMap<String, Object> {
        private final String[] columns;
        private final Map<String, Double> values;

        Row(String[] columns, Map<String, Double> values) {
            this.columns = columns;
            this.values = values;
        }

        @Override
        public Object get(Object key) {
            Double v = values.get(key);
            return v == null || v.isNaN() ? null : v;
        }

        @Override
        public boolean containsKey(Object key) {
            return key instanceof String s && Arrays.binarySearch(columns, s) >= 0;
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Entry<String, Object>> iterator() {
                    return new Iterator<>() {
                        private int next;

                        @Override
                        public boolean hasNext() {
                            return next < columns.length;
                        }

                        @Override
                        public Entry<String, Object> next() {
                            if (next >= columns.length) {
                                throw new NoSuchElementException();
                            }
                            String column = columns[next++];
                            return new SimpleImmutableEntry<>(column, get(column));
                        }
                    };
                }

                @Override
                public int size() {
                    return columns.length;
                }
            };
        }
    }
}
