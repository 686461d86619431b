package dev.mlops4j.store.postgres;

import dev.mlops4j.store.jdbc.SqlDialect;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The PostgreSQL server the tests run against, named by the environment variable {@value #ENV}
 * ({@code jdbc:postgresql://host:port/db?user=...&password=...}; {@code .ci/postgres.sh} starts a throwaway one).
 *
 * <p>Without the variable every test of a class that registers this extension is skipped, saying why. With it, the
 * server must answer: an unreachable server fails the tests instead of skipping them, so CI cannot pass silently
 * without having run them. Each test gets schemas of its own ({@link #newSchemaUrl()}), dropped after the test; a
 * class may keep one for all its tests ({@link #newClassSchema()}), dropped (with its {@code _seed} twin) after them.
 */
public final class PostgresDatabase
        implements ExecutionCondition, BeforeAllCallback, AfterEachCallback, AfterAllCallback {
    static final String ENV = "MLOPS_TEST_POSTGRES_URL";

    private final List<String> schemas = new ArrayList<>();
    private final List<String> classSchemas = new ArrayList<>();

    static String baseUrl() {
        String url = System.getenv(ENV);
        return url == null || url.isBlank() ? null : url.strip();
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return baseUrl() == null
                ? ConditionEvaluationResult.disabled("skipped: no PostgreSQL server; set " + ENV + "=jdbc:postgresql://"
                        + "host:port/db?user=..&password=.. to run the PostgreSQL store tests (see README, or run"
                        + " `.ci/run`, which starts a throwaway server)")
                : ConditionEvaluationResult.enabled(ENV + " is set");
    }

    /** Fails the whole class, not just its first test, when the server named by the variable does not answer. */
    @Override
    public void beforeAll(ExtensionContext context) throws SQLException {
        try (Connection c = admin()) {
            c.createStatement().execute("SELECT 1");
        } catch (SQLException e) {
            throw new SQLException(ENV + " is set, but the PostgreSQL server it names does not answer: " + e.getMessage()
                    + ". Start it, or unset " + ENV + " to skip these tests.", e.getSQLState(), e);
        }
    }

    /** @return the dialect the PostgreSQL store uses, for tests of the shared JDBC code outside this package */
    public static SqlDialect dialect() {
        return PostgresDialect.INSTANCE;
    }

    /** @return a connection with the variable's credentials, outside any test schema */
    static Connection admin() throws SQLException {
        return DriverManager.getConnection(baseUrl());
    }

    /** @return the URL of a new, empty schema, dropped after the current test */
    public synchronized String newSchemaUrl() {
        String schema = createSchema();
        schemas.add(schema);
        return urlOf(schema);
    }

    /** @return the name of a new, empty schema, dropped after the test class */
    public synchronized String newClassSchema() {
        String schema = createSchema();
        classSchemas.add(schema);
        return schema;
    }

    private static String createSchema() {
        String schema = "mlops_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test schema " + schema + ": " + e.getMessage(), e);
        }
        return schema;
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) throws SQLException {
        if (classSchemas.isEmpty() || context.getTestClass().map(Class::isMemberClass).orElse(false)) {
            return; // a nested class ends: the enclosing class still needs its schema
        }
        try (Connection c = admin(); Statement s = c.createStatement()) {
            for (String schema : classSchemas) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                s.execute("DROP SCHEMA IF EXISTS " + schema + "_seed CASCADE");
            }
        } finally {
            classSchemas.clear();
        }
    }

    /** @return the URL of the server with {@code schema} as the current schema */
    public static String urlOf(String schema) {
        String base = baseUrl();
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    @Override
    public synchronized void afterEach(ExtensionContext context) throws SQLException {
        if (schemas.isEmpty()) {
            return;
        }
        try (Connection c = admin(); Statement s = c.createStatement()) {
            for (String schema : schemas) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        } finally {
            schemas.clear();
        }
    }
}
