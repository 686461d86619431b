package dev.mlops4j.core.internal.registry;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.mlops4j.Runs;
import dev.mlops4j.model.ClassAllowList;
import dev.mlops4j.model.LoadedModel;
import dev.mlops4j.model.ModelArtifacts;
import dev.mlops4j.model.ModelDescriptor;
import dev.mlops4j.model.ModelFiles;
import dev.mlops4j.model.ModelFlavors;
import dev.mlops4j.registry.ModelVersion;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Deserialized models of registered versions, cached by model name and version (and by the allow-list and flavors
 * they were loaded with, since another allow-list might refuse the same file). A version is immutable once
 * registered (its run has ended, so its artifacts cannot change), which makes the cache safe without invalidation.
 * Concurrent requests for one key load it once.
 */
final class ModelCache {
    /** Models are large; a registry serving more than a few versions at once is unusual. */
    static final int MAX_MODELS = 32;

    private record Key(String modelName, int version, ClassAllowList allowList, ModelFlavors flavors) {
    }

    private final Cache<Key, LoadedModel> cache = Caffeine.newBuilder().maximumSize(MAX_MODELS).build();
    private final Runs runs;
    private final Supplier<ModelFlavors> defaultFlavors;

    ModelCache(Runs runs, Supplier<ModelFlavors> defaultFlavors) {
        this.runs = runs;
        this.defaultFlavors = defaultFlavors;
    }

    /**
     * @param version the version to load
     * @param allowList the allow-list, or null for the flavor's default
     * @param flavors the flavors, or null for the discovered ones
     * @return the loaded model, from the cache if present
     */
    LoadedModel get(ModelVersion version, ClassAllowList allowList, ModelFlavors flavors) {
        Objects.requireNonNull(version, "version");
        Key key = new Key(version.modelName(), version.version(), allowList, flavors);
        return cache.get(key, k -> load(version, allowList, flavors != null ? flavors : defaultFlavors.get()));
    }

    private LoadedModel load(ModelVersion version, ClassAllowList allowList, ModelFlavors flavors) {
        ModelDescriptor descriptor = ModelArtifacts.descriptor(runs, version.runId(), version.artifactPath());
        return ModelArtifacts.load(descriptor, ModelFiles.ofRun(runs, version.runId(), version.artifactPath()),
                flavors, allowList);
    }

    void clear() {
        cache.invalidateAll();
    }
}
