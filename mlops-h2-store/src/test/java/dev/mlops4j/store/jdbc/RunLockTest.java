package dev.mlops4j.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops4j.ConflictException;
import dev.mlops4j.tracking.LogBatch;
import dev.mlops4j.tracking.Metric;
import dev.mlops4j.tracking.RunInfo;
import dev.mlops4j.tracking.RunStatus;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The run lock taken while other writers share the database: on H2 it is never undone, because H2 2.3.232 could
 * then write the run's old row over another store's end of the run (a failed write of one store to a run that
 * another store ended at the same moment left the run RUNNING). Where rollbacks are safe (PostgreSQL), a write locks
 * the run itself, inside its savepoint, and a failed write releases the lock.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RunLockTest {
    private static final Instant T0 = Instant.ofEpochMilli(1_700_000_000_000L);
    private static final String RUN = "run-1";

    private final TransactionRecorder recorder = new TransactionRecorder();
    private WriterUnderTest fixture;
    private GroupCommitWriter writer;
    private JdbcWrites writes;

    private void open(SqlDialect dialect) throws SQLException {
        fixture = new WriterUnderTest("run-lock");
        writer = fixture.startOnSchema(dialect, recorder);
        writes = new JdbcWrites(dialect, "test store", () -> true);
        writer.submit("setup", tx -> {
            String experiment = writes.getOrCreateExperiment(tx, "e", T0).id();
            writes.createRun(tx, new RunInfo(RUN, experiment, "r", RunStatus.RUNNING, T0, null, "tester", "test", null,
                    null), Map.of());
            writes.logBatch(tx, RUN, new LogBatch(Map.of("lr", "0.1"), null, null));
            return null;
        });
        recorder.clear();
    }

    @AfterEach
    void tearDown() throws SQLException {
        fixture.close();
    }

    @Test
    void logBatch_failsAfterTakingTheRunLock_keepsItUntilItsTransactionCommits() throws Exception {
        open(TestDialect.INSTANCE);

        assertThatThrownBy(() -> logBatch(new LogBatch(Map.of("lr", "0.2"), null, null)))
                .isInstanceOf(ConflictException.class);
        writer.submit("endRun", writes.runLock(RUN), tx -> writes.endRun(tx, RUN, RunStatus.FINISHED, T0, Map.of()));

        assertThat(recorder.events()).containsExactly("lock", "savepoint 1", "rollback to savepoint 1", "commit",
                "lock", "savepoint 2", "commit");
        recorder.assertLocksNeverUndone();
        assertThat(status()).isEqualTo("FINISHED");
    }

    @Test
    void logBatch_failsWhereRollbacksAreSafe_locksInsideItsSavepointAndReleasesTheLock() throws Exception {
        open(TestDialect.SAFE_ROLLBACKS);
        HeldWriter held = HeldWriter.hold(writer, fixture.callers(), tx -> null);
        Future<Object> failing = held.queue(() -> logBatch(new LogBatch(Map.of("lr", "0.2"), null, null)));
        Future<Object> next = held.queue(() -> logBatch(new LogBatch(null, List.of(new Metric("loss", 1.0, 0, T0)),
                null)));
        recorder.clear();
        held.release();

        assertThatThrownBy(failing::get).hasCauseInstanceOf(ConflictException.class);
        next.get();
        // No lock before the savepoint: each write locks the run as it reads it, and the failed one's lock went with
        // its savepoint.
        assertThat(recorder.events()).containsExactly("commit", "savepoint 1", "lock", "rollback to savepoint 1",
                "savepoint 2", "lock", "commit");
    }

    private Object logBatch(LogBatch batch) {
        return writer.submit("logBatch", writes.runLock(RUN), tx -> {
            writes.logBatch(tx, RUN, batch);
            return null;
        });
    }

    private String status() throws SQLException {
        String sql = "SELECT status FROM mlops_runs WHERE run_id = ?";
        try (PreparedStatement ps = fixture.connection().prepareStatement(sql)) {
            ps.setString(1, RUN);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        }
    }
}
