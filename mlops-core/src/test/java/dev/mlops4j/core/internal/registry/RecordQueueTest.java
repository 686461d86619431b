package dev.mlops4j.core.internal.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops4j.serving.PredictionRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** One thread's recording queue: bounded, in order, across chunks, nothing lost or duplicated, abandon takes all. */
class RecordQueueTest {
    /** A slot's six values, as the reader sees them. */
    private record Slot(Object input, Object output, Object served, Object issues, Object at, long latency) {
    }

    private static final RecordQueue.SlotReader<Slot> READ = Slot::new;

    private static RecordQueue queue(int capacity) {
        return new RecordQueue(Thread.currentThread(), capacity);
    }

    private static long offer(RecordQueue queue, long n) {
        return queue.offer("in" + n, "out" + n, "served", "issues" + n, "at" + n, n);
    }

    @Test
    void offer_upToCapacity_thenRefusesUntilPolled() {
        RecordQueue queue = queue(5);
        for (int i = 0; i < 5; i++) {
            assertThat(offer(queue, i)).as("backlog before record %d", i).isEqualTo(i);
        }
        assertThat(offer(queue, 5)).isEqualTo(-1);

        List<Slot> out = new ArrayList<>();
        assertThat(queue.poll(READ, out, 2)).isEqualTo(2);
        assertThat(offer(queue, 5)).isEqualTo(3);
        assertThat(offer(queue, 6)).isEqualTo(4);
        assertThat(offer(queue, 7)).isEqualTo(-1);
        assertThat(queue.poll(READ, out, 100)).isEqualTo(5);

        assertThat(out).extracting(Slot::latency).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(out.get(6)).isEqualTo(new Slot("in6", "out6", "served", "issues6", "at6", 6));
        assertThat(queue.isEmpty()).isTrue();
        assertThat(queue.poll(READ, out, 100)).isZero();
    }

    /** What was accepted (in offer order) and what was delivered (in poll order). */
    private record Exchange(List<Slot> accepted, List<Slot> delivered) {
    }

    /**
     * Offers {@code record(0), record(1), ...}: each step offers that many, then polls up to (step % 150); a full
     * queue refuses the rest. Finally drains the queue.
     */
    private static Exchange interleave(int capacity, List<Integer> steps, LongFunction<Slot> record) {
        RecordQueue queue = queue(capacity);
        Exchange exchange = new Exchange(new ArrayList<>(), new ArrayList<>());
        long next = 0;
        for (int step : steps) {
            for (int k = 0; k < step; k++, next++) {
                Slot r = record.apply(next);
                long backlog = queue.offer(r.input(), r.output(), r.served(), r.issues(), r.at(), r.latency());
                if (backlog >= 0) {
                    exchange.accepted().add(r);
                    assertThat(backlog).isLessThan(capacity);
                }
            }
            queue.poll(READ, exchange.delivered(), step % 150);
        }
        while (queue.poll(READ, exchange.delivered(), 7) > 0) {
            // drain
        }
        return exchange;
    }

    @Property(tries = 200)
    void offerAndPoll_anyInterleaving_deliversEveryAcceptedRecordOnceInOrder(
            @ForAll @IntRange(min = 1, max = 3 * RecordQueue.CHUNK) int capacity,
            @ForAll List<@IntRange(min = 0, max = 2 * RecordQueue.CHUNK) Integer> steps) {
        Exchange exchange = interleave(capacity, steps,
                n -> new Slot("in" + n, "out" + n, "served", "issues" + n, "at" + n, n));
        assertThat(exchange.delivered()).containsExactlyElementsOf(exchange.accepted());
    }

    /** Record n as offered when served version, issues and time repeat across records and few are timed. */
    private static Slot repeating(long n) {
        return new Slot("in" + n, "out" + n, "served" + n / 7, n % 3 == 0 ? "issues" + n : "none", "at" + n / 5,
                n % 4 == 0 ? n : PredictionRecord.NOT_TIMED);
    }

