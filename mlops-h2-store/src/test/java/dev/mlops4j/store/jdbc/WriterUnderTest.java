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
        writer = new GroupCommitWriter(writerConnections, TestDialect.INSTANCE, "test store");
        return writer;
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
