package dev.mlops4j.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops4j.registry.ModelVersion;
import dev.mlops4j.spi.MetadataStore;
import dev.mlops4j.spi.NewModelVersion;
import dev.mlops4j.spi.RegistryChange;
import dev.mlops4j.spi.StoreConfig;
import dev.mlops4j.tracking.LogBatch;
import dev.mlops4j.tracking.Metric;
import dev.mlops4j.tracking.RunInfo;
import dev.mlops4j.tracking.RunStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two stores (as two processes) write to one run at once: one logs to it while both register versions of it. A
 * registry write locks the registry's state row and then checks the run (its foreign key); a logging write locks the
 * run's row. With a plain {@code FOR UPDATE} run lock those two orders deadlock, and PostgreSQL aborts one of the
 * writes; the store's run lock must not conflict with the foreign-key check, so every write succeeds.
 */
class PostgresLockOrderTest {
    @RegisterExtension
    static final PostgresDatabase DATABASE = new PostgresDatabase();

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void loggingAndRegisteringOneRunFromTwoStores_neverDeadlocks() throws Exception {
        String url = DATABASE.newSchemaUrl();
        try (MetadataStore first = PostgresMetadataStore.open(new StoreConfig(url, null, Map.of()));
             MetadataStore second = PostgresMetadataStore.open(new StoreConfig(url, null, Map.of()))) {
            String experiment = first.getOrCreateExperiment("locks", Instant.now()).id();
            String runId = UUID.randomUUID().toString().replace("-", "");
            first.createRun(new RunInfo(runId, experiment, "r", RunStatus.RUNNING, Instant.now(), null, "u", "t", null,
                    null), Map.of());
            List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger logged = new AtomicInteger();
            AtomicInteger registered = new AtomicInteger();
            AtomicBoolean stop = new AtomicBoolean();
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                int thread = t;
                threads.add(new Thread(() -> {
                    for (int i = 0; !stop.get(); i++) {
                        try {
                            first.logBatch(runId, new LogBatch(Map.of(), List.of(new Metric("m" + thread, i, i,
                                    Instant.now())), Map.of()));
                            logged.incrementAndGet();
                        } catch (RuntimeException e) {
                            failures.add(e);
                        }
                    }
                }));
            }
            for (MetadataStore store : List.of(first, second, second)) {
                threads.add(new Thread(() -> {
                    while (!stop.get()) {
                        try {
                            ModelVersion v = store.registry().orElseThrow().createVersion(new NewModelVersion("m", runId,
                                    "model", "test", "Model", null, null, "", Map.of()),
                                    RegistryChange.of("u", Instant.now(), "")).value();
                            assertThat(v.version()).isPositive();
                            registered.incrementAndGet();
                        } catch (RuntimeException e) {
                            failures.add(e);
                        }
                    }
                }));
            }
            threads.forEach(Thread::start);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while ((registered.get() < 300 || logged.get() < 300) && failures.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            stop.set(true);
            for (Thread t : threads) {
                t.join(30_000);
            }

            assertThat(failures).isEmpty();
            assertThat(registered.get()).isGreaterThanOrEqualTo(300);
            assertThat(first.registry().orElseThrow().listVersions("m")).hasSize(registered.get());
        }
    }
}
