package dev.mlops4j.store.h2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops4j.ConflictException;
import dev.mlops4j.registry.AliasAssignment;
import dev.mlops4j.registry.AuditAction;
import dev.mlops4j.registry.AuditEntry;
import dev.mlops4j.registry.AuditFilter;
import dev.mlops4j.registry.ModelVersion;
import dev.mlops4j.spi.MetadataStore;
import dev.mlops4j.spi.NewModelVersion;
import dev.mlops4j.spi.RegistryChange;
import dev.mlops4j.spi.RegistryStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry on one H2 database shared by two stores, each with its own writer connection, as two processes
 * sharing a store through AUTO_SERVER would: the registry lock must serialise their version numbering, their alias
 * compare-and-sets and their audit sequence numbers.
 */
class H2RegistryTest {
    private static final int THREADS = 8;

    @TempDir
    Path home;
    private MetadataStore a;
    private MetadataStore b;
    private String runId;

    @BeforeEach
    void open() {
        a = H2MetadataStore.open(home);
        b = H2MetadataStore.open(home);
        runId = Fixtures.startRun(a, Fixtures.experiment(a, "registry"), "trained").runId();
    }

    @AfterEach
    void close() {
        a.close();
        b.close();
    }

    private RegistryStore registry(int thread) {
        return (thread % 2 == 0 ? a : b).registry().orElseThrow();
    }

    private static RegistryChange change(String user) {
        return RegistryChange.of(user, Fixtures.at(Fixtures.T0), "");
    }

    private <T> List<T> race(java.util.function.IntFunction<java.util.concurrent.Callable<T>> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                java.util.concurrent.Callable<T> body = task.apply(i);
                futures.add(pool.submit(() -> {
                    go.await();
                    return body.call();
                }));
            }
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(120, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void createVersion_twoStoresRacing_numbersDenseAndAuditSequencesDense() throws Exception {
        List<List<Integer>> numbers = race(i -> () -> {
            List<Integer> mine = new ArrayList<>();
            for (int n = 0; n < 10; n++) {
                mine.add(registry(i).createVersion(new NewModelVersion("wine", runId, "model", "f", "c", null, null, "",
                        Map.of("thread", "t" + i)), change("thread-" + i)).value().version());
            }
            return mine;
        });

        List<Integer> all = new ArrayList<>(numbers.stream().flatMap(List::stream).toList());
        Collections.sort(all);
        assertThat(all).isEqualTo(IntStream.rangeClosed(1, THREADS * 10).boxed().toList());
        assertThat(b.registry().orElseThrow().listVersions("wine")).extracting(ModelVersion::version)
                .isEqualTo(all);
        List<AuditEntry> trail = a.registry().orElseThrow().audit(AuditFilter.builder().limit(1000).build());
        assertThat(trail).extracting(AuditEntry::sequence)
                .isEqualTo(LongStream.rangeClosed(1, THREADS * 10 + 1).boxed().toList());
        assertThat(trail).filteredOn(e -> e.action() == AuditAction.MODEL_CREATED).hasSize(1);
    }

    @Test
    void moveAlias_twoStoresRacing_serialiseIntoOneChain() throws Exception {
        for (int i = 0; i < 2 * THREADS; i++) {
            a.registry().orElseThrow().createVersion(new NewModelVersion("wine", runId, "model", "f", "c", null, null,
                    "", Map.of()), change("alice"));
        }
        int movesPerThread = 10;

        List<Integer> conflicts = race(i -> () -> {
            int lost = 0;
            int done = 0;
            while (done < movesPerThread) {
                RegistryStore r = registry(i);
                int holder = r.findAlias("wine", "production").map(AliasAssignment::version)
                        .orElse(RegistryStore.NO_VERSION);
                int target = holder == 2 * i + 1 ? 2 * i + 2 : 2 * i + 1;
                try {
                    r.moveAlias("wine", "production", holder, target, Map.of(), change("thread-" + i));
                    done++;
                } catch (ConflictException e) {
                    lost++;
                }
            }
            return lost;
        });

        List<AuditEntry> moves = b.registry().orElseThrow().audit(AuditFilter.builder()
                .action(AuditAction.ALIAS_MOVED).limit(1000).build());
        assertThat(moves).hasSize(THREADS * movesPerThread);
        Integer holder = null;
        for (AuditEntry move : moves) {
            assertThat(move.previousVersion()).as("previous holder of move #%s", move.sequence()).isEqualTo(holder);
            holder = move.version();
        }
        assertThat(a.registry().orElseThrow().findAlias("wine", "production").orElseThrow().version()).isEqualTo(holder);
        assertThat(conflicts).hasSize(THREADS);
    }
}
