package dev.mlops4j.tracking;

/**
 * Lifecycle state of a run. A run starts {@link #RUNNING} and ends exactly once in one of the
 * terminal states; an ended run accepts no more params, metrics, tags or artifacts.
 */
public enum RunStatus {
    /** The run is open and accepts writes. */
    RUNNING,
    /** The run ended normally. */
    FINISHED,
    /** The run's body threw, or the caller marked it failed. */
    FAILED,
    /** The run was stopped from outside, or its process died and a later open found it orphaned. */
    KILLED;

    /** @return true for FINISHED, FAILED and KILLED */
    public boolean isTerminal() {
        return this != RUNNING;
    }
}
