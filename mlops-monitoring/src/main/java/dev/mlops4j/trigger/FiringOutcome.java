package dev.mlops4j.trigger;

/** What became of a firing. Recorded with it (tag {@code trigger.outcome} of its run in the store). */
public enum FiringOutcome {
    /** Fired and waiting (queued behind a running action of the same target) or running. */
    PENDING,
    /** The action returned normally. */
    COMPLETED,
    /** The action threw; the error is recorded. */
    FAILED,
    /** Not run: its target was busy and the policy is {@link ConcurrencyPolicy#skip()}. */
    SKIPPED,
    /** Not run: its target's queue was full ({@link ConcurrencyPolicy#queue(int)}). */
    DROPPED,
    /** Interrupted or discarded because a newer firing replaced it ({@link ConcurrencyPolicy#replace()}). */
    REPLACED,
    /** Queued or running when the engine shut down; not run to its end. */
    CANCELLED;

    /** @return true once nothing more will happen to the firing */
    public boolean isFinal() {
        return this != PENDING;
    }
}
