package dev.mlops4j.lineage;

/** The states of an {@link Execution}, named as ML Metadata names them. */
public enum ExecutionState {
    /** Known but not started (a step that was never reached). */
    NEW,
    /** Started and not yet ended. */
    RUNNING,
    /** Ended successfully; its outputs may be reused by a cache. */
    COMPLETE,
    /** Ended with an error. */
    FAILED,
    /** Not executed: the outputs of an earlier COMPLETE execution with the same cache key were reused. */
    CACHED,
    /**
     * Stopped because its pipeline run was cancelled. (Steps a cancelled run never started are reported CANCELED in
     * the pipeline's result but leave no execution record.)
     */
    CANCELED;

    /** @return true for the states an execution ends in */
    public boolean isTerminal() {
        return this != NEW && this != RUNNING;
    }
}
