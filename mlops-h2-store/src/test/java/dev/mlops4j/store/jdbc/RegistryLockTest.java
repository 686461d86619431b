package dev.mlops4j.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops4j.ConflictException;
import dev.mlops4j.registry.AuditAction;
import dev.mlops4j.spi.RegistryChange;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
    private static final RegistryChange CHANGE = RegistryChange.of("tester", Instant.ofEpochMilli(1_700_000_000_000L), "");

    private final List<String> events = new ArrayList<>();
    private WriterUnderTest fixture;
    private GroupCommitWriter writer;
    private RegistryWrites registry;

    @BeforeEach
    void setUp() throws SQLException {
        fixture = new WriterUnderTest("registry-lock");
        new Migrations(Migrations.bundled(), TestDialect.INSTANCE, "test store").migrate(fixture.dataSource());
        registry = new RegistryWrites(TestDialect.INSTANCE, "test store", new RegistryReads());
        writer = fixture.start(recording(fixture.dataSource()));
    }

    @AfterEach
    void tearDown() throws SQLException {
        fixture.close();
    }

    @Test
    void submit_registryWriteFailsAlone_keepsTheLockUntilItsTransactionCommits() throws Exception {
        createModel("wine");
        events.clear();

        assertThatThrownBy(() -> createModel("wine")).isInstanceOf(ConflictException.class);

        assertThat(events).containsExactly("lock", "savepoint 2", "rollback to savepoint 2", "commit");
        assertLockNeverUndone();
        assertThat(auditSequences()).containsExactly(1L);
        assertThat(lastSequence()).isEqualTo(1L);
    }

    @Test
    void submit_registryWritesFailInAGroup_neverUndoTheLock() throws Exception {
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
        assertThat(events).endsWith("commit").doesNotContain("rollback");
        assertThat(events.stream().filter("lock"::equals)).hasSize(1);
        assertLockNeverUndone();
        assertThat(auditSequences()).containsExactly(1L, 2L, 3L);
        assertThat(lastSequence()).isEqualTo(3L);
    }

    @Test
    void submit_everyRegistryWriteOfAGroupFails_commitsInsteadOfRollingBack() throws Exception {
        createModel("wine");
        List<Future<Object>> writes = groupOfCreateModels("wine", "wine", "wine");

        for (Future<Object> w : writes) {
            assertThatThrownBy(w::get).hasCauseInstanceOf(ConflictException.class);
        }
        // The failed writes' group holds the lock, so it commits rather than rolls back.
        assertThat(events).containsExactly("commit", "savepoint 2", "lock", "savepoint 3", "rollback to savepoint 3",
                "savepoint 4", "savepoint 5", "rollback to savepoint 5", "savepoint 6", "savepoint 7",
                "rollback to savepoint 7", "commit");
        assertLockNeverUndone();
        assertThat(auditSequences()).containsExactly(1L);
    }

    /** Runs one createModel per name in one group, after a write without the lock; clears the events before. */
    private List<Future<Object>> groupOfCreateModels(String... names) throws Exception {
        HeldWriter held = HeldWriter.hold(writer, fixture.callers(), tx -> null);
        List<Future<Object>> writes = new ArrayList<>();
        for (String name : names) {
            writes.add(held.queue(() -> createModel(name)));
        }
        events.clear();
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

    /**
     * Within each transaction that ran the lock statement: no complete rollback, and no rollback to a savepoint set
     * before the lock.
     */
    private void assertLockNeverUndone() {
        List<String> savepointsBeforeLock = new ArrayList<>();
        List<String> savepoints = new ArrayList<>();
        boolean locked = false;
        for (String e : events) {
            if (e.equals("commit") || e.equals("rollback") && !locked) {
                locked = false;
                savepoints.clear();
                savepointsBeforeLock.clear();
            } else if (e.equals("lock")) {
                locked = true;
                savepointsBeforeLock.addAll(savepoints);
            } else if (e.startsWith("savepoint ")) {
                savepoints.add(e.substring("savepoint ".length()));
            } else if (locked) {
                assertThat(e).as("a transaction holding the registry lock in %s", events).isNotEqualTo("rollback");
                assertThat(savepointsBeforeLock).as("savepoints set before the lock in %s", events)
                        .doesNotContain(e.substring("rollback to savepoint ".length()));
            }
        }
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

    /** Connections that record the lock statement, savepoints, rollbacks and commits into {@link #events}. */
    private DataSource recording(DataSource target) {
        return proxy(DataSource.class, target, (method, args, result) -> method.getName().equals("getConnection")
                ? recording((Connection) result) : result);
    }

    private Connection recording(Connection target) {
        Map<Savepoint, Integer> numbers = new IdentityHashMap<>();
        return proxy(Connection.class, target, (method, args, result) -> {
            switch (method.getName()) {
                case "setSavepoint" -> {
                    numbers.put((Savepoint) result, numbers.size() + 1);
                    record("savepoint " + numbers.get(result));
                }
                case "rollback" -> record(args == null ? "rollback" : "rollback to savepoint " + numbers.get(args[0]));
                case "commit" -> record("commit");
                case "prepareStatement" -> {
                    String sql = (String) args[0];
                    if (sql.startsWith("UPDATE mlops_registry_state SET last_sequence = last_sequence")) {
                        return proxy(PreparedStatement.class, result, (m, a, r) -> {
                            if (m.getName().startsWith("execute")) {
                                record("lock");
                            }
                            return r;
                        });
                    }
                }
                default -> {
                    // not recorded
                }
            }
            return result;
        });
    }

    private void record(String event) {
        synchronized (events) {
            events.add(event);
        }
    }

    /** What a recording proxy does with a call's result. */
    @FunctionalInterface
    private interface AfterCall {
        Object apply(Method method, Object[] args, Object result) throws Exception;
    }

    private static <T> T proxy(Class<T> type, Object target, AfterCall after) {
        InvocationHandler handler = (p, method, args) -> {
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            return after.apply(method, args, result);
        };
        return type.cast(Proxy.newProxyInstance(RegistryLockTest.class.getClassLoader(), new Class<?>[] {type}, handler));
    }
}