    @Property(tries = 200)
    void offerAndPoll_repeatedFieldsAndUntimedRecords_deliversEachRecordAsOffered(
            @ForAll @IntRange(min = 1, max = 3 * RecordQueue.CHUNK) int capacity,
            @ForAll List<@IntRange(min = 0, max = 2 * RecordQueue.CHUNK) Integer> steps) {
        // The producer writes a slot's served version, issues and time only when they change: the consumer carries
        // them forward, also across chunks, polls and records refused because the queue was full.
        Exchange exchange = interleave(capacity, steps, RecordQueueTest::repeating);
        assertThat(exchange.delivered()).containsExactlyElementsOf(exchange.accepted());
    }

    @Test
    void poll_readerSkipsASlot_takesItWithoutDelivering() {
        RecordQueue queue = queue(4);
        offer(queue, 0);
        offer(queue, 1);
        List<Slot> out = new ArrayList<>();

        int taken = queue.poll((in, o, s, i, at, l) -> l == 0 ? null : new Slot(in, o, s, i, at, l), out, 10);

        assertThat(taken).isEqualTo(2);
        assertThat(out).extracting(Slot::latency).containsExactly(1L);
        assertThat(queue.isEmpty()).isTrue();
    }

    @Test
    void abandon_takesEveryWaitingRecord_soNoneIsDeliveredAfterwards() {
        RecordQueue queue = queue(8);
        for (int i = 0; i < 6; i++) {
            offer(queue, i);
        }
        List<Slot> out = new ArrayList<>();
        queue.poll(READ, out, 2);

        assertThat(queue.abandon()).isEqualTo(4);

        assertThat(queue.isEmpty()).isTrue();
        offer(queue, 6);
        assertThat(queue.poll(READ, out, 10)).isZero();
        assertThat(out).hasSize(2);
    }

    @Test
    void timeNext_oneInInterval_startingWithTheFirst() {
        assertThat(timedWhileOffering(queue(1_000), 100)).containsExactly(0, 32, 64, 96);
    }

    /** @return which of {@code n} predictions, each asking whether to be timed and then offered, were timed */
    private static List<Integer> timedWhileOffering(RecordQueue queue, int n) {
        List<Integer> timed = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (queue.timeNext(32)) {
                timed.add(i);
            }
            offer(queue, i); // refused once the queue is full: the published count then stays
        }
        return timed;
    }

    @Test
    void timeNext_queueFull_timesTheRefusedSlotOnlyOnce() {
        RecordQueue queue = queue(32);
        assertThat(timedWhileOffering(queue, 100)).as("from the 33rd on, refused: the count stays at 32")
                .containsExactly(0, 32);
        queue.poll(READ, new ArrayList<>(), 32);
        assertThat(queue.timeNext(32)).as("the slot refused before is timed no more").isFalse();
        offer(queue, 100);
        assertThat(queue.timeNext(32)).isFalse();
    }

    @Test
    void offer_producerThreadAndConsumerThread_loseAndDuplicateNothing() throws Exception {
        int records = 300_000;
        List<Long> accepted = new ArrayList<>();
        RecordQueue[] holder = new RecordQueue[1];
        Thread producer = new Thread(() -> {
            RecordQueue q = holder[0];
            for (long i = 0; i < records; i++) {
                if (q.offer(i, "out", "served", "issues", "at", i) >= 0) {
                    accepted.add(i);
                }
            }
        });
        holder[0] = new RecordQueue(producer, 1_000);
        List<Slot> out = new ArrayList<>();
        producer.start();
        while (producer.isAlive() || !holder[0].isEmpty()) {
            if (holder[0].poll(READ, out, 100) == 0) {
                Thread.onSpinWait();
            }
        }
        producer.join(TimeUnit.SECONDS.toMillis(30));

        // join() makes the producer's list visible; every accepted record arrived once, in order, intact.
        assertThat(out).extracting(Slot::latency).containsExactlyElementsOf(accepted);
        assertThat(out).allSatisfy(s -> assertThat(s.input()).isEqualTo(s.latency()));
        assertThat(accepted).isNotEmpty();
    }

    @Test
    void new_capacityBelowOne_isRefused() {
        assertThatThrownBy(() -> queue(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
    }
}
