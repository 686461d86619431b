package dev.mlops4j.spi;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Who makes a registry change, when and why: what a {@link RegistryStore} writes into the audit entry it appends in
 * the same transaction as the change.
 *
 * @param user who makes the change
 * @param at when (millisecond precision)
 * @param reason why, {@code ""} when the action needs no reason
 * @param details further facts for the audit entry (the store may add its own, e.g. the former status)
 */
public record RegistryChange(String user, Instant at, String reason, Map<String, String> details) {
    public RegistryChange {
        Objects.requireNonNull(user, "user");
        at = Instant.ofEpochMilli(Objects.requireNonNull(at, "at").toEpochMilli());
        Objects.requireNonNull(reason, "reason");
        details = Map.copyOf(Objects.requireNonNull(details, "details"));
    }

    /**
     * @param user who
     * @param at when
     * @param reason why
     * @return a change without details
     */
    public static RegistryChange of(String user, Instant at, String reason) {
        return new RegistryChange(user, at, reason, Map.of());
    }
}
