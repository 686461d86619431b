package dev.mlops4j.registry;

/** A registered {@link RegistryListener}; closing it stops the deliveries. */
public interface Subscription extends AutoCloseable {

    /** Removes the listener. Idempotent. */
    @Override
    void close();
}
