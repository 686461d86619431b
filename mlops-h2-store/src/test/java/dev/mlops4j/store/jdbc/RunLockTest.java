package dev.mlops4j.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops4j.ConflictException;
import dev.mlops4j.MlopsException;
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
 * The row locks taken while other writers share the database (a run's, an owner's running runs', an experiment's):
 * on H2 they are never undone, because H2 2.3.232 could then write the row's old value over another store's change
 * of it (a failed write of one store to a run that another store ended at the same moment left the run RUNNING).
 * Where rollbacks are safe (PostgreSQL), a write locks the rows itself, inside its savepoint, and a failed write
 * releases the lock.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RunLockTest {
    private static final Instant T0 = Instant.ofEpochMilli(1_700_000_000_000L);
    private static final String RUN = "run-1";
    private static final String OWNER = "owner-1";
    /** Longer than a tag value may be: a write with it fails after it has changed and locked rows. */
    private static final String TOO_LONG = "x".repeat(8001);

    private final TransactionRecorder recorder = new TransactionRecorder();
    private WriterUnderTest fixture;
    private GroupCommitWriter writer;
    private JdbcWrites writes;
    private String experiment;

    private void open(SqlDialect dialect) throws SQLException {
        fixture = new WriterUnderTest("run-lock");
        writer = fixture.startOnSchema(dialect, recorder);
        writes = new JdbcWrites(dialect, "test store", () -> true);
        experiment = writer.submit("setup", tx -> {
            String id = writes.getOrCreateExperiment(tx, "e", T0).id();
            writes.createRun(tx, new RunInfo(RUN, id, "r", RunStatus.RUNNING, T0, null, "tester", "test", null,
                    OWNER), Map.of());
            writes.logBatch(tx, RUN, new LogBatch(Map.of("lr", "0.1"), null, null));
            return id;
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

        assertFailedAndThenSucceededUnderTheLockKeepingIt();
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

    @Test
    void killRunsOfOwner_failsAfterKillingTheRuns_keepsTheirLocksAndLeavesThemRunning() throws Exception {
        open(TestDialect.INSTANCE);

        assertThatThrownBy(() -> killRunsOfOwner(TOO_LONG)).isInstanceOf(MlopsException.class);
        assertThat(status()).isEqualTo("RUNNING");
        assertThat(killRunsOfOwner("owner gone")).containsExactly(RUN);

        assertFailedAndThenSucceededUnderTheLockKeepingIt();
        assertThat(status()).isEqualTo("KILLED");
    }

    @Test
    void killRunsOfOwner_failsWhereRollbacksAreSafe_locksTheRunsInsideTheWriteAndReleasesThem() throws Exception {
        open(TestDialect.SAFE_ROLLBACKS);

        assertThatThrownBy(() -> killRunsOfOwner(TOO_LONG)).isInstanceOf(MlopsException.class);

        assertThat(recorder.events()).containsExactly("lock", "rollback");
        assertThat(status()).isEqualTo("RUNNING");
    }

    @Test
    void setExperimentTag_failsAfterTakingTheExperimentLock_keepsItUntilItsTransactionCommits() throws Exception {
        open(TestDialect.INSTANCE);

        assertThatThrownBy(() -> writer.submit("setExperimentTag", writes.experimentLock(experiment), tx -> {
            writes.setExperimentTag(tx, experiment, "team", TOO_LONG);
            return null;
        })).isInstanceOf(MlopsException.class);
        writer.submit("setExperimentDescription", writes.experimentLock(experiment), tx -> {
            writes.setExperimentDescription(tx, experiment, "baseline models");
            return null;
        });

        assertFailedAndThenSucceededUnderTheLockKeepingIt();
        assertThat(queryString("SELECT description FROM mlops_experiments WHERE experiment_id = ?",
                Long.parseLong(experiment))).isEqualTo("baseline models");
    }

    /** Checks the H2 protocol of a failed write and a successful one: each locks before its savepoint, and keeps it. */
    private void assertFailedAndThenSucceededUnderTheLockKeepingIt() {
        assertThat(recorder.events()).containsExactly("lock", "savepoint 1", "rollback to savepoint 1", "commit",
                "lock", "savepoint 2", "commit");
        recorder.assertLocksNeverUndone();
    }

    private List<String> killRunsOfOwner(String reason) {
        return writer.submit("killRunsOfOwner", writes.ownerRunsLock(OWNER),
                tx -> writes.killRunsOfOwner(tx, OWNER, T0, reason));
    }

    private Object logBatch(LogBatch batch) {
        return writer.submit("logBatch", writes.runLock(RUN), tx -> {
            writes.logBatch(tx, RUN, batch);
            return null;
        });
    }

    private String status() throws SQLException {
        return queryString("SELECT status FROM mlops_runs WHERE run_id = ?", RUN);
    }

    private String queryString(String sql, Object parameter) throws SQLException {
        try (PreparedStatement ps = fixture.connection().prepareStatement(sql)) {
            ps.setObject(1, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        }
    }
}
