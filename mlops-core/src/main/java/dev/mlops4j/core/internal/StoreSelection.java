package dev.mlops4j.core.internal;

import dev.mlops4j.MlopsException;
import dev.mlops4j.StoreConfigurationException;
import dev.mlops4j.StoreException;
import dev.mlops4j.spi.MetadataStore;
import dev.mlops4j.spi.MetadataStoreProvider;
import dev.mlops4j.spi.MlopsConfig;
import dev.mlops4j.spi.StoreConfig;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses and opens the metadata store: an already-open store from the configuration, else the best provider
 * registered explicitly, else the best provider found by {@link ServiceLoader}. A provider that cannot be loaded or
 * whose {@code accepts} throws is logged and skipped, so one broken jar cannot hide a working store; when no
 * provider accepts, the failure lists every provider seen, because silently using some other store could lose
 * metadata.
 */
final class StoreSelection {
    private static final Logger LOG = LoggerFactory.getLogger(StoreSelection.class);
    /** A class path whose service files keep failing is broken beyond skipping; stop rather than loop. */
    private static final int MAX_LOAD_FAILURES = 100;

    /**
     * The chosen store.
     *
     * @param store the open store
     * @param owned true if this engine opened it and must close it
     * @param origin how it was chosen, for logs
     */
    record Selected(MetadataStore store, boolean owned, String origin) {
    }

    private StoreSelection() {
    }

    static Selected select(MlopsConfig config) {
        if (config.metadataStore() != null) {
            LOG.info("mlops4j uses the metadata store given to the builder: {}", config.metadataStore().description());
            return new Selected(config.metadataStore(), false, "given to the builder");
        }
        StoreConfig storeConfig = config.storeConfig();
        List<String> seen = new ArrayList<>();
        MetadataStoreProvider chosen = best(config.providers(), "explicit", storeConfig, seen);
        if (chosen == null) {
            List<MetadataStoreProvider> discovered = discover(seen);
            chosen = best(discovered, "discovered", storeConfig, seen);
        }
        if (chosen == null) {
            throw new StoreConfigurationException(noProviderMessage(storeConfig, seen));
        }
        String origin = "provider '" + chosen.id() + "' (" + chosen.getClass().getName() + ", priority "
                + chosen.priority() + ")";
        LOG.info("mlops4j opens the metadata store for {} with {}; providers seen: {}", storeConfig, origin, seen);
        MetadataStore store;
        try {
            store = chosen.open(storeConfig);
        } catch (MlopsException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new StoreException("store " + origin + " failed to open " + storeConfig + ": " + e, e);
        }
        if (store == null) {
            throw new StoreException("store " + origin + " returned no store for " + storeConfig
                    + "; the provider is defective");
        }
        return new Selected(store, true, origin);
    }

    /** Loads the providers on the class path, recording each one that fails to load in {@code seen}. */
    static List<MetadataStoreProvider> discover(List<String> seen) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = StoreSelection.class.getClassLoader();
        }
        List<MetadataStoreProvider> found = new ArrayList<>();
        Iterator<MetadataStoreProvider> it = ServiceLoader.load(MetadataStoreProvider.class, loader).iterator();
        int failures = 0;
        while (failures < MAX_LOAD_FAILURES) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                found.add(it.next());
            } catch (ServiceConfigurationError | LinkageError e) {
                failures++;
                String why = e + (e.getCause() == null ? "" : ", caused by " + e.getCause());
                LOG.warn("skipping a metadata store provider that cannot be loaded: {}", why);
                seen.add("a provider that failed to load (discovered): " + why);
            }
        }
        return found;
    }

    /**
     * @return the accepting provider with the highest priority (the first of equals), or null if none accepts
     */
    private static MetadataStoreProvider best(List<MetadataStoreProvider> providers, String kind, StoreConfig config,
                                              List<String> seen) {
        MetadataStoreProvider best = null;
        int bestPriority = Integer.MIN_VALUE;
        for (MetadataStoreProvider p : providers) {
            String name = describe(p, kind);
            boolean accepts;
            int priority;
            try {
                accepts = p.accepts(config);
                priority = accepts ? p.priority() : 0;
            } catch (RuntimeException | LinkageError e) {
                LOG.warn("skipping metadata store {}: accepts() failed: {}", name, e.toString());
                seen.add(name + ": accepts() threw " + e);
                continue;
            }
            seen.add(name + (accepts ? ": accepts, priority " + priority : ": does not accept"));
            if (accepts && (best == null || priority > bestPriority)) {
                best = p;
                bestPriority = priority;
            }
        }
        return best;
    }

    private static String describe(MetadataStoreProvider p, String kind) {
        String id;
        try {
            id = p.id();
        } catch (RuntimeException e) {
            id = "(id() threw " + e + ")";
        }
        return "'" + id + "' (" + p.getClass().getName() + ", " + kind + ")";
    }

    private static String noProviderMessage(StoreConfig config, List<String> seen) {
        StringBuilder sb = new StringBuilder("no metadata store provider accepts ").append(config).append('.');
        if (seen.isEmpty()) {
            sb.append(" No provider was found at all.");
        } else {
            sb.append(" Providers seen:");
            seen.forEach(s -> sb.append("\n  - ").append(s));
            sb.append('\n');
        }
        String url = config.url();
        if (url == null || url.startsWith("jdbc:h2:")) {
            sb.append(" The embedded default store (H2) needs the dependency dev.mlops4j:mlops-h2-store on the class"
                    + " path; for a store in memory use Mlops.inMemory().");
        } else if (url.equals(StoreConfig.IN_MEMORY_URL)) {
            sb.append(" The in-memory store is provided by dev.mlops4j:mlops-core; put it on the class path.");
        } else {
            sb.append(" Add the dependency of a store provider for '").append(url).append("' (dev.mlops4j:mlops-h2-store"
                    + " handles jdbc:h2: URLs), or register one with Mlops.builder().storeProvider(...).");
        }
        return sb.toString();
    }
}
