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
     * Stopped, or never started, because its pipeline run was cancelled or another step failed; the execution's
     * {@code reason} (never started) or {@code error} (stopped) property says which.
     */
    CANCELED;

    /** @return true for the states an execution ends in */
    public boolean isTerminal() {
        return this != NEW && this != RUNNING;
    }

    /**
     * The lifecycle an execution follows: NEW, then RUNNING, then one terminal state, each step forward only (a
     * state may be skipped: a cache hit is recorded CACHED directly). An execution that has ended never changes.
     *
     * @param next the state to move to
     * @return true if an execution in this state may move to {@code next}
     */
    public boolean canMoveTo(ExecutionState next) {
        return switch (this) {
            case NEW -> next != NEW;
            case RUNNING -> next.isTerminal();
            default -> false;
        };
    }
}
