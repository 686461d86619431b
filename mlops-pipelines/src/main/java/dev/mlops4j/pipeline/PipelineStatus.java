package dev.mlops4j.pipeline;

/** How a pipeline run ended. */
public enum PipelineStatus {
    /** Every step completed or was cached. */
    SUCCEEDED,
    /** A step failed. */
    FAILED,
    /** The run was cancelled. */
    CANCELED
}
