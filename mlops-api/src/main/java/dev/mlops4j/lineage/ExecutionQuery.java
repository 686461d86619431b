package dev.mlops4j.lineage;

import dev.mlops4j.InvalidInputException;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which executions to list; every criterion that is {@code null} (or an empty state set) matches everything. Results
 * are ordered newest first: by start time descending, then id.
 *
 * @param contextId only executions in this context, or null
 * @param type exact type, or null
 * @param cacheKey exact cache key, or null
 * @param states only these states; empty for all
 * @param limit at most this many (1 to 100000)
 */
public record ExecutionQuery(String contextId, String type, String cacheKey, Set<ExecutionState> states, int limit) {

    /** Checks the limit and copies the states. */
    public ExecutionQuery {
        if (limit < 1 || limit > ArtifactQuery.MAX_LIMIT) {
            throw new InvalidInputException("limit must be between 1 and " + ArtifactQuery.MAX_LIMIT + ", not "
                    + limit);
        }
        states = states.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(states));
    }

    /** @return a query matching every execution, up to the largest limit */
    public static ExecutionQuery all() {
        return new ExecutionQuery(null, null, null, Set.of(), ArtifactQuery.MAX_LIMIT);
    }

    /** @param value context id @return a copy restricted to that context */
    public ExecutionQuery inContext(String value) {
        return new ExecutionQuery(value, type, cacheKey, states, limit);
    }

    /** @param value type @return a copy restricted to that type */
    public ExecutionQuery withType(String value) {
        return new ExecutionQuery(contextId, value, cacheKey, states, limit);
    }

    /** @param value cache key @return a copy restricted to that key */
    public ExecutionQuery withCacheKey(String value) {
        return new ExecutionQuery(contextId, type, value, states, limit);
    }

    /** @param first a state @param more more states @return a copy restricted to those states */
    public ExecutionQuery withStates(ExecutionState first, ExecutionState... more) {
        return new ExecutionQuery(contextId, type, cacheKey, EnumSet.of(first, more), limit);
    }

    /** @param value the limit @return a copy with that limit */
    public ExecutionQuery withLimit(int value) {
        return new ExecutionQuery(contextId, type, cacheKey, states, value);
    }
}
