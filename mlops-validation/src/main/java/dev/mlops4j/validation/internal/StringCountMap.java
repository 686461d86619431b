package dev.mlops4j.validation.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * An open-addressing hash map from strings to positive counts, for the exact phase of distinct counting and
 * frequent values of categorical columns. Memory: a reference and a long per slot plus the strings, load
 * factor at most 1/2. Not thread-safe.
 */
public final class StringCountMap {
    private String[] keys;
    private long[] counts;
    private int size;
    private int mask;

    /** @param expected expected number of keys */
    public StringCountMap(int expected) {
        int cap = Integer.highestOneBit(Math.max(4, expected * 2 - 1)) << 1;
        keys = new String[cap];
        counts = new long[cap];
        mask = cap - 1;
    }

    private static int spread(int h) {
        return (h ^ (h >>> 16)) * 0x9E3779B1;
    }

    /**
     * @param key the key, not null
     * @param count occurrences to add, at least 1
     * @return true if the key is new
     */
    public boolean add(String key, long count) {
        int slot = spread(key.hashCode()) & mask;
        while (true) {
            String k = keys[slot];
            if (k == null) {
                keys[slot] = key;
                counts[slot] = count;
                if (++size * 2 > keys.length) {
                    grow();
                }
                return true;
            }
            if (k == key || k.equals(key)) {
                counts[slot] += count;
                return false;
            }
            slot = (slot + 1) & mask;
        }
    }

    private void grow() {
        String[] oldKeys = keys;
        long[] oldCounts = counts;
        keys = new String[oldKeys.length * 2];
        counts = new long[oldKeys.length * 2];
        mask = keys.length - 1;
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                add(oldKeys[i], oldCounts[i]);
            }
        }
    }

    /** @return the number of distinct keys */
    public int size() {
        return size;
    }

    /** @return the entries, in no particular order */
    public List<Map.Entry<String, Long>> entries() {
        List<Map.Entry<String, Long>> out = new ArrayList<>(size);
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != null) {
                out.add(Map.entry(keys[i], counts[i]));
            }
        }
        return out;
    }

    /** @return a copy */
    public StringCountMap copy() {
        StringCountMap m = new StringCountMap(4);
        m.keys = Arrays.copyOf(keys, keys.length);
        m.counts = Arrays.copyOf(counts, counts.length);
        m.size = size;
        m.mask = mask;
        return m;
    }
}
