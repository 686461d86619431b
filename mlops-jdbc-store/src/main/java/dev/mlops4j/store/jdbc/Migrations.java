package dev.mlops4j.store.jdbc;

import dev.mlops4j.StoreVersionException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a database's schema to the version this code knows, or refuses it.
 *
 * <p>Applied migrations are recorded in {@code mlops_schema_history} (version, description, checksum,
 * installed_at). On open: a recorded version this code does not know means a newer mlops4j wrote the
 * store; a recorded checksum that differs from the bundled script means the script was edited after it
 * ran; both are refused with a {@link StoreVersionException}. Missing versions are applied in order,
 * each in its own transaction, while holding a lock that keeps a second process from migrating at the
 * same time. A store that is already current is checked without taking the lock.
 */
final class Migrations {
    /** Where the bundled scripts live. */
    static final String LOCATION = "/dev/mlops4j/store/jdbc/migrations/";
    /** The bundled scripts, oldest first. Add new files here; never edit one that has been released. */
    static final List<String> FILES = List.of("V1__tracking.sql", "V2__registry.sql", "V3__lineage.sql",
            "V4__lineage_states.sql", "V5__artifact_hashes.sql", "V6__physical_tuning.sql");

    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);
    private static final String HISTORY = "mlops_schema_history";
    private static final long LOCK_TIMEOUT_MILLIS = 60_000;

    private final List<Migration> migrations;
    private final SqlDialect dialect;
    private final String store;

    Migrations(List<Migration> migrations, SqlDialect dialect, String store) {
        this.migrations = List.copyOf(migrations);
        this.dialect = dialect;
        this.store = store;
    }

    /** @return the migrations bundled with this code */
    static List<Migration> bundled() {
        return FILES.stream().map(f -> Migration.load(LOCATION, f)).toList();
    }

    /**
     * Checks the schema and applies the missing migrations.
     *
     * @param dataSource connections to the database
     * @return the number of migrations applied
     * @throws StoreVersionException if the schema is newer than this code or a migration was edited
     * @throws SQLException on a database failure
     */
    int migrate(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            if (historyExists(c) && pending(readHistory(c)).isEmpty()) {
                return 0;
            }
        }
        try (Connection lock = dataSource.getConnection(); Connection c = dataSource.getConnection()) {
            dialect.lockForMigration(lock, LOCK_TIMEOUT_MILLIS);
            try {
                createHistory(c);
                // Re-read under the lock: another process may have migrated while we waited.
                List<Migration> pending = pending(readHistory(c));
                for (Migration m : pending) {
                    apply(c, m);
                }
                return pending.size();
            } finally {
                lock.rollback();
            }
        }
    }

    private List<Migration> pending(Map<Integer, String> applied) {
        int newest = migrations.stream().mapToInt(Migration::version).max().orElse(0);
        for (Map.Entry<Integer, String> e : applied.entrySet()) {
            if (e.getKey() > newest) {
                throw new StoreVersionException(store + " has schema version " + e.getKey()
                        + ", written by a newer mlops4j; this version knows schema versions up to " + newest
                        + ". Upgrade mlops4j to open it (the store was not changed).");
            }
        }
        for (Migration m : migrations) {
            String recorded = applied.get(m.version());
            if (recorded != null && !recorded.equals(m.checksum())) {
                throw new StoreVersionException(store + ": schema migration V" + m.version() + " (" + m.description()
                        + ") was applied with checksum " + recorded + ", but the bundled script has checksum "
                        + m.checksum() + ". The script was edited after it was applied; restore the released"
                        + " script, or open the store with the mlops4j version that created it.");
            }
        }
        return migrations.stream().filter(m -> !applied.containsKey(m.version())).toList();
    }

    private void apply(Connection c, Migration m) throws SQLException {
        LOG.info("{}: applying schema migration V{} ({})", store, m.version(), m.description());
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            for (String sql : m.statements()) {
                s.execute(dialect.migrationStatement(sql));
            }
            dialect.afterMigration(c, m.version());
            try (PreparedStatement p = c.prepareStatement("INSERT INTO " + HISTORY
                    + " (version, description, checksum, installed_at) VALUES (?, ?, ?, ?)")) {
                p.setInt(1, m.version());
                p.setString(2, m.description());
                p.setString(3, m.checksum());
                p.setLong(4, System.currentTimeMillis());
                p.executeUpdate();
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    private static boolean historyExists(Connection c) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        for (String name : new String[] {HISTORY, HISTORY.toUpperCase(Locale.ROOT)}) {
            // In the connection's own schema: a PostgreSQL database may hold several stores, one per schema.
            try (ResultSet rs = meta.getTables(null, c.getSchema(), name, null)) {
                if (rs.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void createHistory(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS " + HISTORY + " (version INTEGER NOT NULL PRIMARY KEY,"
                    + " description VARCHAR(200) NOT NULL, checksum VARCHAR(64) NOT NULL, installed_at BIGINT NOT NULL)");
        }
        if (!c.getAutoCommit()) {
            c.commit();
        }
    }

    private static Map<Integer, String> readHistory(Connection c) throws SQLException {
        Map<Integer, String> applied = new TreeMap<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version, checksum FROM " + HISTORY)) {
            while (rs.next()) {
                applied.put(rs.getInt(1), rs.getString(2));
            }
        }
        return applied;
    }
}
