package dev.mlops4j.validation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

class UniqueCounterTest {

    @Property(tries = 100)
    void finish_withAnyMemoryBudget_countsExactlyLikeAHashMap(
            @ForAll @Size(max = 3000) List<@LongRange(min = -500, max = 2000) Long> keys,
            @ForAll @IntRange(min = 1024, max = 64 * 1024) int memory) throws Exception {
        Map<Long, Long> reference = new HashMap<>();
        keys.forEach(k -> reference.merge(k, 1L, Long::sum));
        Path dir = Files.createTempDirectory("unique-test");
        UniqueCounter.Result result;
        int runs;
        try (UniqueCounter counter = new UniqueCounter(memory, dir)) {
            for (long k : keys) {
                counter.add(k);
            }
            runs = counter.spilledRuns();
            result = counter.finish();
        }

        assertThat(result.distinct()).isEqualTo(reference.size());
        assertThat(result.total()).isEqualTo(keys.size());
        assertThat(result.singletons()).isEqualTo(reference.values().stream().filter(c -> c == 1).count());
        int slots = (int) Math.max(64, Long.highestOneBit(memory / 16));
        assertThat(runs > 0).as("spilled").isEqualTo(reference.size() > (int) (slots * 0.6));
        try (var files = Files.list(dir)) {
            assertThat(files.count()).isZero();
        }
        Files.delete(dir);
    }

    @Property(tries = 20)
    void add_returnsTheOccurrenceCountInMemory(@ForAll @Size(min = 1, max = 200) List<@LongRange(min = 0, max = 20) Long> keys) {
        Map<Long, Long> seen = new HashMap<>();
        try (UniqueCounter counter = new UniqueCounter(1 << 20, null)) {
            for (long k : keys) {
                assertThat(counter.add(k)).isEqualTo(seen.merge(k, 1L, Long::sum));
            }
        }
    }
}
