package dev.mlops4j.store.h2;

import dev.mlops4j.store.jdbc.SqlDialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.h2.engine.Session;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * H2 2.x: its own MERGE ... KEY upsert, SET LOCK_TIMEOUT, and compaction of the database file.
 *
 * <p>Why compaction: every commit is written through to the file ({@code WRITE_DELAY=0}), which also stops
 * H2's background thread, and with it H2's own compaction. Each commit writes a new chunk, and a chunk's space
 * is reused only when none of its pages is live any more, so without compaction the file grows by tens of
 * kilobytes per commit. The writer therefore calls {@link #maintain} regularly, which rewrites the live pages
 * of sparse chunks ({@link MVStore#compact(int, int)}) whenever less than half of the chunks' space is live.
 * This uses H2's internal classes, so it is guarded: if they change, compaction is switched off with a warning
 * and the store works on, with a larger file.
 */
final class H2Dialect implements SqlDialect {
    static final H2Dialect INSTANCE = new H2Dialect();

    private static final Logger LOG = LoggerFactory.getLogger(H2Dialect.class);
    /** Compact when less than this percentage of the chunks' space holds live data. */
    private static final int TARGET_FILL_RATE = 50;
    /** Bytes of live pages one compaction step may rewrite, which bounds its pause. */
    private static final int COMPACTION_STEP_BYTES = 4 << 20;

    private volatile boolean compactionAvailable = true;

    private H2Dialect() {
    }

    @Override
    public void afterMigration(Connection connection, int version) throws SQLException {
        if (version == H2SchemaTuning.VERSION) {
            H2SchemaTuning.apply(connection);
        }
    }

    @Override
    public String name() {
        return "H2";
    }

    @Override
    public String upsert(String table, List<String> keyColumns, List<String> valueColumns) {
        int columns = keyColumns.size() + valueColumns.size();
        return "MERGE INTO " + table + " (" + String.join(", ", keyColumns) + ", " + String.join(", ", valueColumns)
                + ") KEY (" + String.join(", ", keyColumns) + ") VALUES (?" + ", ?".repeat(columns - 1) + ")";
    }

    /** H2 picks the experiment's foreign-key index instead, and then sorts every run of the experiment. */
    @Override
    public String runsInStartOrderHint() {
        return " USE INDEX (mlops_runs_experiment_start)";
    }

    /**
     * H2 2.3.232 restores an undone row inside a step of its undo log that it repeats when another session commits
     * meanwhile, writing the old value again over whatever another transaction wrote after the first restore.
     */
    @Override
    public boolean rollbackMayOverwriteOtherWrites() {
        return true;
    }

    @Override
    public String lockTimeoutStatement(long timeoutMillis) {
        return "SET LOCK_TIMEOUT " + timeoutMillis;
    }

    @Override
    public void maintain(Connection writerConnection) throws SQLException {
        if (!compactionAvailable) {
            return;
        }
        try {
            Session session = writerConnection.unwrap(JdbcConnection.class).getSession();
            if (!(session instanceof SessionLocal local)) {
                return; // a client of a server or of another process's AUTO_SERVER: that process compacts
            }
            MVStore store = local.getDatabase().getStore().getMvStore();
            FileStore<?> file = store.getFileStore();
            if (file != null && !store.isReadOnly() && file.getChunksFillRate() < TARGET_FILL_RATE) {
                store.compact(TARGET_FILL_RATE, COMPACTION_STEP_BYTES);
            }
        } catch (LinkageError | ClassCastException e) {
            compactionAvailable = false;
            LOG.warn("this H2 version does not offer the internal API mlops4j uses to compact its database file;"
                    + " compaction is off and the file will grow faster than needed", e);
        }
    }
}
