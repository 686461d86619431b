package dev.mlops4j.core.internal.registry;

import dev.mlops4j.model.Prediction;
import dev.mlops4j.serving.InputIssue;
import dev.mlops4j.serving.PredictionRecord;
import dev.mlops4j.serving.PredictionSink;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Samples predictions into a bounded queue without ever blocking the predicting thread (a full queue drops the
 * record and counts it) and hands them to the {@link PredictionSink} in batches from one daemon thread.
 */
final class PredictionRecorder {
    private static final Logger LOG = LoggerFactory.getLogger(PredictionRecorder.class);
    private static final int MAX_BATCH = 500;
    private static final long POLL_MILLIS = 50;

    private final PredictionSink sink;
    private final double sampleRate;
    private final Clock clock;
    private final ArrayBlockingQueue<PredictionRecord> queue;
    private final Thread drainer;
    private final LongAdder recorded = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder sinkFailures = new LongAdder();
    private final WarnLimiter failureLog = new WarnLimiter(Duration.ofSeconds(10));
    private volatile boolean closing;

    PredictionRecorder(PredictionSink sink, double sampleRate, int capacity, Clock clock, String name) {
        this.sink = sink;
        this.sampleRate = sampleRate;
        this.clock = clock;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.drainer = new Thread(this::drain, "mlops4j-predictions-" + name);
        // Recording must never keep an application from exiting.
        drainer.setDaemon(true);
        drainer.start();
    }

    /** Samples and enqueues one prediction; never blocks. */
    void offer(String model, int version, String alias, Map<String, ? extends Number> features, Prediction prediction,
               List<InputIssue> issues, long startNanos) {
        if (!sample()) {
            return;
        }
        long latency = System.nanoTime() - startNanos;
        Map<String, Double> copy = new HashMap<>(features.size() * 2);
        features.forEach((k, v) -> copy.put(k, v == null ? Double.NaN : v.doubleValue()));
        record(model, version, alias, copy, prediction, issues, latency);
    }

    /** @return whether to record the next prediction (so that unsampled ones cost no conversion) */
    boolean sample() {
        return sampleRate >= 1.0 || (sampleRate > 0.0 && ThreadLocalRandom.current().nextDouble() < sampleRate);
    }

    /** Enqueues a sampled prediction whose input is already copied; never blocks. */
    void record(String model, int version, String alias, Map<String, Double> copy, Prediction prediction,
                List<InputIssue> issues, long latency) {
        PredictionRecord r = new PredictionRecord(model, version, alias, clock.instant(), copy, prediction, issues,
                latency);
        if (closing || !queue.offer(r)) {
            dropped.increment();
        }
    }

    private void drain() {
        List<PredictionRecord> batch = new ArrayList<>(MAX_BATCH);
        while (true) {
            PredictionRecord first;
            try {
                first = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return; // closing gave up waiting; what is left is counted as dropped
            }
            if (first == null) {
                if (closing) {
                    return;
                }
                continue;
            }
            batch.add(first);
            queue.drainTo(batch, MAX_BATCH - 1);
            deliver(batch);
            batch.clear();
        }
    }

    private void deliver(List<PredictionRecord> batch) {
        try {
            sink.accept(Collections.unmodifiableList(new ArrayList<>(batch)));
            recorded.add(batch.size());
        } catch (RuntimeException e) {
            sinkFailures.increment();
            failureLog.warn(LOG, "prediction sink {} failed; {} records lost: {}", sink, batch.size(), e.toString());
        }
    }

    /** Stops accepting records and waits up to {@code timeout} for the queued ones to reach the sink. */
    void close(Duration timeout) {
        closing = true;
        try {
            drainer.join(Math.max(1, timeout.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (drainer.isAlive()) {
            drainer.interrupt();
        }
        int left = queue.size();
        queue.clear();
        if (left > 0) {
            dropped.add(left);
            LOG.warn("closing: {} recorded predictions did not reach the sink within {} and were dropped", left, timeout);
        }
    }

    long recorded() {
        return recorded.sum();
    }

    long dropped() {
        return dropped.sum();
    }

    long sinkFailures() {
        return sinkFailures.sum();
    }
}
