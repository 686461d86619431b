package dev.mlops4j.core.internal.registry;

import dev.mlops4j.registry.AuditEntry;
import dev.mlops4j.registry.RegistryEvent;
import dev.mlops4j.registry.RegistryListener;
import dev.mlops4j.registry.Subscription;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The listeners of one registry; delivers committed changes synchronously, isolating listener failures. */
final class Listeners {
    private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);

    private final List<RegistryListener> listeners = new CopyOnWriteArrayList<>();

    Subscription add(RegistryListener listener) {
        Objects.requireNonNull(listener, "listener");
        listeners.add(listener);
        return new Subscription() {
            private volatile boolean closed;

            @Override
            public void close() {
                if (!closed) {
                    closed = true;
                    // Removes one registration of the listener (it may have been added more than once).
                    listeners.remove(listener);
                }
            }

            @Override
            public String toString() {
                return "Subscription[" + listener + (closed ? ", closed" : "") + "]";
            }
        };
    }

    /** Delivers one event per audit entry, in order. A listener that throws is logged; the change stands. */
    void fire(List<AuditEntry> entries) {
        for (AuditEntry entry : entries) {
            RegistryEvent event = RegistryEvent.of(entry);
            for (RegistryListener l : listeners) {
                try {
                    l.onEvent(event);
                } catch (RuntimeException e) {
                    LOG.warn("registry listener {} failed on {}; the change stands: {}", l, entry, e.toString(), e);
                }
            }
        }
    }

    void clear() {
        listeners.clear();
    }
}
