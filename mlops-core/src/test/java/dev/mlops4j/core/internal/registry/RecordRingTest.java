package dev.mlops4j.core.internal.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The recording hand-off: bounded, ordered per producer, nothing lost or duplicated, abandon takes all. */
class RecordRingTest {
    /** A slot's six values, as the reader sees them. */
    private record Slot(Object input, Object output, Object served, Object issues, Object at, long latency) {
    }

    private static final RecordRing.SlotReader<Slot> READ = Slot::new;

    private static long offer(RecordRing ring, int n) {
        return ring.offer("in" + n, "out" + n, "served", "issues" + n, "at" + n, n);
    }

    @Test
    void offer_upToCapacity_thenRefusesUntilPolled() {
        RecordRing ring = new RecordRing(5);
        for (int i = 0; i < 5; i++) {
            assertThat(offer(ring, i)).as("backlog before record %d", i).isEqualTo(i);
        }
        assertThat(offer(ring, 5)).isEqualTo(-1);

        List<Slot> out = new ArrayList<>();
        assertThat(ring.poll(READ, out, 2)).isEqualTo(2);
        assertThat(offer(ring, 5)).isEqualTo(3);
        assertThat(offer(ring, 6)).isEqualTo(4);
        assertThat(offer(ring, 7)).isEqualTo(-1);
        assertThat(ring.poll(READ, out, 100)).isEqualTo(5);

        assertThat(out).extracting(Slot::latency).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(out.get(6)).isEqualTo(new Slot("in6", "out6", "served", "issues6", "at6", 6));
        assertThat(ring.isEmpty()).isTrue();
        assertThat(ring.poll(READ, out, 100)).isZero();
    }

    @Property(tries = 200)
    void offerAndPoll_anyInterleaving_deliversEveryRecordOnceInOrder(@ForAll @IntRange(min = 1, max = 20) int capacity,
                                                                     @ForAll List<@IntRange(min = 0, max = 30) Integer>
                                                                             steps) {
        // Each step offers that many records, then polls up to (step % 7) of them; a full ring refuses the rest.
        RecordRing ring = new RecordRing(capacity);
        List<Long> accepted = new ArrayList<>();
        List<Slot> out = new ArrayList<>();
        int next = 0;
        for (int step : steps) {
            for (int k = 0; k < step; k++, next++) {
                long backlog = offer(ring, next);
                if (backlog >= 0) {
                    accepted.add((long) next);
                    assertThat(backlog).isLessThan(capacity);
                }
            }
            ring.poll(READ, out, step % 7);
        }
        while (ring.poll(READ, out, 3) > 0) {
            // drain
        }
        assertThat(out).extracting(Slot::latency).containsExactlyElementsOf(accepted);
        assertThat(out).allSatisfy(s -> assertThat(s.input()).isEqualTo("in" + s.latency()));
    }

    @Test
    void poll_readerSkipsASlot_takesItWithoutDelivering() {
        RecordRing ring = new RecordRing(4);
        offer(ring, 0);
        offer(ring, 1);
        List<Slot> out = new ArrayList<>();

        int taken = ring.poll((in, o, s, i, at, l) -> l == 0 ? null : new Slot(in, o, s, i, at, l), out, 10);

        assertThat(taken).isEqualTo(2);
        assertThat(out).extracting(Slot::latency).containsExactly(1L);
        assertThat(ring.isEmpty()).isTrue();
    }

    @Test
    void abandon_takesEveryClaimedRecord_soNoneIsDeliveredAfterwards() {
        RecordRing ring = new RecordRing(8);
        for (int i = 0; i < 6; i++) {
            offer(ring, i);
        }
        List<Slot> out = new ArrayList<>();
        ring.poll(READ, out, 2);

        assertThat(ring.abandon()).isEqualTo(4);

        assertThat(ring.isEmpty()).isTrue();
        assertThat(ring.poll(READ, out, 10)).isZero();
        assertThat(out).hasSize(2);
        assertThat(ring.abandon()).isZero();
    }

    @Test
    void offer_concurrentProducersAndOneConsumer_loseAndDuplicateNothing() throws Exception {
        int producers = 4;
        int perProducer = 50_000;
        RecordRing ring = new RecordRing(64);
        ExecutorService pool = Executors.newFixedThreadPool(producers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Integer>>> accepted = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            int id = p;
            accepted.add(pool.submit(() -> {
                start.await();
                List<Integer> mine = new ArrayList<>();
                for (int i = 0; i < perProducer; i++) {
                    int value = id * perProducer + i;
                    if (ring.offer(id, value, "served", "issues", "at", i) >= 0) {
                        mine.add(value);
                    }
                }
                return mine;
            }));
        }
        List<Slot> out = new ArrayList<>();
        start.countDown();
        pool.shutdown();
        while (!pool.isTerminated() || !ring.isEmpty()) {
            if (ring.poll(READ, out, 100) == 0) {
                Thread.onSpinWait();
            }
        }
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        Map<Object, List<Integer>> byProducer = new HashMap<>();
        for (Slot s : out) {
            byProducer.computeIfAbsent(s.input(), k -> new ArrayList<>()).add((Integer) s.output());
        }
        for (int p = 0; p < producers; p++) {
            // Each producer's accepted records arrive complete, once each and in its order.
            assertThat(byProducer.getOrDefault(p, List.of())).as("producer %d", p)
                    .containsExactlyElementsOf(accepted.get(p).get());
        }
    }

    @Test
    void new_capacityOutOfRange_isRefused() {
        assertThatThrownBy(() -> new RecordRing(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("between 1");
    }
}
