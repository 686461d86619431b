package dev.mlops4j.core.internal.registry;

import dev.mlops4j.serving.PredictionRecord;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.List;

/**
 * One predicting thread's bounded queue of recorded predictions, read by the recording thread: single producer,
 * single consumer, so the producer needs no atomic instruction at all. It writes the slot and publishes it with a
 * release store of its count (a plain store on x86); a locked compare-and-set, the alternative with several
 * producers, costs 15-20 ns on the reference machine, 3% of a prediction by itself.
 *
 * <p>A slot is two references, the input and the output, because every reference store costs a GC write barrier
 * and every byte of a chunk is allocated and zeroed on the predicting thread; at 100% sampling each is paid on every
 * prediction. What a record needs besides (the served version, the input issues, the time, the latency) changes
 * seldom: on a swap, an input with issues, a clock tick, one timed prediction in a hundred. The producer then stores,
 * in the output's place, a {@link Tagged} output carrying what changed since its previous slot, and the consumer
 * carries the previous values forward over plain slots.
 *
 * <p>Slots live in chunks of {@link #CHUNK}, linked as the producer needs them and dropped once consumed, so memory
 * follows the backlog rather than the capacity: a thread pool of hundreds of threads, each with its queue, holds
 * little while the recording thread keeps up.
 *
 * <p>The published count (written by the producer) and the consumed count (written by the consumer) live on separate
 * cache lines.
 */
final class RecordQueue {
    /** Slots per chunk; a power of two, so that a slot's place in its chunk is its sequence number's low bits. */
    static final int CHUNK = 128;
    private static final VarHandle DROPPED;

