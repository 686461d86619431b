package dev.mlops4j.validation.internal;

import java.util.Arrays;

/**
 * An open-addressing hash map from {@code long} keys to positive counts, without boxing. A slot is empty iff
 * its count is 0. Memory: 16 bytes per slot, load factor at most 1/2. Not thread-safe.
 */
public final class LongCountMap {
    private long[] keys;
    private long[] counts;
    private int size;
    private int mask;

    /** @param expected expected number of keys */
    public LongCountMap(int expected) {
        int cap = Integer.highestOneBit(Math.max(4, expected * 2 - 1)) << 1;
        keys = new long[cap];
        counts = new long[cap];
        mask = cap - 1;
    }

    /**
     * Adds {@code count} occurrences of {@code key}.
     *
     * @param key the key
     * @param count occurrences, at least 1
     * @return true if the key is new
     */
    public boolean add(long key, long count) {
        int slot = (int) Hashing.mix(key) & mask;
        while (true) {
            long c = counts[slot];
            if (c == 0) {
                keys[slot] = key;
                counts[slot] = count;
                if (++size * 2 > keys.length) {
                    grow();
                }
                return true;
            }
            if (keys[slot] == key) {
                counts[slot] = c + count;
                return false;
            }
            slot = (slot + 1) & mask;
        }
    }

    /**
     * @param key the key
     * @return its count, 0 if absent
     */
    public long get(long key) {
        int slot = (int) Hashing.mix(key) & mask;
        while (true) {
            long c = counts[slot];
            if (c == 0) {
                return 0;
            }
            if (keys[slot] == key) {
                return c;
            }
            slot = (slot + 1) & mask;
        }
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldCounts = counts;
        keys = new long[oldKeys.length * 2];
        counts = new long[oldKeys.length * 2];
        mask = keys.length - 1;
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldCounts[i] != 0) {
                add(oldKeys[i], oldCounts[i]);
            }
        }
    }

    /** @return the number of distinct keys */
    public int size() {
        return size;
    }

    /** @return the keys, in no particular order */
    public long[] keys() {
        long[] out = new long[size];
        int j = 0;
        for (int i = 0; i < keys.length; i++) {
            if (counts[i] != 0) {
                out[j++] = keys[i];
            }
        }
        return out;
    }

    /**
     * Copies the entries into the given arrays, in no particular order.
     *
     * @param outKeys receives the keys; length at least {@link #size()}
     * @param outCounts receives the counts; length at least {@link #size()}
     */
    public void fill(long[] outKeys, long[] outCounts) {
        int j = 0;
        for (int i = 0; i < keys.length; i++) {
            if (counts[i] != 0) {
                outKeys[j] = keys[i];
                outCounts[j++] = counts[i];
            }
        }
    }

    /** @return a copy */
    public LongCountMap copy() {
        LongCountMap m = new LongCountMap(4);
        m.keys = Arrays.copyOf(keys, keys.length);
        m.counts = Arrays.copyOf(counts, counts.length);
        m.size = size;
        m.mask = mask;
        return m;
    }
}
