package dev.mlops4j.store.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.mlops4j.StoreConfigurationException;
import dev.mlops4j.StoreException;
import dev.mlops4j.spi.MetadataStore;
import dev.mlops4j.spi.StoreConfig;
import dev.mlops4j.spi.StoreFeature;
import dev.mlops4j.store.jdbc.JdbcMetadataStore;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.postgresql.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens metadata stores on a PostgreSQL server. Most applications never call this:
 * {@code Mlops.builder().jdbc("jdbc:postgresql://host/db").storeProperty("user", ...)} does. It is useful to hand
 * a store to {@code Mlops.builder().metadataStore(...)} or to test against one.
 *
 * <pre>{@code
 * try (MetadataStore store = PostgresMetadataStore.open(new StoreConfig(
 *         "jdbc:postgresql://db.example.com/mlops", null, Map.of("user", "mlops", "password", secret)))) {
 *     ...
 * }
 * }</pre>
 *
 * <p>See the package documentation for the properties, the durability and concurrency guarantees, and what happens
 * when the connection to the server is lost.
 */
public final class PostgresMetadataStore {
    /** Property with the number of pooled read connections. */
    public static final String READ_CONNECTIONS = "postgres.readConnections";
    /** Property with how long, in milliseconds, a call waits for a connection before it fails. */
    public static final String CONNECTION_TIMEOUT = "postgres.connectionTimeoutMillis";

    static final String PREFIX = "jdbc:postgresql:";
    private static final Logger LOG = LoggerFactory.getLogger(PostgresMetadataStore.class);
    private static final int DEFAULT_READ_CONNECTIONS = 8;
    private static final long DEFAULT_CONNECTION_TIMEOUT_MILLIS = 10_000;
    /** The writer's connection plus the two a migration takes at open (its lock and its work). */
    private static final int WRITER_POOL_SIZE = 3;

    private PostgresMetadataStore() {
    }

    /**
     * Opens (creating or migrating its tables if needed) the store at a {@code jdbc:postgresql:} URL.
     *
     * @param config the URL and properties; see the package documentation
     * @return the open store
     * @throws StoreConfigurationException if the configuration is not for PostgreSQL or a property is invalid
     * @throws StoreException if the server cannot be reached or the schema cannot be migrated
     */
    public static MetadataStore open(StoreConfig config) {
        Objects.requireNonNull(config, "config");
        if (!accepts(config)) {
            throw new StoreConfigurationException("the PostgreSQL store needs a " + PREFIX + " URL, e.g."
                    + " jdbc:postgresql://localhost:5432/mlops; got " + config);
        }
        Location location = Location.of(config.url());
        int readConnections = (int) positive(config, READ_CONNECTIONS, DEFAULT_READ_CONNECTIONS, Integer.MAX_VALUE);
        long timeout = positive(config, CONNECTION_TIMEOUT, DEFAULT_CONNECTION_TIMEOUT_MILLIS, Long.MAX_VALUE);
        List<HikariDataSource> pools = new ArrayList<>();
        AtomicBoolean released = new AtomicBoolean();
        Runnable release = () -> {
            if (released.compareAndSet(false, true)) {
                pools.forEach(HikariDataSource::close);
            }
        };
        try {
            HikariDataSource writer = pool(config, location, "write", WRITER_POOL_SIZE, 0, timeout);
            pools.add(writer);
            HikariDataSource readers = pool(config, location, "read", readConnections, 1, timeout);
            pools.add(readers);
            checkSchema(readers, location);
            JdbcMetadataStore store = JdbcMetadataStore.builder()
                    .description(location.description())
                    .dialect(PostgresDialect.INSTANCE)
                    .writerConnections(writer)
                    .readConnections(readers)
                    .features(EnumSet.of(StoreFeature.DURABLE, StoreFeature.MULTI_PROCESS, StoreFeature.NATIVE_SEARCH))
                    .onClose(release)
                    .open();
            LOG.debug("opened {}", location.description());
            return store;
        } catch (RuntimeException e) {
            release.run();
            throw explain(location, e);
        }
    }

