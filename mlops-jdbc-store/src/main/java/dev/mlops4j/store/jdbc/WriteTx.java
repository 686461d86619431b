package dev.mlops4j.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writer thread's connection and its prepared statements. Only the writer thread touches it, so
 * statements are prepared once and reused: re-parsing on every call would cost more than executing.
 *
 * <p>A prepared statement keeps the plan chosen when it was prepared. A plan made while a table is empty
 * can be disastrous once it is large (H2, for one, then prefers any index that covers the selected columns
 * over the primary key, and scans). The statements are therefore prepared afresh after 32, 128, 512, ...
 * commits and then every {@value #MAX_RECYCLE_INTERVAL}, so plans follow the tables' growth.
 */
final class WriteTx implements AutoCloseable {
    /** Commits between two calls of {@link SqlDialect#maintain}. */
    static final int MAINTENANCE_INTERVAL = 256;
    private static final Logger LOG = LoggerFactory.getLogger(WriteTx.class);
    private static final long FIRST_RECYCLE = 32;
    private static final long MAX_RECYCLE_INTERVAL = 65_536;

    private final Connection connection;
    private final SqlDialect dialect;
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    private final Map<String, PreparedStatement> keyStatements = new HashMap<>();
    /** The locks the open transaction holds (see {@link GroupCommitWriter.TxLock}). */
    private final Set<GroupCommitWriter.TxLock> locks = new HashSet<>();
    private long commits;
    private long nextRecycle = FIRST_RECYCLE;

    WriteTx(Connection connection, SqlDialect dialect) throws SQLException {
        this.connection = connection;
        this.dialect = dialect;
        connection.setAutoCommit(false);
    }

    Connection connection() {
        return connection;
    }

    SqlDialect dialect() {
        return dialect;
    }

    /**
     * @param sql the statement
     * @return a cached prepared statement with an empty batch
     * @throws SQLException if it cannot be prepared
     */
    PreparedStatement prepare(String sql) throws SQLException {
        PreparedStatement ps = statements.get(sql);
        if (ps == null) {
            ps = connection.prepareStatement(sql);
            statements.put(sql, ps);
        } else {
            // A request that failed between addBatch and executeBatch must not leak rows into the next one.
            ps.clearBatch();
        }
        return ps;
    }

    /**
     * @param sql an INSERT into a table with a generated key
     * @return a cached statement that returns the generated key
     * @throws SQLException if it cannot be prepared
     */
    PreparedStatement prepareReturningKey(String sql) throws SQLException {
        PreparedStatement ps = keyStatements.get(sql);
        if (ps == null) {
            ps = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS);
            keyStatements.put(sql, ps);
        }
        return ps;
    }

    /**
     * Takes a lock for the rest of the transaction, unless the transaction holds it already.
     *
     * @param lock the lock
     * @return whether it was taken now (false if the transaction held it already)
     * @throws SQLException if it cannot be taken
     */
    boolean acquire(GroupCommitWriter.TxLock lock) throws SQLException {
        if (locks.contains(lock)) {
            return false;
        }
        lock.acquire(this);
        locks.add(lock);
        return true;
    }

    /**
     * Records that a rollback to a savepoint set before a lock was taken released it.
     *
     * @param lock the lock
     */
    void released(GroupCommitWriter.TxLock lock) {
        locks.remove(lock);
    }

    /**
     * @param lock a lock
     * @return whether the open transaction holds it
     */
    boolean holds(GroupCommitWriter.TxLock lock) {
        return locks.contains(lock);
    }

    /** @return whether the open transaction holds any lock, and so must end with a commit */
    boolean holdsLocks() {
        return !locks.isEmpty();
    }

    /**
     * Rolls the whole transaction back, which releases its locks.
     *
     * @throws SQLException if the rollback fails
     */
    void rollback() throws SQLException {
        locks.clear();
        connection.rollback();
    }

    /**
     * Commits the transaction, which releases its locks.
     *
     * @throws SQLException if the commit fails
     */
    void commit() throws SQLException {
        try {
            connection.commit();
        } finally {
            // After a failed commit the transaction's state is unknown; the next one takes its locks afresh.
            locks.clear();
        }
        commits++;
        if (commits >= nextRecycle) {
            closeStatements();
            nextRecycle = commits + Math.min(commits * 3, MAX_RECYCLE_INTERVAL);
        }
        if (commits % MAINTENANCE_INTERVAL == 0) {
            try {
                dialect.maintain(connection);
            } catch (SQLException | RuntimeException e) {
                // Housekeeping is an optimization; a failure must not fail the writes that follow.
                LOG.warn("database housekeeping failed; the writer carries on", e);
            }
        }
    }

    @Override
    public void close() {
        closeStatements();
        locks.clear();
        try {
            connection.rollback();
        } catch (SQLException e) {
            // Nothing uncommitted is left at this point; a failure here only means the connection is gone.
        }
        try {
            connection.close();
        } catch (SQLException e) {
            // Closing a broken connection may fail; there is nothing left to release.
        }
    }

    private void closeStatements() {
        for (PreparedStatement ps : statements.values()) {
            closeQuietly(ps);
        }
        for (PreparedStatement ps : keyStatements.values()) {
            closeQuietly(ps);
        }
        statements.clear();
        keyStatements.clear();
    }

    private static void closeQuietly(PreparedStatement ps) {
        try {
            ps.close();
        } catch (SQLException e) {
            // The connection is closing anyway.
        }
    }
}
