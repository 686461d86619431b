package dev.mlops4j.spi;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What the user asked for when opening a store, handed to each {@link MetadataStoreProvider} to see
 * which one accepts it.
 *
 * @param url a store URL ({@code jdbc:h2:...}, {@code jdbc:postgresql:...}, {@code mem:}), or {@code null}
 *            for the embedded default under {@code home}
 * @param home the mlops home directory (artifacts and, by default, the embedded database live here);
 *             {@code null} for a purely in-memory setup
 * @param properties extra settings (user, password, pool size, {@code h2.autoServer}, ...)
 */
public record StoreConfig(String url, Path home, Map<String, String> properties) {
    /** The URL that selects the in-memory store. */
    public static final String IN_MEMORY_URL = "mem:";

    public StoreConfig {
        properties = Map.copyOf(properties == null ? Map.of() : properties);
    }

    /** @return the URL, empty for the embedded default */
    public Optional<String> urlOpt() {
        return Optional.ofNullable(url);
    }

    /** @return the home directory, if any */
    public Optional<Path> homeOpt() {
        return Optional.ofNullable(home);
    }

    /**
     * @param key property name
     * @return its value
     */
    public Optional<String> property(String key) {
        return Optional.ofNullable(properties.get(key));
    }

    @Override
    public String toString() {
        return "StoreConfig[url=" + (url == null ? "(embedded default)" : url) + ", home=" + home + ", properties="
                + properties.keySet() + "]";
    }
}