    static boolean accepts(StoreConfig config) {
        return config.url() != null && config.url().startsWith(PREFIX);
    }

    private static HikariDataSource pool(StoreConfig config, Location location, String role, int size, int minIdle,
                                         long timeoutMillis) {
        HikariConfig hc = new HikariConfig();
        hc.setPoolName("mlops4j-" + role + " " + location.description());
        hc.setJdbcUrl(location.url());
        config.property("user").ifPresent(hc::setUsername);
        config.property("password").ifPresent(hc::setPassword);
        hc.setMaximumPoolSize(size);
        hc.setMinimumIdle(minIdle);
        hc.setConnectionTimeout(timeoutMillis);
        // Fail at open, with the driver's reason, rather than at the first call.
        hc.setInitializationFailTimeout(1);
        // Names mlops4j's sessions in pg_stat_activity; a URL that sets ApplicationName keeps its own.
        hc.addDataSourceProperty("ApplicationName", "mlops4j");
        return new HikariDataSource(hc);
    }

    /** A URL naming a schema that does not exist would create the tables nowhere; say so plainly. */
    private static void checkSchema(HikariDataSource readers, Location location) {
        try (Connection c = readers.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT current_schema()")) {
            if (!rs.next() || rs.getString(1) == null) {
                throw new StoreConfigurationException(location.description() + ": the schema search path names no"
                        + " existing schema" + (location.schema() == null ? "" : " ('" + location.schema() + "')")
                        + "; create it first (CREATE SCHEMA ...) or remove currentSchema from the URL");
            }
        } catch (SQLException e) {
            throw new StoreException(location.description() + ": cannot read the current schema: " + e.getMessage(), e);
        }
    }

    private static long positive(StoreConfig config, String key, long defaultValue, long max) {
        String value = config.property(key).orElse(null);
        if (value == null) {
            return defaultValue;
        }
        try {
            long n = Long.parseLong(value.strip());
            if (n >= 1 && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new StoreConfigurationException(key + " must be a whole number of at least 1, was '" + value + "'");
    }

    /** Replaces the driver's messages for the failures users meet at open with what to do about them. */
    private static RuntimeException explain(Location location, RuntimeException e) {
        if (e instanceof StoreConfigurationException) {
            return e;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null) {
                String state = s.getSQLState();
                String advice;
                if (state.startsWith("08")) {
                    advice = "cannot connect to the server (" + s.getMessage() + "). Check that it runs and accepts TCP"
                            + " connections from this host (listen_addresses, pg_hba.conf, firewall)";
                } else if (state.equals("28P01") || state.equals("28000")) {
                    advice = "the server refused the credentials (" + s.getMessage() + "). Check the store properties"
                            + " user and password";
                } else if (state.equals("3D000")) {
                    advice = "the database does not exist (" + s.getMessage() + "). Create it first, e.g."
                            + " CREATE DATABASE mlops";
                } else {
                    continue;
                }
                return new StoreException(location.description() + ": " + advice + ".", e);
            }
        }
        return e instanceof StoreException ? e
                : new StoreException(location.description() + ": cannot open the store: " + e.getMessage(), e);
    }

    /** The server, database and schema a URL names, for messages (never with the password). */
    record Location(String url, String description, String schema) {

        static Location of(String url) {
            Properties parsed = Driver.parseURL(url, new Properties());
            if (parsed == null) {
                throw new StoreConfigurationException("'" + url.replaceAll("password=[^&]*", "password=***")
                        + "' is not a valid PostgreSQL JDBC URL; the form is jdbc:postgresql://host:port/database");
            }
            String hosts = parsed.getProperty("PGHOST", "localhost");
            String ports = parsed.getProperty("PGPORT", "5432");
            String database = parsed.getProperty("PGDBNAME", "");
            String schema = parsed.getProperty("currentSchema");
            String description = "PostgreSQL " + hosts + ":" + ports + "/" + database
                    + (schema == null ? "" : " (schema " + schema + ")");
            return new Location(url, description, schema);
        }
    }
}
