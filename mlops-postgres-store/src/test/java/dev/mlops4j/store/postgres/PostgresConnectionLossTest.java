package dev.mlops4j.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops4j.StoreException;
import dev.mlops4j.registry.AuditAction;
import dev.mlops4j.registry.AuditEntry;
import dev.mlops4j.registry.AuditFilter;
import dev.mlops4j.registry.ModelVersion;
import dev.mlops4j.spi.MetadataStore;
import dev.mlops4j.spi.NewModelVersion;
import dev.mlops4j.spi.RegistryChange;
import dev.mlops4j.spi.RegistryStore;
import dev.mlops4j.spi.StoreConfig;
import dev.mlops4j.tracking.LogBatch;
import dev.mlops4j.tracking.Metric;
import dev.mlops4j.tracking.MetricPage;
import dev.mlops4j.tracking.RunInfo;
import dev.mlops4j.tracking.RunRecord;
import dev.mlops4j.tracking.RunStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The server drops the store's connections in the middle of a run, as a restart or an administrator's
 * {@code pg_terminate_backend} does: calls in flight fail with a {@link StoreException} saying what failed, nothing is
 * half written, everything acknowledged is there, and the store carries on with new connections, without reopening.
 *
 * <p>Dropping every session of the store from a second connection is what a restart does to the store (a restart
 * also refuses new connections for a moment, which the pool's connection timeout covers); it lets the test run
 * against any server, including one it does not control.
 */
class PostgresConnectionLossTest {
    private static final int LOGGERS = 3;

    @RegisterExtension
    static final PostgresDatabase DATABASE = new PostgresDatabase();

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void sessionsTerminatedMidRun_callsFailCleanlyNothingHalfWrittenAndTheStoreRecovers() throws Exception {
        String application = "mlops-loss-" + UUID.randomUUID().toString().substring(0, 8);
        String url = DATABASE.newSchemaUrl() + "&ApplicationName=" + application;
        try (MetadataStore store = PostgresMetadataStore.open(new StoreConfig(url, null, Map.of()))) {
            RegistryStore registry = store.registry().orElseThrow();
            String experiment = store.getOrCreateExperiment("loss", Instant.now()).id();
            List<String> runs = new ArrayList<>();
            for (int t = 0; t < LOGGERS; t++) {
                RunInfo run = new RunInfo(UUID.randomUUID().toString().replace("-", ""), experiment, "r" + t,
                        RunStatus.RUNNING, Instant.now(), null, "u", "test", null, null);
                store.createRun(run, Map.of());
                runs.add(run.runId());
            }
            List<Set<Integer>> acknowledged = new ArrayList<>();
            List<Set<Integer>> failed = new ArrayList<>();
            Set<Integer> registeredVersions = ConcurrentHashMap.newKeySet();
            AtomicInteger failedRegistrations = new AtomicInteger();
            List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
            List<Throwable> unexpected = Collections.synchronizedList(new ArrayList<>());
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger acksSinceLastKill = new AtomicInteger();
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < LOGGERS; t++) {
                Set<Integer> ok = ConcurrentHashMap.newKeySet();
                Set<Integer> bad = ConcurrentHashMap.newKeySet();
                acknowledged.add(ok);
                failed.add(bad);
                String runId = runs.get(t);
                threads.add(new Thread(() -> {
                    for (int i = 0; !stop.get(); i++) {
                        try {
                            store.logBatch(runId, batch(i));
                            ok.add(i);
                            acksSinceLastKill.incrementAndGet();
                        } catch (StoreException e) {
                            bad.add(i);
                            failures.add(e);
                        } catch (RuntimeException | Error e) {
                            unexpected.add(e);
                            return;
                        }
                    }
                }));
            }
            threads.add(new Thread(() -> {
                for (int i = 0; !stop.get(); i++) {
                    try {
                        ModelVersion v = registry.createVersion(new NewModelVersion("m", runs.get(0), "model", "test",
                                "Model", null, null, "v", Map.of("i", "" + i)), RegistryChange.of("u", Instant.now(), "r"))
                                .value();
                        registeredVersions.add(v.version());
                    } catch (StoreException e) {
                        failedRegistrations.incrementAndGet();
                        failures.add(e);
                    } catch (RuntimeException | Error e) {
                        unexpected.add(e);
                        return;
                    }
                }
            }));
            threads.forEach(Thread::start);

            int terminated = 0;
            for (int kill = 0; kill < 3; kill++) {
                awaitAcks(acksSinceLastKill, 30);
                terminated += terminateSessions(application);
                acksSinceLastKill.set(0);
            }
            awaitAcks(acksSinceLastKill, 30); // every logger and the pool came back after the last kill
            stop.set(true);
            for (Thread t : threads) {
                t.join(30_000);
            }

            assertThat(unexpected).isEmpty();
            assertThat(terminated).as("sessions terminated").isPositive();
            assertThat(failures).as("calls that failed while their session was terminated").isNotEmpty()
                    .allSatisfy(e -> assertThat(e).hasMessageContaining(store.description()).hasMessageContaining("failed")
                            .satisfiesAnyOf(x -> assertThat(x).hasMessageContaining("othing of"),
                                    x -> assertThat(x).hasMessageContaining("may or may not have written")));
            System.out.println("connection loss: " + terminated + " sessions terminated, " + failures.size()
                    + " calls failed, for example: " + failures.get(0).getMessage());

            // Nothing half written: a batch is there completely (param, tag and its metric points) or not at all, and
            // every acknowledged batch is there.
            for (int t = 0; t < LOGGERS; t++) {
                RunRecord run = store.findRun(runs.get(t)).orElseThrow();
                List<Metric> history = allPoints(store, runs.get(t));
                int present = 0;
                for (int i : union(acknowledged.get(t), failed.get(t))) {
                    boolean param = run.params().containsKey("p" + i);
                    boolean tag = run.tags().containsKey("t" + i);
                    long points = history.stream().filter(m -> m.step() / 10 == i).count();
                    boolean complete = param && tag && points == 10;
                    assertThat(complete || !param && !tag && points == 0)
                            .as("batch %d of run %d: param %s, tag %s, %d points", i, t, param, tag, points).isTrue();
                    if (acknowledged.get(t).contains(i)) {
                        assertThat(complete).as("acknowledged batch %d of run %d", i, t).isTrue();
                    }
                    present += complete ? 1 : 0;
                }
                assertThat(run.params()).hasSize(present);
                assertThat(history).hasSize(present * 10);
            }

            // Registry: every acknowledged version is there; versions stay dense and the audit has each one once.
            List<ModelVersion> versions = registry.listVersions("m");
            assertThat(versions).extracting(ModelVersion::version).containsAll(registeredVersions)
                    .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, versions.size()).boxed().toList());
            List<AuditEntry> registered = registry.audit(AuditFilter.builder().model("m")
                    .action(AuditAction.VERSION_REGISTERED).limit(AuditFilter.MAX_LIMIT).build());
            assertThat(registered).extracting(AuditEntry::version)
                    .containsExactlyInAnyOrderElementsOf(versions.stream().map(ModelVersion::version).toList());

            // And the store goes on working on new connections.
            store.logBatch(runs.get(0), batch(1_000_000));
            assertThat(store.findRun(runs.get(0)).orElseThrow().params()).containsKey("p1000000");
        }
    }

    private static LogBatch batch(int i) {
        List<Metric> points = new ArrayList<>();
        for (int p = 0; p < 10; p++) {
            points.add(new Metric("loss", i + p / 10.0, i * 10L + p, Instant.ofEpochMilli(1_700_000_000_000L + i)));
        }
        return new LogBatch(Map.of("p" + i, "v"), points, Map.of("t" + i, "v"));
    }

    private static List<Metric> allPoints(MetadataStore store, String runId) {
        List<Metric> all = new ArrayList<>();
        String token = null;
        do {
            MetricPage page = store.metricHistory(runId, "loss", token, 10_000);
            all.addAll(page.points());
            token = page.nextPageToken();
        } while (token != null);
        return all;
    }

    private static Set<Integer> union(Set<Integer> a, Set<Integer> b) {
        Set<Integer> u = new java.util.TreeSet<>(a);
        u.addAll(b);
        return u;
    }

    private static void awaitAcks(AtomicInteger acks, int atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (acks.get() < atLeast) {
            assertThat(System.nanoTime()).as("writes acknowledged again within 60 s").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    private static int terminateSessions(String application) throws Exception {
        try (Connection admin = PostgresDatabase.admin();
             PreparedStatement ps = admin.prepareStatement("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                     + " WHERE application_name = ? AND pid <> pg_backend_pid()")) {
            ps.setString(1, application);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
