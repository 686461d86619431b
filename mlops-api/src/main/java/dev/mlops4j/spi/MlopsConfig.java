package dev.mlops4j.spi;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The settings collected by {@link dev.mlops4j.MlopsBuilder}, handed to the {@link MlopsEngine}.
 *
 * @param home the home directory for the embedded store and file artifacts, {@code null} in memory
 * @param storeUrl the metadata store URL, {@code null} for the embedded default
 * @param storeProperties extra store settings
 * @param metadataStore an already-open store to use instead of a provider (the caller keeps ownership), or {@code null}
 * @param artifactStore an already-open artifact store to use, or {@code null} for the default
 * @param providers providers registered explicitly, tried before discovered ones
 * @param user the user recorded on runs
 * @param clock the clock for timestamps
 * @param heartbeatInterval how often an open instance proves it is alive
 * @param orphanTimeout how long without a heartbeat before another process may mark its runs KILLED
 * @param recoverOrphansOnOpen whether opening marks orphaned runs KILLED
 */
public record MlopsConfig(Path home, String storeUrl, Map<String, String> storeProperties, MetadataStore metadataStore,
                          ArtifactStore artifactStore, List<MetadataStoreProvider> providers, String user, Clock clock,
                          Duration heartbeatInterval, Duration orphanTimeout, boolean recoverOrphansOnOpen) {
    public MlopsConfig {
        storeProperties = Map.copyOf(storeProperties);
        providers = List.copyOf(providers);
    }

    /** @return the store configuration handed to providers */
    public StoreConfig storeConfig() {
        return new StoreConfig(storeUrl, home, storeProperties);
    }
}
