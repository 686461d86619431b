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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The writer's contract: one transaction per group, one savepoint per request, callers released after commit. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class GroupCommitWriterTest {
    private WriterUnderTest fixture;
    private Connection keepAlive;
    private GroupCommitWriter writer;
    private ExecutorService callers;

    @BeforeEach
    void setUp() throws SQLException {
        fixture = new WriterUnderTest("gc");
        keepAlive = fixture.connection();
        try (Statement s = keepAlive.createStatement()) {
            s.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v VARCHAR(10))");
        }
        writer = fixture.start(fixture.dataSource());
        callers = fixture.callers();
    }

    @AfterEach
    void tearDown() throws SQLException {
        fixture.close();
    }

    @Test
    void submit_failingRequestInsideAGroup_rollsBackOnlyItselfAndGetsItsOwnException() throws Exception {
        // Holds the writer so that the next four requests queue up and run as one group.
        HeldWriter held = HeldWriter.hold(writer, callers, tx -> insert(tx, 0, "zero"));
        Future<Object> ok1 = held.queue(() -> writer.submit("ok1", tx -> insert(tx, 1, "one")));
        Future<Object> failing = held.queue(() -> writer.submit("failing", tx -> {
            insert(tx, 2, "two");            // written, then undone by the savepoint
            throw new ConflictException("this request conflicts");
        }));
        Future<Object> duplicate = held.queue(() -> writer.submit("duplicate", tx -> insert(tx, 1, "again")));
        Future<Object> ok3 = held.queue(() -> writer.submit("ok3", tx -> insert(tx, 3, "three")));

        assertThat(held.release()).isEqualTo(0);
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
        HeldWriter held = HeldWriter.hold(writer, callers, tx -> insert(tx, 0, "zero"));
        List<Future<Object>> queued = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            int id = i;
            queued.add(held.queue(() -> writer.submit("queued", tx -> insert(tx, id, "q"))));
        }
        Future<?> closing = callers.submit(writer::close);

        held.release();
        closing.get();

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
}
