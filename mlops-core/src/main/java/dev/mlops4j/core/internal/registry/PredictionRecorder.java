package dev.mlops4j.core.internal.registry;

import dev.mlops4j.model.FeatureVector;
import dev.mlops4j.model.Prediction;
import dev.mlops4j.serving.InputIssue;
import dev.mlops4j.serving.PredictionColumns;
import dev.mlops4j.serving.PredictionRecord;
import dev.mlops4j.serving.PredictionSink;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Samples predictions into a bounded buffer without ever blocking the predicting thread (a full buffer drops the
 * record and counts it) and hands them to the {@link PredictionSink} in batches from one daemon thread.
 *
 * <p>The predicting thread does as little as it can, because at 100% sampling everything it does is added to every
 * prediction (the target is 2% of a ~500 ns prediction, about 10 ns):
 * <ul>
 *   <li>it keeps references, never copies: the input is an immutable {@link FeatureVector} (the caller's, or the one
 *       the handle built from a map to predict from), the output is immutable (a framework-native output is converted
 *       on the recording thread), and {@link PredictionRecord}s with their boxed feature maps are built there too, or
 *       for a sink that {@link PredictionSink#acceptsColumns() accepts columns} the values are copied into the
 *       primitive columns of a {@link PredictionColumns} batch ({@link ColumnBatch}), with no record or map;</li>
 *   <li>the hand-off goes through the calling thread's own {@link RecordQueue}, kept in the handle's per-thread
 *       {@link ThreadCounter.Lane} with the thread's prediction count (single producer: no lock, no atomic
 *       instruction, no wake-up of the recording thread, which polls every queue), which writes two references per
 *       prediction (the input and the output) and the rest only when it changes; {@code queueCapacity} bounds each
 *       thread's queue, and memory follows the backlog, not the capacity;</li>
 *   <li>the time comes from the recording thread's clock tick ({@link #now}), refreshed on every cycle, instead of a
 *       clock read per prediction (~35 ns on the reference machine); only while the recording thread idles does a
 *       prediction read the clock itself;</li>
 *   <li>latency (two clock reads) is measured on one recorded prediction in {@link #TIMING_INTERVAL}; the others
 *       carry {@link PredictionRecord#NOT_TIMED}.</li>
 * </ul>
 */
final class PredictionRecorder {
    private static final Logger LOG = LoggerFactory.getLogger(PredictionRecorder.class);
    /** One recorded prediction in this many is timed; a power of two (see {@link RecordQueue#timeNext}). */
    static final int TIMING_INTERVAL = 128;
    /** What {@link #startTiming()} returns for a prediction that is not timed. */
    static final long UNTIMED = Long.MIN_VALUE;
    private static final int MAX_BATCH = 500;
    /** How often the recording thread looks for records while predictions flow (and so the clock tick's period). */
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    /** Empty polls after which the recording thread stops ticking and sleeps longer. */
    private static final int IDLE_POLLS = 100;
    private static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final PredictionSink sink;
    /** The sink takes {@link PredictionColumns} (asked once). */
    private final boolean columnar;
    private final double sampleRate;
    /** The sample rate is 1: every prediction is recorded, no random number drawn. */
    private final boolean everyOne;
    private final Clock clock;
    private final String modelName;
    private final String alias;
    private final int capacity;
    private final List<RecordQueue> all = new CopyOnWriteArrayList<>();
    private final Thread drainer;
    private final LongAdder recorded = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder sinkFailures = new LongAdder();
    private final WarnLimiter failureLog = new WarnLimiter(Duration.ofSeconds(10));
    /** The recording thread's clock tick; null while it idles, when predictions read the clock themselves. */
    private volatile Instant now;
    private volatile boolean parked;
    private volatile boolean closing;

    PredictionRecorder(PredictionSink sink, double sampleRate, int capacity, Clock clock, String modelName,
                       String alias) {
        this.sink = sink;
        this.columnar = sink.acceptsColumns();
        this.sampleRate = sampleRate;
        this.everyOne = sampleRate >= 1.0;
        this.clock = clock;
        this.modelName = modelName;
        this.alias = alias;
        this.capacity = capacity;
        this.drainer = new Thread(this::drain, "mlops4j-predictions-" + modelName + "@" + alias);
        // Recording must never keep an application from exiting.
        drainer.setDaemon(true);
        drainer.start();
    }

    /**
     * Decides whether to record the calling thread's next prediction (so that unsampled ones cost nothing more).
     *
     * @param lane the calling thread's lane of the handle, which keeps its queue
     * @return the calling thread's queue to record it into, or null not to record it
     */
    RecordQueue sample(ThreadCounter.Lane lane) {
        if (everyOne || (sampleRate > 0.0 && ThreadLocalRandom.current().nextDouble() < sampleRate)) {
            RecordQueue q = lane.queue;
            return q == null ? register(lane) : q;
        }
        return null;
    }

    private RecordQueue register(ThreadCounter.Lane lane) {
        RecordQueue q = new RecordQueue(Thread.currentThread(), capacity);
        all.add(q);
        lane.queue = q;
        return q;
    }

    /**
     * @param queue what {@link #sample()} returned
     * @return the start time of a sampled prediction that is timed, or {@link #UNTIMED}
     */
    long startTiming(RecordQueue queue) {
        return queue.timeNext(TIMING_INTERVAL) ? System.nanoTime() : UNTIMED;
    }

    /**
     * Hands a sampled prediction to the recording thread; never blocks.
     *
     * @param queue what {@link #sample()} returned, on the same thread
     * @param served what predicted (version, and the model that converts a native output)
     * @param input an immutable {@link FeatureVector}, or a {@code Map<String, Double>} copy nobody else holds
     * @param output a {@link Prediction}, or the framework's own prediction, converted on the recording thread
     * @param issues the input issues that were let through
     * @param start what {@link #startTiming()} returned before the prediction
     */
    void record(RecordQueue queue, Served served, Object input, Object output, List<InputIssue> issues, long start) {
        long latency = start == UNTIMED ? PredictionRecord.NOT_TIMED : System.nanoTime() - start;
        Instant at = now;
        if (at == null) {
            at = clock.instant(); // the recording thread idles, so no tick
        }
        long backlog = closing ? -1 : queue.offer(input, output, served, issues, at, latency);
        if (backlog < 0 || backlog >= capacity >> 1) {
            backlogged(queue, backlog);
        }
    }

    /** A record refused (queue full, or closing), or a queue half full: kept out of {@link #record}, which is hot. */
    private void backlogged(RecordQueue queue, long backlog) {
        if (backlog < 0) {
            queue.countDropped(); // in the thread's own queue: a shared counter's atomic add costs 15-20 ns
        } else if (parked) {
            // Half full while the recording thread sleeps: wake it rather than drop records at its next poll.
            LockSupport.unpark(drainer);
        }
    }

    /** The copy of a map input that cannot be a complete vector: null values kept as NaN, as documented. */
    static Map<String, Double> copy(Map<String, ? extends Number> features) {
        Map<String, Double> copy = new HashMap<>(features.size() * 2);
        features.forEach((k, v) -> copy.put(k, v == null ? Double.NaN : v.doubleValue()));
        return copy;
    }

    private void drain() {
        List<PredictionRecord> records = new ArrayList<>(MAX_BATCH);
        RecordQueue.Batch batch = newBatch(records);
        int emptyPolls = 0;
        int rotor = 0;
        while (true) {
            now = clock.instant();
            int taken = 0;
            RecordQueue[] queues = all.toArray(RecordQueue[]::new);
            // Starting one queue further each time, so that no thread's records wait behind a busy thread's.
            rotor = queues.length == 0 ? 0 : (rotor + 1) % queues.length;
            for (int k = 0; k < queues.length && taken < MAX_BATCH; k++) {
                taken += queues[(rotor + k) % queues.length].poll(batch, MAX_BATCH - taken);
            }
            if (taken > 0) {
                dropped.add(taken - batch.size()); // records that could not be built (logged)
                if (batch.size() > 0) {
                    deliver(batch, records);
                    records.clear();
                    batch = newBatch(records);
                }
                emptyPolls = 0;
                if (taken < MAX_BATCH && !closing) {
                    // Caught up: wait for a millisecond's worth rather than poll again at once. Every poll moves
                    // cache lines the predicting threads write (their queues' counts), which costs them a miss.
                    park(POLL_NANOS);
                }
                continue;
            }
            if (closing && all.stream().allMatch(RecordQueue::isEmpty)) {
                return;
            }
            forgetEndedThreads();
            if (++emptyPolls > IDLE_POLLS) {
                now = null; // idle: predictions read the clock themselves until the next tick
            }
            park(emptyPolls > IDLE_POLLS && !closing ? IDLE_PARK_NANOS : POLL_NANOS);
            if (Thread.interrupted()) {
                return; // closing gave up waiting; what is left is counted as dropped
            }
        }
    }

    private void park(long nanos) {
        parked = true;
        LockSupport.parkNanos(this, nanos);
        parked = false;
    }

    /** Drops the queues of threads that ended once they are empty: a churning thread pool must not grow the list. */
    private void forgetEndedThreads() {
        for (RecordQueue q : all) {
            if (!q.owner().isAlive() && q.isEmpty()) {
                all.remove(q);
                dropped.add(q.dropped()); // the ended thread counts no more
            }
        }
    }

    /** Columns for a sink that takes them, else a list of records built by {@link #toRecord}. */
    private RecordQueue.Batch newBatch(List<PredictionRecord> records) {
        return columnar ? new ColumnBatch(PredictionColumns.builder(modelName, alias, MAX_BATCH), this::unconvertible)
                : new RecordQueue.ListBatch<>(this::toRecord, records);
    }

    private void unconvertible(Served s, RuntimeException e) {
        failureLog.warn(LOG, "a prediction of {} could not be recorded and was dropped: {}", s.label, e.toString());
    }

    private PredictionRecord toRecord(Object input, Object output, Object served, Object issues, Object at,
                                      long latency) {
        Served s = (Served) served;
        try {
            Map<String, Double> features = input instanceof FeatureVector v ? immutableMap(v) : castMap(input);
            Prediction p = output instanceof Prediction neutral ? neutral : s.model.toPrediction(output);
            @SuppressWarnings("unchecked")
            List<InputIssue> found = (List<InputIssue>) issues;
            return new PredictionRecord(modelName, s.version.version(), alias, (Instant) at, features, p, found,
                    latency);
        } catch (RuntimeException e) {
            unconvertible(s, e);
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Double> castMap(Object input) {
        return (Map<String, Double>) input;
    }

    /** The vector's present values and unknown features, built straight into the map the record keeps. */
    @SuppressWarnings("unchecked")
    static Map<String, Double> immutableMap(FeatureVector v) {
        Map<String, Double> unknown = v.unknownFeatures();
        Map.Entry<String, Double>[] entries = new Map.Entry[v.size() + unknown.size()];
        int n = 0;
        boolean complete = v.isComplete();
        for (int i = 0; i < v.size(); i++) {
            if (complete || v.isPresent(i)) {
                entries[n++] = Map.entry(v.name(i), v.value(i));
            }
        }
        for (Map.Entry<String, Double> e : unknown.entrySet()) {
            entries[n++] = Map.entry(e.getKey(), e.getValue());
        }
        return Map.ofEntries(n == entries.length ? entries : java.util.Arrays.copyOf(entries, n));
    }

    private void deliver(RecordQueue.Batch batch, List<PredictionRecord> records) {
        try {
            if (batch instanceof ColumnBatch columns) {
                sink.accept(columns.build());
            } else {
                sink.accept(Collections.unmodifiableList(new ArrayList<>(records)));
            }
            recorded.add(batch.size());
        } catch (RuntimeException e) {
            sinkFailures.increment();
            failureLog.warn(LOG, "prediction sink {} failed; {} records lost: {}", sink, batch.size(), e.toString());
        }
    }

    /** Stops accepting records and waits up to {@code timeout} for the buffered ones to reach the sink. */
    void close(Duration timeout) {
        closing = true;
        LockSupport.unpark(drainer);
        try {
            drainer.join(Math.max(1, timeout.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (drainer.isAlive()) {
            drainer.interrupt();
        }
        long left = 0;
        for (RecordQueue q : all) {
            left += q.abandon();
        }
        if (left > 0) {
            dropped.add(left);
            LOG.warn("closing: {} recorded predictions did not reach the sink within {} and were dropped", left, timeout);
        }
    }

    long recorded() {
        return recorded.sum();
    }

    long dropped() {
        long sum = dropped.sum();
        for (RecordQueue q : all) {
            sum += q.dropped();
        }
        return sum;
    }

    long sinkFailures() {
        return sinkFailures.sum();
    }
}
