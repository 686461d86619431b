package dev.mlops4j.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops4j.ConflictException;
import dev.mlops4j.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The writer's contract: one transaction per group, one savepoint per request, callers released after commit. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class GroupCommitWriterTest {
    private JdbcDataSource dataSource;
    private Connection keepAlive;
    private GroupCommitWriter writer;
    private ExecutorService callers;

    @BeforeEach
    void setUp() throws SQLException {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:gc" + UUID.randomUUID());
        keepAlive = dataSource.getConnection();
        try (Statement s = keepAlive.createStatement()) {
            s.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v VARCHAR(10))");
        }
        writer = new GroupCommitWriter(dataSource, TestDialect.INSTANCE, "test store");
        callers = Executors.newCachedThreadPool();
    }

    @AfterEach
    void tearDown() throws SQLException {
        callers.shutdownNow();
        writer.close();
        keepAlive.close();
    }

    @Test
    void submit_failingRequestInsideAGroup_rollsBackOnlyItselfAndGetsItsOwnException() throws Exception {
        CountDownLatch blockerRunning = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // Holds the writer so that the next three requests queue up and run as one group.
        Future<Object> blocker = callers.submit(() -> writer.submit("block", tx -> {
            blockerRunning.countDown();
            awaitUninterruptibly(release);
            return insert(tx, 0, "zero");
        }));
        blockerRunning.await();
        Future<Object> ok1 = callers.submit(() -> writer.submit("ok1", tx -> insert(tx, 1, "one")));
        waitForPending(1);
        Future<Object> failing = callers.submit(() -> writer.submit("failing", tx -> {
            insert(tx, 2, "two");            // written, then undone by the savepoint
            throw new ConflictException("this request conflicts");
        }));
        waitForPending(2);
        Future<Object> duplicate = callers.submit(() -> writer.submit("duplicate", tx -> insert(tx, 1, "again")));
        waitForPending(3);
        Future<Object> ok3 = callers.submit(() -> writer.submit("ok3", tx -> insert(tx, 3, "three")));
        waitForPending(4);

        release.countDown();

        assertThat(blocker.get()).isEqualTo(0);
        assertThat(ok1.get()).isEqualTo(1);
        assertThat(ok3.get()).isEqualTo(3);
        assertThatThrownBy(failing::get).hasCauseInstanceOf(ConflictException.class)
                .hasMessageContaining("this request conflicts");
        assertThatThrownBy(duplicate::get).hasCauseInstanceOf(StoreException.class)
                .hasMessageContaining("duplicate failed");
        assertThat(rows()).containsExactly("0=zero", "1=one", "3=three");
    }

    @Test
    void submit_returns_onlyAfterTheCommitIsVisibleToOtherConnections() throws Exception {
        for (int i = 0; i < 50; i++) {
            int id = i;
            writer.submit("insert", tx -> insert(tx, id, "v"));
            assertThat(rows()).hasSize(i + 1);
        }
    }

    @Test
    void submit_singleFailingRequest_rollsBackEverythingItDid() {
        assertThatThrownBy(() -> writer.submit("half", tx -> {
            insert(tx, 7, "seven");
            throw new SQLException("boom", "42000");
        })).isInstanceOf(StoreException.class).hasMessageContaining("test store: half failed: boom");

        assertThat(rows()).isEmpty();
    }

    @Test
    void close_drainsSubmittedWritesThenRefusesNewOnes() throws Exception {
        CountDownLatch blockerRunning = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<Object> blocker = callers.submit(() -> writer.submit("block", tx -> {
            blockerRunning.countDown();
            awaitUninterruptibly(release);
            return insert(tx, 0, "zero");
        }));
        blockerRunning.await();
        List<Future<Object>> queued = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            int id = i;
            queued.add(callers.submit(() -> writer.submit("queued", tx -> insert(tx, id, "q"))));
            waitForPending(i);
        }
        Future<?> closing = callers.submit(writer::close);

        release.countDown();
        closing.get();

        blocker.get();
        for (Future<Object> f : queued) {
            f.get();
        }
        assertThat(rows()).hasSize(6);
        assertThatThrownBy(() -> writer.submit("late", tx -> insert(tx, 99, "late")))
                .isInstanceOf(StoreException.class).hasMessageContaining("closed");
    }

    private static Object insert(WriteTx tx, int id, String v) throws SQLException {
        PreparedStatement ps = tx.prepare("INSERT INTO t (id, v) VALUES (?, ?)");
        ps.setInt(1, id);
        ps.setString(2, v);
        ps.executeUpdate();
        return id;
    }

    private List<String> rows() {
        List<String> rows = new ArrayList<>();
        try (Statement s = keepAlive.createStatement(); ResultSet rs = s.executeQuery("SELECT id, v FROM t ORDER BY id")) {
            while (rs.next()) {
                rows.add(rs.getInt(1) + "=" + rs.getString(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    private void waitForPending(int n) throws InterruptedException {
        while (writer.pendingCount() < n) {
            Thread.sleep(1);
        }
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        while (true) {
            try {
                latch.await();
                return;
            } catch (InterruptedException e) {
                // keep waiting: the test releases the latch
            }
        }
    }
}
