package dev.mlops4j.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops4j.ConflictException;
import dev.mlops4j.registry.AuditAction;
import dev.mlops4j.spi.RegistryChange;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The registry lock is never undone. H2 2.3.232 can write a row's old value a second time while it rolls back (to
 * a savepoint or completely), over what another writer wrote to the row after the rollback had released it; undoing
 * the registry's lock row so once let two stores take the same audit sequence number. These tests record what the
 * writer does on its connection and check that a transaction that took the lock only ever rolls back to a savepoint
 * set after it, and ends with a commit.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RegistryLockTest {
    private static final RegistryChange CHANGE =
            RegistryChange.of("tester", Instant.ofEpochMilli(1_700_000_000_000L), "");

    private final TransactionRecorder recorder = new TransactionRecorder();
    private WriterUnderTest fixture;
    private GroupCommitWriter writer;
    private RegistryWrites registry;

    private void open(SqlDialect dialect) throws SQLException {
        fixture = new WriterUnderTest("registry-lock");
        writer = fixture.startOnSchema(dialect, recorder);
        registry = new RegistryWrites(dialect, "test store", new RegistryReads());
    }

    @AfterEach
    void tearDown() throws SQLException {
        fixture.close();
    }

    @Test
    void submit_registryWriteFailsAlone_keepsTheLockUntilItsTransactionCommits() throws Exception {
        open(TestDialect.INSTANCE);
        createModel("wine");
        recorder.clear();

        assertThatThrownBy(() -> createModel("wine")).isInstanceOf(ConflictException.class);

        assertThat(recorder.events()).containsExactly("lock", "savepoint 1", "rollback to savepoint 1", "commit");
        recorder.assertLocksNeverUndone();
        assertThat(auditSequences()).containsExactly(1L);
        assertThat(lastSequence()).isEqualTo(1L);
    }

    @Test
    void submit_registryWritesFailInAGroup_neverUndoTheLock() throws Exception {
        open(TestDialect.INSTANCE);
        createModel("wine");
        // The writer is held by a write without the lock, so that in the group of registry writes that follows a
        // failing one is the first to take the lock.
        List<Future<Object>> writes = groupOfCreateModels("wine", "beer", "wine", "cider", "beer");

        List<String> outcomes = new ArrayList<>();
        for (Future<Object> w : writes) {
            try {
                w.get();
                outcomes.add("ok");
            } catch (ExecutionException e) {
                outcomes.add(e.getCause().getClass().getSimpleName());
            }
        }
        assertThat(outcomes).containsExactly("ConflictException", "ok", "ConflictException", "ok", "ConflictException");
        assertThat(recorder.events()).endsWith("commit").doesNotContain("rollback");
        assertThat(recorder.events().stream().filter("lock"::equals)).hasSize(1);
        recorder.assertLocksNeverUndone();
        assertThat(auditSequences()).containsExactly(1L, 2L, 3L);
        assertThat(lastSequence()).isEqualTo(3L);
    }

    @Test
    void submit_everyRegistryWriteOfAGroupFails_commitsInsteadOfRollingBack() throws Exception {
        open(TestDialect.INSTANCE);
        createModel("wine");
        List<Future<Object>> writes = groupOfCreateModels("wine", "wine", "wine");

        for (Future<Object> w : writes) {
            assertThatThrownBy(w::get).hasCauseInstanceOf(ConflictException.class);
        }
        // The failed writes' group holds the lock, so it commits rather than rolls back.
        assertThat(recorder.events()).containsExactly("commit", "savepoint 1", "lock", "savepoint 2",
                "rollback to savepoint 2", "savepoint 3", "savepoint 4", "rollback to savepoint 4", "savepoint 5",
                "savepoint 6", "rollback to savepoint 6", "commit");
        recorder.assertLocksNeverUndone();
        assertThat(auditSequences()).containsExactly(1L);
    }

    @Test
    void submit_registryWriteFailsWhereRollbacksAreSafe_releasesTheLockAndTheNextWriteTakesItAgain() throws Exception {
        open(TestDialect.SAFE_ROLLBACKS);
        createModel("wine");
        List<Future<Object>> writes = groupOfCreateModels("wine", "beer");

        assertThatThrownBy(writes.get(0)::get).hasCauseInstanceOf(ConflictException.class);
        writes.get(1).get();
        // Taken inside the failed write's savepoint, the lock was released with it: the next write locks again.
        assertThat(recorder.events()).containsExactly("commit", "savepoint 1", "lock", "rollback to savepoint 1",
                "savepoint 2", "lock", "commit");
        assertThat(auditSequences()).containsExactly(1L, 2L);
    }

    /** Runs one createModel per name in one group, after a write without the lock; clears the events before. */
    private List<Future<Object>> groupOfCreateModels(String... names) throws Exception {
        HeldWriter held = HeldWriter.hold(writer, fixture.callers(), tx -> null);
        List<Future<Object>> writes = new ArrayList<>();
        for (String name : names) {
            writes.add(held.queue(() -> createModel(name)));
        }
        recorder.clear();
        held.release();
        for (Future<Object> w : writes) {
            try {
                w.get();
            } catch (ExecutionException e) {
                // the caller looks at the outcome
            }
        }
        return writes;
    }

    private Object createModel(String name) {
        return writer.submit("createModel", registry.lock, tx -> registry.createModel(tx, name, "", CHANGE));
    }

    private List<Long> auditSequences() throws SQLException {
        List<Long> sequences = new ArrayList<>();
        try (Statement s = fixture.connection().createStatement();
             ResultSet rs = s.executeQuery("SELECT audit_seq, action FROM mlops_registry_audit ORDER BY audit_seq")) {
            while (rs.next()) {
                assertThat(rs.getString(2)).isEqualTo(AuditAction.MODEL_CREATED.name());
                sequences.add(rs.getLong(1));
            }
        }
        return sequences;
    }

    private long lastSequence() throws SQLException {
        try (Statement s = fixture.connection().createStatement();
             ResultSet rs = s.executeQuery("SELECT last_sequence FROM mlops_registry_state")) {
            assertThat(rs.next()).isTrue();
            return rs.getLong(1);
        }
    }
}
