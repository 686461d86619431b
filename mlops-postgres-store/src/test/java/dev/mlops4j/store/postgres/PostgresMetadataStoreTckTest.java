package dev.mlops4j.store.postgres;

import dev.mlops4j.spi.MetadataStore;
import dev.mlops4j.spi.StoreConfig;
import dev.mlops4j.tck.MetadataStoreTck;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs the whole store conformance suite, registry included, against a real PostgreSQL server.
 *
 * <p>Every test gets an empty store in one schema of this class: the first test migrates it, and every later test
 * empties its tables (restoring the rows the migrations seed) before opening the store, which then finds the schema
 * current. Creating and migrating a schema per test would cost about a second each; migrating fresh schemas is what
 * {@link PostgresMultiProcessTest} and {@link PostgresEngineTest} do.
 */
class PostgresMetadataStoreTckTest extends MetadataStoreTck {
    @RegisterExtension
    static final PostgresDatabase DATABASE = new PostgresDatabase();

    private static String schema;
    private static String url;
    /** Tables whose migrated state has rows (besides the schema history), restored from a copy on every reset. */
    private static final List<String> SEEDED = new ArrayList<>();

    @Override
    protected MetadataStore createStore() {
        try {
            if (url == null) {
                schema = DATABASE.newClassSchema();
                url = PostgresDatabase.urlOf(schema);
                PostgresMetadataStore.open(new StoreConfig(url, null, Map.of())).close();
                saveSeeds();
            } else {
                reset();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare the test schema " + schema + ": " + e.getMessage(), e);
        }
        return PostgresMetadataStore.open(new StoreConfig(url, null, Map.of()));
    }

    @Override
    protected MetadataStore reopen(MetadataStore closed) {
        return PostgresMetadataStore.open(new StoreConfig(url, null, Map.of()));
    }

    private static List<String> tables(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT tablename FROM pg_tables WHERE schemaname = ?"
                + " AND tablename <> 'mlops_schema_history' ORDER BY tablename")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
        }
        return tables;
    }

    private static void saveSeeds() throws SQLException {
        try (Connection c = PostgresDatabase.admin(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema + "_seed");
            for (String table : tables(c)) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + schema + "." + table)) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        s.execute("CREATE TABLE " + schema + "_seed." + table + " AS SELECT * FROM " + schema + "." + table);
                        SEEDED.add(table);
                    }
                }
            }
        }
    }

    private static void reset() throws SQLException {
        try (Connection c = PostgresDatabase.admin(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("SET LOCAL lock_timeout = 10000");
            List<String> qualified = tables(c).stream().map(t -> schema + "." + t).toList();
            s.execute("TRUNCATE " + String.join(", ", qualified) + " RESTART IDENTITY CASCADE");
            for (String table : SEEDED) {
                s.execute("INSERT INTO " + schema + "." + table + " SELECT * FROM " + schema + "_seed." + table);
            }
            c.commit();
        }
    }
}
