package dev.mlops4j.trigger;

import java.util.List;

/**
 * Where a trigger engine keeps each trigger's state (one JSON document, written atomically) and records firings.
 * {@link MemoryTriggerStore} for tests and single-run programs, {@link MlopsTriggerStore} for durability.
 */
interface TriggerStore {

    /** @param trigger name @return the stored state document, or null */
    String loadState(String trigger);

    /** @param trigger name @param state the state document; durable when this returns */
    void saveState(String trigger, String state);

    /**
     * Records a new firing, PENDING.
     *
     * @param firing the firing
     * @param target its target
     * @return a token for {@link #end}
     */
    Object begin(Firing firing, String target);

    /**
     * Records what became of a firing.
     *
     * @param token from {@link #begin}
     * @param outcome the final outcome
     * @param error the action's failure, or null
     */
    void end(Object token, FiringOutcome outcome, Throwable error);

    /** @param trigger name @return its firings, oldest first */
    List<FiringRecord> history(String trigger);
}
