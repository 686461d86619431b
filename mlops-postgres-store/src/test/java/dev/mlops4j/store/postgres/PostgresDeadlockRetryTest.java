package dev.mlops4j.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops4j.spi.MetadataStore;
import dev.mlops4j.spi.StoreConfig;
import dev.mlops4j.tracking.LogBatch;
import dev.mlops4j.tracking.Metric;
import dev.mlops4j.tracking.RunInfo;
import dev.mlops4j.tracking.RunStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A deadlock between the store's group commit and another process, made on purpose: the store's group locks run Y and
 * then waits for run X, which the other transaction holds while it waits for Y. PostgreSQL aborts the store's write to
 * X; the writer commits the rest of the group and runs that write again in a new transaction, so every call succeeds,
 * and each exactly once.
 */
class PostgresDeadlockRetryTest {
    @RegisterExtension
    static final PostgresDatabase DATABASE = new PostgresDatabase();

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void logBatch_victimOfADeadlock_isRunAgainAndWrittenOnce() throws Exception {
        String application = "mlops-deadlock-" + UUID.randomUUID().toString().substring(0, 8);
        String url = DATABASE.newSchemaUrl() + "&ApplicationName=" + application;
        try (MetadataStore store = PostgresMetadataStore.open(new StoreConfig(url, null, Map.of()));
             Connection holdsZ = java.sql.DriverManager.getConnection(url.replace(application, "z-" + application));
             Connection holdsX = java.sql.DriverManager.getConnection(url.replace(application, "x-" + application))) {
            String experiment = store.getOrCreateExperiment("deadlock", Instant.now()).id();
            String x = run(store, experiment, "x");
            String y = run(store, experiment, "y");
            String z = run(store, experiment, "z");
            holdsZ.setAutoCommit(false);
            holdsX.setAutoCommit(false);
            try (var s = holdsX.createStatement()) {
                // Let the writer, not this session, be the one that detects the deadlock (and so its victim).
                s.execute("SET deadlock_timeout = '20s'");
            }

            // One transaction holds z, so that the store's writer blocks on a group of its own; another holds x.
            lock(holdsZ, z);
            lock(holdsX, x);
            CompletableFuture<Void> first = CompletableFuture.runAsync(() -> store.logBatch(z, batch(0)));
            awaitWriterWaitingForALock(application);
            // Meanwhile the next group gathers: y, then x.
            Thread logY = new Thread(() -> store.logBatch(y, batch(1)));
            logY.start();
            awaitWaiting(logY);
            CompletableFuture<Void> logX = CompletableFuture.runAsync(() -> store.logBatch(x, batch(2)));
            Thread.sleep(200);
            // Release z: the next group locks y, then waits for x.
            holdsZ.commit();
            first.get(20, TimeUnit.SECONDS);
            awaitWriterWaitingForALock(application);
            // Now want y, which the writer's group holds: a deadlock, which PostgreSQL breaks by failing the writer.
            CompletableFuture<Void> otherWantsY = CompletableFuture.runAsync(() -> {
                try {
                    lock(holdsX, y);
                    holdsX.commit();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });

            otherWantsY.get(30, TimeUnit.SECONDS);
            logY.join(30_000);
            logX.get(30, TimeUnit.SECONDS); // succeeded, after running again

            for (String run : List.of(x, y, z)) {
                assertThat(store.countMetricHistory(run, "m")).as("points of run %s", run).isEqualTo(1);
            }
        }
    }

    private static String run(MetadataStore store, String experiment, String name) {
        String id = UUID.randomUUID().toString().replace("-", "");
        store.createRun(new RunInfo(id, experiment, name, RunStatus.RUNNING, Instant.now(), null, "u", "t", null, null),
                Map.of());
        return id;
    }

    private static LogBatch batch(int i) {
        return new LogBatch(Map.of(), List.of(new Metric("m", i, i, Instant.now())), Map.of());
    }

    private static void lock(Connection c, String runId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM mlops_runs WHERE run_id = ? FOR UPDATE")) {
            ps.setString(1, runId);
            ps.executeQuery().close();
        }
    }

    private static void awaitWaiting(Thread t) throws InterruptedException {
        while (t.getState() != Thread.State.WAITING && t.getState() != Thread.State.TIMED_WAITING) {
            Thread.sleep(5);
        }
    }

    private static void awaitWriterWaitingForALock(String application) throws Exception {
        try (Connection admin = PostgresDatabase.admin();
             PreparedStatement ps = admin.prepareStatement("SELECT count(*) FROM pg_stat_activity"
                     + " WHERE application_name = ? AND wait_event_type = 'Lock'")) {
            ps.setString(1, application);
            while (true) {
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(10);
            }
        }
    }
}
