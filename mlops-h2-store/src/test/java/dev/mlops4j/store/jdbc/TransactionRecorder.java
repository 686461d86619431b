package dev.mlops4j.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Wraps the writer's connections and records what ends or undoes work: the lock statements (the registry lock and
 * the run lock, {@code "lock"}), savepoints ({@code "savepoint n"}, numbered per connection), rollbacks
 * ({@code "rollback"}, {@code "rollback to savepoint n"}) and commits ({@code "commit"}). Savepoints are numbered
 * from 1 after each {@link #clear()}.
 */
final class TransactionRecorder {
    private final List<String> events = new ArrayList<>();
    private final Map<Savepoint, Integer> savepoints = new IdentityHashMap<>();

    /**
     * @param target the connections to record
     * @return connections that record into this recorder
     */
    DataSource wrap(DataSource target) {
        return proxy(DataSource.class, target, (method, args, result) -> method.getName().equals("getConnection")
                ? wrap((Connection) result) : result);
    }

    /** @return the events so far */
    List<String> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    void clear() {
        synchronized (events) {
            events.clear();
            savepoints.clear();
        }
    }

    /**
     * Checks that within each transaction that ran a lock statement there was no complete rollback and no rollback
     * to a savepoint set before the lock: H2 2.3.232 could lose another writer's update of the locked row.
     */
    void assertLocksNeverUndone() {
        List<String> all = events();
        List<String> savepointsBeforeLock = new ArrayList<>();
        List<String> savepoints = new ArrayList<>();
        boolean locked = false;
        for (String e : all) {
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
                assertThat(e).as("a transaction holding a lock in %s", all).isNotEqualTo("rollback");
                assertThat(savepointsBeforeLock).as("savepoints set before the lock in %s", all)
                        .doesNotContain(e.substring("rollback to savepoint ".length()));
            }
        }
    }

    private static boolean isLock(String sql) {
        return sql.startsWith("UPDATE mlops_registry_state SET last_sequence = last_sequence")
                || sql.startsWith("SELECT run_pk, status FROM mlops_runs") && sql.endsWith(" FOR UPDATE");
    }

    private Connection wrap(Connection target) {
        return proxy(Connection.class, target, (method, args, result) -> {
            switch (method.getName()) {
                case "setSavepoint" -> record("savepoint " + number((Savepoint) result));
                case "rollback" -> record(args == null ? "rollback"
                        : "rollback to savepoint " + number((Savepoint) args[0]));
                case "commit" -> record("commit");
                case "prepareStatement" -> {
                    if (isLock((String) args[0])) {
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

    private int number(Savepoint savepoint) {
        synchronized (events) {
            return savepoints.computeIfAbsent(savepoint, s -> savepoints.size() + 1);
        }
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
        return type.cast(Proxy.newProxyInstance(TransactionRecorder.class.getClassLoader(), new Class<?>[] {type},
                handler));
    }
}
