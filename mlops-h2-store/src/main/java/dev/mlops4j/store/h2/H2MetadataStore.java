package dev.mlops4j.store.h2;

import dev.mlops4j.StoreConfigurationException;
import dev.mlops4j.StoreException;
import dev.mlops4j.spi.MetadataStore;
import dev.mlops4j.spi.StoreConfig;
import dev.mlops4j.spi.StoreFeature;
import dev.mlops4j.store.jdbc.JdbcMetadataStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens H2 metadata stores. Most applications never call this: {@code Mlops.open(home)} does. It is
 * useful to hand a store to {@code Mlops.builder().metadataStore(...)} or to test against one.
 *
 * <pre>{@code
 * try (MetadataStore store = H2MetadataStore.open(Path.of("mlops-data"))) {  // mlops-data/mlops.mv.db
 *     ...
 * }
 * }</pre>
 */
public final class H2MetadataStore {
    /** Property that enables H2's AUTO_SERVER mode, so several JVMs on one machine share a file store. */
    public static final String AUTO_SERVER = "h2.autoServer";
    /** Property with the number of pooled read connections. */
    public static final String READ_CONNECTIONS = "h2.readConnections";
    /** Name of the database in the home directory: the file is {@code <home>/mlops.mv.db}. */
    public static final String DATABASE_NAME = "mlops";

    private static final Logger LOG = LoggerFactory.getLogger(H2MetadataStore.class);
    /** Open stores per database in this JVM (an embedded H2 database is shared by everything in the JVM). */
    private static final ConcurrentHashMap<String, AtomicInteger> OPEN_IN_THIS_JVM = new ConcurrentHashMap<>();
    private static final String PREFIX = "jdbc:h2:";
    private static final int DEFAULT_READ_CONNECTIONS = 8;
    /** Row-lock wait; only processes sharing a store through AUTO_SERVER or a server ever wait. */
    private static final int LOCK_TIMEOUT_MILLIS = 10_000;
    /** H2 error code: the database file is locked by another process. */
    private static final int DATABASE_ALREADY_OPEN = 90020;
    /** H2 error code: the file was written by an incompatible H2 version. */
    private static final int FILE_VERSION_ERROR = 90048;

    private H2MetadataStore() {
    }

    /**
     * Opens (creating if needed) the store in {@code <home>/mlops.mv.db}.
     *
     * @param home the directory, created if absent
     * @return the open store
     * @throws StoreException if it cannot be opened
     */
    public static MetadataStore open(Path home) {
        return open(new StoreConfig(null, Objects.requireNonNull(home, "home"), Map.of()));
    }

    /**
     * Opens the store for a configuration: no URL and a home directory for the embedded file store, or a
     * {@code jdbc:h2:} URL.
     *
     * @param config the configuration; see the package documentation for the properties
     * @return the open store
     * @throws StoreConfigurationException if the configuration is not for H2 or is contradictory
     * @throws StoreException if the database cannot be opened
     */
    public static MetadataStore open(StoreConfig config) {
        Objects.requireNonNull(config, "config");
        if (!accepts(config)) {
            throw new StoreConfigurationException("the H2 store needs a jdbc:h2: URL or a home directory, got " + config);
        }
        Location location = Location.of(config);
        int readConnections = readConnections(config);
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(location.url());
        config.property("user").ifPresent(dataSource::setUser);
        config.property("password").ifPresent(dataSource::setPassword);
        JdbcConnectionPool pool = JdbcConnectionPool.create(dataSource);
        pool.setMaxConnections(readConnections);
        // Stores of this JVM on the same database: while there are several, each must lock the runs it writes.
        AtomicInteger openHere = OPEN_IN_THIS_JVM.computeIfAbsent(location.database(), k -> new AtomicInteger());
        openHere.incrementAndGet();
        AtomicBoolean released = new AtomicBoolean();
        Runnable release = () -> {
            if (released.compareAndSet(false, true)) {
                openHere.decrementAndGet();
                pool.dispose();
            }
        };
        try {
            JdbcMetadataStore store = JdbcMetadataStore.builder()
                    .description(location.description())
                    .dialect(H2Dialect.INSTANCE)
                    .writerConnections(dataSource)
                    .readConnections(pool)
                    .features(location.features())
                    .otherWriters(() -> openHere.get() > 1)
                    .onClose(release)
                    .open();
            LOG.debug("opened {}", location.description());
            return store;
        } catch (StoreException e) {
            throw explain(location, e);
        }
    }

    static boolean accepts(StoreConfig config) {
        return config.url() == null ? config.home() != null : config.url().startsWith(PREFIX);
    }

    private static int readConnections(StoreConfig config) {
        String value = config.property(READ_CONNECTIONS).orElse(Integer.toString(DEFAULT_READ_CONNECTIONS));
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new StoreConfigurationException(READ_CONNECTIONS + " must be a whole number of at least 1, was '" + value + "'");
    }

