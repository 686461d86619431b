package dev.mlops4j.core.internal.registry;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A bounded multi-producer, single-consumer ring of recorded predictions, preallocated: a producer claims a slot with
 * one compare-and-set on the tail, writes five references and a long into it, and publishes it with a release store
 * of its sequence; the consumer reads published slots in order, clears them and advances the head. No lock, no
 * allocation and no signal on the producer's side, and a full ring refuses at once.
 *
 * <p>The tail (written by producers) and the head (written by the consumer) live on separate cache lines, so that
 * neither side's writes slow the other's reads.
 */
final class RecordRing {
    private static final int REFS = 5;

    /** Builds what the consumer delivers from one slot. */
    @FunctionalInterface
    interface SlotReader<R> {
        /** @return the element to deliver, or null to skip the slot (already counted by the reader) */
        R read(Object input, Object output, Object served, Object issues, Object at, long latency);
    }

    private final int capacity;
    private final int mask;
    private final Object[] refs;
    private final long[] latencies;
    /** Slot i holds sequence s once {@code published[i] == s + 1}. */
    private final AtomicLongArray published;
    private final Sequence tail = new Sequence();
    private final Sequence head = new Sequence();

    RecordRing(int capacity) {
        if (capacity < 1 || capacity > 1 << 28) {
            throw new IllegalArgumentException("ring capacity must be between 1 and 2^28, was " + capacity);
        }
        this.capacity = capacity;
        // Slots are indexed by sequence & mask; capacity (not the array's length) bounds how many are in use.
        int slots = Integer.highestOneBit(Math.max(1, capacity - 1)) << 1;
        slots = Math.max(slots, capacity);
        this.mask = slots - 1;
        this.refs = new Object[slots * REFS];
        this.latencies = new long[slots];
        this.published = new AtomicLongArray(slots);
    }

    int capacity() {
        return capacity;
    }

    /**
     * @return the number of records the ring held before this one, or -1 if it was full and nothing was added
     */
    long offer(Object input, Object output, Object served, Object issues, Object at, long latency) {
        long t;
        long used;
        do {
            t = tail.get();
            used = t - head.get();
            if (used >= capacity) {
                return -1;
            }
        } while (!tail.compareAndSet(t, t + 1));
        int i = (int) t & mask;
        int r = i * REFS;
        refs[r] = input;
        refs[r + 1] = output;
        refs[r + 2] = served;
        refs[r + 3] = issues;
        refs[r + 4] = at;
        latencies[i] = latency;
        published.lazySet(i, t + 1);
        return used;
    }

    /**
     * Takes up to {@code max} published records, in order, into {@code into} (consumer only).
     *
     * @return how many slots were taken (including skipped ones); 0 if none was published, or if {@link #abandon()}
     *     took them first, in which case {@code into} is left as it was
     */
    <R> int poll(SlotReader<? extends R> reader, List<R> into, int max) {
        long h = head.get();
        int before = into.size();
        int n = 0;
        while (n < max) {
            long s = h + n;
            int i = (int) s & mask;
            if (published.get(i) != s + 1) {
                break;
            }
            int r = i * REFS;
            R element = reader.read(refs[r], refs[r + 1], refs[r + 2], refs[r + 3], refs[r + 4], latencies[i]);
            if (element != null) {
                into.add(element);
            }
            for (int k = r; k < r + REFS; k++) {
                refs[k] = null; // nothing kept alive by a consumed slot
            }
            n++;
        }
        if (n > 0 && !head.compareAndSet(h, h + n)) {
            into.subList(before, into.size()).clear(); // abandoned meanwhile: counted there, not delivered
            return 0;
        }
        return n;
    }

    /** @return true if no slot is claimed */
    boolean isEmpty() {
        return tail.get() == head.get();
    }

    /**
     * Gives up every claimed slot, published or not, so that the consumer delivers none of them.
     *
     * @return how many were given up
     */
    long abandon() {
        while (true) {
            long h = head.get();
            long t = tail.get();
            if (h == t || head.compareAndSet(h, t)) {
                return t - h;
            }
        }
    }

    /** Padding before the value, so that the value shares no cache line with what precedes it. */
    @SuppressWarnings("unused")
    private static class LeftPad {
        long p1, p2, p3, p4, p5, p6, p7;
    }

    /** The value. */
    private static class Value extends LeftPad {
        volatile long value;
    }

    /** A sequence on a cache line of its own (fields of a superclass come first in HotSpot's layout). */
    @SuppressWarnings("unused")
    private static final class Sequence extends Value {
        private static final VarHandle VALUE;

        static {
            try {
                VALUE = MethodHandles.lookup().findVarHandle(Value.class, "value", long.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        long q1, q2, q3, q4, q5, q6, q7;

        long get() {
            return value;
        }

        boolean compareAndSet(long expected, long next) {
            return VALUE.compareAndSet(this, expected, next);
        }
    }
}
