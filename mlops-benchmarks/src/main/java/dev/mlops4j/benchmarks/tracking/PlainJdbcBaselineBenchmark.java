package dev.mlops4j.benchmarks.tracking;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The floor under {@link LogMetricBenchmark}: plain JDBC into an H2 file of the same version, in the same run, so
 * that the BENCHMARKS.md ratios compare like with like on the machine of the day. One row per metric point
 * (run, key, value, step, timestamp), no mlops4j code involved.
 *
 * <ul>
 *   <li>{@code insertCommit}: one INSERT and one COMMIT per call, the cost of a durable single-row write without
 *       group commit; with four threads each has its own connection, as a naive application would;</li>
 *   <li>{@code batch1000}: 1,000 INSERTs in one JDBC batch and one COMMIT; the score is rows per second.</li>
 * </ul>
 * {@code writeDelay=0} is what mlops4j uses (a commit is written to the file before it returns); {@code 500} is
 * H2's default, which acknowledges commits that a crash within half a second can lose, shown for scale only.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class PlainJdbcBaselineBenchmark {
    private static final String INSERT = "INSERT INTO metrics (run_id, metric_key, metric_value, step, ts)"
            + " VALUES (?, ?, ?, ?, ?)";

    /** The database file, shared by the benchmark threads. */
    @State(Scope.Benchmark)
    public static class Database {
        /** H2's WRITE_DELAY in milliseconds: 0 is durable at commit, 500 is H2's default. */
        @Param({"0", "500"})
        public int writeDelay;

        Path home;
        String url;
        final AtomicLong step = new AtomicLong();
        /** Keeps the database open between the threads' connections. */
        Connection keeper;

        /** Creates a fresh H2 file database with the table. */
        @Setup(Level.Trial)
        public void open() throws IOException, SQLException {
            home = Files.createTempDirectory("mlops-jdbc-bench");
            url = "jdbc:h2:file:" + home.resolve("baseline") + ";WRITE_DELAY=" + writeDelay;
            keeper = DriverManager.getConnection(url);
            try (Statement s = keeper.createStatement()) {
                s.execute("CREATE TABLE metrics (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, run_id BIGINT"
                        + " NOT NULL, metric_key VARCHAR(250) NOT NULL, metric_value DOUBLE PRECISION NOT NULL,"
                        + " step BIGINT NOT NULL, ts BIGINT NOT NULL)");
                s.execute("CREATE INDEX metrics_run_key ON metrics (run_id, metric_key, step)");
            }
        }

        /** Closes the database and deletes its files. */
        @TearDown(Level.Trial)
        public void close() throws IOException, SQLException {
            keeper.close();
            try (Stream<Path> files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** One connection per benchmark thread, in manual-commit mode. */
    @State(Scope.Thread)
    public static class Session {
        Connection connection;
        PreparedStatement insert;

        /**
         * @param db the database
         * @throws SQLException if H2 fails
         */
        @Setup(Level.Trial)
        public void connect(Database db) throws SQLException {
            connection = DriverManager.getConnection(db.url);
            connection.setAutoCommit(false);
            insert = connection.prepareStatement(INSERT);
        }

        /** @throws SQLException if H2 fails */
        @TearDown(Level.Trial)
        public void disconnect() throws SQLException {
            insert.close();
            connection.close();
        }
    }

    private static void bind(PreparedStatement ps, long step) throws SQLException {
        ps.setLong(1, 1L);
        ps.setString(2, "loss");
        ps.setDouble(3, 0.5);
        ps.setLong(4, step);
        ps.setLong(5, System.currentTimeMillis());
    }

    /**
     * One row, one commit, one thread.
     *
     * @param db the database
     * @param s this thread's connection
     * @throws SQLException if H2 fails
     */
    @Benchmark
    @Threads(1)
    public void insertCommit_1thread(Database db, Session s) throws SQLException {
        bind(s.insert, db.step.incrementAndGet());
        s.insert.executeUpdate();
        s.connection.commit();
    }

    /**
     * One row, one commit, four threads with a connection each.
     *
     * @param db the database
     * @param s this thread's connection
     * @throws SQLException if H2 fails
     */
    @Benchmark
    @Threads(4)
    public void insertCommit_4threads(Database db, Session s) throws SQLException {
        bind(s.insert, db.step.incrementAndGet());
        s.insert.executeUpdate();
        s.connection.commit();
    }

    /**
     * 1,000 rows in one JDBC batch and one commit; the score is rows per second.
     *
     * @param db the database
     * @param s this thread's connection
     * @throws SQLException if H2 fails
     */
    @Benchmark
    @Threads(1)
    @OperationsPerInvocation(1000)
    public void batch1000_1thread(Database db, Session s) throws SQLException {
        long base = db.step.getAndAdd(1000);
        for (int i = 0; i < 1000; i++) {
            bind(s.insert, base + i);
            s.insert.addBatch();
        }
        s.insert.executeBatch();
        s.connection.commit();
    }
}