    static {
        try {
            DROPPED = MethodHandles.lookup().findVarHandle(RecordQueue.class, "droppedFull", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
    private static final int REFS = 2;

    /** Builds what the consumer delivers from one slot. */
    @FunctionalInterface
    interface SlotReader<R> {
        /** @return the element to deliver, or null to skip the slot (counted by the reader) */
        R read(Object input, Object output, Object served, Object issues, Object at, long latency);
    }

    /** A batch that is a list of what a {@link SlotReader} builds from each slot. */
    static final class ListBatch<R> implements Batch {
        private final SlotReader<? extends R> reader;
        private final List<R> list;

        ListBatch(SlotReader<? extends R> reader, List<R> list) {
            this.reader = reader;
            this.list = list;
        }

        @Override
        public boolean add(Object input, Object output, Object served, Object issues, Object at, long latency) {
            R element = reader.read(input, output, served, issues, at, latency);
            return element != null && list.add(element);
        }

        @Override
        public int size() {
            return list.size();
        }

        @Override
        public void truncate(int size) {
            list.subList(size, list.size()).clear();
        }
    }

    /** What the consumer fills from the slots it takes: a list of records, or columns. */
    interface Batch {
        /**
         * Adds what one slot holds.
         *
         * @return false if the slot could not be added and is skipped (counted by the batch's owner)
         */
        boolean add(Object input, Object output, Object served, Object issues, Object at, long latency);

        /** @return how many slots were added */
        int size();

        /** @param size drops what was added after the batch had this size */
        void truncate(int size);
    }

    /** A run of slots; {@code next} is set by the producer before it publishes the first slot after this run. */
    private static final class Chunk {
        final Object[] refs = new Object[CHUNK * REFS];
        Chunk next;
    }

    /**
     * An output with what changed since the producer's previous slot: null for the served version, issues or time
     * that did not change.
     */
    private record Tagged(Object output, Object served, Object issues, Object at, long latency) {
    }

    private final Thread owner;
    private final int capacity;
    /** Half the capacity: from this backlog on, the producer re-reads the consumed count. */
    private final int half;
    private final Sequence published = new Sequence();
    private final Sequence consumed = new Sequence();
    /** The consumer's state; allocated after the padded counts, so that it shares no cache line with the producer's. */
    private final Reader reader = new Reader();
    private volatile boolean abandoned;
    // Producer only.
    /** The published count (the producer's own copy). */
    private long tail;
    /** The consumed count as the producer last read it: re-read only when the queue looks full or half full. */
    private long consumedSeen;
    private Chunk tailChunk;
    /** The tail chunk's references (one load less per offer). */
    private Object[] tailRefs;
    /** The published count at which the tail chunk is full: slot {@code t} is at {@code t % CHUNK} of its chunk. */
    private long chunkEnd = CHUNK;
    /**
     * The published count below which an offer needs no housekeeping: the tail chunk has room and, as far as the
     * producer last saw, the queue is less than half full. One comparison on the common path instead of three.
     */
    private long limit;
    /** The sequence number of the slot last timed ({@link #timeNext}); -1 before the first. */
    private long timedSlot = -1;
    /** What the producer last wrote into a slot's served, issues and time: written again only when it changes. */
    private Object lastServed;
    private Object lastIssues;
    private Object lastAt;
    /** Offers refused because the queue was full; written by the producer only, read by anyone (opaque). */
    @SuppressWarnings("unused") // through DROPPED
    private long droppedFull;

    /** The consumer's position, and the served version, issues and time carried forward over slots without them. */
    private static final class Reader {
        Chunk headChunk;
        int headIndex;
        Object served;
        Object issues;
        Object at;
    }

    /**
     * @param owner the only thread that offers
     * @param capacity how many records may wait
     */
    RecordQueue(Thread owner, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("queue capacity must be at least 1, was " + capacity);
        }
        this.owner = owner;
        this.capacity = capacity;
        this.half = capacity >> 1;
        this.tailChunk = new Chunk();
        this.tailRefs = tailChunk.refs;
        this.limit = Math.min(CHUNK, half);
        this.reader.headChunk = tailChunk;
    }

    Thread owner() {
        return owner;
    }

    int capacity() {
        return capacity;
    }

    /** Counts an offer the producer could not make (queue full, or closing); producer only, no atomic instruction. */
    void countDropped() {
        DROPPED.setOpaque(this, (long) DROPPED.getOpaque(this) + 1);
    }

    /** @return what {@link #countDropped()} counted, as far as the calling thread sees it */
    long dropped() {
        return (long) DROPPED.getOpaque(this);
    }

    /**
     * Whether to time the prediction about to be offered (producer only): the one that will take a slot whose sequence
     * number is a multiple of {@code interval}, once. Decided from the published count the producer reads anyway, so
     * that the common answer costs no store; a prediction refused by a full queue is not timed again and again.
     *
     * @param interval one in how many is timed; a power of two
     * @return true if this one is
     */
    boolean timeNext(int interval) {
        long t = tail;
        if ((t & (interval - 1)) != 0 || t == timedSlot) {
            return false;
        }
        timedSlot = t;
        return true;
    }

    /**
     * Adds a record (owner thread only).
     *
     * @param input the input, not null
     * @param output the output, not null
     * @param served what served it, not null
     * @param issues the input issues, not null
     * @param at the time, not null
     * @param latency the latency in nanoseconds, or {@link PredictionRecord#NOT_TIMED}
     * @return the number of records waiting before this one, or -1 if the queue was full and nothing was added
     */
    long offer(Object input, Object output, Object served, Object issues, Object at, long latency) {
        long t = tail;
        if (t >= limit) {
            return offerAfterHousekeeping(t, input, output, served, issues, at, latency);
        }
        put(t, input, output, served, issues, at, latency);
        return t - consumedSeen;
    }

    /**
     * The rare part of {@link #offer}, kept out of it so that the common part is one comparison: the consumed count
     * re-read (the queue looks half full), a full queue refused, a new chunk linked (the tail chunk is full).
     */
    private long offerAfterHousekeeping(long t, Object input, Object output, Object served, Object issues, Object at,
                                        long latency) {
        long used = t - consumedSeen;
        if (used >= half) {
            // Reading the consumer's count on every offer would miss the cache each time the consumer moved it; the
            // stale count only overstates what waits, so it is re-read when that matters (full, or half full: the
            // recorder wakes a sleeping consumer then).
            consumedSeen = consumed.get();
            used = t - consumedSeen;
            if (used >= capacity) {
                return -1;
            }
        }
        if (t == chunkEnd) {
            Chunk c = new Chunk();
            tailChunk.next = c; // made visible to the consumer by the release store in put
            tailChunk = c;
            tailRefs = c.refs;
            chunkEnd = t + CHUNK;
        }
        limit = Math.min(chunkEnd, consumedSeen + half);
        put(t, input, output, served, issues, at, latency);
        return used;
    }

    /** Writes slot {@code t} (in the tail chunk) and publishes it. */
    private void put(long t, Object input, Object output, Object served, Object issues, Object at, long latency) {
        int r = ((int) t & (CHUNK - 1)) * REFS;
        Object[] refs = tailRefs;
        refs[r] = input;
        refs[r + 1] = served != lastServed | issues != lastIssues | at != lastAt
                | latency != PredictionRecord.NOT_TIMED ? tag(output, served, issues, at, latency) : output;
        tail = t + 1;
        published.setRelease(t + 1);
    }

    /** @return the output tagged with what changed since the previous slot (a swap, issues, a clock tick, timing) */
    private Tagged tag(Object output, Object served, Object issues, Object at, long latency) {
        Tagged tagged = new Tagged(output, served != lastServed ? served : null, issues != lastIssues ? issues : null,
                at != lastAt ? at : null, latency);
        lastServed = served;
        lastIssues = issues;
        lastAt = at;
        return tagged;
    }

    /**
     * Takes up to {@code max} published records, in order, into {@code into} (consumer only).
     *
     * @return how many were taken (including skipped ones); 0 if none was published, or if {@link #abandon()} took
     *     them first, in which case {@code into} is left as it was
     */
    int poll(Batch into, int max) {
        if (abandoned) {
            return 0;
        }
        long h = consumed.get();
        int n = (int) Math.min(published.get() - h, max);
        if (n <= 0) {
            return 0;
        }
        int before = into.size();
        Reader rd = reader;
        Chunk c = rd.headChunk;
        int i = rd.headIndex;
        for (int k = 0; k < n; k++) {
            if (i == CHUNK) {
                c = c.next;
                i = 0;
            }
            int r = i * REFS;
            Object[] refs = c.refs;
            Object output = refs[r + 1];
            long latency = PredictionRecord.NOT_TIMED;
            if (output instanceof Tagged tagged) {
                if (tagged.served != null) {
                    rd.served = tagged.served;
                }
                if (tagged.issues != null) {
                    rd.issues = tagged.issues;
                }
                if (tagged.at != null) {
                    rd.at = tagged.at;
                }
                latency = tagged.latency;
                output = tagged.output;
            }
            into.add(refs[r], output, rd.served, rd.issues, rd.at, latency);
            refs[r] = null; // nothing kept alive by a consumed slot
            refs[r + 1] = null;
            i++;
        }
        if (!consumed.compareAndSet(h, h + n)) {
            into.truncate(before); // abandoned meanwhile: counted there, not delivered
            return 0;
        }
        rd.headChunk = c;
        rd.headIndex = i;
        return n;
    }

    /**
     * Takes up to {@code max} published records, in order, into {@code into} (consumer only), as {@link
     * #poll(Batch, int)} does.
     */
    <R> int poll(SlotReader<? extends R> reader, List<R> into, int max) {
        return poll(new ListBatch<>(reader, into), max);
    }

    /** @return true if nothing is waiting */
    boolean isEmpty() {
        return published.get() == consumed.get();
    }

    /**
     * Gives up every waiting record, so that the consumer delivers none of them (for closing).
     *
     * @return how many were given up
     */
    long abandon() {
        abandoned = true;
        while (true) {
            long h = consumed.get();
            long t = published.get();
            if (h == t || consumed.compareAndSet(h, t)) {
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

    /** A count on a cache line of its own (fields of a superclass come first in HotSpot's layout). */
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

        void setRelease(long next) {
            VALUE.setRelease(this, next);
        }

        boolean compareAndSet(long expected, long next) {
            return VALUE.compareAndSet(this, expected, next);
        }
    }
}
