package dev.mlops4j.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * A process instance (one open {@code Mlops}) that owns RUNNING runs. Its heartbeat lets a later
 * process tell a live owner from a dead one, so that runs never stay RUNNING forever.
 *
 * @param ownerId unique id of the instance
 * @param host host name
 * @param pid operating-system process id
 * @param startedAt when the instance opened the store
 * @param lastHeartbeat last time it proved alive
 */
public record OwnerInfo(String ownerId, String host, long pid, Instant startedAt, Instant lastHeartbeat) {
    public OwnerInfo {
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(host, "host");
        startedAt = Instant.ofEpochMilli(startedAt.toEpochMilli());
        lastHeartbeat = Instant.ofEpochMilli(lastHeartbeat.toEpochMilli());
    }
}
