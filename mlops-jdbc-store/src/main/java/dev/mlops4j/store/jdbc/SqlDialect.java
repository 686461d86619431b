package dev.mlops4j.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The few things that differ between the databases a {@link JdbcMetadataStore} runs on, in one place. Everything
 * else, the migration scripts and the search translation included, is standard SQL that H2 2.x and PostgreSQL both
 * accept.
 */
public interface SqlDialect {

    /** @return the database's name for messages, e.g. {@code "H2"} */
    String name();

    /**
     * Builds an insert-or-update statement keyed on a table's primary key.
     *
     * @param table the table
     * @param keyColumns the primary-key columns
     * @param valueColumns the columns to set
     * @return SQL whose bind parameters are the key columns, then the value columns, in the order given
     */
    String upsert(String table, List<String> keyColumns, List<String> valueColumns);

    /**
     * Tells whether an exception reports a violated unique or primary-key constraint.
     *
     * @param e the exception
     * @return true for a unique violation
     */
    default boolean isUniqueViolation(SQLException e) {
        for (SQLException x = e; x != null; x = x.getNextException()) {
            if ("23505".equals(x.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Tells whether an exception means the connection to the database broke (rather than the statement failing). A
     * commit that fails this way may have been committed: the writer then reports its outcome as unknown.
     *
     * <p>The default recognises the standard connection-exception class, SQLState {@code 08xxx}.
     *
     * @param e the exception
     * @return true if the connection was lost
     */
    default boolean isConnectionLoss(SQLException e) {
        for (SQLException x = e; x != null; x = x.getNextException()) {
            if (x.getSQLState() != null && x.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Tells whether an exception reports a conflict with another transaction that is resolved by running the write
     * again: the database chose it as the victim of a deadlock, or could not serialize it, and rolled back only that
     * statement (to the request's savepoint), so the write has written nothing. The writer then runs it again, in a
     * new transaction.
     *
     * <p>The default returns false: a database must opt in, because the writer relies on the rest of the group's
     * transaction surviving the failure intact (H2, for one, rolls back its whole transaction on a deadlock).
     *
     * @param e the exception
     * @return true for a deadlock or serialization failure after which the transaction lives on
     */
    default boolean isTransientConflict(SQLException e) {
        return false;
    }

    /**
     * Tells whether a rollback, to a savepoint or complete, can write a row's old value over a change that another
     * transaction made to the row after the rollback had released it. H2 2.3.232 can (see {@link GroupCommitWriter});
     * the writer then never rolls back a lock a write names, at the price of one more savepoint for such a write. On
     * a database that cannot, the lock is taken inside the write's savepoint and released with it on failure. The
     * default is false.
     *
     * @return true if rollbacks can lose other transactions' writes to the rows they undo
     */
    default boolean rollbackMayOverwriteOtherWrites() {
        return false;
    }

    /**
     * The locking clause a write appends to a {@code SELECT} of rows it is about to check and then write (a run
     * before logging to it or ending it, an experiment before changing it). It must serialise those writers with
     * each other; it should not block other transactions' foreign-key checks against the rows, or a write that
     * checks a run (registering a model version of it) and a write that locks it can deadlock. The default is
     * {@code FOR UPDATE}.
     *
     * @return the clause, e.g. {@code "FOR UPDATE"}
     */
    default String lockForWriteClause() {
        return "FOR UPDATE";
    }

    /**
     * Takes the lock that serializes schema migrations between processes, waiting for it if another
     * process holds it. The lock must be held until {@code connection} commits or rolls back.
     *
     * <p>The default implementation locks a row of a table of its own with {@code SELECT ... FOR UPDATE}.
     *
     * @param connection a connection reserved for the lock, with auto-commit off
     * @param timeoutMillis how long to wait for another process's migration
     * @throws SQLException if the lock cannot be taken
     */
    default void lockForMigration(Connection connection, long timeoutMillis) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(true);
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS mlops_schema_lock (lock_id INTEGER NOT NULL PRIMARY KEY)");
            try {
                s.execute("INSERT INTO mlops_schema_lock (lock_id) VALUES (1)");
            } catch (SQLException e) {
                // Another process created the row first; that is the row we lock.
                if (!isUniqueViolation(e)) {
                    throw e;
                }
            }
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        connection.setAutoCommit(false);
        try (Statement s = connection.createStatement()) {
            s.execute(lockTimeoutStatement(timeoutMillis));
            s.executeQuery("SELECT lock_id FROM mlops_schema_lock WHERE lock_id = 1 FOR UPDATE").close();
        }
    }

    /**
     * Adapts one statement of a bundled migration script to this database before it runs. The scripts are written
     * once, in SQL that every supported database accepts, and their checksums are taken over the scripts as
     * released; a dialect that needs a different spelling (for example an explicit collation on text columns)
     * rewrites the statement here, so there is one set of migrations and the recorded checksums are the same on
     * every database. The default returns the statement unchanged.
     *
     * @param statement one statement of a migration script, without its terminating semicolon
     * @return the statement to execute
     */
    default String migrationStatement(String statement) {
        return statement;
    }

    /**
     * Work of a schema migration that portable SQL cannot express (names a database chose itself, settings of one
     * database), done after the script's statements, before the version is recorded, on the same connection and in
     * the same transaction where the database allows it. The script says what each dialect does for its version.
     * The default does nothing.
     *
     * @param connection the migrating connection (auto-commit off)
     * @param version the schema version whose script just ran
     * @throws SQLException on a database failure, which fails the migration
     */
    default void afterMigration(Connection connection, int version) throws SQLException {
    }

    /**
     * @param timeoutMillis the time to wait for a row lock
     * @return the statement that sets it for the session
     */
    String lockTimeoutStatement(long timeoutMillis);

    /**
     * Text placed after {@code FROM mlops_runs r} when a search reads the runs of one experiment in the default
     * order (start time descending, run id) with no condition that narrows them through another table, so that the
     * database walks the index {@code mlops_runs_experiment_start} in order and stops after the page instead of
     * sorting every run of the experiment. The default is none, for planners that find that index themselves.
     *
     * @return the hint, with a leading space, or an empty string
     */
    default String runsInStartOrderHint() {
        return "";
    }

    /**
     * Readies the statement of a run search before its parameters are bound, so that the database plans every search
     * with the values it is given. The best plan depends on them: a rare param value should drive the query, a
     * threshold on the metric ordered by should be walked in index order and stop after the page. A plan made once
     * for any values (a prepared statement's generic plan) has to guess, and may pick the plan that reads every run
     * of a common value and sorts them. The default does nothing, for databases that plan with the values anyway.
     *
     * @param search the prepared search statement, not yet executed
     * @throws SQLException if the statement cannot be configured
     */
    default void planSearchWithItsValues(PreparedStatement search) throws SQLException {
    }

    /**
     * Housekeeping the writer runs between two transactions every few hundred commits,
     * for databases that do not clean up after themselves while every commit is written through. The default
     * does nothing.
     *
     * @param writerConnection the writer's connection, with no transaction open
     * @throws SQLException if the housekeeping fails (the writer logs it and carries on)
     */
    default void maintain(Connection writerConnection) throws SQLException {
    }
}
