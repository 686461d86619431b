package dev.mlops4j.lineage;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A group of executions: one pipeline run ({@link #PIPELINE_RUN}), every run of a pipeline ({@link #PIPELINE}), an
 * experiment ({@link #EXPERIMENT}), or any other grouping. Unique by type and name.
 *
 * @param id 32 hex characters
 * @param type the kind of group
 * @param name the group's name, unique within its type
 * @param createdAt when it was first recorded
 */
public record Context(String id, String type, String name, Instant createdAt) {
    /** The context of one pipeline run; its name is the pipeline's tracking run id. */
    public static final String PIPELINE_RUN = "pipeline_run";
    /** The context of every run of one pipeline; its name is the pipeline's name. */
    public static final String PIPELINE = "pipeline";
    /** The context of an experiment; its name is the experiment's name. */
    public static final String EXPERIMENT = "experiment";

    /** Checks every component. */
    public Context {
        Ids.id("context id", id);
        Ids.text("context type", type, false);
        Ids.text("context name", name, false);
        createdAt = Objects.requireNonNull(createdAt, "createdAt").truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * @param type the kind of group
     * @param name its name
     * @param now creation time
     * @return a new context with a new id (time-ordered, then random)
     */
    public static Context create(String type, String name, Instant now) {
        return new Context(Ids.newId(), type, name, now);
    }
}