    /** Replaces H2's messages for the two failures users actually meet with what to do about them. */
    private static StoreException explain(Location location, StoreException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                if (s.getErrorCode() == DATABASE_ALREADY_OPEN) {
                    return new StoreException(location.description() + " is already open in another process. Close it"
                            + " there, or let several JVMs share it by opening it everywhere with the store property "
                            + AUTO_SERVER + "=true.", e);
                }
                if (s.getErrorCode() == FILE_VERSION_ERROR) {
                    return new StoreException(location.description() + " was written by an H2 version this mlops4j"
                            + " cannot read (H2 1.x files need an export/import to H2 2.x).", e);
                }
            }
        }
        return e;
    }

    /** Where the database is and the JDBC URL that opens it with the settings mlops4j needs. */
    private record Location(String url, String database, String description, Set<StoreFeature> features) {

        static Location of(StoreConfig config) {
            boolean autoServer = config.property(AUTO_SERVER).map(v -> v.strip().equalsIgnoreCase("true")).orElse(false);
            if (config.url() == null) {
                Path home = config.home().toAbsolutePath().normalize();
                try {
                    Files.createDirectories(home);
                } catch (IOException e) {
                    throw new StoreException("cannot create the mlops home directory " + home + ": " + e.getMessage()
                            + ". Choose a writable directory with Mlops.open(path) or MLOPS_HOME.", e);
                }
                Path file = home.resolve(DATABASE_NAME);
                return build(PREFIX + "file:" + file, file.toString(), Map.of(), "H2 file " + file, Kind.FILE, autoServer);
            }
            String[] parts = config.url().split(";");
            String base = parts[0];
            Map<String, String> settings = new LinkedHashMap<>();
            for (int i = 1; i < parts.length; i++) {
                if (parts[i].isBlank()) {
                    continue;
                }
                int eq = parts[i].indexOf('=');
                String key = (eq < 0 ? parts[i] : parts[i].substring(0, eq)).strip().toUpperCase(Locale.ROOT);
                settings.put(key, eq < 0 ? "" : parts[i].substring(eq + 1).strip());
            }
            String rest = base.substring(PREFIX.length());
            Kind kind = rest.startsWith("mem:") ? Kind.MEMORY
                    : rest.startsWith("tcp:") || rest.startsWith("ssl:") ? Kind.SERVER : Kind.FILE;
            if (kind == Kind.MEMORY && rest.length() == "mem:".length()) {
                throw new StoreConfigurationException("the H2 URL " + base + " names no database, so every connection"
                        + " would see a different empty one; name it, e.g. jdbc:h2:mem:mlops");
            }
            String path = rest.replaceFirst("^file:", "");
            String description = kind == Kind.FILE ? "H2 file " + path : "H2 " + base;
            String database = kind == Kind.FILE ? absolute(path) : base;
            return build(base, database, settings, description, kind, autoServer);
        }

        /** The file's absolute path, so that two spellings of one database are known to be the same. */
        private static String absolute(String h2Path) {
            String p = h2Path.startsWith("~") ? System.getProperty("user.home") + h2Path.substring(1) : h2Path;
            try {
                return Path.of(p).toAbsolutePath().normalize().toString();
            } catch (InvalidPathException e) {
                return h2Path;
            }
        }

        private static Location build(String base, String database, Map<String, String> given, String description,
                                      Kind kind, boolean autoServer) {
            Map<String, String> settings = new LinkedHashMap<>(given);
            String writeDelay = settings.get("WRITE_DELAY");
            if (writeDelay != null && !writeDelay.equals("0")) {
                throw new StoreConfigurationException("the H2 URL sets WRITE_DELAY=" + writeDelay + ", which can lose"
                        + " acknowledged writes on a crash; remove it (mlops4j sets WRITE_DELAY=0 and keeps writes fast"
                        + " with group commit)");
            }
            if (kind != Kind.MEMORY) {
                settings.put("WRITE_DELAY", "0");
                // Free chunks are reused after 1 s. H2 keeps them 45 s by default as a guard against disks that
                // reorder writes across a power failure, which write-through without fsync does not protect
                // against anyway; at thousands of commits per second that retention alone grows the file by
                // gigabytes. Reusing them at once (0) is what H2 2.3.232 does not survive: a store closed cleanly
                // after the guided tour's writes could not be reopened ("File corrupted ... Double mark", H2 issue
                // #2752), in 3 of 3 full CI runs, and in none of them with 1 s.
                settings.putIfAbsent("RETENTION_TIME", "1000");
            }
            if (autoServer) {
                if (kind != Kind.FILE) {
                    throw new StoreConfigurationException(AUTO_SERVER + "=true applies to H2 file stores only, not to "
                            + base);
                }
                settings.put("AUTO_SERVER", "TRUE");
            }
            settings.putIfAbsent("LOCK_TIMEOUT", Integer.toString(LOCK_TIMEOUT_MILLIS));
            // H2 reuses a session's parsed statements with the plan made when they were first prepared; a plan
            // made while a table was empty can scan once it is large. Reads are re-planned every time.
            settings.putIfAbsent("QUERY_CACHE_SIZE", "0");
            StringBuilder url = new StringBuilder(base);
            settings.forEach((k, v) -> url.append(';').append(k).append('=').append(v));
            Set<StoreFeature> features = EnumSet.of(StoreFeature.NATIVE_SEARCH);
            if (kind != Kind.MEMORY) {
                features.add(StoreFeature.DURABLE);
            }
            if (kind == Kind.SERVER || autoServer || "TRUE".equalsIgnoreCase(settings.get("AUTO_SERVER"))) {
                features.add(StoreFeature.MULTI_PROCESS);
            }
            return new Location(url.toString(), database, description, features);
        }
    }

    private enum Kind {
        FILE, MEMORY, SERVER
    }
}
