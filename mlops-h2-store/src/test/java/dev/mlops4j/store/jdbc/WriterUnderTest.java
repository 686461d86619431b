package dev.mlops4j.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * A group-commit writer on a private in-memory H2 database, with threads to submit from; {@link #close()} stops the
 * threads, closes the writer and drops the database.
 */
final class WriterUnderTest implements AutoCloseable {
    private final JdbcDataSource dataSource = new JdbcDataSource();
    private final Connection connection;
    private final ExecutorService callers = Executors.newCachedThreadPool();
    private GroupCommitWriter writer;

    /**
     * @param prefix the start of the database's name, which a random suffix makes unique
     * @throws SQLException if the database cannot be opened
     */
    WriterUnderTest(String prefix) throws SQLException {
        dataSource.setURL("jdbc:h2:mem:" + prefix + UUID.randomUUID());
        connection = dataSource.getConnection();
    }

    /** @return connections to the database */
    DataSource dataSource() {
        return dataSource;
    }

    /** @return the connection that keeps the database alive, for the test's own statements */
    Connection connection() {
        return connection;
    }

    /** @return threads for callers of the writer */
    ExecutorService callers() {
        return callers;
    }

    /**
     * Starts the writer, once the test has prepared the schema.
     *
     * @param writerConnections where the writer's connection comes from: {@link #dataSource()} or a wrapper of it
     * @return the writer
     * @throws SQLException if its connection cannot be opened
     */
    GroupCommitWriter start(DataSource writerConnections) throws SQLException {
        return start(writerConnections, TestDialect.INSTANCE);
    }

    /**
     * Starts the writer with a dialect of the test's choice.
     *
     * @param writerConnections where the writer's connection comes from
     * @param dialect the dialect
     * @return the writer
     * @throws SQLException if its connection cannot be opened
     */
    GroupCommitWriter start(DataSource writerConnections, SqlDialect dialect) throws SQLException {
        writer = new GroupCommitWriter(writerConnections, dialect, "test store");
        return writer;
    }

    /**
     * Creates mlops4j's schema and starts the writer on connections that a recorder watches.
     *
     * @param dialect the dialect
     * @param recorder what records the writer's transactions
     * @return the writer
     * @throws SQLException if the schema cannot be created or the writer's connection opened
     */
    GroupCommitWriter startOnSchema(SqlDialect dialect, TransactionRecorder recorder) throws SQLException {
        new Migrations(Migrations.bundled(), dialect, "test store").migrate(dataSource);
        return start(recorder.wrap(dataSource), dialect);
    }

    @Override
    public void close() throws SQLException {
        callers.shutdownNow();
        if (writer != null) {
            writer.close();
        }
        connection.close();
    }
}
