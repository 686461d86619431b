package dev.mlops4j;

import dev.mlops4j.spi.ArtifactStore;
import dev.mlops4j.spi.MetadataStore;
import dev.mlops4j.spi.MetadataStoreProvider;
import dev.mlops4j.spi.MlopsConfig;
import dev.mlops4j.spi.MlopsEngine;
import dev.mlops4j.spi.StoreConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Configures and opens an {@link Mlops} instance. Obtain one from {@link Mlops#builder()}.
 *
 * <pre>{@code
 * Mlops mlops = Mlops.builder()
 *     .home(Path.of("/var/lib/myapp/mlops"))      // embedded H2 store + artifacts here
 *     .user("ci-bot")
 *     .build();
 * Mlops shared = Mlops.builder()
 *     .jdbc("jdbc:postgresql://db/mlops").storeProperty("user", "mlops")
 *     .home(Path.of("/mnt/shared/mlops"))        // artifacts on a shared mount
 *     .build();
 * }</pre>
 *
 * <p>Conflicting settings (for example {@link #inMemory()} together with {@link #jdbc(String)}) are
 * reported by {@link #build()} naming both.
 */
public final class MlopsBuilder {
    private Path home;
    private String storeUrl;
    private boolean inMemory;
    private final Map<String, String> storeProperties = new LinkedHashMap<>();
    private MetadataStore metadataStore;
    private ArtifactStore artifactStore;
    private final List<MetadataStoreProvider> providers = new ArrayList<>();
    private String user = System.getProperty("user.name", "unknown");
    private Clock clock = Clock.systemUTC();
    private Duration heartbeatInterval = Duration.ofSeconds(10);
    private Duration orphanTimeout = Duration.ofMinutes(2);
    private boolean recoverOrphansOnOpen = true;

    MlopsBuilder() {
    }

    /**
     * @param home directory for the embedded store and the file artifact store (created if absent)
     * @return this builder
     */
    public MlopsBuilder home(Path home) {
        this.home = Objects.requireNonNull(home, "home");
        return this;
    }

    /** @return this builder, set to keep metadata and artifacts in memory only */
    public MlopsBuilder inMemory() {
        this.inMemory = true;
        return this;
    }

    /**
     * @param url a JDBC URL of the metadata store, e.g. {@code jdbc:h2:/data/mlops} or {@code jdbc:postgresql://...}
     * @return this builder
     */
    public MlopsBuilder jdbc(String url) {
        this.storeUrl = Objects.requireNonNull(url, "url");
        return this;
    }

    /**
     * @param key a store setting such as {@code user}, {@code password} or {@code h2.autoServer}
     * @param value its value
     * @return this builder
     */
    public MlopsBuilder storeProperty(String key, String value) {
        storeProperties.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        return this;
    }

    /**
     * Uses an already-open metadata store; the caller keeps ownership and closes it.
     *
     * @param store the store
     * @return this builder
     */
    public MlopsBuilder metadataStore(MetadataStore store) {
        this.metadataStore = Objects.requireNonNull(store, "store");
        return this;
    }

    /**
     * Uses an already-open artifact store; the caller keeps ownership and closes it.
     *
     * @param store the store
     * @return this builder
     */
    public MlopsBuilder artifactStore(ArtifactStore store) {
        this.artifactStore = Objects.requireNonNull(store, "store");
        return this;
    }

    /**
     * Registers a store provider explicitly; it is tried before providers found by {@link ServiceLoader}.
     *
     * @param provider the provider
     * @return this builder
     */
    public MlopsBuilder storeProvider(MetadataStoreProvider provider) {
        providers.add(Objects.requireNonNull(provider, "provider"));
        return this;
    }

    /** @param user the user recorded on runs (default: {@code user.name}) @return this builder */
    public MlopsBuilder user(String user) {
        this.user = Objects.requireNonNull(user, "user");
        return this;
    }

    /** @param clock clock for timestamps (tests use a fixed or controllable clock) @return this builder */
    public MlopsBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /**
     * @param interval how often this instance records that it is alive (default 10 s)
     * @return this builder
     */
    public MlopsBuilder heartbeatInterval(Duration interval) {
        this.heartbeatInterval = positive("heartbeatInterval", interval);
        return this;
    }

    /**
     * @param timeout silence after which another process treats this one as dead (default 2 min);
     *                must exceed the heartbeat interval. Dead processes on the same host are detected at once.
     * @return this builder
     */
    public MlopsBuilder orphanTimeout(Duration timeout) {
        this.orphanTimeout = positive("orphanTimeout", timeout);
        return this;
    }

    /** @param recover whether opening marks orphaned runs KILLED (default true) @return this builder */
    public MlopsBuilder recoverOrphansOnOpen(boolean recover) {
        this.recoverOrphansOnOpen = recover;
        return this;
    }

    /**
     * Checks the settings and opens the instance.
     *
     * @return an open instance
     * @throws StoreConfigurationException if settings conflict, or no engine or store provider is found
     */
    public Mlops build() {
        if (inMemory && storeUrl != null) {
            throw new StoreConfigurationException("inMemory() conflicts with jdbc(\"" + storeUrl + "\"); choose one");
        }
        if (inMemory && metadataStore != null) {
            throw new StoreConfigurationException("inMemory() conflicts with metadataStore(...); choose one");
        }
        if (storeUrl != null && metadataStore != null) {
            throw new StoreConfigurationException("jdbc(\"" + storeUrl + "\") conflicts with metadataStore(...); choose one");
        }
        if (heartbeatInterval.compareTo(orphanTimeout) >= 0) {
            throw new StoreConfigurationException("orphanTimeout (" + orphanTimeout + ") must be longer than"
                    + " heartbeatInterval (" + heartbeatInterval + ")");
        }
        Path effectiveHome = home;
        if (effectiveHome == null && !inMemory) {
            effectiveHome = defaultHome();
        }
        String url = inMemory ? StoreConfig.IN_MEMORY_URL : storeUrl;
        MlopsConfig config = new MlopsConfig(effectiveHome == null ? null : effectiveHome.toAbsolutePath().normalize(),
                url, storeProperties, metadataStore, artifactStore, providers, user, clock, heartbeatInterval,
                orphanTimeout, recoverOrphansOnOpen);
        return engine().open(config);
    }

    /** @return the home from {@code -Dmlops.home}, else {@code MLOPS_HOME}, else {@code ./mlops-data} */
    static Path defaultHome() {
        return defaultHome(System.getProperty("mlops.home"), System.getenv(Mlops.HOME_ENV));
    }

    /**
     * @param prop the value of the system property {@code mlops.home}, or null
     * @param env the value of the environment variable {@code MLOPS_HOME}, or null
     * @return the first of them that is not blank, else {@code mlops-data} (relative to the working directory)
     */
    static Path defaultHome(String prop, String env) {
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop);
        }
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of("mlops-data");
    }

    private static MlopsEngine engine() {
        List<String> broken = new ArrayList<>();
        Iterator<MlopsEngine> it = ServiceLoader.load(MlopsEngine.class).iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                return it.next();
            } catch (ServiceConfigurationError e) {
                // A broken engine on the class path must not hide a working one behind it.
                broken.add(e.getMessage());
            }
        }
        throw new StoreConfigurationException("no mlops4j engine found on the class path"
                + (broken.isEmpty() ? "" : "; broken engines: " + broken)
                + ". Add the dependency dev.mlops4j:mlops-core");
    }

    private static Duration positive(String name, Duration d) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new InvalidInputException(name + " must be positive, was " + d);
        }
        return d;
    }
}
