package dev.mlops4j.registry;

import dev.mlops4j.InvalidInputException;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Selects audit entries: every given criterion must hold (absent ones select everything). Entries come back in
 * trail order (by {@link AuditEntry#sequence()}); page with {@link #afterSequence()}.
 *
 * <pre>{@code
 * List<AuditEntry> moves = registry.audit(AuditFilter.builder().model("wine").action(AuditAction.ALIAS_MOVED)
 *         .user("alice").since(Instant.parse("2024-05-01T00:00:00Z")).build());
 * }</pre>
 *
 * @param modelName only entries of this model, or {@code null}
 * @param version only entries of this version (needs {@code modelName}), or {@code null}
 * @param actions only these actions; empty for all
 * @param user only entries by this user, or {@code null}
 * @param since only entries at or after this time, or {@code null}
 * @param until only entries strictly before this time, or {@code null}
 * @param afterSequence only entries with a greater sequence number (0 from the start)
 * @param limit at most this many entries, 1 to {@value #MAX_LIMIT}
 */
public record AuditFilter(String modelName, Integer version, Set<AuditAction> actions, String user, Instant since,
                          Instant until, long afterSequence, int limit) {
    /** The largest page of audit entries. */
    public static final int MAX_LIMIT = 10_000;
    /** The page size when none is given. */
    public static final int DEFAULT_LIMIT = 1_000;

    public AuditFilter {
        if (modelName != null) {
            RegistryNames.checkModelName(modelName);
        }
        if (version != null) {
            if (modelName == null) {
                throw new InvalidInputException("an audit filter on version " + version + " needs the model name too");
            }
            RegistryNames.checkVersion(version);
        }
        actions = actions == null || actions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(actions));
        since = since == null ? null : Instant.ofEpochMilli(since.toEpochMilli());
        until = until == null ? null : Instant.ofEpochMilli(until.toEpochMilli());
        if (afterSequence < 0) {
            throw new InvalidInputException("afterSequence must be 0 or more, was " + afterSequence);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("audit limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
    }

    /** @return a filter selecting the first {@value #DEFAULT_LIMIT} entries of the whole trail */
    public static AuditFilter all() {
        return builder().build();
    }

    /** @return a builder selecting everything */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param entry an entry
     * @return true if it meets every criterion except the paging ones ({@link #afterSequence()} is checked too)
     */
    public boolean matches(AuditEntry entry) {
        return entry.sequence() > afterSequence
                && (modelName == null || modelName.equals(entry.modelName()))
                && (version == null || version.equals(entry.version()))
                && (actions.isEmpty() || actions.contains(entry.action()))
                && (user == null || user.equals(entry.user()))
                && (since == null || !entry.at().isBefore(since))
                && (until == null || entry.at().isBefore(until));
    }

    /**
     * @param lastSeen the last entry of the current page
     * @return the same filter for the entries after it
     */
    public AuditFilter after(AuditEntry lastSeen) {
        return new AuditFilter(modelName, version, actions, user, since, until, lastSeen.sequence(), limit);
    }

    /** Builds an {@link AuditFilter}; not thread-safe. */
    public static final class Builder {
        private String modelName;
        private Integer version;
        private final Set<AuditAction> actions = EnumSet.noneOf(AuditAction.class);
        private String user;
        private Instant since;
        private Instant until;
        private long afterSequence;
        private int limit = DEFAULT_LIMIT;

        private Builder() {
        }

        /** @param name a registered model @return this builder */
        public Builder model(String name) {
            this.modelName = Objects.requireNonNull(name, "name");
            return this;
        }

        /** @param name a registered model @param version one of its versions @return this builder */
        public Builder version(String name, int version) {
            this.modelName = Objects.requireNonNull(name, "name");
            this.version = version;
            return this;
        }

        /** @param first an action to include @param more further actions @return this builder */
        public Builder action(AuditAction first, AuditAction... more) {
            actions.add(Objects.requireNonNull(first, "action"));
            actions.addAll(Arrays.asList(more));
            return this;
        }

        /** @param user only entries by this user @return this builder */
        public Builder user(String user) {
            this.user = Objects.requireNonNull(user, "user");
            return this;
        }

        /** @param since only entries at or after this time @return this builder */
        public Builder since(Instant since) {
            this.since = Objects.requireNonNull(since, "since");
            return this;
        }

        /** @param until only entries before this time @return this builder */
        public Builder until(Instant until) {
            this.until = Objects.requireNonNull(until, "until");
            return this;
        }

        /** @param sequence only entries after this sequence number @return this builder */
        public Builder afterSequence(long sequence) {
            this.afterSequence = sequence;
            return this;
        }

        /** @param limit page size, 1 to {@value AuditFilter#MAX_LIMIT} @return this builder */
        public Builder limit(int limit) {
            this.limit = limit;
            return this;
        }

        /** @return the filter */
        public AuditFilter build() {
            return new AuditFilter(modelName, version, actions, user, since, until, afterSequence, limit);
        }
    }
}
