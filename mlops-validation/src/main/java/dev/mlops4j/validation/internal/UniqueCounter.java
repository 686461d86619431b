package dev.mlops4j.validation.internal;

import dev.mlops4j.validation.DataSourceException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Counts exactly how often each value occurs, to decide uniqueness and exact distinct counts, in bounded
 * memory. Values are identified by 64-bit keys: the value itself for integers, dates, timestamps and booleans,
 * the bits of doubles (exact), a 64-bit fingerprint for strings (two different strings collide with
 * probability about n^2 / 2^65 for n distinct strings, e.g. 3e-6 for ten million).
 *
 * <p>Memory: an open-addressing table of {@code long} keys and counts (16 bytes per slot, at most 60% full,
 * so about 27 bytes per distinct value) up to the configured budget. When it is full, its entries are sorted
 * and spilled to a temporary file (12-16 bytes per distinct value of that chunk), and the table starts over;
 * at the end the sorted runs are merged in one streaming pass. Temporary files are deleted on
 * {@link #close()}.
 */
public final class UniqueCounter implements AutoCloseable {
    private final long[] keys;
    private final long[] counts;
    private final int mask;
    private final int maxSize;
    private final Path tempDirectory;
    private final List<Path> runs = new ArrayList<>();
    private int size;

    /**
     * @param memoryBytes budget for the in-memory table (at least 1 KiB)
     * @param tempDirectory where to spill, or {@code null} for the system default
     */
    public UniqueCounter(long memoryBytes, Path tempDirectory) {
        long slots = Math.max(64, Long.highestOneBit(Math.max(1024, memoryBytes) / 16));
        int cap = (int) Math.min(1 << 30, slots);
        this.keys = new long[cap];
        this.counts = new long[cap];
        this.mask = cap - 1;
        this.maxSize = (int) (cap * 0.6);
        this.tempDirectory = tempDirectory;
    }

    /**
     * Counts one occurrence.
     *
     * @param key the value's key
     * @return the number of occurrences of the key counted in memory so far (1 if first seen since the last
     *     spill); 2 means "just became a duplicate"
     */
    public long add(long key) {
        int slot = (int) Hashing.mix(key) & mask;
        while (true) {
            long c = counts[slot];
            if (c == 0) {
                if (size >= maxSize) {
                    spill();
                    return add(key);
                }
                keys[slot] = key;
                counts[slot] = 1;
                size++;
                return 1;
            }
            if (keys[slot] == key) {
                counts[slot] = c + 1;
                return c + 1;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** @return the number of spilled runs so far (for tests and diagnostics) */
    public int spilledRuns() {
        return runs.size();
    }

    private int compact() {
        int j = 0;
        for (int i = 0; i < keys.length; i++) {
            if (counts[i] != 0) {
                keys[j] = keys[i];
                counts[j] = counts[i];
                j++;
            }
        }
        Arrays.fill(counts, j, counts.length, 0);
        sort(keys, counts, 0, j - 1);
        return j;
    }

    private void spill() {
        int n = compact();
        try {
            Path file = tempDirectory == null ? Files.createTempFile("mlops-unique-", ".run")
                    : Files.createTempFile(tempDirectory, "mlops-unique-", ".run");
            runs.add(file);
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file),
                    1 << 16))) {
                for (int i = 0; i < n; i++) {
                    out.writeLong(keys[i]);
                    out.writeLong(counts[i]);
                }
            }
        } catch (IOException e) {
            throw new DataSourceException("cannot spill uniqueness counts to a temporary file (" + e.getMessage()
                    + "); give a larger uniqueness memory budget or a writable temporary directory", e);
        }
        Arrays.fill(counts, 0, n, 0);
        size = 0;
    }

    /**
     * The outcome of counting.
     *
     * @param distinct distinct keys
     * @param singletons keys that occurred exactly once
     * @param total occurrences counted
     */
    public record Result(long distinct, long singletons, long total) {
        /** @return occurrences of keys that occurred more than once */
        public long duplicatedOccurrences() {
            return total - singletons;
        }
    }

    /**
     * Merges everything counted. The counter is spent afterwards.
     *
     * @return the counts
     */
    public Result finish() {
        long distinct = 0;
        long singletons = 0;
        long total = 0;
        if (runs.isEmpty()) {
            for (long c : counts) {
                if (c != 0) {
                    distinct++;
                    total += c;
                    singletons += c == 1 ? 1 : 0;
                }
            }
            return new Result(distinct, singletons, total);
        }
        int n = compact();
        PriorityQueue<RunReader> queue = new PriorityQueue<>((a, b) -> Long.compare(a.key, b.key));
        try {
            RunReader memory = new RunReader(null, n);
            if (memory.advance()) {
                queue.add(memory);
            }
            for (Path run : runs) {
                RunReader r = new RunReader(run, 0);
                if (r.advance()) {
                    queue.add(r);
                } else {
                    r.close();
                }
            }
            while (!queue.isEmpty()) {
                RunReader r = queue.poll();
                long key = r.key;
                long c = r.count;
                pushBack(queue, r);
                while (!queue.isEmpty() && queue.peek().key == key) {
                    RunReader same = queue.poll();
                    c += same.count;
                    pushBack(queue, same);
                }
                distinct++;
                total += c;
                singletons += c == 1 ? 1 : 0;
            }
        } catch (IOException e) {
            throw new DataSourceException("cannot read spilled uniqueness counts: " + e.getMessage(), e);
        } finally {
            for (RunReader r : queue) {
                r.close();
            }
        }
        return new Result(distinct, singletons, total);
    }

    private static void pushBack(PriorityQueue<RunReader> queue, RunReader r) throws IOException {
        if (r.advance()) {
            queue.add(r);
        } else {
            r.close();
        }
    }

    /** Reads one sorted run, from a file or from the compacted in-memory table. */
    private final class RunReader {
        private final DataInputStream in;
        private final int memorySize;
        private int memoryIndex;
        long key;
        long count;

        RunReader(Path file, int memorySize) throws IOException {
            this.in = file == null ? null : new DataInputStream(new BufferedInputStream(Files.newInputStream(file),
                    1 << 16));
            this.memorySize = memorySize;
        }

        boolean advance() throws IOException {
            if (in == null) {
                if (memoryIndex >= memorySize) {
                    return false;
                }
                key = keys[memoryIndex];
                count = counts[memoryIndex];
                memoryIndex++;
                return true;
            }
            try {
                key = in.readLong();
                count = in.readLong();
                return true;
            } catch (EOFException e) {
                return false;
            }
        }

        void close() {
            if (in != null) {
                try {
                    in.close();
                } catch (IOException e) {
                    // the file is deleted by the counter's close anyway
                }
            }
        }
    }

    /** Deletes the spilled runs. */
    @Override
    public void close() {
        for (Path p : runs) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                p.toFile().deleteOnExit();
            }
        }
        runs.clear();
    }

    /** Sorts two parallel arrays by the first, in place (quicksort, insertion sort for short ranges). */
    private static void sort(long[] k, long[] v, int lo, int hi) {
        while (hi - lo > 16) {
            long pivot = median(k[lo], k[(lo + hi) >>> 1], k[hi]);
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (k[i] < pivot) {
                    i++;
                }
                while (k[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    swap(k, v, i++, j--);
                }
            }
            // recurse into the smaller part, loop on the larger, to bound the stack depth
            if (j - lo < hi - i) {
                sort(k, v, lo, j);
                lo = i;
            } else {
                sort(k, v, i, hi);
                hi = j;
            }
        }
        for (int i = lo + 1; i <= hi; i++) {
            for (int j = i; j > lo && k[j - 1] > k[j]; j--) {
                swap(k, v, j, j - 1);
            }
        }
    }

    private static long median(long a, long b, long c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }

    private static void swap(long[] k, long[] v, int i, int j) {
        long t = k[i];
        k[i] = k[j];
        k[j] = t;
        t = v[i];
        v[i] = v[j];
        v[j] = t;
    }
}
