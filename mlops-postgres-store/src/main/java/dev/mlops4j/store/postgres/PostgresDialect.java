package dev.mlops4j.store.postgres;

import dev.mlops4j.store.jdbc.SqlDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.postgresql.PGStatement;

/**
 * PostgreSQL: {@code INSERT ... ON CONFLICT DO UPDATE}, {@code lock_timeout}, {@code FOR NO KEY UPDATE}, an advisory
 * lock for migrations, its connection-loss SQLStates, binary collation on text columns, and searches planned with
 * their values ({@link #planSearchWithItsValues}).
 *
 * <p>Why the collation: the store's ordering contract is binary string order ({@link String#compareTo}, what H2 does),
 * while a PostgreSQL database usually has a linguistic default collation such as {@code en_US.UTF-8}, where
 * {@code "B" < "a"} is false and punctuation is ignored. The shared migration scripts declare text columns as
 * {@code VARCHAR(n)} and {@code CHARACTER VARYING}; this dialect adds {@code COLLATE "C"} to each when the table is
 * created, so ordering, comparisons and indexes are binary whatever the database's default. The scripts and their
 * recorded checksums stay the same as on H2.
 */
final class PostgresDialect implements SqlDialect {
    static final PostgresDialect INSTANCE = new PostgresDialect();

    /** First key of the migration advisory lock: "mlops4j" in ASCII, truncated to an int. */
    private static final int MIGRATION_LOCK_CLASS = 0x6d6c6f70;
    private static final Pattern DDL = Pattern.compile("^\\s*(CREATE\\s+TABLE|ALTER\\s+TABLE)\\b",
            Pattern.CASE_INSENSITIVE);
    /** A text type, unless a collation follows already. */
    private static final Pattern TEXT_TYPE = Pattern.compile(
            "\\b(VARCHAR\\s*\\(\\s*\\d+\\s*\\)|CHARACTER\\s+VARYING(?:\\s*\\(\\s*\\d+\\s*\\))?+)(?!\\s+COLLATE\\b)",
            Pattern.CASE_INSENSITIVE);

    private PostgresDialect() {
    }

    @Override
    public String name() {
        return "PostgreSQL";
    }

    @Override
    public String upsert(String table, List<String> keyColumns, List<String> valueColumns) {
        int columns = keyColumns.size() + valueColumns.size();
        String set = valueColumns.stream().map(c -> c + " = EXCLUDED." + c).collect(Collectors.joining(", "));
        return "INSERT INTO " + table + " (" + String.join(", ", keyColumns) + ", " + String.join(", ", valueColumns)
                + ") VALUES (?" + ", ?".repeat(columns - 1) + ") ON CONFLICT (" + String.join(", ", keyColumns)
                + ") DO UPDATE SET " + set;
    }

    /** {@code SET LOCAL}: the timeout ends with the transaction, so a pooled connection does not keep it. */
    @Override
    public String lockTimeoutStatement(long timeoutMillis) {
        if (timeoutMillis < 0) {
            throw new IllegalArgumentException("timeoutMillis must not be negative, was " + timeoutMillis);
        }
        return "SET LOCAL lock_timeout = " + timeoutMillis;
    }

    /**
     * A transaction-scoped advisory lock keyed by the connection's schema. Unlike the default (a row of a lock table
     * that is created on first use), it needs no table, so two processes opening a new store at once cannot collide
     * creating it; it is released when the connection's transaction ends, or when the connection dies.
     */
    @Override
    public void lockForMigration(Connection connection, long timeoutMillis) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement s = connection.createStatement()) {
            s.execute(lockTimeoutStatement(timeoutMillis));
            s.executeQuery("SELECT pg_advisory_xact_lock(" + MIGRATION_LOCK_CLASS + ", hashtext(current_schema()))")
                    .close();
        }
    }

    /** Adds the server's own reasons for dropping a session: 57P01 (terminated by an administrator, or a fast
     * shutdown), 57P02 (crash of another backend), 57P03 (the server is starting or stopping). */
    @Override
    public boolean isConnectionLoss(SQLException e) {
        for (SQLException x = e; x != null; x = x.getNextException()) {
            String state = x.getSQLState();
            if (state != null && (state.startsWith("08") || state.startsWith("57P0"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * 40P01 (deadlock detected) and 40001 (serialization failure): PostgreSQL fails the statement, and rolling back to
     * the request's savepoint leaves the rest of the transaction intact and releases the locks the request took.
     */
    @Override
    public boolean isTransientConflict(SQLException e) {
        for (SQLException x = e; x != null; x = x.getNextException()) {
            if ("40P01".equals(x.getSQLState()) || "40001".equals(x.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code FOR NO KEY UPDATE}: serialises the writers of a run (ending a run is a non-key update, which takes the
     * same lock) without blocking foreign-key checks against it ({@code KEY SHARE}). With {@code FOR UPDATE}, a
     * registry write in one process (holding the registry lock, checking the run) and a logging write in another
     * (holding the run, then wanting the registry lock in the same group commit) deadlock.
     */
    @Override
    public String lockForWriteClause() {
        return "FOR NO KEY UPDATE";
    }

    /**
     * Prepare threshold 0: pgjdbc sends the search as an unnamed statement, which the server plans with the bound
     * values on every execution. With pgjdbc's default (a named server-side statement from the fifth execution on)
     * the server switches to a generic plan after five custom ones whenever the generic plan's estimated cost is lower,
     * and for {@code metrics.accuracy > 0.9 and params.model = 'cart'} ordered by accuracy it is: without the values
     * it estimates a handful of runs per param value (the column holds a distinct seed per run), drives the query from
     * the param index, and then reads and sorts every run with that model (25,000 of 100,000) instead of walking the
     * accuracy index backwards and stopping after the page (about 400 index entries): 88 ms instead of 11 ms a search
     * over 100,000 runs in BENCHMARKS.md. Planning each search costs 0.5 to 2 ms (EXPLAIN's planning time there).
     */
    @Override
    public void planSearchWithItsValues(PreparedStatement search) throws SQLException {
        search.unwrap(PGStatement.class).setPrepareThreshold(0);
    }

    @Override
    public String migrationStatement(String statement) {
        if (!DDL.matcher(statement).find()) {
            return statement;
        }
        Matcher m = TEXT_TYPE.matcher(statement);
        StringBuilder out = new StringBuilder(statement.length() + 64);
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1).toUpperCase(Locale.ROOT) + " COLLATE \"C\""));
        }
        m.appendTail(out);
        return out.toString();
    }
}
